#pragma once

#include <cstdint>
#include <limits>

#include "covalue/core/rational.hpp"

// An exact rational in machine words for the experiment's hot loop: numerator and denominator in 64 bits,
// products in 128. A result that does not fit is marked (and every value computed from it): the caller
// then decides the history again in Rational, so the answers are exact either way.
namespace covalue::core::perpetual::detail {

__extension__ typedef __int128 Int128;            //!< a signed 128-bit intermediate
__extension__ typedef unsigned __int128 UInt128;  //!< an unsigned 128-bit intermediate

//! num/den in lowest terms, den > 0; `overflow` once any step did not fit.
class SmallRational {
 public:
  SmallRational() = default;
  SmallRational(std::int64_t value) : num_(value) {}  // NOLINT(google-explicit-constructor): like Rational(int)

  [[nodiscard]] std::int64_t num() const { return num_; }
  [[nodiscard]] std::int64_t den() const { return den_; }
  [[nodiscard]] bool overflow() const { return overflow_; }

  friend SmallRational operator+(const SmallRational& a, const SmallRational& b) {
    if (a.den_ == 1 && b.den_ == 1) {
      std::int64_t sum = 0;
      const bool over = __builtin_add_overflow(a.num_, b.num_, &sum);
      return whole(sum, over || a.overflow_ || b.overflow_);
    }
    return make(Int128(a.num_) * b.den_ + Int128(b.num_) * a.den_, Int128(a.den_) * b.den_, a.overflow_ || b.overflow_);
  }
  friend SmallRational operator-(const SmallRational& a, const SmallRational& b) {
    if (a.den_ == 1 && b.den_ == 1) {
      std::int64_t difference = 0;
      const bool over = __builtin_sub_overflow(a.num_, b.num_, &difference);
      return whole(difference, over || a.overflow_ || b.overflow_);
    }
    return make(Int128(a.num_) * b.den_ - Int128(b.num_) * a.den_, Int128(a.den_) * b.den_, a.overflow_ || b.overflow_);
  }
  friend SmallRational operator*(const SmallRational& a, const SmallRational& b) {
    return make(Int128(a.num_) * b.num_, Int128(a.den_) * b.den_, a.overflow_ || b.overflow_);
  }
  friend SmallRational operator/(const SmallRational& a, const SmallRational& b) {
    if (b.num_ == 0) {
      return whole(0, true);
    }
    return make(Int128(a.num_) * b.den_, Int128(a.den_) * b.num_, a.overflow_ || b.overflow_);
  }
  SmallRational& operator+=(const SmallRational& other) { return *this = *this + other; }
  SmallRational& operator-=(const SmallRational& other) { return *this = *this - other; }

  friend bool operator==(const SmallRational& a, const SmallRational& b) {
    return a.num_ == b.num_ && a.den_ == b.den_;
  }
  friend bool operator<(const SmallRational& a, const SmallRational& b) {
    return Int128(a.num_) * b.den_ < Int128(b.num_) * a.den_;
  }
  friend bool operator>(const SmallRational& a, const SmallRational& b) { return b < a; }
  friend bool operator<=(const SmallRational& a, const SmallRational& b) { return !(b < a); }
  friend bool operator>=(const SmallRational& a, const SmallRational& b) { return !(a < b); }

 private:
  static SmallRational whole(std::int64_t value, bool overflow) {
    SmallRational out(value);
    out.overflow_ = overflow;
    return out;
  }
  static UInt128 gcd(UInt128 a, UInt128 b) {
    while (b != 0) {
      if ((a >> 64) == 0 && (b >> 64) == 0) {
        auto x = static_cast<std::uint64_t>(a);
        auto y = static_cast<std::uint64_t>(b);
        while (y != 0) {
          const std::uint64_t r = x % y;
          x = y;
          y = r;
        }
        return x;
      }
      const UInt128 r = a % b;
      a = b;
      b = r;
    }
    return a;
  }
  static SmallRational make(Int128 num, Int128 den, bool overflow) {
    if (den < 0) {
      num = -num;
      den = -den;
    }
    const UInt128 magnitude = num < 0 ? static_cast<UInt128>(-num) : static_cast<UInt128>(num);
    const UInt128 divisor = gcd(magnitude, static_cast<UInt128>(den));
    if (divisor > 1) {
      num /= static_cast<Int128>(divisor);
      den /= static_cast<Int128>(divisor);
    }
    constexpr Int128 kMax = std::numeric_limits<std::int64_t>::max();
    SmallRational out;
    out.overflow_ = overflow || num > kMax || num < -kMax || den > kMax;
    out.num_ = out.overflow_ ? 0 : static_cast<std::int64_t>(num);
    out.den_ = out.overflow_ ? 1 : static_cast<std::int64_t>(den);
    return out;
  }

  std::int64_t num_{0};
  std::int64_t den_{1};
  bool overflow_{false};
};

//! The exact value.
[[nodiscard]] inline Rational exact_value(const SmallRational& value) {
  return Rational(Integer(static_cast<signed long>(value.num())), Integer(static_cast<signed long>(value.den())));
}

//! Whether the value (or anything it was computed from) did not fit.
[[nodiscard]] inline bool overflowed(const SmallRational& value) { return value.overflow(); }

//! The double nearest to the value (ties to even).
[[nodiscard]] double nearest_double(const SmallRational& value);

//! -1, 0 or 1 as the finite double `left` is below, equal to or above `right`, exactly.
[[nodiscard]] int compare_exact(double left, const SmallRational& right);

}  // namespace covalue::core::perpetual::detail
