#pragma once

#include "covalue/core/ranking/ordinal_profile.hpp"
#include "covalue/core/ranking/pairwise.hpp"
#include "covalue/core/ranking/ranking_rule.hpp"

namespace covalue::core::ranking {

//! Borda: a ballot gives a candidate one point per candidate it ranks strictly below it and half a
//! point per candidate tied with it (unranked candidates are tied last), i.e.
//! score(c) = ((m - 1) * W + sum_d margin(c, d)) / 2. On a linear order the places score m-1 .. 0.
//! Ranking: by score; winners: the top tier.
[[nodiscard]] RankingResult borda(const PairwiseMatrix& pairwise);

//! Plurality: each ballot's top tier shares the ballot's weight equally; an empty ballot abstains.
[[nodiscard]] RankingResult plurality(const OrdinalProfile& profile);

//! Copeland: a head-to-head win (positive margin) scores 1, a tie 1/2, a loss 0.
[[nodiscard]] RankingResult copeland(const PairwiseMatrix& pairwise);

//! Minimax: score(c) = max over d != c of margin(d, c), the largest margin against c (0 when c has
//! no rival); the smallest score wins and the ranking is by increasing score.
[[nodiscard]] RankingResult minimax(const PairwiseMatrix& pairwise);

}  // namespace covalue::core::ranking
