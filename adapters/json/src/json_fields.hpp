#pragma once

// Reading JSON objects field by field, every error naming the JSON path of the value at fault.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "covalue/core/rational.hpp"
#include "covalue/core/result.hpp"

namespace covalue::adapters::json {

//! True for a JSON integer that is not negative.
[[nodiscard]] bool is_unsigned(const nlohmann::json& node);

//! Reads the members of one JSON object. The first error wins: later reads return defaults and
//! finish() returns that error, so a decoder reads every field and checks once.
class FieldReader {
 public:
  //! Reads `node`, which sits at `path` ("$.partners[2]"); records an error when it is not an object.
  FieldReader(const nlohmann::json& node, std::string path);

  //! True while no read has failed.
  [[nodiscard]] bool ok() const { return !error_; }
  //! The first error; only valid when !ok().
  [[nodiscard]] const core::Error& error() const { return *error_; }
  //! Records `error` unless an earlier one is recorded; returns false (to stop a loop).
  bool fail(core::Error error);
  //! `value` when every read worked, else the first error.
  template <typename T>
  [[nodiscard]] core::Result<T> finish(T value) const {
    if (error_) {
      return *error_;
    }
    return value;
  }

  //! A required string member.
  [[nodiscard]] std::string text(const char* key);
  //! A string member, or `fallback` when absent.
  [[nodiscard]] std::string optional_text(const char* key, std::string fallback);
  //! A required exact rational (a string such as "-7/3", or an integer).
  [[nodiscard]] core::Rational rational(const char* key);
  //! A rational member; nothing when absent or null.
  [[nodiscard]] std::optional<core::Rational> optional_rational(const char* key);
  //! A required signed integer member.
  [[nodiscard]] std::int64_t integer(const char* key);
  //! A signed integer member; nothing when absent or null.
  [[nodiscard]] std::optional<std::int64_t> optional_integer(const char* key);
  //! A required boolean member.
  [[nodiscard]] bool boolean(const char* key);
  //! An array member of integer ids (absent: none).
  [[nodiscard]] std::vector<std::int64_t> ids(const char* key);

  //! A non-negative integer member that fits T, or `fallback` when absent.
  template <typename T>
  [[nodiscard]] T optional_unsigned(const char* key, T fallback) {
    const nlohmann::json* node = member(key);
    if (node == nullptr) {
      return fallback;
    }
    if (!is_unsigned(*node) || node->get<std::uint64_t>() > std::numeric_limits<T>::max()) {
      fail(core::make_error(core::ErrorKind::kInvalidInput, "expected a non-negative integer", at(key)));
      return fallback;
    }
    return node->get<T>();
  }

  //! A required member decoded by `codec.read(node, path)` (a ProjectCodec, ...).
  template <typename Codec>
  [[nodiscard]] auto read(const char* key, const Codec& codec) {
    using T = std::decay_t<decltype(*codec.read(std::declval<const nlohmann::json&>(), std::string()))>;
    const nlohmann::json* node = member(key);
    auto value = codec.read(node == nullptr ? nlohmann::json() : *node, at(key));
    if (!value.ok()) {
      fail(value.error());
      return T{};
    }
    return std::move(value).value();
  }

  //! A required enum member written by its name, parsed by `parse` ("tier" with core::parse_name<Tier>, ...).
  template <typename T>
  [[nodiscard]] T name(const char* key, core::Result<T> (*parse)(std::string_view)) {
    const std::string word = text(key);
    if (!ok()) {
      return T{};
    }
    auto value = parse(word);
    if (!value.ok()) {
      fail(core::make_error(core::ErrorKind::kInvalidInput, value.error().message, at(key)));
      return T{};
    }
    return *value;
  }

  //! Calls `visit(item, path)` on every item of an array member (absent: none) until it returns false.
  template <typename Visit>
  void each(const char* key, Visit visit) {
    const nlohmann::json* node = member(key);
    if (node == nullptr) {
      return;
    }
    if (!node->is_array()) {
      fail(core::make_error(core::ErrorKind::kInvalidInput, "expected an array", at(key)));
      return;
    }
    for (std::size_t i = 0; i < node->size() && ok(); ++i) {
      if (!visit((*node)[i], at(key) + "[" + std::to_string(i) + "]")) {
        return;
      }
    }
  }

  //! The path of a member ("$.partners[2].weight").
  [[nodiscard]] std::string at(const char* key) const { return path_ + "." + key; }

 private:
  // The member, or nullptr when it is absent (or this reader already failed).
  [[nodiscard]] const nlohmann::json* member(const char* key) const;

  const nlohmann::json& node_;
  std::string path_;
  std::optional<core::Error> error_;
};

}  // namespace covalue::adapters::json
