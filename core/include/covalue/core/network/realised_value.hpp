#pragma once

#include <optional>

#include "covalue/core/network/ids.hpp"
#include "covalue/core/rational.hpp"

namespace covalue::core::network {

//! The ledger's record of what one initiative really did for one partner.
struct RealisedValue {
  CycleNumber cycle{0};
  InitiativeId initiative{0};
  PartnerId partner{0};
  std::optional<Rational> target;    //!< what the partner aimed for, if stated
  std::optional<Rational> forecast;  //!< the latest forecast before delivery, if any
  Rational actual;                   //!< what was realised

  bool operator==(const RealisedValue&) const = default;
};

//! A measurement of an objective's KPI at the end of a cycle.
struct KpiMeasurement {
  CycleNumber cycle{0};
  ObjectiveId objective{0};
  Rational value;

  bool operator==(const KpiMeasurement&) const = default;
};

}  // namespace covalue::core::network
