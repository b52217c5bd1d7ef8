// The charter's unit (a currency code or "value points") from the command line: set at init and by update,
// shown by `network show` once it is not the default, kept in the archive, refused in words when it is not a
// unit; a database made before the unit existed counts in value points and shows as it did.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

using nlohmann::json;
using CharterUnitCli = DatabaseCli;

TEST_F(CharterUnitCli, TheUnitIsSetShownUpdatedAndArchived) {
  ok("network init --name Chain --capacity 40 --unit EUR");
  json shown = json::parse(ok("network show --format json"));
  EXPECT_EQ(shown.at("summary").at("unit"), "EUR");
  EXPECT_EQ(json::parse(ok("network export --output -")).at("charter").at("unit"), "EUR");
  ok("network update --unit 'value points'");
  shown = json::parse(ok("network show --format json"));
  EXPECT_FALSE(shown.at("summary").contains("unit")) << "the default prints as charters did before it";
  EXPECT_EQ(json::parse(ok("network export --output -")).at("charter").at("unit"), "value points");
  ok("network update --unit USD --max-leads 3");  // the other flags leave it as it is, and it theirs
  shown = json::parse(ok("network show --format json"));
  EXPECT_EQ(shown.at("summary").at("unit"), "USD");
  EXPECT_EQ(shown.at("summary").at("max_concurrent_leads"), 3);
}

TEST_F(CharterUnitCli, AUnitThatIsNotOneIsRefusedNamingTheField) {
  ok("network init --name Chain");
  for (const std::string& bad : {std::string("''"), std::string(41, 'x')}) {
    const CommandResult result = run("network update --unit " + bad);
    EXPECT_EQ(result.exit_code, 1) << bad << "\n" << result.err;
    EXPECT_NE(result.err.find("unit"), std::string::npos) << result.err;
  }
  EXPECT_FALSE(json::parse(ok("network show --format json")).at("summary").contains("unit"));
}

// A database as schema step 7 left it (no unit column, no sign-in): step 8 gives its charter the default unit, and
// `network show` prints what it printed before.
TEST_F(CharterUnitCli, ADatabaseMadeBeforeTheUnitCountsInValuePoints) {
  // The score scale of a network made before the ballot limits (schema step 17) is the old limit.
  ok("network init --name Chain --max-leads 3 --score-max 1000000000");
  const std::string before = ok("network show --format json");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  const int status =
      sqlite3_exec(db,
                   "DROP TABLE comment_revisions; DROP TABLE comments; DROP TABLE follows; DROP TABLE activity; "
                   "DROP TABLE activity_seen; "
                   "DROP TABLE coordinator_votes; DROP TABLE coordinator_elections; "
                   "DROP TABLE charter_positions; DROP TABLE charter_proposals; DROP TABLE coordination_willing; "
                   "DROP TABLE coordination_terms; ALTER TABLE charter DROP COLUMN amendment_rule; "
                   "ALTER TABLE charter DROP COLUMN amendment_majority; "
                   "ALTER TABLE charter DROP COLUMN amendment_window_hours; "
                   "ALTER TABLE charter DROP COLUMN coordination; ALTER TABLE charter DROP COLUMN coordination_term; "
                   "DROP TABLE initiative_updates; DROP TABLE milestones; DROP TABLE lead_realised_values; "
                   "DROP TABLE notification_preferences; DROP TABLE digest_waits; DROP TABLE network_secrets; "
                   "DROP TABLE delegations; ALTER TABLE ballots DROP COLUMN cast_by; "
                   "ALTER TABLE charter DROP COLUMN close_turnout_warning; "
                   "ALTER TABLE charter DROP COLUMN score_max; ALTER TABLE charter DROP COLUMN points_budget; "
                   "DROP TABLE deliveries; DROP TABLE notification_events; DROP TABLE webhooks; "
                   "ALTER TABLE charter DROP COLUMN reminder_hours; "
                   "ALTER TABLE charter DROP COLUMN unit; DROP TABLE web_sessions; DROP TABLE password_links; "
                   "ALTER TABLE people DROP COLUMN password_hash; DELETE FROM schema_migrations WHERE version >= 8;",
                   nullptr, nullptr, &message);
  EXPECT_EQ(status, SQLITE_OK) << (message == nullptr ? "" : message);
  sqlite3_free(message);
  sqlite3_close(db);
  EXPECT_EQ(ok("network show --format json"), before);
  EXPECT_TRUE(std::filesystem::exists(db_ + ".bak-v7"));
  EXPECT_EQ(json::parse(ok("network export --output -")).at("charter").at("unit"), "value points");
}

}  // namespace
}  // namespace covalue::testing
