#pragma once

#include "covalue/core/ranking/ordinal_profile.hpp"
#include "covalue/core/ranking/ranking_rule.hpp"

namespace covalue::core::ranking {

//! Instant runoff: each round, a ballot counts for the continuing candidates of its best tier that
//! still has one (shared equally when tied); a ballot with none left is exhausted. A candidate with
//! more than half of the non-exhausted weight wins; otherwise ALL candidates tied for the fewest
//! votes are dropped at once. When that would drop every continuing candidate, they all win.
//! The count then goes on to the end to rank everybody: the ranking is the reverse order of
//! elimination (the winner never drops out early, holding a majority). `rounds` lists the rounds
//! up to and including the deciding one.
[[nodiscard]] RankingResult instant_runoff(const OrdinalProfile& profile);

}  // namespace covalue::core::ranking
