#pragma once

// The experiment of Lackner's AAAI 2020 paper (its reference library's experiments_aaai.py): histories
// of 20 rounds with 20 voters and 5 candidates in the plane, every rule of perpetual_rule.hpp run on each,
// and the library's four measures per history (docs/perpetual.md). Each history comes from its own random
// stream (seed, index), so a run gives the same figures whichever threads computed which histories.

#include <array>
#include <cstdint>
#include <vector>

#include "covalue/core/perpetual/perpetual_rule.hpp"

namespace covalue::core::perpetual {

//! The experiment's fixed setup (the paper's): voters, candidates, rounds, sigma, approval threshold.
struct Lackner2020Setup {
  std::size_t voters{20};
  std::uint32_t candidates{5};
  std::size_t rounds{20};
  double sigma{0.2};
  double threshold{1.5};  //!< a voter approves every candidate within threshold x its nearest distance
};

//! The rules the experiment compares, in the order of PerpetualRule.
inline constexpr std::size_t kExperimentRules = 9;

//! The library's measures of one rule on one history (experiments.py: calculate_statistics).
struct HistoryMeasures {
  double quota_compliance{0};     //!< share of (voter, round) with perpetual quota - wins < 1
  double max_quota_deviation{0};  //!< the largest perpetual quota - wins of any voter in any round (>= 0)
  double satisfaction{0};         //!< share of (voter, round) in which the winner was approved
  double influence_gini{0};       //!< Gini of the voters' influence (1/#satisfied per round won)
};

//! History `index` of the run with `seed`: voters 1/3 around (-0.5,-0.5) and 2/3 around (0.5,0.5) with
//! sigma, candidates uniform in [-1,1]^2 each round, approval within threshold x the nearest distance.
[[nodiscard]] std::vector<RoundBallots> lackner2020_history(const Lackner2020Setup& setup, std::uint64_t seed,
                                                            std::uint64_t index);

//! The mean number of candidates a voter approves in a history (the paper reports 1.8 for its setup).
[[nodiscard]] double mean_approval_size(const std::vector<RoundBallots>& history);

//! Every rule's measures on one history (indexed by PerpetualRule), computed exactly and rounded to double
//! at the end; the normalised satisfaction is satisfaction / av's satisfaction.
[[nodiscard]] std::array<HistoryMeasures, kExperimentRules> lackner2020_measures(
    const std::vector<RoundBallots>& history);

//! One rule's measures over all histories: median and mean of each.
struct RuleSummary {
  PerpetualRule rule{PerpetualRule::kAv};
  double median_quota_compliance{0};
  double mean_quota_compliance{0};
  double median_max_quota_deviation{0};
  double mean_max_quota_deviation{0};
  double median_normalised_satisfaction{0};
  double mean_normalised_satisfaction{0};
  double median_influence_gini{0};
  double mean_influence_gini{0};
};

//! The summary per rule of per-history measures (in history order; the result does not depend on it
//! beyond the floating-point order of the means, which is the history order).
[[nodiscard]] std::vector<RuleSummary> summarise_lackner2020(
    const std::vector<std::array<HistoryMeasures, kExperimentRules>>& histories);

}  // namespace covalue::core::perpetual
