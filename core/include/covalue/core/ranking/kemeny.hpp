#pragma once

#include <cstdint>
#include <vector>

#include "covalue/core/ranking/pairwise.hpp"
#include "covalue/core/ranking/ranking_rule.hpp"
#include "covalue/core/result.hpp"

namespace covalue::core::ranking {

//! Largest group of mutually entangled candidates the exact Kemeny-Young solver accepts.
inline constexpr std::uint32_t kMaxKemenyComponent = 22;

//! Kemeny-Young: the linear orders R minimising the total Kendall-tau distance to the ballots,
//! sum over ballots of weight * d(ballot, R), where d counts 1 for each pair the ballot ranks the
//! other way round and 1/2 for each pair the ballot ties (unranked candidates are tied last). The
//! half points do not depend on R, so R minimises sum over pairs a above b in R of support(b, a).
//!
//! Exact, by dynamic programming over subsets (never over permutations): the candidates are first
//! split into the strongly connected parts of the "not beaten" relation (margin >= 0); every optimal
//! order ranks those parts in their majority order (the extended Condorcet principle), so each part
//! is solved on its own. A part larger than kMaxKemenyComponent gives kTimeLimit.
//! Result: every optimal order (lexicographically, up to options.max_rankings) and their count,
//! the distance, winners = the first candidates of the optimal orders, ranking = the first order.
[[nodiscard]] Result<RankingResult> kemeny_young(const PairwiseMatrix& pairwise, const RankingOptions& options);

//! The strongly connected parts of "a is not beaten by b" (margin(a, b) >= 0), best part first,
//! each part sorted by candidate. Between two parts every margin favours the earlier part.
[[nodiscard]] std::vector<std::vector<Candidate>> condorcet_components(const PairwiseMatrix& pairwise);

}  // namespace covalue::core::ranking
