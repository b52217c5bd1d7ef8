#include "exact_number.hpp"

#include <cmath>
#include <cstddef>

namespace covalue::core::perpetual::detail {
namespace {

// Mantissa bits of a double, and one more for the rounding bit.
constexpr std::size_t kMantissaBits = 53;
constexpr std::size_t kWithRoundBit = kMantissaBits + 1;

}  // namespace

double nearest_double(const Rational& value) {
  const Integer& den = value.get_den();
  if (value.get_num() == 0) {
    return 0.0;
  }
  if (mpz_sizeinbase(value.get_num().get_mpz_t(), 2) <= kMantissaBits &&
      mpz_sizeinbase(den.get_mpz_t(), 2) <= kMantissaBits) {
    return value.get_num().get_d() / den.get_d();  // both exact: IEEE division rounds correctly
  }
  const Integer magnitude = abs(value.get_num());
  // Scale so that the quotient has 55 or 56 bits, then keep 54 (53 and the rounding bit) and a sticky bit.
  long shift = static_cast<long>(kWithRoundBit + 1) - static_cast<long>(mpz_sizeinbase(magnitude.get_mpz_t(), 2)) +
               static_cast<long>(mpz_sizeinbase(den.get_mpz_t(), 2));
  Integer numerator = magnitude;
  Integer denominator = den;
  if (shift >= 0) {
    mpz_mul_2exp(numerator.get_mpz_t(), numerator.get_mpz_t(), static_cast<mp_bitcnt_t>(shift));
  } else {
    mpz_mul_2exp(denominator.get_mpz_t(), denominator.get_mpz_t(), static_cast<mp_bitcnt_t>(-shift));
  }
  Integer quotient;
  Integer remainder;
  mpz_fdiv_qr(quotient.get_mpz_t(), remainder.get_mpz_t(), numerator.get_mpz_t(), denominator.get_mpz_t());
  bool sticky = remainder != 0;
  while (mpz_sizeinbase(quotient.get_mpz_t(), 2) > kWithRoundBit) {
    sticky = sticky || mpz_odd_p(quotient.get_mpz_t()) != 0;
    mpz_fdiv_q_2exp(quotient.get_mpz_t(), quotient.get_mpz_t(), 1);
    --shift;
  }
  const bool round_bit = mpz_odd_p(quotient.get_mpz_t()) != 0;
  mpz_fdiv_q_2exp(quotient.get_mpz_t(), quotient.get_mpz_t(), 1);
  --shift;
  if (round_bit && (sticky || mpz_odd_p(quotient.get_mpz_t()) != 0)) {
    quotient += 1;
  }
  const double result = std::ldexp(quotient.get_d(), static_cast<int>(-shift));
  return value.get_num() < 0 ? -result : result;
}

int compare_exact(double left, const Rational& right) {
  const Rational exact(left);  // mpq_set_d is exact
  return cmp(exact, right) < 0 ? -1 : (cmp(exact, right) > 0 ? 1 : 0);
}

}  // namespace covalue::core::perpetual::detail
