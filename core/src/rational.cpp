#include "covalue/core/rational.hpp"

#include <cctype>
#include <string>

#include "covalue/core/text.hpp"

namespace covalue::core {
namespace {

bool all_digits(std::string_view text) {
  if (text.empty()) {
    return false;
  }
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) {
      return false;
    }
  }
  return true;
}

Error bad_number(std::string_view text) {
  return make_error(ErrorKind::kInvalidInput, "not a number: " + quote_excerpt(text));
}

// Parses an unsigned decimal "123", "12.5", "12,5", ".5" into an exact rational.
Result<Rational> parse_unsigned_decimal(std::string_view text) {
  const auto point = text.find_first_of(".,");
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction = point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
  if ((whole.empty() && fraction.empty()) || (!whole.empty() && !all_digits(whole)) ||
      (point != std::string_view::npos && !fraction.empty() && !all_digits(fraction)) ||
      (point != std::string_view::npos && whole.empty() && fraction.empty())) {
    return bad_number(text);
  }
  Integer numerator(std::string(whole.empty() ? std::string_view("0") : whole) + std::string(fraction), 10);
  Integer denominator;
  mpz_ui_pow_ui(denominator.get_mpz_t(), 10, fraction.size());
  Rational value(numerator, denominator);
  value.canonicalize();
  return value;
}

}  // namespace

Result<Rational> parse_rational(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.remove_suffix(1);
  }
  const std::string_view original = text;
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (text.empty() || text.size() > 4096) {
    return bad_number(original);
  }
  Rational value;
  if (const auto slash = text.find('/'); slash != std::string_view::npos) {
    const auto num = text.substr(0, slash);
    const auto den = text.substr(slash + 1);
    if (!all_digits(num) || !all_digits(den)) {
      return bad_number(original);
    }
    Integer d{std::string(den), 10};
    if (d == 0) {
      return make_error(ErrorKind::kInvalidInput, "zero denominator: " + quote_excerpt(original));
    }
    value = Rational(Integer(std::string(num), 10), d);
    value.canonicalize();
  } else {
    const auto e = text.find_first_of("eE");
    auto mantissa = parse_unsigned_decimal(text.substr(0, e));
    if (!mantissa.ok()) {
      return bad_number(original);
    }
    value = *mantissa;
    if (e != std::string_view::npos) {
      std::string_view exp_text = text.substr(e + 1);
      bool exp_negative = false;
      if (!exp_text.empty() && (exp_text.front() == '-' || exp_text.front() == '+')) {
        exp_negative = exp_text.front() == '-';
        exp_text.remove_prefix(1);
      }
      if (!all_digits(exp_text) || exp_text.size() > 3) {
        return bad_number(original);
      }
      Integer scale;
      mpz_ui_pow_ui(scale.get_mpz_t(), 10, std::stoul(std::string(exp_text)));
      value = exp_negative ? Rational(value / scale) : Rational(value * scale);
    }
  }
  if (negative) {
    value = -value;
  }
  return value;
}

Result<Rational> parse_exact_number(std::string_view text) {
  const std::string_view original = text;
  const auto refuse = [&](const std::string& why) {
    return make_error(ErrorKind::kInvalidInput,
                      why + ": " + quote_excerpt(original) + " (numbers are written like 12, -3, 12.5 or 7/2)");
  };
  if (!text.empty() && text.front() == '-') {
    text.remove_prefix(1);
  }
  const std::size_t mark = text.find_first_of("./");
  const std::string_view whole = text.substr(0, mark);
  const std::string_view rest = mark == std::string_view::npos ? std::string_view() : text.substr(mark + 1);
  if (!all_digits(whole) || (mark != std::string_view::npos && !all_digits(rest))) {
    return refuse("not a number");
  }
  if (mark != std::string_view::npos && text[mark] == '/') {
    Integer denominator(std::string(rest), 10);
    if (denominator == 0) {
      return refuse("a zero denominator");
    }
    Rational value(Integer(std::string(whole), 10), denominator);
    value.canonicalize();
    return original.front() == '-' ? Rational(-value) : value;
  }
  Result<Rational> value = parse_unsigned_decimal(text);
  if (!value) {
    return refuse("not a number");
  }
  return original.front() == '-' ? Rational(-*value) : *value;
}

std::string to_string(const Rational& value) { return value.get_str(); }

std::string to_decimal_string(const Rational& value) {
  Integer den = value.get_den();
  unsigned twos = 0;
  unsigned fives = 0;
  while (mpz_divisible_ui_p(den.get_mpz_t(), 2) != 0) {
    den /= 2;
    ++twos;
  }
  while (mpz_divisible_ui_p(den.get_mpz_t(), 5) != 0) {
    den /= 5;
    ++fives;
  }
  if (den != 1) {
    return value.get_str();
  }
  const unsigned digits = twos > fives ? twos : fives;
  if (digits == 0) {
    return value.get_num().get_str();
  }
  Integer scale;
  mpz_ui_pow_ui(scale.get_mpz_t(), 10, digits);
  Integer scaled = value.get_num() * scale / value.get_den();
  const bool negative = scaled < 0;
  std::string text = (negative ? Integer(-scaled) : scaled).get_str();
  if (text.size() <= digits) {
    text.insert(0, digits + 1 - text.size(), '0');
  }
  text.insert(text.size() - digits, ".");
  return negative ? "-" + text : text;
}

double to_double(const Rational& value) { return value.get_d(); }

}  // namespace covalue::core
