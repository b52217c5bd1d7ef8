#include <gtest/gtest.h>

#include "covalue/core/ranking/ordinal_profile.hpp"

namespace covalue::core::ranking {
namespace {

TEST(OrdinalProfile, ValidProfilesPass) {
  EXPECT_TRUE(validate_profile(OrdinalProfile{}).ok());
  EXPECT_TRUE(validate_profile(OrdinalProfile{3, {{{{0}, {1, 2}}, 4}, {{}, 1}}}).ok());
  EXPECT_EQ((OrdinalProfile{3, {{{{0}}, 4}, {{}, 1}}}).total_weight(), 5);
}

TEST(OrdinalProfile, BrokenInvariantsAreReported) {
  const OrdinalProfile out_of_range{2, {{{{0}, {2}}, 1}}};
  const OrdinalProfile twice{3, {{{{0}, {1, 0}}, 1}}};
  const OrdinalProfile empty_tier{3, {{{{0}, {}}, 1}}};
  const OrdinalProfile zero_count{3, {{{{0}}, 0}}};
  const OrdinalProfile too_heavy{3, {{{{0}}, kMaxTotalWeight}, {{{1}}, 1}}};
  const OrdinalProfile too_many{kMaxCandidates + 1, {}};
  for (const auto* profile : {&out_of_range, &twice, &empty_tier, &zero_count, &too_heavy, &too_many}) {
    const Status status = validate_profile(*profile);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().kind, ErrorKind::kInvalidInput);
  }
  EXPECT_EQ(validate_profile(twice).error().message, "candidate 0 ranked twice");
  EXPECT_EQ(validate_profile(too_heavy).error().where, "ballot 2");
}

TEST(OrdinalProfile, TierPositionsPutUnrankedCandidatesLast) {
  const RankedBallot ballot{{{2}, {0, 3}}, 1};
  EXPECT_EQ(tier_positions(ballot, 5), (std::vector<std::uint32_t>{1, 2, 0, 1, 2}));
  EXPECT_EQ(ranked_count(ballot), 3U);
}

TEST(OrdinalProfile, LinearOrdersBecomeSingletonTiers) {
  const OrdinalProfile profile = profile_from_linear_orders(3, {{2, 0, 1}});
  EXPECT_EQ(profile.ballots.front().tiers, (WeakOrder{{2}, {0}, {1}}));
  EXPECT_EQ(profile.ballots.front().count, 1);
}

}  // namespace
}  // namespace covalue::core::ranking
