#include "preflib_text.hpp"

namespace covalue::adapters::preflib {

core::Error ErrorSite::at(TextPosition at, std::string message) const {
  return core::make_error(core::ErrorKind::kInvalidInput, std::move(message),
                          source_ + ":" + std::to_string(at.line) + ":" + std::to_string(at.column));
}

std::string_view trim_blanks(std::string_view text) {
  constexpr std::string_view kBlanks = " \t\r\v\f";
  const std::size_t first = text.find_first_not_of(kBlanks);
  if (first == std::string_view::npos) {
    return {};
  }
  const std::size_t last = text.find_last_not_of(kBlanks);
  return text.substr(first, last - first + 1);
}

std::optional<std::int64_t> parse_bounded(std::string_view digits, std::int64_t max) {
  if (digits.empty()) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  for (const char ch : digits) {
    if (ch < '0' || ch > '9') {
      return std::nullopt;
    }
    const int digit = ch - '0';
    if (value > max / 10 || value * 10 > max - digit) {
      return std::nullopt;
    }
    value = (value * 10) + digit;
  }
  return value;
}

}  // namespace covalue::adapters::preflib
