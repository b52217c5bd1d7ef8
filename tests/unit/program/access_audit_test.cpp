#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <string>

#include "covalue/adapters/sqlite/sqlite_store.hpp"
#include "covalue/core/settings.hpp"
#include "covalue/program/program.hpp"
#include "roles_fixture.hpp"

namespace covalue::program {
namespace {

namespace net = core::network;

using AccessAndAudit = testing::RolesFixture;

TEST_F(AccessAndAudit, TokensAuthenticateAndAreStoredOnlyAsHashes) {
  EXPECT_EQ(coordinator_.role, Role::kCoordinator);
  EXPECT_EQ(retail_.partner, std::optional<net::PartnerId>(ids_[0]));
  auto tokens = as(coordinator_).tokens();
  ASSERT_TRUE(tokens.ok());
  ASSERT_EQ(tokens->size(), 4U);
  for (const AccessToken& t : *tokens) {
    EXPECT_EQ(t.secret_hash.size(), 64U);
    EXPECT_EQ(t.secret_hash.find("cvt_"), std::string::npos);
  }
  EXPECT_EQ(Program::authenticate(*store_, "cvt_" + std::string(64, '0')).error().kind,
            core::ErrorKind::kUnauthenticated);
  EXPECT_EQ(Program::authenticate(*store_, "").error().kind, core::ErrorKind::kUnauthenticated);
  auto issued = as(coordinator_).issue_token(Role::kObserver, std::nullopt, "to revoke");
  ASSERT_TRUE(issued.ok());
  ASSERT_TRUE(as(coordinator_).revoke_token(issued->token.id).ok());
  EXPECT_EQ(Program::authenticate(*store_, issued->secret).error().kind, core::ErrorKind::kUnauthenticated);
}

TEST_F(AccessAndAudit, TokenRequestsThatMakeNoSenseAreRefused) {
  EXPECT_EQ(as(coordinator_).issue_token(Role::kRepresentative, std::nullopt, "").error().kind,
            core::ErrorKind::kInvalidInput);
  EXPECT_EQ(as(coordinator_).issue_token(Role::kOperator, std::nullopt, "").error().kind,
            core::ErrorKind::kInvalidInput);
  EXPECT_EQ(as(coordinator_).issue_token(Role::kRepresentative, 999, "").error().kind, core::ErrorKind::kNotFound);
  EXPECT_EQ(as(retail_).issue_token(Role::kCoordinator, std::nullopt, "").error().kind, core::ErrorKind::kForbidden);
}

TEST_F(AccessAndAudit, RolesAreEnforcedByTheUseCases) {
  const auto forbidden = [](const auto& result) {
    return !result.ok() && result.error().kind == core::ErrorKind::kForbidden;
  };
  EXPECT_TRUE(forbidden(as(retail_).open_cycle()));
  EXPECT_TRUE(forbidden(as(observer_).open_cycle()));
  ASSERT_TRUE(as(coordinator_).open_cycle().ok());
  EXPECT_TRUE(forbidden(as(retail_).propose(initiative("Lockers", ids_[1]))));  // not its partner
  EXPECT_TRUE(forbidden(as(observer_).propose(initiative("Lockers", ids_[0]))));
  auto lockers = as(retail_).propose(initiative("Lockers", ids_[0]));
  ASSERT_TRUE(lockers.ok()) << lockers.error().to_string();
  EXPECT_TRUE(forbidden(as(courier_).withdraw(lockers->id)));
  EXPECT_TRUE(forbidden(as(retail_).add_partner("Intruder", net::Tier::kOther)));
  ASSERT_TRUE(as(coordinator_).start_voting(1).ok());
  const net::PartnerBallot ballot{1, ids_[0], net::BallotFormat::kApprovals, {{lockers->id, 1}}, {}};
  EXPECT_TRUE(forbidden(as(courier_).cast_ballot(ballot)));      // another partner's ballot
  EXPECT_TRUE(forbidden(as(coordinator_).cast_ballot(ballot)));  // coordinators do not vote for partners
  EXPECT_TRUE(as(retail_).cast_ballot(ballot).ok());
  EXPECT_TRUE(forbidden(as(retail_).close_cycle(1)));
  EXPECT_TRUE(forbidden(as(retail_).audit_log(0, 10)));
  EXPECT_TRUE(forbidden(as(observer_).verify_audit()));
  EXPECT_TRUE(as(coordinator_).close_cycle(1).ok());
}

TEST_F(AccessAndAudit, BallotsStaySecretUntilTheCycleCloses) {
  Program coordinator = as(coordinator_);
  ASSERT_TRUE(coordinator.open_cycle().ok());
  auto lockers = as(retail_).propose(initiative("Lockers", ids_[0]));
  ASSERT_TRUE(lockers.ok());
  ASSERT_TRUE(coordinator.start_voting(1).ok());
  ASSERT_TRUE(as(retail_).cast_ballot({1, ids_[0], net::BallotFormat::kApprovals, {{lockers->id, 1}}, {}}).ok());
  ASSERT_TRUE(as(courier_).cast_ballot({1, ids_[1], net::BallotFormat::kApprovals, {{lockers->id, 1}}, {}}).ok());
  // Before close: the courier sees only its own ballot; in a snapshot it sees that Retail voted, not what.
  auto visible = as(courier_).ballots(1);
  ASSERT_TRUE(visible.ok());
  ASSERT_EQ(visible->size(), 1U);
  EXPECT_EQ(visible->front().partner, ids_[1]);
  EXPECT_TRUE(as(coordinator_).ballots(1)->empty());
  auto snapshot = as(courier_).snapshot();
  ASSERT_TRUE(snapshot.ok());
  ASSERT_EQ(snapshot->ballots.size(), 2U);
  for (const net::PartnerBallot& b : snapshot->ballots) {
    EXPECT_EQ(b.entries.empty(), b.partner != ids_[1]);
  }
  // After close, anonymous disclosure: every ballot, others' without their partner.
  ASSERT_TRUE(coordinator.close_cycle(1).ok());
  auto after = as(courier_).ballots(1);
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), 2U);
  EXPECT_EQ(std::count_if(after->begin(), after->end(), [](const net::PartnerBallot& b) { return b.partner == 0; }), 1);
  EXPECT_EQ(as(observer_).ballots(1)->size(), 2U);
}

