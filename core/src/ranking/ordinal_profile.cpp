#include "covalue/core/ranking/ordinal_profile.hpp"

#include <string>

namespace covalue::core::ranking {
namespace {

Error invalid(std::string message, std::size_t ballot) {
  return make_error(ErrorKind::kInvalidInput, std::move(message), "ballot " + std::to_string(ballot + 1));
}

Status validate_ballot(const RankedBallot& ballot, std::uint32_t num_candidates, std::vector<char>& seen,
                       std::size_t index) {
  if (ballot.count < 1) {
    return invalid("count must be at least 1", index);
  }
  Status status;
  for (const Tier& tier : ballot.tiers) {
    if (tier.empty()) {
      status = invalid("empty tier", index);
      break;
    }
    for (const Candidate c : tier) {
      if (c >= num_candidates) {
        status = invalid("candidate " + std::to_string(c) + " out of range", index);
        break;
      }
      if (seen[c] != 0) {
        status = invalid("candidate " + std::to_string(c) + " ranked twice", index);
        break;
      }
      seen[c] = 1;
    }
    if (!status.ok()) {
      break;
    }
  }
  for (const Tier& tier : ballot.tiers) {
    for (const Candidate c : tier) {
      if (c < num_candidates) {
        seen[c] = 0;
      }
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
    return make_error(ErrorKind::kInvalidInput,
                      "more than " + std::to_string(kMaxCandidates) + " candidates");
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

std::vector<std::uint32_t> tier_positions(const RankedBallot& ballot, std::uint32_t num_candidates) {
  const auto unranked = static_cast<std::uint32_t>(ballot.tiers.size());
  std::vector<std::uint32_t> position(num_candidates, unranked);
  for (std::uint32_t t = 0; t < unranked; ++t) {
    for (const Candidate c : ballot.tiers[t]) {
      position[c] = t;
    }
  }
  return position;
}

std::size_t ranked_count(const RankedBallot& ballot) {
  std::size_t count = 0;
  for (const Tier& tier : ballot.tiers) {
    count += tier.size();
  }
  return count;
}

OrdinalProfile profile_from_linear_orders(std::uint32_t num_candidates,
                                          const std::vector<std::vector<Candidate>>& orders) {
  OrdinalProfile profile{num_candidates, {}};
  profile.ballots.reserve(orders.size());
  for (const auto& order : orders) {
    RankedBallot ballot;
    ballot.tiers.reserve(order.size());
    for (const Candidate c : order) {
      ballot.tiers.push_back(Tier{c});
    }
    profile.ballots.push_back(std::move(ballot));
  }
  return profile;
}

}  // namespace covalue::core::ranking
