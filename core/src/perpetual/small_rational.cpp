#include "small_rational.hpp"

#include <cmath>

#include "exact_number.hpp"

namespace covalue::core::perpetual::detail {
namespace {

// Integers up to 2^53 are exact doubles.
constexpr std::int64_t kExactDoubleLimit = std::int64_t{1} << 53;
constexpr int kDoubleMantissaBits = 53;
constexpr int kWideBits = 127;

int bit_length(UInt128 value) {
  int bits = 0;
  while (value != 0) {
    value >>= 1;
    ++bits;
  }
  return bits;
}

int compare_unsigned(UInt128 a, UInt128 b) { return a < b ? -1 : (a > b ? 1 : 0); }

}  // namespace

double nearest_double(const SmallRational& value) {
  if (value.num() > -kExactDoubleLimit && value.num() < kExactDoubleLimit && value.den() < kExactDoubleLimit) {
    return static_cast<double>(value.num()) / static_cast<double>(value.den());  // exact operands: rounds correctly
  }
  return nearest_double(exact_value(value));
}

int compare_exact(double left, const SmallRational& right) {
  const int left_sign = left > 0 ? 1 : (left < 0 ? -1 : 0);
  const int right_sign = right.num() > 0 ? 1 : (right.num() < 0 ? -1 : 0);
  if (left_sign != right_sign) {
    return left_sign < right_sign ? -1 : 1;
  }
  if (left_sign == 0) {
    return 0;
  }
  // |left| = mantissa * 2^exponent exactly; compare mantissa * den * 2^exponent with |num|.
  int exponent = 0;
  const double fraction = std::frexp(std::fabs(left), &exponent);
  const auto mantissa = static_cast<std::uint64_t>(std::ldexp(fraction, kDoubleMantissaBits));
  exponent -= kDoubleMantissaBits;
  const UInt128 scaled = static_cast<UInt128>(mantissa) * static_cast<std::uint64_t>(right.den());
  const UInt128 magnitude =
      right.num() < 0 ? static_cast<UInt128>(-Int128(right.num())) : static_cast<UInt128>(right.num());
  int order = 0;
  if (exponent >= 0) {
    order = bit_length(scaled) + exponent > kWideBits ? 1 : compare_unsigned(scaled << exponent, magnitude);
  } else {
    const int shift = -exponent;
    order = bit_length(magnitude) + shift > kWideBits ? -1 : compare_unsigned(scaled, magnitude << shift);
  }
  return left_sign > 0 ? order : -order;
}

}  // namespace covalue::core::perpetual::detail
