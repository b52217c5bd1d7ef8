#include "covalue/core/network/initiative.hpp"

namespace covalue::core::network {

Rational Initiative::impact_on(PartnerId partner) const {
  for (const Impact& impact : impacts) {
    if (impact.partner == partner) {
      return impact.estimate;
    }
  }
  return 0;
}

Rational Initiative::network_value() const {
  Rational total;
  for (const Impact& impact : impacts) {
    total += impact.estimate;
  }
  return total;
}

}  // namespace covalue::core::network
