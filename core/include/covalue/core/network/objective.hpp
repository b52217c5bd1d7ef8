#pragma once

#include <string>

#include "covalue/core/network/ids.hpp"
#include "covalue/core/network/vocabulary.hpp"
#include "covalue/core/rational.hpp"

namespace covalue::core::network {

//! A partner's need, as a KPI moving from a baseline towards a target.
struct Objective {
  ObjectiveId id{0};
  PartnerId partner{0};
  Kpi kpi{Kpi::kCustom};
  std::string name;  //!< the custom KPI's name, or a label; may be empty for a standard KPI
  std::string unit;  //!< "%", "days", "EUR/order", ...
  Rational baseline;
  Rational target;

  bool operator==(const Objective&) const = default;
};

}  // namespace covalue::core::network
