#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "covalue/core/ranking/pairwise.hpp"
#include "ranking_test_support.hpp"

namespace covalue::core::ranking {
namespace {

using test_support::naive_support;
using test_support::seeded_profile;
using test_support::Shape;
using test_support::support_of;

TEST(Pairwise, TiesAndUnrankedCandidatesCountAsDocumented) {
  // 0 > {1,2} > 3 (twice); 2 alone (3 unranked: 0, 1, 3 tied last); an empty ballot.
  const OrdinalProfile profile{4, {{{{0}, {1, 2}, {3}}, 2}, {{{2}}, 1}, {{}, 5}}};
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
  const PairwiseMatrix empty = compute_pairwise(OrdinalProfile{3, {}});
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

RC_GTEST_PROP(PairwiseProperties, FastCountEqualsNaiveCount, ()) {
  const auto m = *rc::gen::inRange<std::uint32_t>(1, 90);
  const auto n = *rc::gen::inRange<std::size_t>(0, 120);
  const Shape shape{*rc::gen::arbitrary<bool>(), *rc::gen::arbitrary<bool>(), *rc::gen::inRange<std::int64_t>(1, 50)};
  const OrdinalProfile profile = seeded_profile(m, n, shape, *rc::gen::arbitrary<std::uint64_t>());
  RC_ASSERT(support_of(compute_pairwise(profile)) == naive_support(profile));
}

}  // namespace
}  // namespace covalue::core::ranking
