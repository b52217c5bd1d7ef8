#include "covalue/core/profile.hpp"

namespace covalue::core {
Rational Profile::total_weight() const {
  Rational total;
  for (const auto& ballot : ballots) {
    total += ballot.weight;
  }
  return total;
}

}  // namespace covalue::core
