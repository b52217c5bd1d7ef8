// The column-wise Profile: ballots read back as given, weights and points stored as integers until
// they are not, and the grouped ApprovalProfile built from it.
#include "covalue/core/profile.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "covalue/core/approval_profile.hpp"
#include "covalue/core/number_column.hpp"
#include "covalue/core/text_column.hpp"

namespace covalue::core {
namespace {

std::vector<ProjectIndex> projects_of(const Profile& profile, std::size_t ballot) {
  const auto projects = profile.projects(ballot);
  return {projects.begin(), projects.end()};
}

TEST(Profile, ReadsBackEachBallotsFields) {
  Profile profile;
  profile.set_kind(BallotKind::kCumulative);
  profile.set_attribute_names({"age", "sex"});
  profile.add_ballot("v1");
  profile.add_project(2);
  profile.add_project(0);
  profile.add_points(Rational(3));
  profile.add_points(Rational(1, 2));
  profile.add_attribute("34");
  profile.add_attribute("F");
  profile.add_ballot("v2");
  profile.add_attribute("");  // the second attribute is not given: it reads as empty
  ASSERT_EQ(profile.size(), 2U);
  EXPECT_EQ(profile.kind(), BallotKind::kCumulative);
  EXPECT_EQ(profile.voter_id(0), "v1");
  EXPECT_EQ(projects_of(profile, 0), (std::vector<ProjectIndex>{2, 0}));
  EXPECT_EQ(profile.points(0).to_vector(), (std::vector<Rational>{Rational(3), Rational(1, 2)}));
  EXPECT_EQ(profile.attributes(0), (std::vector<Attribute>{{"age", "34"}, {"sex", "F"}}));
  EXPECT_EQ(profile.voter_id(1), "v2");
  EXPECT_TRUE(profile.projects(1).empty());
  EXPECT_TRUE(profile.points(1).empty());
  EXPECT_EQ(profile.attribute(1, 0), "");
  EXPECT_EQ(profile.attribute(1, 1), "");
  EXPECT_EQ(profile[0].voter_id, "v1");
  EXPECT_EQ(profile[0].points.size(), 2U);
}

TEST(Profile, GivesBallotsBeforeTheFirstPointsNone) {
  Profile profile;
  profile.set_kind(BallotKind::kScoring);
  profile.reserve(3, 2, 3);
  profile.add_ballot("a");
  profile.add_project(0);
  profile.add_ballot("b");
  profile.add_project(1);
  profile.add_points(Rational(4));
  profile.add_ballot("c");
  EXPECT_TRUE(profile.points(0).empty());
  EXPECT_EQ(profile.points(1).to_vector(), (std::vector<Rational>{Rational(4)}));
  EXPECT_TRUE(profile.points(2).empty());
  Profile none;
  none.add_ballot("a");
  EXPECT_TRUE(none.points(0).empty());
}

TEST(Profile, KeepsUnitWeightsImplicitAndSwitchesToStoredWeights) {
  Profile profile;
  profile.add_ballot("a");
  profile.add_ballot("b", Rational(1));
  EXPECT_TRUE(profile.unit_weights());
  EXPECT_EQ(profile.total_weight(), Rational(2));
  profile.add_ballot("c", Rational(5));
  profile.add_ballot("d");
  EXPECT_FALSE(profile.unit_weights());
  EXPECT_TRUE(profile.weights().integral());
  EXPECT_EQ(profile.weight(0), Rational(1));
  EXPECT_EQ(profile.weight(2), Rational(5));
  EXPECT_EQ(profile.weight(3), Rational(1));
  EXPECT_EQ(profile.total_weight(), Rational(8));
  profile.add_ballot("e", Rational(1, 3));
  EXPECT_FALSE(profile.weights().integral());
  EXPECT_EQ(profile.weight(2), Rational(5));
  EXPECT_EQ(profile.weight(4), Rational(1, 3));
  EXPECT_EQ(profile.total_weight(), Rational(25, 3));
}

TEST(NumberColumn, StoresIntegersUntilAValueIsNotOneAndComparesByValue) {
  NumberColumn integers;
  integers.push_back(std::int64_t{-4});
  integers.push_back(Rational(7));
  EXPECT_TRUE(integers.integral());
  EXPECT_EQ(integers.sign(0), -1);
  NumberColumn mixed;
  mixed.push_back(Rational(-4));
  mixed.push_back(Rational(Integer("123456789012345678901234567890")));  // beyond 64 bits
  EXPECT_FALSE(mixed.integral());
  EXPECT_EQ(mixed[0], Rational(-4));
  EXPECT_EQ(mixed[1], Rational(Integer("123456789012345678901234567890")));
  NumberColumn same;
  same.push_back(Rational(1, 2));
  same.push_back(std::int64_t{7});
  same.push_back(std::int64_t{0});
  NumberColumn as_integers;
  as_integers.push_back(Rational(1, 2));
  as_integers.push_back(Rational(7));
  as_integers.push_back(Rational(0));
  EXPECT_EQ(same, as_integers);
  EXPECT_EQ(same.sign(2), 0);
  EXPECT_FALSE(same == integers);
}

TEST(TextColumn, KeepsValuesInOrderAcrossCodeWidths) {
  TextColumn column;
  std::vector<std::string> values;
  for (int i = 0; i < 100000; ++i) {  // past 256 and 65,536 distinct values, with repeats between
    values.push_back(i % 4 == 0 ? "same" : std::to_string(i));
  }
  values.emplace_back("");
  for (const auto& value : values) {
    column.push_back(value);
  }
  ASSERT_EQ(column.size(), values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    ASSERT_EQ(column[i], values[i]) << i;
  }
  TextColumn short_one;
  short_one.push_back("same");
  EXPECT_FALSE(short_one == column);
  TextColumn again;
  for (const auto& value : values) {
    again.push_back(value);
  }
  EXPECT_TRUE(again == column);
}

TEST(Profile, GroupsIntoApprovalProfileWithWeightsAndPositivePoints) {
  Profile profile;
  profile.set_kind(BallotKind::kScoring);
  const auto add = [&](const char* id, const Rational& weight,
                       const std::vector<std::pair<ProjectIndex, int>>& scores) {
    profile.add_ballot(id, weight);
    for (const auto& [project, points] : scores) {
      profile.add_project(project);
      profile.add_points(Rational(points));
    }
  };
  add("a", Rational(1), {{0, 2}, {1, 0}});   // approves {0}
  add("b", Rational(3, 2), {{0, 1}});        // approves {0}
  add("c", Rational(2), {{1, 5}, {0, -1}});  // approves {1}
  const ApprovalProfile grouped = ApprovalProfile::from_profile(profile, 2);
  ASSERT_EQ(grouped.num_groups(), 2U);
  EXPECT_EQ(grouped.num_voters(), 3U);
  EXPECT_EQ(grouped.weight(0), Rational(5, 2));
  EXPECT_EQ(grouped.weight(1), Rational(2));
  EXPECT_EQ(grouped.total_weight(), Rational(9, 2));
  EXPECT_EQ(grouped.approval_weight(0), Rational(5, 2));
  const auto voters = grouped.voters(0);
  EXPECT_EQ(std::vector<std::uint32_t>(voters.begin(), voters.end()), (std::vector<std::uint32_t>{0, 1}));
}

TEST(Profile, GroupsManyIdenticalAndDistinctSetsInFirstAppearanceOrder) {
  Profile profile;
  for (std::uint32_t v = 0; v < 1000; ++v) {
    profile.add_ballot(std::to_string(v));
    profile.add_project(v % 7);
    profile.add_project((v * 3) % 11 + 7);
  }
  const ApprovalProfile grouped = ApprovalProfile::from_profile(profile, 18);
  EXPECT_EQ(grouped.num_groups(), 77U);  // every pair (v mod 7, 3v mod 11) occurs
  std::uint32_t counted = 0;
  for (GroupIndex g = 0; g < grouped.num_groups(); ++g) {
    const auto voters = grouped.voters(g);
    EXPECT_EQ(grouped.weight(g), Rational(static_cast<long>(voters.size())));  // NOLINT(google-runtime-int)
    EXPECT_EQ(voters.front() % 7, grouped.approvals(g)[0]);
    counted += static_cast<std::uint32_t>(voters.size());
    if (g > 0) {
      EXPECT_LT(grouped.voters(g - 1).front(), voters.front());  // numbered by first voter
    }
  }
  EXPECT_EQ(counted, 1000U);
  EXPECT_EQ(grouped.num_voters(), 1000U);
  for (std::uint32_t v = 0; v < 1000; v += 37) {
    const auto set = grouped.approvals(grouped.group_of(v));
    EXPECT_EQ(std::vector<ProjectIndex>(set.begin(), set.end()), (std::vector<ProjectIndex>{v % 7, (v * 3) % 11 + 7}));
  }
}

// Group weights are machine integers while they are non-negative and sum below 2^62 (no sum of them can
// overflow), GMP integers otherwise; both read back the same through integer_weight() and weight().
TEST(Profile, KeepsGroupWeightsAsMachineIntegersOnlyWhileTheyFit) {
  const std::vector<std::vector<ProjectIndex>> sets{{0}, {1}, {0}};
  const auto grouped = [&](const std::vector<Rational>& weights) {
    return ApprovalProfile::from_sets(sets, weights, 2);
  };
  const ApprovalProfile unit = grouped({Rational(1), Rational(1), Rational(1)});
  ASSERT_TRUE(unit.weights_fit_int64());
  EXPECT_EQ(std::vector<std::int64_t>(unit.int64_weights().begin(), unit.int64_weights().end()),
            (std::vector<std::int64_t>{2, 1}));
  EXPECT_EQ(unit.approval_weight(0), Rational(2));

  const ApprovalProfile thirds = grouped({Rational(1, 3), Rational(1, 2), Rational(1, 3)});  // scale 6
  ASSERT_TRUE(thirds.weights_fit_int64());
  EXPECT_EQ(thirds.weight_scale(), Integer(6));
  EXPECT_EQ(thirds.integer_weight(0), Integer(4));
  EXPECT_EQ(thirds.weight(0), Rational(2, 3));
  EXPECT_EQ(thirds.total_weight(), Rational(7, 6));

  const Integer limit = Integer(1) << 62;
  const Rational just_below(Integer(limit - 3));  // with the two weights of 1, the total is 2^62 - 1
  const ApprovalProfile below = grouped({just_below, Rational(1), Rational(1)});
  ASSERT_TRUE(below.weights_fit_int64());
  EXPECT_EQ(below.total_weight(), Rational(Integer(limit - 1)));

  const ApprovalProfile at = grouped({Rational(Integer(limit - 2)), Rational(1), Rational(1)});  // total 2^62
  EXPECT_FALSE(at.weights_fit_int64());
  EXPECT_TRUE(at.int64_weights().empty());
  EXPECT_EQ(at.integer_weight(0), limit - 1);
  EXPECT_EQ(at.approval_weight(0), Rational(limit - 1));
  EXPECT_EQ(at.total_weight(), Rational(limit));

  const ApprovalProfile negative = grouped({Rational(-1), Rational(1), Rational(0)});
  EXPECT_FALSE(negative.weights_fit_int64());
  EXPECT_EQ(negative.integer_weight(0), Integer(-1));
}

}  // namespace
}  // namespace covalue::core
