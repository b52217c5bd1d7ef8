#pragma once

// Random ordinal profiles for the ranking tests: rapidcheck generators for small elections and a
// seeded generator for large ones, plus a naive pairwise count to check the fast one against.
#include <rapidcheck.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <random>
#include <utility>
#include <vector>

#include "covalue/core/ranking/ordinal_profile.hpp"
#include "covalue/core/ranking/pairwise.hpp"

namespace covalue::core::ranking::test_support {

//! Which kinds of ballot a generator may produce.
struct Shape {
  bool ties{false};           //!< tiers of several candidates
  bool partial{false};        //!< rankings that leave candidates out
  std::int64_t max_count{1};  //!< counts drawn from 1..max_count
};

//! Cuts a permutation into tiers (when ties) and keeps a prefix (when partial), drawing with `next`,
//! which returns a uniform integer in [0, bound).
template <typename Next>
RankedBallot shape_ballot(std::vector<Candidate> order, const Shape& shape, Next&& next) {
  std::size_t keep = order.size();
  if (shape.partial) {
    keep = next(order.size() + 1);
  }
  WeakOrder tiers;
  for (std::size_t i = 0; i < keep; ++i) {
    if (i == 0 || !shape.ties || next(3) != 0) {
      tiers.emplace_back();
    }
    tiers.back().push_back(order[i]);
  }
  return make_ballot(tiers, 1 + static_cast<std::int64_t>(next(static_cast<std::size_t>(shape.max_count))));
}

//! A profile from (tiers, count) pairs: weak_profile(3, {{{{0}, {1, 2}}, 4}, {{}, 1}}).
inline OrdinalProfile weak_profile(std::uint32_t m, const std::vector<std::pair<WeakOrder, std::int64_t>>& ballots) {
  OrdinalProfile profile{m, {}};
  for (const auto& [tiers, count] : ballots) {
    profile.ballots.push_back(make_ballot(tiers, count));
  }
  return profile;
}

//! A rapidcheck generator of profiles with min_m..max_m candidates and 1..max_ballots ballots.
inline rc::Gen<OrdinalProfile> small_profile(std::uint32_t min_m, std::uint32_t max_m, std::size_t max_ballots,
                                             Shape shape) {
  return rc::gen::exec([=] {
    OrdinalProfile profile;
    profile.num_candidates = *rc::gen::inRange<std::uint32_t>(min_m, max_m + 1);
    const auto n = *rc::gen::inRange<std::size_t>(1, max_ballots + 1);
    for (std::size_t i = 0; i < n; ++i) {
      auto keys = *rc::gen::container<std::vector<int>>(profile.num_candidates, rc::gen::inRange(0, 1000));
      std::vector<Candidate> order(profile.num_candidates);
      std::iota(order.begin(), order.end(), Candidate{0});
      std::stable_sort(order.begin(), order.end(), [&](Candidate a, Candidate b) { return keys[a] < keys[b]; });
      auto next = [](std::size_t bound) { return *rc::gen::inRange<std::size_t>(0, bound); };
      profile.ballots.push_back(shape_ballot(std::move(order), shape, next));
    }
    return profile;
  });
}

//! A seeded random profile (fast, for large elections).
inline OrdinalProfile seeded_profile(std::uint32_t m, std::size_t n, const Shape& shape, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  OrdinalProfile profile{m, {}};
  std::vector<Candidate> order(m);
  std::iota(order.begin(), order.end(), Candidate{0});
  auto next = [&](std::size_t bound) { return static_cast<std::size_t>(rng() % bound); };
  for (std::size_t i = 0; i < n; ++i) {
    std::shuffle(order.begin(), order.end(), rng);
    profile.ballots.push_back(shape_ballot(order, shape, next));
  }
  return profile;
}

//! support(a, b) counted the obvious way, O(n m^2).
inline std::vector<std::int64_t> naive_support(const OrdinalProfile& profile) {
  const std::size_t m = profile.num_candidates;
  std::vector<std::int64_t> support(m * m, 0);
  for (const RankedBallot& ballot : profile.ballots) {
    const auto position = tier_positions(ballot, profile.num_candidates);
    for (std::size_t a = 0; a < m; ++a) {
      for (std::size_t b = 0; b < m; ++b) {
        if (position[a] < position[b]) {
          support[(a * m) + b] += ballot.count;
        }
      }
    }
  }
  return support;
}

//! The support matrix of a PairwiseMatrix, row-major.
inline std::vector<std::int64_t> support_of(const PairwiseMatrix& pairwise) {
  std::vector<std::int64_t> support;
  for (Candidate a = 0; a < pairwise.size(); ++a) {
    for (Candidate b = 0; b < pairwise.size(); ++b) {
      support.push_back(pairwise.support(a, b));
    }
  }
  return support;
}

//! Every ballot's tiers in the opposite order (a full reversal for complete ballots).
inline OrdinalProfile reversed_ballots(OrdinalProfile profile) {
  for (RankedBallot& ballot : profile.ballots) {
    WeakOrder tiers = tiers_of(ballot);
    std::reverse(tiers.begin(), tiers.end());
    ballot = make_ballot(tiers, ballot.count);
  }
  return profile;
}

}  // namespace covalue::core::ranking::test_support
