// `covalue network export|import` through the binary on real SQLite files: the round trip keeps every
// report, id and the audit chain; each refusal says why and writes nothing. (tests/e2e/archive_test.py
// runs the same round trip through PostgreSQL.)
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>

#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

using nlohmann::json;

//! The demo network plus what the demo leaves out: tokens (one revoked), a scorecard with scores, a
//! shortlist, a cycle that is voting with a ballot cast, and a partner who joined late.
constexpr const char* kExtras[] = {
    "token issue --role coordinator --label boss",
    "token issue --role representative --partner 2 --label rep",
    "token revoke 1",
    "cycle open",
    "scorecard define --criterion reach:reach --criterion value:value --criterion effort:effort --shortlist 3",
    "scorecard score --partner 1 --initiative 31 reach=4 value=7 effort=2",
    "scorecard score --partner 2 --initiative 32 reach=5 value=2 effort=3",
    "cycle shortlist 9",
    "cycle vote",
    "ballot cast --partner 1 --approve 31",
    "partner add Latecomer --tier retailer",
    // What version 3 carries row by row: discussion, follows by commenting, delivery by the lead, a delegation, a
    // charter proposal with positions, coordination, people's preferences.
    "person add --partner 1 --name Ana --email ana@one.example",
    "person preferences --person 1 --set cycle_opened=daily",
    "comment add initiative 31 --body \"Can the lockers take returns?\"",
    "comment add initiative 31 --body \"A reply\" --reply-to 5",
    "comment hide 6 --reason \"off topic\"",
    "ballot delegate --partner 3 --to 2",
    "initiative update --initiative 29 --text \"Pilot live in two warehouses\"",
    "initiative milestone add --initiative 29 --title \"Pilot live\" --due 2027-03-31",
    "initiative milestone add --initiative 29 --title \"Rolled out\" --due 2027-06-30",
    "network update --amendment-rule consent",
    "charter propose --capacity 50 --rationale \"Two partners joined\"",
    "charter position 1 --partner 2 --position object --reason \"Too much work\"",
    "charter willing --partner 2",
};

//! Every read a person can make of a network: the listings and every report, as JSON.
std::vector<std::string> every_read() {
  std::vector<std::string> reads = {"network show",
                                    "partner list",
                                    "initiative list",
                                    "scorecard show",
                                    "token list",
                                    "audit list --limit 10000",
                                    "report network",
                                    "report fairness",
                                    "report engagement",
                                    "report kpi",
                                    "person list",
                                    "person preferences --person 1",
                                    "comment list initiative 31",
                                    "charter proposals",
                                    "charter coordination"};
  for (int cycle = 1; cycle <= 9; ++cycle) {
    reads.push_back("report cycle " + std::to_string(cycle));
  }
  for (int partner = 1; partner <= 15; ++partner) {
    reads.push_back("report partner " + std::to_string(partner));
  }
  return reads;
}

//! Takes out of `archive` what version 3 added: the tables carried row by row and people's password hashes.
void without_version_three(json& archive) {
  for (const char* table : {"notification_preferences",
                            "network_secrets",
                            "webhooks",
                            "notification_events",
                            "deliveries",
                            "digest_waits",
                            "charter_proposals",
                            "charter_positions",
                            "coordination_willing",
                            "coordination_terms",
                            "coordinator_elections",
                            "coordinator_votes",
                            "comments",
                            "comment_revisions",
                            "follows",
                            "activity",
                            "activity_seen",
                            "initiative_updates",
                            "milestones",
                            "lead_realised_values",
                            "delegations"}) {
    archive.erase(table);
  }
  if (archive.contains("people")) {
    for (json& person : archive["people"]) {
      person.erase("password_hash");
    }
  }
}

class ArchiveCli : public ::testing::Test {
 protected:
  //! The source network and its archive, built once for the suite (the demo takes a second).
  static void SetUpTestSuite() {
    shared_dir = std::make_unique<TempDir>("covalue-archive-");
    source_db = shared_dir->file("source.db");
    ASSERT_EQ(run_covalue("demo --db " + source_db).exit_code, 0);
    for (const char* extra : kExtras) {
      const CommandResult result = run_covalue(std::string(extra) + " --db " + source_db);
      ASSERT_EQ(result.exit_code, 0) << extra << "\n" << result.err;
    }
    source_archive = shared_dir->file("source.json");
    const CommandResult exported = run_covalue("network export --db " + source_db + " --output " + source_archive);
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
  }
  static void TearDownTestSuite() { shared_dir.reset(); }

