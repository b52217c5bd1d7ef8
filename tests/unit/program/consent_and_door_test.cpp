// Volunteering is consent, a coordinator can take a bad proposal off a voting ballot, and what people
// send meets its bounds at the door, with nothing stored when it does not.
#include <gtest/gtest.h>

#include "covalue/program/limits.hpp"
#include "roles_fixture.hpp"

namespace covalue::program {
namespace {

class Consent : public testing::RolesFixture {
 protected:
  //! Opens cycle 1 and has the coordinator propose Lockers (Retail's) naming the courier as its lead: a
  //! nomination the courier has not accepted yet.
  core::Result<net::Initiative> nominate_courier() {
    if (core::Result<net::Cycle> opened = as(coordinator_).open_cycle(); !opened) {
      return opened.error();
    }
    net::Initiative lockers = initiative("Lockers", ids_[0]);
    lockers.volunteers = {ids_[1]};
    return as(coordinator_).propose(lockers);
  }
};

core::ErrorKind kind_of(const core::Result<net::Initiative>& result) {
  return result.ok() ? core::ErrorKind::kInternal : result.error().kind;
}

TEST_F(Consent, ARepresentativeVolunteersOnlyItsOwnPartner) {
  ASSERT_TRUE(as(coordinator_).open_cycle().ok());
  net::Initiative lockers = initiative("Lockers", ids_[0]);
  lockers.volunteers = {ids_[0], ids_[1]};
  auto refused = as(retail_).propose(lockers);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::kForbidden);
  EXPECT_EQ(refused.error().where, "volunteers[1]");
  lockers.volunteers = {ids_[0]};
  auto stored = as(retail_).propose(lockers);
  ASSERT_TRUE(stored.ok()) << stored.error().to_string();
  EXPECT_EQ(stored->volunteers, std::vector<net::PartnerId>{ids_[0]});
  EXPECT_TRUE(stored->nominees.empty());
}

TEST_F(Consent, ACoordinatorsNomineeLeadsOnlyOnceItAccepts) {
  Program coordinator = as(coordinator_);
  auto stored = nominate_courier();
  ASSERT_TRUE(stored.ok()) << stored.error().to_string();
  EXPECT_TRUE(stored->volunteers.empty());
  EXPECT_EQ(stored->nominees, std::vector<net::PartnerId>{ids_[1]});
  // Another partner cannot accept for the courier; the courier can.
  EXPECT_EQ(kind_of(as(retail_).volunteer(stored->id, ids_[1])), core::ErrorKind::kForbidden);
  EXPECT_EQ(kind_of(as(observer_).volunteer(stored->id, ids_[1])), core::ErrorKind::kForbidden);
  auto accepted = as(courier_).volunteer(stored->id, ids_[1]);
  ASSERT_TRUE(accepted.ok()) << accepted.error().to_string();
  EXPECT_EQ(accepted->volunteers, std::vector<net::PartnerId>{ids_[1]});
  EXPECT_TRUE(accepted->nominees.empty());
  // Its offer is its own: the coordinator cannot take it back, the courier can.
  EXPECT_EQ(kind_of(coordinator.stand_down(stored->id, ids_[1])), core::ErrorKind::kForbidden);
  auto withdrawn = as(courier_).stand_down(stored->id, ids_[1]);
  ASSERT_TRUE(withdrawn.ok());
  EXPECT_TRUE(withdrawn->volunteers.empty());
  // Stored as such, and the log says who consented.
  auto snapshot = as(observer_).snapshot();
  ASSERT_TRUE(snapshot.ok());
  EXPECT_TRUE(snapshot->find_initiative(stored->id)->volunteers.empty());
  auto log = as(coordinator_).audit_log(0, 100);
  ASSERT_TRUE(log.ok());
  EXPECT_NE(log->at(log->size() - 2).detail.find("\"accepted\":true"), std::string::npos);
}

TEST_F(Consent, ANominationDeclinedOrNeverAcceptedGivesNoVolunteerLead) {
  Program coordinator = as(coordinator_);
  auto stored = nominate_courier();
  ASSERT_TRUE(stored.ok()) << stored.error().to_string();
  ASSERT_TRUE(coordinator.start_voting(1).ok());
  ASSERT_TRUE(as(retail_).cast_ballot({1, ids_[0], net::BallotFormat::kApprovals, {{stored->id, 1}}, {}}).ok());
  auto outcome = coordinator.close_cycle(1);
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  ASSERT_EQ(outcome->leads.size(), 1U);
  EXPECT_FALSE(outcome->leads[0].volunteer);  // the nominee never accepted
  EXPECT_EQ(kind_of(as(courier_).volunteer(stored->id, ids_[1])), core::ErrorKind::kConflict);  // decided
}

TEST_F(Consent, OnlyACoordinatorTakesAnInitiativeOffAVotingBallotAndOnlyWithAReason) {
  Program coordinator = as(coordinator_);
  ASSERT_TRUE(coordinator.open_cycle().ok());
  auto bad = as(retail_).propose(initiative("Bad", ids_[0]));
  auto good = as(retail_).propose(initiative("Good", ids_[0]));
  ASSERT_TRUE(bad.ok() && good.ok());
  ASSERT_TRUE(coordinator.start_voting(1).ok());
  ASSERT_TRUE(
      as(retail_).cast_ballot({1, ids_[0], net::BallotFormat::kApprovals, {{bad->id, 1}, {good->id, 1}}, {}}).ok());
  ASSERT_TRUE(
      as(courier_).cast_ballot({1, ids_[1], net::BallotFormat::kApprovals, {{good->id, 1}}, {{bad->id, "no"}}}).ok());
  EXPECT_EQ(kind_of(as(retail_).withdraw(bad->id, "mine")), core::ErrorKind::kConflict);
  const std::int64_t entries = audit_size();
  auto no_reason = coordinator.withdraw(bad->id, "");
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().where, "reason");
  EXPECT_EQ(audit_size(), entries);
  auto pulled = coordinator.withdraw(bad->id, "its estimates cannot be right");
  ASSERT_TRUE(pulled.ok()) << pulled.error().to_string();
  EXPECT_EQ(pulled->status, net::InitiativeStatus::kWithdrawn);
  auto log = coordinator.audit_log(0, 1000);
  ASSERT_TRUE(log.ok());
  EXPECT_NE(log->back().detail.find("its estimates cannot be right"), std::string::npos);
  // The ballots that named it still count for the rest, and the cycle closes.
  auto outcome = coordinator.close_cycle(1);
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  ASSERT_EQ(outcome->decisions.size(), 1U);
  EXPECT_EQ(outcome->decisions[0].initiative, good->id);
  EXPECT_TRUE(outcome->decisions[0].selected);
}

