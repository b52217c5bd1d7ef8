#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/ranking/ordinal_profile.hpp"
#include "covalue/core/ranking/pairwise.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/core/result.hpp"

namespace covalue::core::ranking {

//! The ranking rules covalue offers (see each rule's header for its exact definition).
enum class RankingRule {
  kBorda,          //!< Borda count, tied candidates sharing the points of their places
  kPlurality,      //!< first places, a tied top tier sharing its ballot equally
  kCopeland,       //!< head-to-head wins 1, ties 1/2, losses 0
  kMinimax,        //!< smallest largest margin against
  kSchulze,        //!< beat path (widest paths over positive margins)
  kRankedPairs,    //!< lock pairs by decreasing margin, skipping those that close a cycle
  kInstantRunoff,  //!< drop all candidates tied for fewest first places until a strict majority
  kKemenyYoung,    //!< rankings with the least total Kendall-tau distance to the ballots
};

//! `ranked-pairs` is the spelling of databases written before issue 11.
constexpr auto enum_names(RankingRule /*tag*/) {
  using enum RankingRule;
  return core::NameTable{"ranking rule",
                         std::to_array<core::EnumName<RankingRule>>({{kBorda, "borda"},
                                                                     {kPlurality, "plurality"},
                                                                     {kCopeland, "copeland"},
                                                                     {kMinimax, "minimax"},
                                                                     {kSchulze, "schulze"},
                                                                     {kRankedPairs, "ranked_pairs", {"ranked-pairs"}},
                                                                     {kInstantRunoff, "irv"},
                                                                     {kKemenyYoung, "kemeny"}})};
}

//! Limits of the rules whose exact answer may need exponential work.
struct RankingOptions {
  std::size_t max_rankings{10000};  //!< Kemeny-Young: optimal rankings listed at most (all are counted)
  std::size_t max_states{1000000};  //!< Ranked Pairs: tie-breaking states explored before kTimeLimit
};

//! One round of instant runoff: each continuing candidate's first-place weight and who was dropped.
struct RunoffRound {
  std::vector<Candidate> continuing;  //!< candidates still in the count, ascending
  std::vector<Rational> tallies;      //!< first-place weight of continuing[i]
  Rational active_weight;             //!< weight of the ballots not yet exhausted
  std::vector<Candidate> eliminated;  //!< dropped after this round (empty in the final round)

  bool operator==(const RunoffRound&) const = default;
};

//! What a ranking rule decided and why.
struct RankingResult {
  RankingRule rule{RankingRule::kBorda};
  std::vector<Candidate> winners;  //!< every tied winner, ascending
  WeakOrder ranking;               //!< the consensus ranking of every candidate, best tier first
  std::vector<Rational> scores;    //!< per candidate, for the scoring rules (minimax: largest margin against)
  std::vector<std::vector<Candidate>> optimal_rankings;  //!< Kemeny-Young: optimal orders, lexicographic
  Integer optimal_ranking_count{0};                      //!< Kemeny-Young: how many optimal orders exist
  Rational kemeny_distance{0};      //!< Kemeny-Young: total distance of the ballots to an optimal order
  std::vector<RunoffRound> rounds;  //!< instant runoff: the rounds of the count
  std::vector<std::pair<Candidate, Candidate>> locked;  //!< ranked pairs: pairs locked, in order (canonical run)

  bool operator==(const RankingResult&) const = default;
};

//! Runs a rule on a profile (validated first: kInvalidInput when it breaks an invariant).
//! kTimeLimit when Ranked Pairs or Kemeny-Young exceed their limits.
[[nodiscard]] Result<RankingResult> rank_candidates(const OrdinalProfile& profile, RankingRule rule,
                                                    const RankingOptions& options = {});

//! The same with the pairwise counts already computed from the (valid) profile.
[[nodiscard]] Result<RankingResult> rank_candidates(const OrdinalProfile& profile, const PairwiseMatrix& pairwise,
                                                    RankingRule rule, const RankingOptions& options = {});

}  // namespace covalue::core::ranking