  //! Every read of `db`, each command's JSON output (or its error) in order.
  static std::string reads_of(const std::string& db) {
    std::string out;
    for (const std::string& read : every_read()) {
      const CommandResult result = run_covalue(read + " --format json --db " + db);
      out += read + " -> " + std::to_string(result.exit_code) + "\n" + result.out + result.err + "\n";
    }
    return out;
  }

  //! The source archive as JSON, to alter.
  static json archive_json() { return json::parse(read_file(source_archive)); }

  //! Imports `file` into the test's target database (with `extra` arguments).
  CommandResult import(const std::string& file, const std::string& extra = "") {
    return run_covalue("network import " + file + " --db " + target_ + extra);
  }

  //! Imports an altered archive into the empty target: it must be refused with `message` (on stderr,
  //! exit 1) and leave the target without a network.
  void expect_refused(const json& altered, const std::string& message, int exit_code = 1) {
    const std::string file = dir_.write("altered.json", altered.dump());
    expect_refused_file(file, message, exit_code);
  }

  void expect_refused_file(const std::string& file, const std::string& message, int exit_code = 1) {
    const CommandResult result = import(file);
    EXPECT_EQ(result.exit_code, exit_code) << result.out;
    EXPECT_NE(result.err.find(message), std::string::npos) << result.err;
    EXPECT_EQ(result.out, "");
    const CommandResult show = run_covalue("network show --db " + target_);
    EXPECT_EQ(show.exit_code, 1) << "the refused import wrote a network: " << show.out;
    EXPECT_NE(show.err.find("no network here yet"), std::string::npos) << show.err;
  }

  inline static std::unique_ptr<TempDir> shared_dir;
  inline static std::string source_db;
  inline static std::string source_archive;
  TempDir dir_;
  std::string target_{dir_.file("target.db")};
};

TEST_F(ArchiveCli, RoundTripKeepsEveryReportTheChainAndTheBytes) {
  const CommandResult imported = import(source_archive);
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(imported.out,
            "imported network 'Fresh Chain Network': 15 partners, 32 initiatives, 9 cycles, 2 tokens, 590 audit "
            "entries\n");
  const std::string source_reads = reads_of(source_db);
  EXPECT_EQ(source_reads.find(" -> 1\n"), std::string::npos) << "a read failed:\n" << source_reads;
  EXPECT_EQ(reads_of(target_), source_reads);
  EXPECT_EQ(run_covalue("audit verify --db " + target_).out, "audit log intact: 590 entries\n");
  const std::string again = dir_.file("again.json");
  ASSERT_EQ(run_covalue("network export --db " + target_ + " --output " + again).exit_code, 0);
  EXPECT_EQ(read_file(again), read_file(source_archive));
}

TEST_F(ArchiveCli, TheArchiveHoldsEveryPartWithItsFormatAndVersionFirst) {
  const std::string text = read_file(source_archive);
  EXPECT_TRUE(text.starts_with("{\"format\":\"covalue-network-archive\",\n\"version\":3,\n\"charter\":")) << text;
  const json archive = json::parse(text);
  EXPECT_EQ(archive["partners"].size(), 15U);
  EXPECT_EQ(archive["cycles"][8]["state"], "voting");
  EXPECT_EQ(archive["cycles"][8]["shortlist"].size(), 3U);
  EXPECT_EQ(archive["outcomes"].size(), 8U);
  EXPECT_TRUE(archive["outcomes"][0].contains("network_fair"));
  EXPECT_EQ(archive["scores"].size(), 6U);
  EXPECT_EQ(archive["tokens"][0]["revoked"], true);
  EXPECT_EQ(archive["tokens"][1]["secret_hash"].get<std::string>().size(), 64U);
  EXPECT_FALSE(archive["tokens"][1].contains("secret"));
  EXPECT_EQ(archive["audit"].size(), 590U);
  EXPECT_EQ(std::filesystem::status(source_archive).permissions() & std::filesystem::perms::others_read,
            std::filesystem::perms::none);
}