TEST_F(Consent, AmountsAndTextsMeetTheirBoundsAndNothingIsStored) {
  Program coordinator = as(coordinator_);
  ASSERT_TRUE(coordinator.open_cycle().ok());
  const std::int64_t entries = audit_size();
  const auto refused = [&](net::Initiative i, const std::string& where) {
    auto result = as(retail_).propose(i);
    EXPECT_FALSE(result.ok()) << where;
    if (!result.ok()) {
      EXPECT_EQ(result.error().kind, core::ErrorKind::kInvalidInput) << result.error().to_string();
      EXPECT_EQ(result.error().where, where) << result.error().to_string();
    }
  };
  net::Initiative huge = initiative("Huge", ids_[0]);
  huge.impacts = {{ids_[1], core::Rational("100000000000000000000000000")}};  // 1e26
  refused(huge, "impacts[0].estimate");
  net::Initiative fine = initiative("Fine", ids_[0]);
  fine.impacts = {{ids_[1], core::Rational(1, 10000000)}};  // 7 decimal places
  refused(fine, "impacts[0].estimate");
  net::Initiative costly = initiative("Costly", ids_[0]);
  costly.cost = core::Rational(kMaxAmount + 1);
  refused(costly, "cost");
  net::Initiative control = initiative("Red \x1b[31m alert", ids_[0]);
  refused(control, "title");
  net::Initiative nul = initiative(std::string("Nul\0byte", 8), ids_[0]);
  refused(nul, "title");
  net::Initiative longer = initiative(std::string(kTitleField.max_chars + 1, 'x'), ids_[0]);
  refused(longer, "title");
  net::Initiative paragraphs = initiative("Paragraphs", ids_[0]);
  paragraphs.description = "line one\nline two\twith a tab";
  EXPECT_TRUE(as(retail_).propose(paragraphs).ok());
  EXPECT_EQ(audit_size(), entries + 1);
  net::Charter charter;
  charter.name = "Audit";
  charter.capacity = core::Rational(kMaxAmount) * 10;
  EXPECT_EQ(coordinator.update_charter(charter).error().where, "capacity");
  EXPECT_EQ(coordinator.add_partner(std::string("Tab\tname"), net::Tier::kOther).error().where, "name");
}

TEST(ExactNumbers, OneGrammarForEveryNumberPeopleSend) {
  for (const char* good : {"12", "-3", "12.50", "7/2", "0", "-0.5", "003"}) {
    EXPECT_TRUE(core::parse_exact_number(good).ok()) << good;
  }
  for (const char* bad :
       {" 3", "3 ", "+3", ".5", "5.", "1.5e1", "1e26", "12,5", "7/0", "1/2/3", "--1", "", "-", "0x10", "1.5/2"}) {
    auto parsed = core::parse_exact_number(bad);
    EXPECT_FALSE(parsed.ok()) << bad;
  }
  EXPECT_EQ(*core::parse_exact_number("12.50"), core::Rational(25, 2));
  EXPECT_EQ(*core::parse_exact_number("-7/2"), core::Rational(-7, 2));
  const std::string long_text = std::string(1000, '9') + "x";
  auto too_long = core::parse_exact_number(long_text);
  ASSERT_FALSE(too_long.ok());
  EXPECT_LT(too_long.error().message.size(), 200U);                           // quotes a short excerpt only
  EXPECT_TRUE(core::parse_exact_number(std::string(1000, '9') + "/7").ok());  // stored records may be long
}

}  // namespace
}  // namespace covalue::program
