#include "covalue/core/ranking/ranking_rule.hpp"

#include "covalue/core/ranking/instant_runoff.hpp"
#include "covalue/core/ranking/kemeny.hpp"
#include "covalue/core/ranking/ranked_pairs.hpp"
#include "covalue/core/ranking/schulze.hpp"
#include "covalue/core/ranking/scoring_rules.hpp"

namespace covalue::core::ranking {
Result<RankingResult> rank_candidates(const OrdinalProfile& profile, RankingRule rule, const RankingOptions& options) {
  if (Status status = validate_profile(profile); !status.ok()) {
    return status.error();
  }
  return rank_candidates(profile, compute_pairwise(profile), rule, options);
}

Result<RankingResult> rank_candidates(const OrdinalProfile& profile, const PairwiseMatrix& pairwise, RankingRule rule,
                                      const RankingOptions& options) {
  switch (rule) {
    case RankingRule::kBorda:
      return borda(pairwise);
    case RankingRule::kPlurality:
      return plurality(profile);
    case RankingRule::kCopeland:
      return copeland(pairwise);
    case RankingRule::kMinimax:
      return minimax(pairwise);
    case RankingRule::kSchulze:
      return schulze(pairwise);
    case RankingRule::kRankedPairs:
      return ranked_pairs(pairwise, options);
    case RankingRule::kInstantRunoff:
      return instant_runoff(profile);
    case RankingRule::kKemenyYoung:
      return kemeny_young(pairwise, options);
  }
  return make_error(ErrorKind::kInternal, "unknown ranking rule");
}

}  // namespace covalue::core::ranking
