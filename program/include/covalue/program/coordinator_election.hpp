#pragma once

// The coordinator election (issue 14 item 4): under the charter's coordination `election`, when a term ends the
// partners elect the coordinating partner among the partners willing to coordinate.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/network/ids.hpp"

namespace covalue::program {

//! Where a coordinator election stands.
enum class ElectionState {
  kOpen,     //!< partners vote until its window ends
  kDecided,  //!< decided: its partner's term began (or nobody was willing and the coordinator stayed)
};

//! The names of election states.
constexpr auto enum_names(ElectionState /*tag*/) {
  using enum ElectionState;
  return core::NameTable{"election state",
                         std::to_array<core::EnumName<ElectionState>>({{kOpen, "open"}, {kDecided, "decided"}})};
}

using ElectionId = std::int64_t;

//! One member partner's vote in an election: for a willing partner, changeable until the window ends.
struct CoordinatorVote {
  core::network::PartnerId voter{0};
  core::network::PartnerId candidate{0};
  std::string at;     //!< when it was cast (UTC)
  std::string actor;  //!< who cast it (the audit's actor name)

  bool operator==(const CoordinatorVote&) const = default;
};

//! An election of the coordinating partner for the term that begins with `term_cycle`.
struct CoordinatorElection {
  ElectionId id{0};
  core::network::CycleNumber term_cycle{0};  //!< the cycle whose opening ended the previous term
  std::string opened_at;                     //!< UTC
  std::string window_ends_at;                //!< when it is decided (UTC)
  ElectionState state{ElectionState::kOpen};
  std::string decided_at;                           //!< empty while open
  std::optional<core::network::PartnerId> elected;  //!< the partner elected (none while open, or nobody willing)
  std::string result;                               //!< the decision in words, with the tally and the tie rule used
  std::vector<CoordinatorVote> votes;               //!< by voter

  bool operator==(const CoordinatorElection&) const = default;
};

}  // namespace covalue::program
