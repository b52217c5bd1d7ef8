#pragma once

#include <cstdint>
#include <vector>

#include "covalue/core/result.hpp"

namespace covalue::core::ranking {

//! Index of a candidate (an initiative being ranked), 0-based; PrefLib files number them from 1.
using Candidate = std::uint32_t;

//! A group of candidates ranked equally (an indifference class).
using Tier = std::vector<Candidate>;

//! A ranking with ties: tiers from most to least preferred. A candidate in no tier is unranked.
using WeakOrder = std::vector<Tier>;

//! Most candidates a profile may have: tier positions must fit 16 bits in the pairwise kernel.
inline constexpr std::uint32_t kMaxCandidates = 65535;

//! Most total ballot weight a profile may carry: every margin then fits a 32-bit integer.
inline constexpr std::int64_t kMaxTotalWeight = 2147483647;

//! One ranking and the number of voters who cast it (PrefLib's "count: ranking" line).
//!
//! How the rules read a ballot: candidates in the same tier are tied; a candidate that appears in
//! no tier (a partial ranking) is ranked below every ranked candidate and tied with the other
//! unranked ones. A ballot with no tier ranks nobody: it abstains in plurality and instant runoff
//! and adds nothing to any margin.
struct RankedBallot {
  WeakOrder tiers;
  std::int64_t count{1};

  bool operator==(const RankedBallot&) const = default;
};

//! The ordinal ballots of one election over candidates 0 .. num_candidates-1.
struct OrdinalProfile {
  std::uint32_t num_candidates{0};
  std::vector<RankedBallot> ballots;

  //! Sum of the ballots' counts.
  [[nodiscard]] std::int64_t total_weight() const;

  bool operator==(const OrdinalProfile&) const = default;
};

//! Checks the invariants every rule relies on: at most kMaxCandidates candidates, candidates in
//! range, none ranked twice in a ballot, no empty tier, counts >= 1 and a total <= kMaxTotalWeight.
[[nodiscard]] Status validate_profile(const OrdinalProfile& profile);

//! Position of each candidate in the ballot: its tier index, or the number of tiers when unranked.
[[nodiscard]] std::vector<std::uint32_t> tier_positions(const RankedBallot& ballot, std::uint32_t num_candidates);

//! Number of candidates the ballot ranks.
[[nodiscard]] std::size_t ranked_count(const RankedBallot& ballot);

//! A profile of linear orders, one voter each (favourite first): the usual test fixture.
[[nodiscard]] OrdinalProfile profile_from_linear_orders(std::uint32_t num_candidates,
                                                        const std::vector<std::vector<Candidate>>& orders);

}  // namespace covalue::core::ranking