TEST_F(ArchiveCli, ExportToStdoutWritesTheSameBytes) {
  const CommandResult exported = run_covalue("network export --output - --db " + source_db);
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(exported.out, read_file(source_archive));
}

TEST_F(ArchiveCli, AFailedExportLeavesTheFileItWouldReplace) {
  const std::string file = dir_.write("kept.json", "earlier archive\n");
  const CommandResult failed = run_covalue("network export --db " + dir_.file("empty.db") + " --output " + file);
  EXPECT_EQ(failed.exit_code, 1);
  EXPECT_NE(failed.err.find("no network here yet"), std::string::npos) << failed.err;
  EXPECT_EQ(read_file(file), "earlier archive\n");
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
    EXPECT_FALSE(entry.path().filename().string().starts_with("kept.json.")) << "left behind: " << entry.path();
  }
}

TEST_F(ArchiveCli, ImportAsRenamesTheNetworkAndRecordsItInTheChain) {
  const CommandResult imported = import(source_archive, " --as 'Moved Chain'");
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_NE(imported.out.find("imported network 'Moved Chain'"), std::string::npos) << imported.out;
  EXPECT_EQ(json::parse(run_covalue("network show --format json --db " + target_).out)["summary"]["name"],
            "Moved Chain");
  EXPECT_EQ(run_covalue("audit verify --db " + target_).out, "audit log intact: 591 entries\n");
  const json audit = json::parse(run_covalue("audit list --after 590 --format json --db " + target_).out);
  ASSERT_EQ(audit["entries"].size(), 1U) << audit.dump();
  EXPECT_EQ(audit["entries"][0]["action"], "rename_network");
  EXPECT_EQ(audit["entries"][0]["detail"], R"({"from":"Fresh Chain Network","to":"Moved Chain"})");
  // The archived entries are kept as they were: entry 1 still names the original.
  const json first = json::parse(run_covalue("audit list --limit 1 --format json --db " + target_).out);
  EXPECT_NE(first["entries"][0]["detail"].get<std::string>().find("Fresh Chain Network"), std::string::npos);
}

TEST_F(ArchiveCli, ABrokenAuditChainIsRefused) {
  json archive = archive_json();
  archive["audit"][10]["detail"] = R"({"name":"tampered"})";
  const CommandResult result = import(dir_.write("broken.json", archive.dump()));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("audit: the archive's audit chain is broken at entry 11: its hash does not match its "
                            "fields: the entry was altered; nothing was imported"),
            std::string::npos)
      << result.err;
  EXPECT_FALSE(std::filesystem::exists(target_)) << "a database was created for a refused archive";
}

TEST_F(ArchiveCli, ANewerVersionIsRefused) {
  json archive = archive_json();
  archive["version"] = 4;
  expect_refused(archive, "archive version 4 is newer than this covalue reads (up to 3)");
}

TEST_F(ArchiveCli, AVersionOneArchiveWithoutPeopleIsStillRead) {
  json archive = archive_json();
  archive["version"] = 1;
  archive.erase("people");
  for (json& token : archive["tokens"]) {
    token.erase("person");
  }
  without_version_three(archive);
  const std::string file = dir_.write("v1.json", archive.dump());
  const CommandResult imported = run_covalue("network import " + file + " --db " + target_);
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(run_covalue("person list --format csv --db " + target_).out,
            "id,name,email,role,partner,time_zone,language\n");
}

TEST_F(ArchiveCli, AVersionOneArchiveWithPeopleIsRefused) {
  json archive = archive_json();
  archive["version"] = 1;
  without_version_three(archive);
  expect_refused(archive, "a version 1 archive has no people");
}

TEST_F(ArchiveCli, AKeyGivenTwiceIsRefusedWithItsPath) {
  std::string text = read_file(source_archive);
  const std::string first = "{\"id\":1,";
  const std::size_t partners = text.find("\"partners\":[");
  ASSERT_NE(partners, std::string::npos);
  const std::size_t at = text.find(first, partners);
  ASSERT_NE(at, std::string::npos);
  text.insert(at + first.size(), "\"id\":7,");  // nlohmann-json alone would keep the last one silently
  expect_refused_file(dir_.write("twice.json", text), "$.partners[0].id: a key is given twice in one object");
}

