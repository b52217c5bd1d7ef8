#pragma once

#include <string>
#include <vector>

#include "covalue/core/network/ids.hpp"
#include "covalue/core/network/vocabulary.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/core/result.hpp"

namespace covalue::core::network {

//! One round of the program.
struct Cycle {
  CycleNumber number{0};
  CycleState state{CycleState::kProposing};
  Rational capacity;  //!< copied from the charter when the cycle opens
  SelectionRule rule{SelectionRule::kEqualShares};
  std::vector<InitiativeId> shortlist;  //!< the initiatives on the ballot, ascending; empty: every candidate
  //! When proposals close and voting closes: UTC in the canonical form "2026-12-10T17:00:00Z" (the program
  //! checks it), empty for none.
  std::string proposals_close_at;
  std::string voting_closes_at;

  bool operator==(const Cycle&) const = default;
};

//! The one "no cycle N" error (kNotFound), naming `where` (the field or path parameter at fault).
[[nodiscard]] inline Error no_cycle_error(CycleNumber number, std::string where = "cycle") {
  return make_error(ErrorKind::kNotFound, "no cycle " + std::to_string(number), std::move(where));
}

}  // namespace covalue::core::network
