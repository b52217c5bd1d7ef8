#include "covalue/program/limits.hpp"

namespace covalue::program {

core::Status check_text_field(const std::string& text, const TextField& field, const std::string& where,
                              bool required) {
  if (required && text.empty()) {
    return core::make_error(core::ErrorKind::kInvalidInput, std::string("is empty: give ") + field.what, where);
  }
  return core::check_text(text, field.shape, field.max_chars, where);
}

core::Status check_amount(const core::Rational& value, AmountSign sign, const std::string& where) {
  const auto refuse = [&](const std::string& why) {
    return core::make_error(core::ErrorKind::kInvalidInput,
                            why + ", got " + core::quote_excerpt(core::to_string(value)), where);
  };
  if (sign == AmountSign::kPositive && sgn(value) <= 0) {
    return refuse("must be > 0");
  }
  if (sign == AmountSign::kNonNegative && sgn(value) < 0) {
    return refuse("must be >= 0");
  }
  if (abs(value) > core::Rational(kMaxAmount)) {
    return refuse("must be at most " + std::to_string(kMaxAmount) + " in magnitude");
  }
  if (value.get_den() > kMaxDenominator) {
    return refuse(
        "has more precision than covalue keeps: at most 6 decimal places, or a fraction with a "
        "denominator up to " +
        std::to_string(kMaxDenominator));
  }
  return {};
}

}  // namespace covalue::program
