#pragma once

#include <optional>
#include <string>
#include <vector>

#include "covalue/core/network/ids.hpp"
#include "covalue/core/network/vocabulary.hpp"
#include "covalue/core/rational.hpp"

namespace covalue::core::network {

//! One partner's estimated gain (positive) or loss (negative, a de-optimisation) from an initiative.
struct Impact {
  PartnerId partner{0};
  Rational estimate;

  bool operator==(const Impact&) const = default;
};

//! A proposed improvement of the network.
struct Initiative {
  InitiativeId id{0};
  std::string title;  //!< unique among initiatives that are not withdrawn
  std::string description;
  Channel channel{Channel::kSupplyChain};
  PartnerId proposer{0};
  Rational cost;                        //!< in the charter's capacity units, > 0
  std::vector<Impact> impacts;          //!< at most one per partner; partners not listed: 0
  std::vector<ObjectiveId> objectives;  //!< objectives it serves
  std::vector<PartnerId> volunteers;    //!< partners volunteering to lead it (each consented)
  InitiativeStatus status{InitiativeStatus::kProposed};
  CycleNumber cycle{0};             //!< the cycle it is (or was last) up for decision in
  std::optional<PartnerId> lead;    //!< set when selected
  std::vector<PartnerId> nominees;  //!< named to lead by a coordinator, awaiting their acceptance

  //! The estimated impact on one partner (0 when not listed).
  [[nodiscard]] Rational impact_on(PartnerId partner) const;
  //! Sum of all impacts: the initiative's estimated network value.
  [[nodiscard]] Rational network_value() const;
  //! True while it is still to be decided: proposed or carried over (the scorecard ranks these).
  [[nodiscard]] bool undecided() const {
    return status == InitiativeStatus::kProposed || status == InitiativeStatus::kCarriedOver;
  }

  //! True while it is being delivered: selected, in progress or blocked (its lead reports on it).
  [[nodiscard]] bool delivering() const {
    return status == InitiativeStatus::kSelected || status == InitiativeStatus::kInProgress ||
           status == InitiativeStatus::kBlocked;
  }

  bool operator==(const Initiative&) const = default;
};

}  // namespace covalue::core::network
