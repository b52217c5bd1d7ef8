#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "covalue/core/ranking/pairwise.hpp"
#include "covalue/core/ranking/pairwise_kernel.hpp"
#include "ranking_test_support.hpp"

namespace covalue::core::ranking {
namespace {

using test_support::weak_profile;

using test_support::naive_support;
using test_support::seeded_profile;
using test_support::Shape;
using test_support::support_of;

TEST(Pairwise, TiesAndUnrankedCandidatesCountAsDocumented) {
  // 0 > {1,2} > 3 (twice); 2 alone (3 unranked: 0, 1, 3 tied last); an empty ballot.
  const OrdinalProfile profile = weak_profile(4, {{{{0}, {1, 2}, {3}}, 2}, {{{2}}, 1}, {{}, 5}});
  const PairwiseMatrix pairwise = compute_pairwise(profile);
  EXPECT_EQ(pairwise.total_weight(), 8);
  EXPECT_EQ(pairwise.support(0, 1), 2);
  EXPECT_EQ(pairwise.support(1, 2), 0);
  EXPECT_EQ(pairwise.support(2, 1), 1);
  EXPECT_EQ(pairwise.support(2, 0), 1);
  EXPECT_EQ(pairwise.support(0, 2), 2);
  EXPECT_EQ(pairwise.support(1, 3), 2);
  EXPECT_EQ(pairwise.support(3, 1), 0);
  EXPECT_EQ(pairwise.margin(0, 2), 1);
  EXPECT_EQ(pairwise.margin(2, 0), -1);
  EXPECT_EQ(pairwise.margin(3, 3), 0);
  EXPECT_EQ(support_of(pairwise), naive_support(profile));
}

TEST(Pairwise, NoCandidatesOrNoBallots) {
  EXPECT_EQ(compute_pairwise(OrdinalProfile{}).size(), 0U);
  const PairwiseMatrix empty = compute_pairwise(weak_profile(3, {}));
  EXPECT_EQ(empty.margins(), std::vector<std::vector<std::int64_t>>(3, std::vector<std::int64_t>(3, 0)));
}

// The vectorised kernel takes ballots ranking at least a quarter of 32+ candidates; check it against
// the naive count on every shape, across chunk boundaries and weight bit planes.
TEST(Pairwise, DenseKernelMatchesTheNaiveCount) {
  struct Case {
    std::uint32_t m;
    std::size_t n;
    Shape shape;
  };
  const Case cases[] = {
      {32, 1, {false, false, 1}},        {33, 2049, {false, false, 1}},  {40, 300, {true, false, 1}},
      {71, 500, {true, true, 1}},        {64, 200, {false, true, 1000}}, {119, 2100, {false, false, 1}},
      {130, 150, {true, true, 1 << 20}}, {257, 40, {true, false, 3}},
  };
  std::uint64_t seed = 7;
  for (const Case& c : cases) {
    const OrdinalProfile profile = seeded_profile(c.m, c.n, c.shape, ++seed);
    ASSERT_TRUE(validate_profile(profile).ok());
    EXPECT_EQ(support_of(compute_pairwise(profile)), naive_support(profile)) << "m=" << c.m << " n=" << c.n;
  }
}

// Every instruction-set variant of the kernel (not only the one this machine picks) counts right.
TEST(PairwiseKernel, EveryVariantCountsLikeAScalarLoop) {
  constexpr std::size_t kLen = 4 * kKernelLanePad;
  std::mt19937_64 rng(11);
  std::vector<std::uint16_t> rows((kKernelRows + 1) * kLen);
  for (auto& cell : rows) {
    cell = static_cast<std::uint16_t>(rng() % 5);  // small values: many ties
  }
  const std::uint16_t* b_row = rows.data() + (kKernelRows * kLen);
  for (const bool above_too : {false, true}) {
    for (const PairBlockCounter counter : available_pair_block_counters(above_too)) {
      std::uint32_t below[kKernelRows];
      std::uint32_t above[kKernelRows];
      counter(rows.data(), kLen, b_row, kLen, below, above);
      for (std::size_t i = 0; i < kKernelRows; ++i) {
        std::uint32_t want_below = 0;
        std::uint32_t want_above = 0;
        for (std::size_t v = 0; v < kLen; ++v) {
          want_below += rows[(i * kLen) + v] < b_row[v] ? 1 : 0;
          want_above += rows[(i * kLen) + v] > b_row[v] ? 1 : 0;
        }
        EXPECT_EQ(below[i], want_below);
        if (above_too) {
          EXPECT_EQ(above[i], want_above);
        }
      }
    }
  }
  EXPECT_GE(available_pair_block_counters(false).size(), 1U);
}

RC_GTEST_PROP(PairwiseProperties, FastCountEqualsNaiveCount, ()) {
  const auto m = *rc::gen::inRange<std::uint32_t>(1, 90);
  const auto n = *rc::gen::inRange<std::size_t>(0, 120);
  const Shape shape{*rc::gen::arbitrary<bool>(), *rc::gen::arbitrary<bool>(), *rc::gen::inRange<std::int64_t>(1, 50)};
  const OrdinalProfile profile = seeded_profile(m, n, shape, *rc::gen::arbitrary<std::uint64_t>());
  RC_ASSERT(support_of(compute_pairwise(profile)) == naive_support(profile));
}

}  // namespace
}  // namespace covalue::core::ranking
