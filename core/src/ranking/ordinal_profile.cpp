#include "covalue/core/ranking/ordinal_profile.hpp"

#include <string>

namespace covalue::core::ranking {
namespace {

Error invalid(std::string message, std::size_t ballot) {
  return make_error(ErrorKind::kInvalidInput, std::move(message), "ballot " + std::to_string(ballot + 1));
}

Status validate_ties(const RankedBallot& ballot, std::size_t index) {
  for (std::size_t i = 0; i < ballot.ties.size(); ++i) {
    const std::uint32_t position = ballot.ties[i];
    if (position < 1 || position >= ballot.order.size() || (i > 0 && position <= ballot.ties[i - 1])) {
      return invalid("tie positions must ascend within 1.." + std::to_string(ballot.order.size() - 1), index);
    }
  }
  return {};
}

Status validate_ballot(const RankedBallot& ballot, std::uint32_t num_candidates, std::vector<char>& seen,
                       std::size_t index) {
  if (ballot.count < 1) {
    return invalid("count must be at least 1", index);
  }
  Status status = validate_ties(ballot, index);
  for (const Candidate c : ballot.order) {
    if (!status.ok()) {
      break;
    }
    if (c >= num_candidates) {
      status = invalid("candidate " + std::to_string(c) + " out of range", index);
    } else if (seen[c] != 0) {
      status = invalid("candidate " + std::to_string(c) + " ranked twice", index);
    } else {
      seen[c] = 1;
    }
  }
  for (const Candidate c : ballot.order) {
    if (c < num_candidates) {
      seen[c] = 0;
    }
  }
  return status;
}

}  // namespace

std::int64_t OrdinalProfile::total_weight() const {
  std::int64_t total = 0;
  for (const RankedBallot& ballot : ballots) {
    total += ballot.count;
  }
  return total;
}

Status validate_profile(const OrdinalProfile& profile) {
  if (profile.num_candidates > kMaxCandidates) {
    return make_error(ErrorKind::kInvalidInput, "more than " + std::to_string(kMaxCandidates) + " candidates");
  }
  std::vector<char> seen(profile.num_candidates, 0);
  std::int64_t total = 0;
  for (std::size_t i = 0; i < profile.ballots.size(); ++i) {
    const RankedBallot& ballot = profile.ballots[i];
    if (Status status = validate_ballot(ballot, profile.num_candidates, seen, i); !status.ok()) {
      return status;
    }
    if (ballot.count > kMaxTotalWeight - total) {
      return invalid("total ballot weight exceeds " + std::to_string(kMaxTotalWeight), i);
    }
    total += ballot.count;
  }
  return {};
}

RankedBallot make_ballot(const WeakOrder& tiers, std::int64_t count) {
  RankedBallot ballot;
  ballot.count = count;
  for (const Tier& tier : tiers) {
    for (std::size_t i = 0; i < tier.size(); ++i) {
      if (i > 0) {
        ballot.ties.push_back(static_cast<std::uint32_t>(ballot.order.size()));
      }
      ballot.order.push_back(tier[i]);
    }
  }
  return ballot;
}

WeakOrder tiers_of(const RankedBallot& ballot) {
  WeakOrder tiers;
  for (TierWalker walk(ballot); !walk.done(); walk.next()) {
    tiers.emplace_back(walk.tier().begin(), walk.tier().end());
  }
  return tiers;
}

std::vector<std::uint32_t> tier_positions(const RankedBallot& ballot, std::uint32_t num_candidates) {
  std::vector<std::uint32_t> position(num_candidates, static_cast<std::uint32_t>(tier_count(ballot)));
  std::uint32_t tier = 0;
  for (TierWalker walk(ballot); !walk.done(); walk.next(), ++tier) {
    for (const Candidate c : walk.tier()) {
      position[c] = tier;
    }
  }
  return position;
}

OrdinalProfile profile_from_linear_orders(std::uint32_t num_candidates,
                                          const std::vector<std::vector<Candidate>>& orders) {
  OrdinalProfile profile{num_candidates, {}};
  profile.ballots.reserve(orders.size());
  for (const auto& order : orders) {
    profile.ballots.push_back(RankedBallot{order, {}, 1});
  }
  return profile;
}

}  // namespace covalue::core::ranking
