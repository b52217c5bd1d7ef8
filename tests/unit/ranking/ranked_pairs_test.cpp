#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "covalue/core/ranking/ranked_pairs.hpp"
#include "ranking_test_support.hpp"

namespace covalue::core::ranking {
namespace {

using Edge = std::pair<Candidate, Candidate>;
using test_support::Shape;
using test_support::small_profile;

// Locks pairs in the given order, skipping those that close a cycle; returns the unbeaten candidates.
std::set<Candidate> lock_in_order(std::uint32_t n, const std::vector<Edge>& order) {
  std::vector<std::vector<char>> reach(n, std::vector<char>(n, 0));
  std::set<Candidate> beaten;
  for (const auto& [a, b] : order) {
    if (reach[b][a] != 0) {
      continue;
    }
    beaten.insert(b);
    for (Candidate x = 0; x < n; ++x) {
      if (x == a || reach[x][a] != 0) {
        reach[x][b] = 1;
        for (Candidate y = 0; y < n; ++y) {
          reach[x][y] = static_cast<char>(reach[x][y] | reach[b][y]);
        }
      }
    }
  }
  std::set<Candidate> winners;
  for (Candidate c = 0; c < n; ++c) {
    if (beaten.count(c) == 0) {
      winners.insert(c);
    }
  }
  return winners;
}

// The definition: every order of every group of equal margins, tried one by one.
std::set<Candidate> brute_force_winners(const PairwiseMatrix& pairwise) {
  std::map<std::int64_t, std::vector<Edge>, std::greater<>> groups;
  for (Candidate a = 0; a < pairwise.size(); ++a) {
    for (Candidate b = 0; b < pairwise.size(); ++b) {
      if (pairwise.margin(a, b) > 0) {
        groups[pairwise.margin(a, b)].emplace_back(a, b);
      }
    }
  }
  std::vector<std::vector<Edge>> parts;
  for (auto& [margin, edges] : groups) {
    parts.push_back(edges);
  }
  std::set<Candidate> winners;
  std::function<void(std::size_t, std::vector<Edge>&)> visit = [&](std::size_t p, std::vector<Edge>& order) {
    if (p == parts.size()) {
      const auto found = lock_in_order(pairwise.size(), order);
      winners.insert(found.begin(), found.end());
      return;
    }
    std::vector<Edge> group = parts[p];
    std::sort(group.begin(), group.end());
    do {
      order.insert(order.end(), group.begin(), group.end());
      visit(p + 1, order);
      order.resize(order.size() - group.size());
    } while (std::next_permutation(group.begin(), group.end()));
  };
  std::vector<Edge> order;
  visit(0, order);
  return winners;
}

RC_GTEST_PROP(RankedPairsProperties, WinnersAreExactlyThoseOfSomeTieBreakingOrder, ()) {
  const OrdinalProfile profile = *small_profile(1, 5, 6, Shape{*rc::gen::arbitrary<bool>(), false, 2});
  const PairwiseMatrix pairwise = compute_pairwise(profile);
  double orders = 1;
  std::map<std::int64_t, int> sizes;
  for (Candidate a = 0; a < pairwise.size(); ++a) {
    for (Candidate b = 0; b < pairwise.size(); ++b) {
      if (pairwise.margin(a, b) > 0) {
        orders *= ++sizes[pairwise.margin(a, b)];
      }
    }
  }
  RC_PRE(orders <= 50000);
  auto result = ranked_pairs(pairwise, RankingOptions{});
  RC_ASSERT(result.ok());
  const auto expected = brute_force_winners(pairwise);
  RC_ASSERT(result->winners == std::vector<Candidate>(expected.begin(), expected.end()));
}

TEST(RankedPairs, SearchLimitIsReported) {
  // Nine voters in a Latin square of rotations: the groups of equal margins are full of cycles.
  std::vector<std::vector<Candidate>> orders;
  for (Candidate shift = 0; shift < 9; ++shift) {
    std::vector<Candidate> order;
    for (Candidate i = 0; i < 9; ++i) {
      order.push_back((i * 2 + shift) % 9);
    }
    orders.push_back(order);
  }
  RankingOptions options;
  options.max_states = 3;
  auto result = ranked_pairs(compute_pairwise(profile_from_linear_orders(9, orders)), options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::kTimeLimit);
  auto unlimited = ranked_pairs(compute_pairwise(profile_from_linear_orders(9, orders)), RankingOptions{});
  ASSERT_TRUE(unlimited.ok()) << unlimited.error().to_string();
  EXPECT_FALSE(unlimited->winners.empty());
}

}  // namespace
}  // namespace covalue::core::ranking
