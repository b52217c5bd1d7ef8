#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/network/cycle.hpp"
#include "covalue/core/network/transfer_payments.hpp"
#include "covalue/program/access.hpp"
#include "covalue/program/snapshot.hpp"
#include "covalue/program/utc_time.hpp"

namespace covalue::program {

//! Something a partner is asked to do now.
enum class HomeTaskKind {
  kPropose,         //!< the open cycle takes proposals (until its proposals deadline, if set)
  kVote,            //!< the open cycle votes: cast (or change) the partner's ballot (done once cast)
  kLeadNomination,  //!< a coordinator named the partner to lead an initiative: accept or decline
  kActuals,         //!< a selected initiative of a closed cycle touches the partner and has no actual yet
  kObjection,       //!< the partner's proposal was left out (or kept only with transfers) for an objection
};

//! The names of home task kinds.
constexpr auto enum_names(HomeTaskKind /*tag*/) {
  using enum HomeTaskKind;
  return core::NameTable{"home task", std::to_array<core::EnumName<HomeTaskKind>>({{kPropose, "propose"},
                                                                                   {kVote, "vote"},
                                                                                   {kLeadNomination, "lead_nomination"},
                                                                                   {kActuals, "actuals"},
                                                                                   {kObjection, "objection"}})};
}

//! What needs a coordinator's attention.
enum class AttentionKind {
  kDeadlinePassed,  //!< the open cycle's deadline has passed and the cycle waits to be moved on
  kVotingOpen,      //!< the open cycle votes: close it once enough ballots are in
  kActualsMissing,  //!< a closed cycle waits for actuals and its review
  kPartnerAtRisk,   //!< a member's retention risk is high
  kActualsDue,      //!< a closed cycle's selected initiatives whose actuals are due (progress.hpp) and missing
};

//! The names of attention kinds.
constexpr auto enum_names(AttentionKind /*tag*/) {
  using enum AttentionKind;
  return core::NameTable{"attention",
                         std::to_array<core::EnumName<AttentionKind>>({{kDeadlinePassed, "deadline_passed"},
                                                                       {kVotingOpen, "voting_open"},
                                                                       {kActualsMissing, "actuals_missing"},
                                                                       {kPartnerAtRisk, "partner_at_risk"},
                                                                       {kActualsDue, "actuals_due"}})};
}

//! One task of a partner, with the cycle, initiative and deadline it concerns.
struct HomeTask {
  HomeTaskKind kind{HomeTaskKind::kPropose};
  net::CycleNumber cycle{0};
  std::optional<net::InitiativeId> initiative;  //!< lead nominations, actuals and objections
  std::string due;                              //!< the deadline (UTC, canonical), empty for none
  bool done{false};                             //!< a vote whose ballot is cast
};

//! One item for the coordinator.
struct Attention {
  AttentionKind kind{AttentionKind::kVotingOpen};
  net::CycleNumber cycle{0};              //!< 0 for a partner at risk
  std::optional<net::PartnerId> partner;  //!< a partner at risk
  std::string due;                        //!< the deadline that passed, empty for none
  std::int64_t count{0};                  //!< actuals missing or due: selected initiatives without one
  std::string detail;                     //!< a partner's risk reasons
};

//! Whether one member has voted in the open cycle (never how).
struct TurnoutEntry {
  net::PartnerId partner{0};
  bool voted{false};
  net::PartnerId cast_by{0};  //!< the proxy that cast its ballot (a delegation); 0 when it voted itself or has not
};

//! A representative's partner as it stands: value, dry spell and protection, leads, retention risk.
struct HomeStanding {
  net::PartnerId partner{0};
  core::Rational net_value;  //!< cumulative, after transfers
  core::Rational transfers;  //!< cumulative net transfer (received > 0)
  std::int64_t current_dry_spell{0};
  std::int64_t max_dry_spell{0};         //!< the charter's k: from this dry spell on the partner is protected
  bool protected_partner{false};         //!< its dry spell has reached k: the next close must not leave it below zero
  std::vector<net::InitiativeId> leads;  //!< initiatives it leads that are selected or in progress
  std::optional<std::int64_t> risk_score;
  std::optional<std::string> risk_band;
  std::string risk_reasons;
};

//! A person's home: the open cycle, and what is asked of its partner (representatives) or what needs
//! attention (coordinators). Built for one Actor; nothing it shows reveals how anyone voted.
struct Home {
  std::optional<net::Cycle> open_cycle;  //!< the newest cycle while it takes proposals or votes
  //! While the open cycle votes, coordinators (and the operator) see who has voted, member by member.
  std::optional<std::vector<TurnoutEntry>> turnout;
  std::int64_t members{0};               //!< members of the open cycle (or of the network when none is open)
  std::int64_t voted{0};                 //!< of them, with a ballot in the open voting cycle
  std::optional<HomeStanding> standing;  //!< a representative's partner
  std::vector<HomeTask> tasks;           //!< a representative's partner
  //! A representative's payments in the newest closed cycle: the ones its partner makes or receives.
  std::optional<net::CycleNumber> transfers_cycle;
  std::vector<net::TransferPayment> transfers;
  std::vector<Attention> attention;  //!< coordinators
};

//! The home of `actor` from a snapshot (with outcomes, ballots and the ledger) at the moment `now`.
[[nodiscard]] Home home_of(const Snapshot& snapshot, const Actor& actor, UtcSeconds now);

}  // namespace covalue::program