TEST_F(ArchiveCli, MalformedJsonIsRefused) {
  const std::string text = read_file(source_archive);
  const std::string file = dir_.write("cut.json", text.substr(0, text.size() / 2));
  const CommandResult result = import(file);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("malformed JSON at byte"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(target_)) << "a database was created for an archive that was never read";
}

TEST_F(ArchiveCli, AWrongShapeIsRefusedNamingItsPath) {
  json archive = archive_json();
  archive["partners"][3]["name"] = 7;
  expect_refused(archive, "$.partners[3].name: expected a string");
  archive = archive_json();
  archive["outcomes"][2]["partners"][1]["weight"] = "heavy";
  expect_refused(archive, "$.outcomes[2].partners[1].weight");
  archive = archive_json();
  archive["charter"].erase("rule");  // the API would take the default rule: an archive is written whole
  expect_refused(archive, "$.charter.rule: missing");
  archive = archive_json();
  archive["ballots"][0]["entries"][0].erase("value");
  expect_refused(archive, "$.ballots[0].entries[0].value: missing");
  archive = archive_json();
  archive.erase("tokens");
  expect_refused(archive, "$.tokens: missing");
  archive = archive_json();
  archive["format"] = "something else";
  expect_refused(archive, "not a covalue network archive");
}

TEST_F(ArchiveCli, AnImportIsANewNetworkBesideTheOthersAndItsNameMustBeFree) {
  ASSERT_EQ(run_covalue("network init --name Existing --db " + target_).exit_code, 0);
  ASSERT_EQ(run_covalue("partner add Only --tier retailer --db " + target_).exit_code, 0);
  const std::string before = run_covalue("network export --output - --network Existing --db " + target_).out;
  ASSERT_NE(before.find("\"Only\""), std::string::npos) << before;
  const CommandResult first = import(source_archive);
  EXPECT_EQ(first.exit_code, 0) << first.err;
  const std::string networks = run_covalue("network list --format csv --db " + target_).out;
  EXPECT_EQ(networks.rfind("id,name\n1,Existing\n2,", 0), 0U) << networks;
  EXPECT_EQ(run_covalue("network export --output - --network Existing --db " + target_).out, before);
  // The same archive, but that the outbox's delivery keys name the network they are in now (docs/archive.md).
  std::string moved = run_covalue("network export --output - --network 2 --db " + target_).out;
  for (std::size_t at = moved.find("\"delivery_key\":\"n2."); at != std::string::npos;
       at = moved.find("\"delivery_key\":\"n2.", at)) {
    moved.replace(at, 18, "\"delivery_key\":\"n1");
  }
  EXPECT_NE(read_file(source_archive).find("\"delivery_key\":\"n1."), std::string::npos);
  EXPECT_EQ(moved, read_file(source_archive));

  const CommandResult again = import(source_archive);  // the same name twice: refused, nothing written
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("already exists"), std::string::npos) << again.err;
  EXPECT_EQ(run_covalue("network list --format csv --db " + target_).out, networks);
  const CommandResult chosen = import(source_archive, " --network Existing");
  EXPECT_EQ(chosen.exit_code, 1);
  EXPECT_NE(chosen.err.find("--as, not --network"), std::string::npos) << chosen.err;
}

TEST_F(ArchiveCli, AnIdGivenTwiceIsRefused) {
  json archive = archive_json();
  archive["partners"][4]["id"] = 2;
  expect_refused(archive, "partners[4]: a second row with id 2");
}

TEST_F(ArchiveCli, GapsInAnArchivesIdsAreKept) {
  // A database upgraded from identity sequences (PostgreSQL before schema step 4) has gaps.
  json archive = archive_json();
  archive["tokens"][1]["id"] = 9;
  const CommandResult imported = import(dir_.write("gaps.json", archive.dump()));
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const std::string again = dir_.file("again.json");
  ASSERT_EQ(run_covalue("network export --db " + target_ + " --output " + again).exit_code, 0);
  EXPECT_EQ(json::parse(read_file(again))["tokens"][1]["id"], 9);
  const CommandResult issued = run_covalue("token list --db " + target_ + " --format csv");
  EXPECT_NE(issued.out.find("\n9,"), std::string::npos) << issued.out;
  ASSERT_EQ(run_covalue("token issue --db " + target_ + " --role observer").exit_code, 0);
  EXPECT_NE(run_covalue("token list --db " + target_ + " --format csv").out.find("\n10,"), std::string::npos)
      << "a new token takes the largest id plus one";
}

