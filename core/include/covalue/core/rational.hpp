#pragma once

#include <gmpxx.h>

#include <string>
#include <string_view>

#include "covalue/core/result.hpp"

namespace covalue::core {

//! Exact rational number: the arithmetic of every rule.
using Rational = mpq_class;
//! Exact integer of unbounded size.
using Integer = mpz_class;

//! Parses "12", "-3", "12.50", "12,5" (comma as decimal point), "1e3", or "7/3" exactly.
[[nodiscard]] Result<Rational> parse_rational(std::string_view text);

//! The one grammar of the numbers people send to covalue (API bodies, CLI flags): an optional '-',
//! digits, then optionally '.' and digits or '/' and digits ("12", "-3", "12.50", "7/2"); no '+', no
//! spaces, no exponent, no comma, no zero denominator. The error quotes a short excerpt of the text.
//! (Files in other formats keep their own grammar: parse_rational.) How large or fine a number people
//! may send is the program's business (program/limits.hpp); stored records read back any size.
[[nodiscard]] Result<Rational> parse_exact_number(std::string_view text);
//! The grammar of parse_exact_number as a regular expression, for documents (OpenAPI).
inline constexpr const char* kExactNumberPattern = "^-?[0-9]+([.][0-9]+|/[0-9]+)?$";

//! Canonical text of a rational: "12", "-3/4"; parse_rational reads it back exactly.
[[nodiscard]] std::string to_string(const Rational& value);

//! Decimal text when the value has a finite decimal expansion ("12.5"), else the fraction form.
[[nodiscard]] std::string to_decimal_string(const Rational& value);

//! An approximate double, for display only.
[[nodiscard]] double to_double(const Rational& value);

}  // namespace covalue::core
