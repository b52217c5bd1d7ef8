#pragma once

#include "covalue/core/ranking/pairwise.hpp"
#include "covalue/core/ranking/ranking_rule.hpp"
#include "covalue/core/result.hpp"

namespace covalue::core::ranking {

//! Ranked Pairs (Tideman): the pairs (a, b) with a positive margin are taken by decreasing margin
//! and locked unless they close a cycle with the pairs already locked; the candidates with no
//! locked pair against them win. Pairs of equal margin may be taken in any order, so the winners
//! are every candidate that wins under SOME order of those ties (found by a search over the
//! distinct sets each group of equal margins can lock; kTimeLimit past options.max_states).
//! `ranking` and `locked` come from the canonical order (equal margins by increasing (a, b)):
//! the locked relation layered from its sources.
[[nodiscard]] Result<RankingResult> ranked_pairs(const PairwiseMatrix& pairwise, const RankingOptions& options);

}  // namespace covalue::core::ranking
