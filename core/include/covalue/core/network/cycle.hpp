#pragma once

#include <vector>

#include "covalue/core/network/ids.hpp"
#include "covalue/core/network/vocabulary.hpp"
#include "covalue/core/rational.hpp"

namespace covalue::core::network {

//! One round of the program.
struct Cycle {
  CycleNumber number{0};
  CycleState state{CycleState::kProposing};
  Rational capacity;  //!< copied from the charter when the cycle opens
  SelectionRule rule{SelectionRule::kEqualShares};
  std::vector<InitiativeId> shortlist;  //!< the initiatives on the ballot, ascending; empty: every candidate

  bool operator==(const Cycle&) const = default;
};

}  // namespace covalue::core::network
