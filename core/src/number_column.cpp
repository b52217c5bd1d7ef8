#include "covalue/core/number_column.hpp"

namespace covalue::core {

void NumberColumn::push_back(const Rational& value) {
  if (!rational_ && value.get_den() == 1 && value.get_num().fits_slong_p()) {
    integers_.push_back(value.get_num().get_si());
    return;
  }
  make_rational();
  rationals_.push_back(value);
}

void NumberColumn::push_back(std::int64_t value) {
  if (rational_) {
    rationals_.emplace_back(static_cast<long>(value));  // NOLINT(google-runtime-int): GMP's own type
    return;
  }
  integers_.push_back(value);
}

void NumberColumn::reserve(std::size_t count) {
  if (rational_) {
    rationals_.reserve(count);
  } else {
    integers_.reserve(count);
  }
}

Rational NumberColumn::operator[](std::size_t index) const {
  return rational_ ? rationals_[index] : Rational(static_cast<long>(integers_[index]));  // NOLINT(google-runtime-int)
}

int NumberColumn::sign(std::size_t index) const {
  if (rational_) {
    return sgn(rationals_[index]);
  }
  return integers_[index] > 0 ? 1 : integers_[index] < 0 ? -1 : 0;
}

bool NumberColumn::operator==(const NumberColumn& other) const {
  if (!rational_ && !other.rational_) {
    return integers_ == other.integers_;
  }
  if (size() != other.size()) {
    return false;
  }
  for (std::size_t i = 0; i < size(); ++i) {
    if ((*this)[i] != other[i]) {
      return false;
    }
  }
  return true;
}

void NumberColumn::make_rational() {
  if (rational_) {
    return;
  }
  rationals_.reserve(integers_.capacity());
  for (const std::int64_t value : integers_) {
    rationals_.emplace_back(static_cast<long>(value));  // NOLINT(google-runtime-int)
  }
  integers_ = {};
  rational_ = true;
}

std::vector<Rational> NumberSpan::to_vector() const {
  std::vector<Rational> out;
  out.reserve(size());
  for (std::size_t i = 0; i < size(); ++i) {
    out.push_back((*this)[i]);
  }
  return out;
}

}  // namespace covalue::core
