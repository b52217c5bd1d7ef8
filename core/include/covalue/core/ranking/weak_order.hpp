#pragma once

#include <cstdint>
#include <vector>

#include "covalue/core/ranking/ordinal_profile.hpp"
#include "covalue/core/rational.hpp"

namespace covalue::core::ranking {

//! Candidates 0 .. n-1 in tiers of equal score, best first (highest score first unless
//! `lower_is_better`); each tier is sorted by candidate.
[[nodiscard]] WeakOrder order_by_scores(const std::vector<Rational>& scores, bool lower_is_better = false);

//! Layers a strict partial order given as a dense n x n matrix (`beats[a * n + b]` is non-zero when
//! a beats b): first the unbeaten candidates, then those beaten only by the first layer, and so on.
//! A candidate on a cycle is never unbeaten; such leftovers form one last tier.
[[nodiscard]] WeakOrder layer_by_relation(std::uint32_t n, const std::vector<char>& beats);

//! The weak order as a candidate -> tier index table (every candidate must appear).
[[nodiscard]] std::vector<std::uint32_t> tier_index(const WeakOrder& order, std::uint32_t num_candidates);

//! The same tiers in the opposite order.
[[nodiscard]] WeakOrder reversed(const WeakOrder& order);

//! A linear order (favourite first) as a weak order of singleton tiers.
[[nodiscard]] WeakOrder as_weak_order(const std::vector<Candidate>& linear);

}  // namespace covalue::core::ranking
