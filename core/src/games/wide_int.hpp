#pragma once

#include <cstdint>

#include "covalue/core/rational.hpp"

// Machine integers for the hot loops of the games module, and their exact GMP counterparts. Every loop is
// a template on `Int` (std::int64_t when the caller proved that no sum can overflow, Integer otherwise);
// its accumulators use WideOf<Int> (128 bits, or Integer).
namespace covalue::core::games::detail {

__extension__ typedef __int128 Int128;            //!< a signed 128-bit accumulator
__extension__ typedef unsigned __int128 UInt128;  //!< an unsigned 128-bit product

//! Magnitudes below 2^kMachineBits keep every sum of a subgame (and twice it) inside std::int64_t.
inline constexpr unsigned kMachineBits = 61;

//! The accumulator type of an Int: 128 bits for machine integers, Integer for Integer.
template <typename Int>
struct Wide {
  using Type = Int128;
};
//! Integer accumulates in Integer.
template <>
struct Wide<Integer> {
  using Type = Integer;
};
//! Shorthand for the accumulator type of Int.
template <typename Int>
using WideOf = typename Wide<Int>::Type;

//! The exact value of a 128-bit integer.
[[nodiscard]] Integer to_integer(Int128 value);
//! The exact value of a machine integer.
[[nodiscard]] inline Integer to_integer(std::int64_t value) { return Integer(static_cast<signed long>(value)); }
//! The same integer (lets templates convert either accumulator type).
[[nodiscard]] inline Integer to_integer(const Integer& value) { return value; }
//! The value as a machine integer; only valid when it fits (callers check with fits_bits first).
[[nodiscard]] inline std::int64_t to_machine(const Integer& value) { return value.get_si(); }
//! True when |value| < 2^bits.
[[nodiscard]] inline bool fits_bits(const Integer& value, unsigned bits) {
  return mpz_sizeinbase(value.get_mpz_t(), 2) <= bits;
}
//! numerator / denominator in canonical form (denominator != 0).
[[nodiscard]] inline Rational make_rational(const Integer& numerator, const Integer& denominator) {
  Rational value(numerator, denominator);
  value.canonicalize();
  return value;
}
//! An approximate double, for the statistics of the sampler only.
[[nodiscard]] inline double approximate(std::int64_t value) { return static_cast<double>(value); }
//! An approximate double, for the statistics of the sampler only.
[[nodiscard]] inline double approximate(const Integer& value) { return value.get_d(); }

//! out[m] += max(0, high + table[m]) for m < count (machine integers: branch-free).
inline void add_positive_parts(std::int64_t* out, std::int64_t high, const std::int64_t* table, std::size_t count) {
  for (std::size_t m = 0; m < count; ++m) {
    const std::int64_t sum = high + table[m];
    out[m] += sum > 0 ? sum : 0;
  }
}
//! out[m] += max(0, high + table[m]) for m < count (exact integers).
inline void add_positive_parts(Integer* out, const Integer& high, const Integer* table, std::size_t count) {
  Integer sum;
  for (std::size_t m = 0; m < count; ++m) {
    sum = high + table[m];
    if (sgn(sum) > 0) {
      out[m] += sum;
    }
  }
}

//! max(0, value) of a machine integer.
[[nodiscard]] inline std::int64_t positive_part(std::int64_t value) { return value > 0 ? value : 0; }
//! max(0, value) of an exact integer.
[[nodiscard]] inline Integer positive_part(const Integer& value) { return sgn(value) > 0 ? value : Integer(0); }

}  // namespace covalue::core::games::detail
