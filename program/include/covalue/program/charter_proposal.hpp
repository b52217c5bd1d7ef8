#pragma once

// Charter proposals (issue 14 item 4): a change to the charter, decided by the partners under the charter's own
// amendment rule, and the coordination rotation the charter may choose.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/network/charter.hpp"
#include "covalue/core/network/ids.hpp"
#include "covalue/program/coordinator_election.hpp"

namespace covalue::program {

namespace net = core::network;

//! Where a charter proposal stands.
enum class ProposalState {
  kOpen,       //!< partners take positions until its window ends
  kAdopted,    //!< decided: the changes are in the charter (from the next cycle opened)
  kRejected,   //!< decided: a standing objection (consent) or too few agreed (majority)
  kWithdrawn,  //!< its proposer (or a coordinator) withdrew it before the decision
};

//! The names of proposal states.
constexpr auto enum_names(ProposalState /*tag*/) {
  using enum ProposalState;
  return core::NameTable{
      "proposal state",
      std::to_array<core::EnumName<ProposalState>>(
          {{kOpen, "open"}, {kAdopted, "adopted"}, {kRejected, "rejected"}, {kWithdrawn, "withdrawn"}})};
}

//! A partner's position on a charter proposal.
enum class Position { kAgree, kAbstain, kObject };

//! The names of positions.
constexpr auto enum_names(Position /*tag*/) {
  using enum Position;
  return core::NameTable{"position", std::to_array<core::EnumName<Position>>(
                                         {{kAgree, "agree"}, {kAbstain, "abstain"}, {kObject, "object"}})};
}

//! One partner's position on the current revision of a proposal.
struct PartnerPosition {
  net::PartnerId partner{0};
  Position position{Position::kAgree};
  std::string reason;  //!< required with an objection
  std::string at;      //!< when it was taken (UTC)
  std::string actor;   //!< who took it (the audit's actor name)

  bool operator==(const PartnerPosition&) const = default;
};

using ProposalId = std::int64_t;

//! A proposed change to one or more charter fields.
struct CharterProposal {
  ProposalId id{0};
  net::Charter proposed;            //!< the charter as the proposal would make it (its `fields` matter)
  std::vector<std::string> fields;  //!< the fields it changes (core/network/charter_fields.hpp names)
  std::string rationale;
  std::optional<net::PartnerId> proposer;  //!< the proposing representative's partner; none: a coordinator
  std::string proposed_by;                 //!< the actor that proposed it
  std::int64_t revision{1};                //!< a revision starts the window again and clears the positions
  std::string opened_at;                   //!< when the current revision opened (UTC)
  std::string window_ends_at;              //!< when it is decided (UTC)
  ProposalState state{ProposalState::kOpen};
  std::string decided_at;                  //!< empty while open
  std::string result;                      //!< the decision in words ("adopted: 3 of 4 partners agreed, 2/3 needed")
  std::vector<PartnerPosition> positions;  //!< on the current revision, by partner

  bool operator==(const CharterProposal&) const = default;
};

//! A term of the coordination rotation: from `first_cycle` on, `partner`'s representatives coordinate.
struct CoordinationTerm {
  net::CycleNumber first_cycle{0};
  net::PartnerId partner{0};

  bool operator==(const CoordinationTerm&) const = default;
};

//! Who coordinates now, as the charter says.
struct Coordination {
  net::Coordination mode{net::Coordination::kFixed};
  std::int64_t term_cycles{1};
  std::optional<CoordinationTerm> current;      //!< rotation: the term in force (none before the first)
  std::string partner_name;                     //!< the current term's partner
  std::optional<net::CycleNumber> next_turn;    //!< rotation: the first cycle of the next term
  std::vector<net::PartnerId> willing;          //!< partners willing to coordinate, by id
  std::optional<CoordinatorElection> election;  //!< election: the open election, else the last one decided
  std::int64_t past_terms{0};                   //!< election: how many terms the current partner held, this one too
};

}  // namespace covalue::program