TEST_F(ArchiveCli, VersionThreeCarriesTheTablesAddedSinceVersionTwo) {
  const json archive = archive_json();
  EXPECT_EQ(archive["comments"].size(), 6U);  // the demo's four and the two above, the hidden one too
  EXPECT_EQ(archive["comments"][5]["state"], "hidden");
  EXPECT_EQ(archive["milestones"].size(), 2U);
  EXPECT_EQ(archive["initiative_updates"].size(), 1U);
  EXPECT_EQ(archive["delegations"][0]["proxy_id"], 2);
  EXPECT_EQ(archive["charter_positions"][0]["position"], "object");
  EXPECT_EQ(archive["coordination_willing"][0]["partner_id"], 2);
  EXPECT_EQ(archive["notification_preferences"][0]["cadence"], "daily");
  EXPECT_FALSE(archive["activity"].empty());
  EXPECT_FALSE(archive["notification_events"].empty());
  EXPECT_TRUE(archive["people"][0].contains("password_hash"));
  EXPECT_FALSE(archive.contains("web_sessions"));
  EXPECT_FALSE(archive.contains("password_links"));
}

TEST_F(ArchiveCli, AVersionTwoArchiveStillImportsWithEveryPartItHad) {
  // tests/data/archive_v2.json was exported by covalue before version 3 (a closed cycle, a person, a token).
  const std::string v2 = std::string(COVALUE_SOURCE_DIR) + "/tests/data/archive_v2.json";
  const CommandResult imported = import(v2);
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(run_covalue("audit verify --db " + target_).out, "audit log intact: 14 entries\n");
  const std::string again = dir_.file("again.json");
  ASSERT_EQ(run_covalue("network export --db " + target_ + " --output " + again).exit_code, 0);
  json exported = json::parse(read_file(again));
  const json old = json::parse(read_file(v2));
  EXPECT_EQ(exported["version"], 3);
  for (json& person : exported["people"]) {
    EXPECT_TRUE(person["password_hash"].is_null());
    person.erase("password_hash");
  }
  // The ballot limits came after version 2: such an archive reads with the old score limit and no points budget.
  EXPECT_EQ(exported["charter"]["score_max"], "1000000000");
  EXPECT_EQ(exported["charter"]["points_budget"], "0");
  exported["charter"].erase("score_max");
  exported["charter"].erase("points_budget");
  for (const auto& [key, value] : old.items()) {
    if (key != "version") {
      EXPECT_EQ(exported[key], value) << key;
    }
  }
  EXPECT_TRUE(exported["comments"].empty());  // version 2 did not carry the thread
}

TEST_F(ArchiveCli, ACommentOnAnUnknownInitiativeIsRefusedNamingItsPlace) {
  json archive = archive_json();
  archive["comments"][1]["subject_id"] = 99;
  expect_refused(archive, "$.comments[1].subject_id: no initiative with id 99 in the archive; nothing was imported");
}

TEST_F(ArchiveCli, ARowOfAVersionThreeTableGivenTwiceIsRefused) {
  json archive = archive_json();
  archive["milestones"][1]["id"] = archive["milestones"][0]["id"];
  expect_refused(archive, "$.milestones[1]: a second row with the same id");
}

TEST_F(ArchiveCli, AVersionThreeRowOfTheWrongShapeIsRefusedNamingItsPath) {
  json archive = archive_json();
  archive["comments"][0]["body"] = 5;
  expect_refused(archive, "$.comments[0].body: expected a string");
  archive = archive_json();
  archive["delegations"][0].erase("created_at");
  expect_refused(archive, "$.delegations[0].created_at: missing");
  archive = archive_json();
  archive["milestones"][0]["colour"] = "red";
  expect_refused(archive, "$.milestones[0].colour");
  archive = archive_json();
  archive["comments"][0]["state"] = "shouting";
  expect_refused(archive, "$.comments[0].state");
  archive = archive_json();
  archive.erase("follows");
  expect_refused(archive, "$.follows: missing");
  archive = archive_json();
  archive["delegations"][0]["proxy_id"] = 77;
  expect_refused(archive, "$.delegations[0].proxy_id: no partner with id 77");
}

}  // namespace
}  // namespace covalue::testing
