// The charter's ballot limits (issue 15 item 6): a score ballot's scale (0 to score_max) and a points ballot's budget
// (points_budget; 0 for none). A ballot outside them is refused with an error naming the entry, nothing stored;
// scores and points stay exact rationals through the close.
#include <gtest/gtest.h>

#include "covalue/core/network/charter_fields.hpp"
#include "roles_fixture.hpp"

namespace covalue::program::testing {
namespace {

class BallotLimits : public RolesFixture {
 protected:
  Program op() { return as(Actor::local_operator()); }
  //! Sets the charter's limits, opens cycle 1 with two proposals (ids 1 and 2) and starts the vote.
  void voting(const core::Rational& score_max, const core::Rational& points_budget) {
    auto charter = op().queries().network();
    ASSERT_TRUE(charter.ok());
    charter->score_max = score_max;
    charter->points_budget = points_budget;
    auto updated = as(coordinator_).update_charter(*charter);
    ASSERT_TRUE(updated.ok()) << updated.error().to_string();
    ASSERT_TRUE(as(coordinator_).open_cycle().ok());
    ASSERT_TRUE(op().propose(initiative("Shared forecast", ids_[0])).ok());
    ASSERT_TRUE(op().propose(initiative("Joint pallets", ids_[1])).ok());
    auto started = as(coordinator_).start_voting(1);
    ASSERT_TRUE(started.ok()) << started.error().to_string();
  }
  static net::PartnerBallot ballot(net::PartnerId partner, net::BallotFormat format, core::Rational first,
                                   core::Rational second) {
    net::PartnerBallot out;
    out.cycle = 1;
    out.partner = partner;
    out.format = format;
    out.entries = {{1, std::move(first)}, {2, std::move(second)}};
    return out;
  }
  std::size_t stored() {
    auto ballots = op().ballots(1);
    EXPECT_TRUE(ballots.ok());
    return ballots.ok() ? ballots->size() : 0U;
  }
};

TEST_F(BallotLimits, ANewCharterScoresFrom0To10WithNoFixedBudget) {
  const net::Charter charter;
  EXPECT_EQ(charter.score_max, 10);
  EXPECT_EQ(charter.points_budget, 0);
  EXPECT_EQ(net::charter_field_text(charter, "score_max"), "10");
  EXPECT_EQ(net::charter_field_text(charter, "points_budget"), "0");
}

TEST_F(BallotLimits, AScoreAboveTheScaleIsRefusedNamingItsEntry) {
  voting(10, 0);
  const std::int64_t audited = audit_size();
  auto refused = as(retail_).cast_ballot(ballot(ids_[0], net::BallotFormat::kScores, 7, core::Rational(21, 2)));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::kInvalidInput);
  EXPECT_EQ(refused.error().where, "entries[1].value");
  EXPECT_NE(refused.error().message.find("initiative 2"), std::string::npos) << refused.error().message;
  EXPECT_NE(refused.error().message.find("up to 10"), std::string::npos) << refused.error().message;
  EXPECT_EQ(stored(), 0U);
  EXPECT_EQ(audit_size(), audited);
  // The top of the scale itself, and exact fractions below it, are fine.
  auto cast = as(retail_).cast_ballot(ballot(ids_[0], net::BallotFormat::kScores, 10, core::Rational(19, 3)));
  ASSERT_TRUE(cast.ok()) << cast.error().to_string();
  EXPECT_EQ(stored(), 1U);
}

TEST_F(BallotLimits, APointsBallotOverBudgetIsRefusedNamingTheEntryThatGoesOver) {
  voting(10, 20);
  auto refused = as(retail_).cast_ballot(ballot(ids_[0], net::BallotFormat::kPoints, 15, core::Rational(51, 10)));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::kInvalidInput);
  EXPECT_EQ(refused.error().where, "entries[1].value");
  EXPECT_NE(refused.error().message.find("20.1"), std::string::npos) << refused.error().message;
  EXPECT_NE(refused.error().message.find("budget of 20"), std::string::npos) << refused.error().message;
  EXPECT_EQ(stored(), 0U);
  // Exactly the budget, in fractions that a double would not add up to exactly, is accepted.
  auto cast =
      as(retail_).cast_ballot(ballot(ids_[0], net::BallotFormat::kPoints, core::Rational(59, 3), core::Rational(1, 3)));
  ASSERT_TRUE(cast.ok()) << cast.error().to_string();
  // Scores do not count against the points budget: 10 + 10 > 20 is still no budget for scores.
  auto scores = as(courier_).cast_ballot(ballot(ids_[1], net::BallotFormat::kScores, 10, 10));
  ASSERT_TRUE(scores.ok()) << scores.error().to_string();
  EXPECT_EQ(stored(), 2U);
}

TEST_F(BallotLimits, NoBudgetTakesAnyPointsAndTheCloseCountsThemExactly) {
  voting(core::Rational(5, 2), 0);
  ASSERT_TRUE(as(retail_).cast_ballot(ballot(ids_[0], net::BallotFormat::kPoints, 900, 1000)).ok());
  ASSERT_TRUE(as(courier_).cast_ballot(ballot(ids_[1], net::BallotFormat::kScores, core::Rational(5, 2), 0)).ok());
  auto refused = as(courier_).cast_ballot(ballot(ids_[1], net::BallotFormat::kScores, core::Rational(5, 2), 3));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().where, "entries[1].value");
  auto closed = as(coordinator_).close_cycle_confirming(1, true, true);
  ASSERT_TRUE(closed.ok()) << closed.error().to_string();
  auto ballots = op().ballots(1);
  ASSERT_TRUE(ballots.ok());
  ASSERT_EQ(ballots->size(), 2U);
  for (const net::PartnerBallot& b : *ballots) {
    if (b.format == net::BallotFormat::kScores) {
      EXPECT_EQ(b.entries[0].value, core::Rational(5, 2));
    }
  }
}

TEST_F(BallotLimits, TheCharterRefusesAScaleOrBudgetOutOfRangeAndAProposalMayChangeThem) {
  auto charter = op().queries().network();
  ASSERT_TRUE(charter.ok());
  for (const core::Rational& bad : {core::Rational(0), core::Rational(-1), core::Rational(1000000001)}) {
    net::Charter changed = *charter;
    changed.score_max = bad;
    auto refused = as(coordinator_).update_charter(changed);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().where, "score_max") << refused.error().to_string();
  }
  for (const core::Rational& bad : {core::Rational(-1), core::Rational(1000000001), core::Rational(1, 10000000)}) {
    net::Charter changed = *charter;
    changed.points_budget = bad;
    auto refused = as(coordinator_).update_charter(changed);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().where, "points_budget") << refused.error().to_string();
  }
  net::Charter changed = *charter;
  changed.score_max = core::Rational(15, 2);
  changed.points_budget = 100;
  EXPECT_EQ(net::changed_charter_fields(*charter, changed), (std::vector<std::string>{"score_max", "points_budget"}));
  ASSERT_TRUE(as(coordinator_).update_charter(changed).ok());
  auto read = op().queries().network();
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->score_max, core::Rational(15, 2));
  EXPECT_EQ(read->points_budget, 100);
}

}  // namespace
}  // namespace covalue::program::testing
