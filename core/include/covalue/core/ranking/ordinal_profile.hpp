#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
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

//! One ranking and the number of voters who cast it (PrefLib's "count: ranking" line), stored flat
//! so that long linear orders stay compact: `order` lists the ranked candidates best first, tied
//! candidates side by side, and `ties` the positions i >= 1 whose candidate is tied with the one at
//! i - 1 (ascending; empty for a strict ranking).
//!
//! How the rules read a ballot: candidates in the same tier are tied; a candidate that appears
//! nowhere (a partial ranking) is ranked below every ranked candidate and tied with the other
//! unranked ones. A ballot that ranks nobody abstains in plurality and instant runoff and adds
//! nothing to any margin.
struct RankedBallot {
  std::vector<Candidate> order;
  std::vector<std::uint32_t> ties;
  std::int64_t count{1};

  bool operator==(const RankedBallot&) const = default;
};

//! A ballot from its tiers, best first.
[[nodiscard]] RankedBallot make_ballot(const WeakOrder& tiers, std::int64_t count = 1);

//! The tiers of a ballot, best first.
[[nodiscard]] WeakOrder tiers_of(const RankedBallot& ballot);

//! Walks the tiers of a ballot, best first, without copying them.
class TierWalker {
 public:
  //! Starts at the first tier; the ballot must outlive the walker.
  explicit TierWalker(const RankedBallot& ballot) : ballot_(&ballot) { find_end(); }

  //! True once every tier has been visited.
  [[nodiscard]] bool done() const { return begin_ >= ballot_->order.size(); }
  //! The current tier.
  [[nodiscard]] std::span<const Candidate> tier() const {
    return std::span<const Candidate>(ballot_->order).subspan(begin_, end_ - begin_);
  }
  //! Moves to the next tier.
  void next() {
    begin_ = end_;
    find_end();
  }

 private:
  void find_end() {
    end_ = begin_ + 1;
    while (tie_ < ballot_->ties.size() && ballot_->ties[tie_] <= begin_) {
      ++tie_;
    }
    while (tie_ < ballot_->ties.size() && ballot_->ties[tie_] == end_) {
      ++end_;
      ++tie_;
    }
  }

  const RankedBallot* ballot_;
  std::size_t begin_{0};
  std::size_t end_{0};
  std::size_t tie_{0};
};

//! Number of tiers of a ballot.
[[nodiscard]] inline std::size_t tier_count(const RankedBallot& ballot) {
  return ballot.order.size() - ballot.ties.size();
}

//! The ordinal ballots of one election over candidates 0 .. num_candidates-1.
struct OrdinalProfile {
  std::uint32_t num_candidates{0};
  std::vector<RankedBallot> ballots;

  //! Sum of the ballots' counts.
  [[nodiscard]] std::int64_t total_weight() const;

  bool operator==(const OrdinalProfile&) const = default;
};

//! Checks the invariants every rule relies on: at most kMaxCandidates candidates, candidates in
//! range, none ranked twice in a ballot, tie positions ascending within 1..size-1, counts >= 1 and a
//! total <= kMaxTotalWeight.
[[nodiscard]] Status validate_profile(const OrdinalProfile& profile);

//! Position of each candidate in the ballot: its tier index, or the number of tiers when unranked.
[[nodiscard]] std::vector<std::uint32_t> tier_positions(const RankedBallot& ballot, std::uint32_t num_candidates);

//! Number of candidates the ballot ranks.
[[nodiscard]] inline std::size_t ranked_count(const RankedBallot& ballot) { return ballot.order.size(); }

//! A profile of linear orders, one voter each (favourite first): the usual test fixture.
[[nodiscard]] OrdinalProfile profile_from_linear_orders(std::uint32_t num_candidates,
                                                        const std::vector<std::vector<Candidate>>& orders);

}  // namespace covalue::core::ranking
