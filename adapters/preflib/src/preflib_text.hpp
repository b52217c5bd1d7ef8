#pragma once

// Small text helpers shared by the PrefLib reader's translation units.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "covalue/core/result.hpp"

namespace covalue::adapters::preflib {

//! A 1-based line and column (in bytes) of the input.
struct TextPosition {
  std::size_t line{1};
  std::size_t column{1};
};

//! Builds kInvalidInput errors located at "source:line:column".
class ErrorSite {
 public:
  explicit ErrorSite(std::string_view source) : source_(source) {}
  //! The error `message` at `at`.
  [[nodiscard]] core::Error at(TextPosition at, std::string message) const;

 private:
  std::string source_;
};

//! The text without leading and trailing blanks (space, tab, CR, VT, FF).
[[nodiscard]] std::string_view trim_blanks(std::string_view text);

//! A non-empty run of decimal digits read as a number no larger than `max`; nullopt otherwise.
[[nodiscard]] std::optional<std::int64_t> parse_bounded(std::string_view digits, std::int64_t max);

}  // namespace covalue::adapters::preflib
