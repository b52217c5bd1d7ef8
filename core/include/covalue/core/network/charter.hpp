#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "covalue/core/network/vocabulary.hpp"
#include "covalue/core/perpetual/cycle_weights.hpp"
#include "covalue/core/ranking/ranking_rule.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/core/result.hpp"
#include "covalue/core/settings.hpp"

namespace covalue::core::network {

//! How the network protects partners from carrying the de-optimisation cycle after cycle.
struct FairnessPolicy {
  std::int64_t max_dry_spell{settings::integer_default(
      "charter.max_dry_spell")};  //!< k: a partner whose dry spell reached k must not end a cycle below zero
  Rational max_deopt_share{settings::number_default(
      "charter.max_deopt_share")};  //!< largest share of one cycle's total de-optimisation one partner may carry
  //! How voting weights follow a partner's past cycles (reset: 1 + its dry spell; docs/perpetual.md).
  perpetual::WeightPolicy weight_policy{settings::choice_default<perpetual::WeightPolicy>("charter.weight_policy")};
  //! What a partner that does not vote is to the weight policy (every policy but reset and none).
  perpetual::WeightAbsence weight_absence{settings::choice_default<perpetual::WeightAbsence>("charter.weight_absence")};

  bool operator==(const FairnessPolicy&) const = default;
};

//! Who leads the selected initiatives.
struct LeadershipPolicy {
  std::int64_t max_concurrent_leads{settings::integer_default(
      "charter.max_concurrent_leads")};  //!< initiatives one partner may lead at once (selected or in progress)

  bool operator==(const LeadershipPolicy&) const = default;
};

//! The network's charter: its name and the policies every cycle is decided under. The defaults are the
//! `charter.*` rows of the settings table (core/settings.hpp).
struct Charter {
  std::string name;
  Rational capacity{settings::number_default(
      "charter.capacity")};  //!< capacity units (e.g. person-weeks) the network can spend per cycle
  SelectionRule rule{settings::choice_default<SelectionRule>("charter.rule")};
  FairnessPolicy fairness;
  SharingPolicy sharing{settings::choice_default<SharingPolicy>("charter.sharing")};
  LeadershipPolicy leadership;
  ranking::RankingRule ranking_rule{settings::choice_default<ranking::RankingRule>(
      "charter.ranking_rule")};  //!< the consensus order of ranked ballots
  BallotDisclosure disclosure{
      settings::choice_default<BallotDisclosure>("charter.disclosure")};  //!< ballots shown after a cycle closes
  //! What the scheduler does when a cycle's deadline passes.
  DeadlineAction deadline_action{settings::choice_default<DeadlineAction>("charter.deadline_action")};
  //! The unit every value is counted in: a currency code (EUR) or "value points" (the default).
  std::string unit{settings::text_default("charter.unit")};
  //! Hours before voting closes at which partners that have not voted are reminded: "48,6" (each 1 to 8760,
  //! at most 8 of them; "" for none).
  std::string reminder_hours{settings::text_default("charter.reminder_hours")};
  //! Closing a cycle in which fewer than this percentage of the member partners have voted (delegated ballots
  //! count) must be confirmed; 0 never asks.
  std::int64_t close_turnout_warning{settings::integer_default("charter.close_turnout_warning")};

  // Charter proposals and coordination (issue 14 item 4).
  //! How the charter itself changes (a coordinator directly, or the partners' proposals).
  AmendmentRule amendment_rule{settings::choice_default<AmendmentRule>("charter.amendment_rule")};
  //! majority: the share of the member partners that must agree, in (1/2, 1].
  Rational amendment_majority{settings::number_default("charter.amendment_majority")};
  //! Hours a charter proposal stays open for positions, in (0, 8760] (exact: 0.5 is half an hour).
  Rational amendment_window_hours{settings::number_default("charter.amendment_window_hours")};
  //! Who holds the coordinator role.
  Coordination coordination{settings::choice_default<Coordination>("charter.coordination")};
  //! rotation: cycles one partner's term lasts, 1 to 1000.
  std::int64_t coordination_term{settings::integer_default("charter.coordination_term")};

  // Ballot limits (issue 15 item 6).
  //! Score ballots: each score is an exact number from 0 (no support) to score_max, in (0, 1000000000].
  Rational score_max{settings::number_default("charter.score_max")};
  //! Points ballots: the total points one ballot may give, in [0, 1000000000]; 0 for no fixed budget.
  Rational points_budget{settings::number_default("charter.points_budget")};

  //! Checks every field; the error names the field ("capacity", "fairness.max_deopt_share", ...).
  [[nodiscard]] Status validate() const;
  //! Checks the amendment and coordination fields (part of validate()).
  [[nodiscard]] Status validate_amendment() const;

  bool operator==(const Charter&) const = default;
};

//! The lead times of `text` (Charter::reminder_hours), in the order given; kInvalidInput naming "reminder_hours"
//! for anything but up to 8 comma-separated whole numbers of hours from 1 to 8760.
[[nodiscard]] Result<std::vector<std::int64_t>> parse_reminder_hours(std::string_view text);

}  // namespace covalue::core::network
