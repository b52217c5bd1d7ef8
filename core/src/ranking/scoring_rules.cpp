#include "covalue/core/ranking/scoring_rules.hpp"

#include <algorithm>
#include <limits>

#include "covalue/core/ranking/weak_order.hpp"

namespace covalue::core::ranking {
namespace {

RankingResult from_scores(RankingRule rule, std::vector<Rational> scores, bool lower_is_better) {
  RankingResult result;
  result.rule = rule;
  result.ranking = order_by_scores(scores, lower_is_better);
  if (!result.ranking.empty()) {
    result.winners = result.ranking.front();
  }
  result.scores = std::move(scores);
  return result;
}

}  // namespace

RankingResult borda(const PairwiseMatrix& pairwise) {
  const std::uint32_t m = pairwise.size();
  std::vector<Rational> scores(m);
  for (Candidate c = 0; c < m; ++c) {
    std::int64_t margin_sum = 0;
    for (Candidate d = 0; d < m; ++d) {
      margin_sum += pairwise.margin(c, d);
    }
    const Integer doubled =
        Integer(static_cast<long>(m == 0 ? 0 : m - 1)) * static_cast<long>(pairwise.total_weight()) +
        static_cast<long>(margin_sum);
    scores[c] = Rational(doubled, 2);
    scores[c].canonicalize();
  }
  return from_scores(RankingRule::kBorda, std::move(scores), false);
}

RankingResult plurality(const OrdinalProfile& profile) {
  std::vector<Integer> whole(profile.num_candidates, 0);
  std::vector<Rational> shared(profile.num_candidates, 0);
  for (const RankedBallot& ballot : profile.ballots) {
    if (ballot.order.empty()) {
      continue;
    }
    const TierWalker walk(ballot);
    const auto top = walk.tier();
    for (const Candidate c : top) {
      if (top.size() == 1) {
        whole[c] += static_cast<long>(ballot.count);
      } else {
        shared[c] += Rational(static_cast<long>(ballot.count), static_cast<unsigned long>(top.size()));
      }
    }
  }
  std::vector<Rational> scores(profile.num_candidates);
  for (std::size_t c = 0; c < scores.size(); ++c) {
    scores[c] = Rational(whole[c]) + shared[c];
    scores[c].canonicalize();
  }
  return from_scores(RankingRule::kPlurality, std::move(scores), false);
}

RankingResult copeland(const PairwiseMatrix& pairwise) {
  const std::uint32_t m = pairwise.size();
  std::vector<Rational> scores(m);
  for (Candidate c = 0; c < m; ++c) {
    long doubled = 0;
    for (Candidate d = 0; d < m; ++d) {
      if (d != c) {
        const std::int64_t margin = pairwise.margin(c, d);
        doubled += margin > 0 ? 2 : (margin == 0 ? 1 : 0);
      }
    }
    scores[c] = Rational(doubled, 2);
    scores[c].canonicalize();
  }
  return from_scores(RankingRule::kCopeland, std::move(scores), false);
}

RankingResult minimax(const PairwiseMatrix& pairwise) {
  const std::uint32_t m = pairwise.size();
  std::vector<Rational> scores(m);
  for (Candidate c = 0; c < m; ++c) {
    std::int64_t worst = m > 1 ? std::numeric_limits<std::int64_t>::min() : 0;
    for (Candidate d = 0; d < m; ++d) {
      if (d != c) {
        worst = std::max(worst, pairwise.margin(d, c));
      }
    }
    scores[c] = Rational(static_cast<long>(worst));
  }
  return from_scores(RankingRule::kMinimax, std::move(scores), true);
}

}  // namespace covalue::core::ranking