TEST_F(AccessAndAudit, EveryChangeIsChainedAndAFailureAppendsNothing) {
  const std::int64_t before = audit_size();  // init, three partners, four tokens
  EXPECT_EQ(before, 8);
  EXPECT_FALSE(as(retail_).open_cycle().ok());
  EXPECT_FALSE(as(coordinator_).start_voting(7).ok());
  EXPECT_EQ(audit_size(), before);
  ASSERT_TRUE(as(coordinator_).open_cycle().ok());
  auto log = as(coordinator_).audit_log(before, 10);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 1U);
  EXPECT_EQ(log->front().action, "open_cycle");
  EXPECT_EQ(log->front().actor, coordinator_.name);
  EXPECT_EQ(log->front().detail, R"({"capacity":"20","cycle":1,"rule":"mes"})");
  auto verified = as(coordinator_).verify_audit();
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->intact());
  EXPECT_EQ(verified->entries, before + 1);
  auto version = store_->version();
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, before + 1);
}

TEST_F(AccessAndAudit, AnAuditPageIsBoundedByTheSettingsRow) {
  const core::settings::Setting& page = core::settings::row("audit.limit");
  const std::int64_t largest = std::stoll(std::string(page.max));
  EXPECT_EQ(as(coordinator_).audit_log(0, largest)->size(), static_cast<std::size_t>(audit_size()));
  EXPECT_EQ(as(coordinator_).audit_log(0, std::stoll(std::string(page.min)))->size(), 1U);
  for (const std::int64_t limit : {std::int64_t{0}, largest + 1}) {
    auto refused = as(coordinator_).audit_log(0, limit);
    ASSERT_FALSE(refused.ok()) << limit;
    EXPECT_EQ(refused.error().kind, core::ErrorKind::kInvalidInput);
    EXPECT_EQ(refused.error().where, "limit");
    EXPECT_EQ(refused.error().message, "must be between 1 and 10000, got " + std::to_string(limit));
  }
}

//! Runs one SQL statement on the database file behind the store, as an attacker with file access would.
void tamper(const std::filesystem::path& file, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.string().c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &message), SQLITE_OK) << (message ? message : "");
  sqlite3_free(message);
  sqlite3_close(db);
}

//! Tampers with the database `file` behind `verifier`'s store (`sql`), then checks that verifying the chain
//! finds it broken at `sequence` and says why (`problem` is part of its explanation).
void expect_broken_by(Program verifier, const std::filesystem::path& file, const std::string& sql,
                      std::int64_t sequence, const std::string& problem) {
  tamper(file, sql.c_str());
  auto verified = verifier.verify_audit();
  ASSERT_TRUE(verified.ok());
  EXPECT_EQ(verified->first_broken, std::optional<std::int64_t>(sequence));
  EXPECT_NE(verified->problem.find(problem), std::string::npos) << verified->problem;
}

TEST_F(AccessAndAudit, VerifyFindsTheFirstAlteredRow) {
  expect_broken_by(as(coordinator_), dir_ / "net.db",
                   "UPDATE audit_log SET detail = '{\"partner\":2,\"name\":\"Evil\"}' WHERE sequence = 3", 3,
                   "altered");
}

TEST_F(AccessAndAudit, VerifyFindsARemovedRow) {
  expect_broken_by(as(coordinator_), dir_ / "net.db", "DELETE FROM audit_log WHERE sequence = 5", 6, "missing");
}

TEST_F(AccessAndAudit, VerifyFindsARehashedRowByTheNextLink) {
  // Rewriting a row together with its own hash still breaks the next entry's previous_hash.
  auto log = as(coordinator_).audit_log(1, 1);
  ASSERT_TRUE(log.ok());
  AuditEntry forged = log->front();
  forged.actor = "someone else";
  forged.hash = audit_hash(forged);
  expect_broken_by(as(coordinator_), dir_ / "net.db",
                   "UPDATE audit_log SET actor = 'someone else', hash = '" + forged.hash + "' WHERE sequence = 2", 3,
                   "previous_hash");
}

}  // namespace
}  // namespace covalue::program
