#pragma once

#include <cstdint>
#include <vector>

#include "covalue/core/ranking/pairwise.hpp"
#include "covalue/core/ranking/ranking_rule.hpp"

namespace covalue::core::ranking {

//! Strength of the strongest (widest) path from a to b over the positive margins, at a * m + b: a
//! path's strength is its weakest link; 0 when there is no path.
[[nodiscard]] std::vector<std::int32_t> schulze_strengths(const PairwiseMatrix& pairwise);

//! Schulze (beat path): a beats b when strength(a, b) > strength(b, a), a transitive relation.
//! Winners: candidates no one beats. Ranking: the unbeaten, then those beaten only by them, ...
[[nodiscard]] RankingResult schulze(const PairwiseMatrix& pairwise);

}  // namespace covalue::core::ranking
