#include <gtest/gtest.h>

#include "covalue/core/ranking/ordinal_profile.hpp"

namespace covalue::core::ranking {
namespace {

TEST(OrdinalProfile, ValidProfilesPass) {
  EXPECT_TRUE(validate_profile(OrdinalProfile{}).ok());
  EXPECT_TRUE(validate_profile(OrdinalProfile{3, {make_ballot({{0}, {1, 2}}, 4), make_ballot({}, 1)}}).ok());
  EXPECT_EQ((OrdinalProfile{3, {make_ballot({{0}}, 4), make_ballot({}, 1)}}).total_weight(), 5);
}

TEST(OrdinalProfile, BrokenInvariantsAreReported) {
  const OrdinalProfile out_of_range{2, {RankedBallot{{0, 2}, {}, 1}}};
  const OrdinalProfile twice{3, {RankedBallot{{0, 1, 0}, {2}, 1}}};
  const OrdinalProfile tie_at_start{3, {RankedBallot{{0, 1}, {0}, 1}}};
  const OrdinalProfile tie_past_end{3, {RankedBallot{{0, 1}, {2}, 1}}};
  const OrdinalProfile ties_unsorted{3, {RankedBallot{{0, 1, 2}, {2, 1}, 1}}};
  const OrdinalProfile zero_count{3, {RankedBallot{{0}, {}, 0}}};
  const OrdinalProfile too_heavy{3, {RankedBallot{{0}, {}, kMaxTotalWeight}, RankedBallot{{1}, {}, 1}}};
  const OrdinalProfile too_many{kMaxCandidates + 1, {}};
  for (const auto* profile :
       {&out_of_range, &twice, &tie_at_start, &tie_past_end, &ties_unsorted, &zero_count, &too_heavy, &too_many}) {
    const Status status = validate_profile(*profile);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().kind, ErrorKind::kInvalidInput);
  }
  EXPECT_EQ(validate_profile(twice).error().message, "candidate 0 ranked twice");
  EXPECT_EQ(validate_profile(too_heavy).error().where, "ballot 2");
}

TEST(OrdinalProfile, BallotsStoreTiersFlat) {
  const RankedBallot ballot = make_ballot({{2}, {0, 3, 1}, {4}}, 7);
  EXPECT_EQ(ballot.order, (std::vector<Candidate>{2, 0, 3, 1, 4}));
  EXPECT_EQ(ballot.ties, (std::vector<std::uint32_t>{2, 3}));
  EXPECT_EQ(tier_count(ballot), 3U);
  EXPECT_EQ(tiers_of(ballot), (WeakOrder{{2}, {0, 3, 1}, {4}}));
  EXPECT_EQ(tiers_of(make_ballot({{0, 1}, {2, 3}})), (WeakOrder{{0, 1}, {2, 3}}));
  EXPECT_TRUE(tiers_of(make_ballot({})).empty());
}

TEST(OrdinalProfile, TierPositionsPutUnrankedCandidatesLast) {
  const RankedBallot ballot = make_ballot({{2}, {0, 3}});
  EXPECT_EQ(tier_positions(ballot, 5), (std::vector<std::uint32_t>{1, 2, 0, 1, 2}));
  EXPECT_EQ(ranked_count(ballot), 3U);
}

TEST(OrdinalProfile, LinearOrdersBecomeSingletonTiers) {
  const OrdinalProfile profile = profile_from_linear_orders(3, {{2, 0, 1}});
  EXPECT_EQ(tiers_of(profile.ballots.front()), (WeakOrder{{2}, {0}, {1}}));
  EXPECT_EQ(profile.ballots.front().count, 1);
}

}  // namespace
}  // namespace covalue::core::ranking
