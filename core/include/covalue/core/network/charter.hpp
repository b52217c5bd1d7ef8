#pragma once

#include <cstdint>
#include <string>

#include "covalue/core/network/vocabulary.hpp"
#include "covalue/core/ranking/ranking_rule.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/core/result.hpp"

namespace covalue::core::network {

//! How the network protects partners from carrying the de-optimisation cycle after cycle.
struct FairnessPolicy {
  std::int64_t max_dry_spell{3};   //!< k: a partner whose dry spell reached k must not end a cycle below zero
  Rational max_deopt_share{1};     //!< largest share of one cycle's total de-optimisation one partner may carry
  bool perpetual_weighting{true};  //!< voting weights grow with a partner's dry spell (Perpetual Reset)

  bool operator==(const FairnessPolicy&) const = default;
};

//! Who leads the selected initiatives.
struct LeadershipPolicy {
  std::int64_t max_concurrent_leads{2};  //!< initiatives one partner may lead at once (selected or in progress)

  bool operator==(const LeadershipPolicy&) const = default;
};

//! The network's charter: its name and the policies every cycle is decided under.
struct Charter {
  std::string name;
  Rational capacity{100};  //!< capacity units (e.g. person-weeks) the network can spend per cycle
  SelectionRule rule{SelectionRule::kEqualShares};
  FairnessPolicy fairness;
  SharingPolicy sharing{SharingPolicy::kShapley};
  LeadershipPolicy leadership;
  ranking::RankingRule ranking_rule{ranking::RankingRule::kSchulze};  //!< the consensus order of ranked ballots
  BallotDisclosure disclosure{BallotDisclosure::kAnonymous};          //!< ballots shown after a cycle closes

  //! Checks every field; the error names the field ("capacity", "fairness.max_deopt_share", ...).
  [[nodiscard]] Status validate() const;

  bool operator==(const Charter&) const = default;
};

}  // namespace covalue::core::network
