// `covalue perpetual replay` and `covalue simulate lackner2020` run as real processes: the replay of the
// reference's whole conformance file, row by row, and what both commands say about bad input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

using nlohmann::json;

std::string data_file() { return std::string(COVALUE_DATA_DIR) + "/perpetual-expected.jsonl"; }

std::vector<json> json_lines(const std::string& text) {
  std::vector<json> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) {
      rows.push_back(json::parse(line));
    }
  }
  return rows;
}

TEST(PerpetualCli, ReplayGivesTheReferenceWinnersTiesAndStateOnEveryRow) {
  const std::vector<json> expected = json_lines(read_file(data_file()));
  ASSERT_GE(expected.size(), 4000U) << data_file()
                                    << " is missing or short: ../shared/data must sit beside the checkout";
  const CommandResult result = run_covalue("perpetual replay '" + data_file() + "' --format json");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::vector<json> got = json_lines(result.out);
  ASSERT_EQ(got.size(), expected.size());
  int matched = 0;
  for (std::size_t i = 0; i < got.size(); ++i) {
    const json& want = expected[i];
    const std::string label = want.at("history").get<std::string>() + " " + want.at("rule").get<std::string>() + " " +
                              want.at("missing_rule").dump();
    for (const char* key : {"history", "rule", "missing_rule", "winners", "tied", "state"}) {
      EXPECT_EQ(got[i].at(key), want.at(key)) << label << ": " << key;
    }
    matched += got[i].at("winners") == want.at("winners") && got[i].at("state") == want.at("state") ? 1 : 0;
  }
  EXPECT_EQ(matched, static_cast<int>(expected.size()));
}

constexpr const char* kHistory =
    R"({"history":"x1","rule":"per_reset","missing_rule":null,"voters":3,"candidates":2,"rounds":2,)"
    R"("approvals":[[[0],[1],[1]],[[0],[1],[1]]]})";

TEST(PerpetualCli, ReplayTablePrintsWinnersAndTheFinalState) {
  const TempDir dir;
  const std::string file = dir.write("one.jsonl", std::string(kHistory) + "\n\n");
  const CommandResult result = run_covalue("perpetual replay " + file);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  // Round 0: 1 wins (2 against 1), voter 0 goes to 2; round 1: 1 and 0 tie at 2, 0 comes first.
  EXPECT_EQ(result.out, "x1  per_reset  null  winners: 1 0  final state: weight 1 2 2\n");
}

TEST(PerpetualCli, ReplayNamesTheLineAndTheMemberOfBadInput) {
  const TempDir dir;
  const std::string good = kHistory;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{not json", ":2: not valid JSON"},
      {"[1,2]", ":2: expected a JSON object"},
      {R"({"history":"x"})", ":2: rule: missing"},
      {std::string(good).replace(good.find("per_reset"), 9, "per_best"), ":2: rule: unknown perpetual rule"},
      {std::string(good).replace(good.find("null"), 4, "\"all\""), ":2: missing_rule: expected null, \"empty\""},
      {std::string(good).replace(good.find("[[0],[1],[1]]"), 13, "[[0],[5],[1]]"),
       ":2: approvals[0][1]: expected candidates from 0 to 1, got 5"},
      {std::string(good).replace(good.find("[[0],[1],[1]]"), 13, "[[0],[1,1],[1]]"),
       ":2: approvals[0][1]: candidate 1 is listed twice"},
      {std::string(good).replace(good.find("[[0],[1],[1]]"), 13, "[[0],[1]]"),
       ":2: approvals[0]: expected a list of 3 ballots"},
      {std::string(good).replace(good.find("\"rounds\":2"), 10, "\"rounds\":0"),
       ":2: rounds: expected an integer from 1 to"},
      {std::string(good).replace(good.find("\"voters\":3"), 10, "\"voters\":99999999"),
       ":2: voters: expected an integer from 1 to"},
      // Nested 100,000 deep: named by its kind, never printed (which would recurse as deep).
      {std::string(good).replace(good.find("\"voters\":3"), 10,
                                 "\"voters\":" + std::string(100000, '[') + std::string(100000, ']')),
       ":2: voters: expected an integer from 1 to 10000, got a list"},
  };
  for (const auto& [line, message] : cases) {
    const std::string file = dir.write("bad.jsonl", good + "\n" + line + "\n");
    const CommandResult result = run_covalue("perpetual replay " + file + " --format json");
    EXPECT_EQ(result.exit_code, 1) << line;
    EXPECT_NE(result.err.find(file + message), std::string::npos) << line << "\n" << result.err;
    EXPECT_EQ(result.out, "") << line;
  }
  // A voter absent under the strict mode (missing_rule null): the history, round and voter are named.
  const std::string absent = std::string(good).replace(good.find("[[0],[1],[1]]"), 13, "[[0],[],[1]]");
  const std::string file = dir.write("absent.jsonl", absent + "\n");
  const CommandResult result = run_covalue("perpetual replay " + file);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("history x1: round 0, voter 1: is absent"), std::string::npos) << result.err;
  const CommandResult missing = run_covalue("perpetual replay " + dir.file("nowhere.jsonl"));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("cannot open file"), std::string::npos) << missing.err;
}

TEST(PerpetualCli, SimulateLackner2020GivesEveryRuleTheSameFiguresOnAnyNumberOfThreads) {
  const CommandResult one = run_covalue("simulate lackner2020 --histories 40 --seed 7 --threads 1 --format json");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const CommandResult three = run_covalue("simulate lackner2020 --histories 40 --seed 7 --threads 3 --format json");
  ASSERT_EQ(three.exit_code, 0) << three.err;
  EXPECT_EQ(one.out, three.out);
  const json report = json::parse(one.out);
  EXPECT_EQ(report.at("histories"), 40);
  ASSERT_EQ(report.at("rules").size(), 9U);
  const json& av = report.at("rules").at(0);
  EXPECT_EQ(av.at("rule"), "av");
  EXPECT_EQ(av.at("normalised_satisfaction").at("median"), 1.0);
  for (const json& rule : report.at("rules")) {
    const double compliance = rule.at("quota_compliance").at("mean").get<double>();
    EXPECT_GT(compliance, 0.5) << rule.at("rule");
    EXPECT_LE(compliance, 1.0) << rule.at("rule");
    EXPECT_LE(rule.at("normalised_satisfaction").at("mean").get<double>(), 1.0) << rule.at("rule");
    EXPECT_GE(rule.at("influence_gini").at("mean").get<double>(), 0.0) << rule.at("rule");
  }
  // Perpetual rules are fairer than approval voting on this setup: a smaller Gini of influence.
  EXPECT_LT(report.at("rules").at(1).at("influence_gini").at("mean").get<double>(),
            av.at("influence_gini").at("mean").get<double>());
  const CommandResult other = run_covalue("simulate lackner2020 --histories 40 --seed 8 --format json");
  EXPECT_NE(other.out, one.out);
  const CommandResult table = run_covalue("simulate lackner2020 --histories 5");
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("per_quota_new"), std::string::npos) << table.out;
}

TEST(PerpetualCli, SimulateRefusesBadFlagsNamingThem) {
  const CommandResult zero = run_covalue("simulate lackner2020 --histories 0");
  EXPECT_EQ(zero.exit_code, 2);
  EXPECT_NE(zero.err.find("--histories"), std::string::npos) << zero.err;
  const CommandResult format = run_covalue("simulate lackner2020 --histories 2 --format csv");
  EXPECT_EQ(format.exit_code, 2);
  EXPECT_NE(format.err.find("--format"), std::string::npos) << format.err;
  const CommandResult word = run_covalue("simulate lackner2020 --histories many");
  EXPECT_EQ(word.exit_code, 2);
  EXPECT_NE(word.err.find("--histories"), std::string::npos) << word.err;
}

}  // namespace
}  // namespace covalue::testing

namespace covalue::testing {
namespace {

// The charter's weight policy through the binary: a network under pav, its weights over three cycles.
class WeightPolicyCli : public DatabaseCli {
 protected:
  // One cycle: X (cost 10) backed by A, B and C, Y (cost 10) by D; capacity 10, greedy.
  void cycle(int number, const std::string& x, const std::string& y) {
    ok("cycle open");
    ok("initiative propose --title X" + std::to_string(number) +
       " --proposer A --cost 10 --impact A=3 --impact B=3 "
       "--impact C=3");
    if (number == 1) {
      ok("initiative propose --title Y1 --proposer D --cost 10 --impact D=5");
    }
    ok("cycle vote");
    for (const char* partner : {"A", "B", "C"}) {
      ok(std::string("ballot cast --partner ") + partner + " --approve " + x);
    }
    ok("ballot cast --partner D --approve " + y);
    ok("cycle close --confirm-low-turnout");
  }
  // Each partner's weight in a closed cycle, by name.
  std::map<std::string, std::string> weights(int number) {
    const json report = json::parse(ok("report cycle " + std::to_string(number) + " --format json"));
    std::map<std::string, std::string> out;
    for (const json& row : report.at("partners")) {
      out[row.at("name").get<std::string>()] = row.at("weight").dump();
    }
    return out;
  }
};

TEST_F(WeightPolicyCli, PavWeightsFollowThePartnersWinsAndShowInTheCharter) {
  ok("network init --name Chain --capacity 10 --rule greedy --weight-policy pav");
  for (const char* partner : {"A", "B", "C", "D"}) {
    ok(std::string("partner add ") + partner + " --tier retailer");
  }
  const json shown = json::parse(ok("network show --format json"));
  EXPECT_EQ(shown.at("summary").at("weight_policy"), "pav");
  EXPECT_EQ(shown.at("summary").at("weight_absence"), "ignore");
  EXPECT_FALSE(shown.at("summary").contains("perpetual_weighting"));
  cycle(1, "1", "2");  // X1 wins 3 to 1; Y1 is carried over
  cycle(2, "3", "2");  // A, B, C weigh 1/2 each: X2 3/2 against Y1 1
  cycle(3, "4", "2");  // 1/3 each: X3 1 against Y1 1, a tie
  EXPECT_EQ(weights(1),
            (std::map<std::string, std::string>{{"A", "\"1\""}, {"B", "\"1\""}, {"C", "\"1\""}, {"D", "\"1\""}}));
  const auto second = weights(2);
  EXPECT_EQ(second.at("A"), "\"0.5\"") << second.at("A");  // reports print decimals where they end
  EXPECT_EQ(second.at("D"), "\"1\"");
  EXPECT_EQ(weights(3).at("C"), "\"1/3\"");
  EXPECT_NE(ok("report cycle 2").find("per_pav (Lackner 2020)"), std::string::npos);
}

// A database as schema step 4 left it (no weight columns, no people, no deadlines, no unit, no sign-in) whose charter
// had perpetual weighting off: step 5 makes its policy `none`, and it shows as it did; the SQLite file was kept as
// FILE.bak-v4 first.
TEST_F(WeightPolicyCli, ADatabaseMadeBeforeTheWeightPoliciesKeepsItsWeighting) {
  ok("network init --name Chain --no-perpetual-weighting");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  const int status =
      sqlite3_exec(db,
                   "DROP TABLE initiative_updates; DROP TABLE milestones; DROP TABLE lead_realised_values; "
                   "ALTER TABLE charter DROP COLUMN weight_policy; "
                   "ALTER TABLE charter DROP COLUMN weight_absence; "
                   "ALTER TABLE cycles DROP COLUMN proposals_close_at; "
                   "ALTER TABLE cycles DROP COLUMN voting_closes_at; "
                   "ALTER TABLE charter DROP COLUMN deadline_action; "
                   "ALTER TABLE charter DROP COLUMN unit; "
                   "DROP TABLE coordinator_votes; DROP TABLE coordinator_elections; "
                   "DROP TABLE charter_positions; DROP TABLE charter_proposals; DROP TABLE coordination_willing; "
                   "DROP TABLE coordination_terms; ALTER TABLE charter DROP COLUMN amendment_rule; "
                   "ALTER TABLE charter DROP COLUMN amendment_majority; "
                   "ALTER TABLE charter DROP COLUMN amendment_window_hours; "
                   "ALTER TABLE charter DROP COLUMN coordination; ALTER TABLE charter DROP COLUMN coordination_term; "
                   "DROP TABLE comment_revisions; DROP TABLE comments; DROP TABLE follows; "
                   "DROP TABLE activity; DROP TABLE activity_seen; "
                   "DROP TABLE notification_preferences; DROP TABLE digest_waits; DROP TABLE network_secrets; "
                   "DROP TABLE delegations; ALTER TABLE ballots DROP COLUMN cast_by; "
                   "ALTER TABLE charter DROP COLUMN close_turnout_warning; "
                   "ALTER TABLE charter DROP COLUMN score_max; ALTER TABLE charter DROP COLUMN points_budget; "
                   "DROP TABLE deliveries; DROP TABLE notification_events; DROP TABLE webhooks; "
                   "ALTER TABLE charter DROP COLUMN reminder_hours; "
                   "DROP TABLE web_sessions; "
                   "DROP TABLE password_links; "
                   "DROP TABLE people; "
                   "ALTER TABLE access_tokens DROP COLUMN person_id; "
                   "DELETE FROM schema_migrations WHERE version >= 5;",
                   nullptr, nullptr, &message);
  EXPECT_EQ(status, SQLITE_OK) << (message == nullptr ? "" : message);
  sqlite3_free(message);
  sqlite3_close(db);
  const json shown = json::parse(ok("network show --format json"));
  EXPECT_EQ(shown.at("summary").at("perpetual_weighting"), "off");
  EXPECT_TRUE(std::filesystem::exists(db_ + ".bak-v4"));
  const json charter = json::parse(ok("network export --output -")).at("charter");
  EXPECT_EQ(charter.at("fairness").at("weight_policy"), "none");
}

TEST_F(WeightPolicyCli, TheOlderFlagStillWorksAndOldChartersShowAsTheyDid) {
  ok("network init --name Chain --no-perpetual-weighting");
  json shown = json::parse(ok("network show --format json"));
  EXPECT_EQ(shown.at("summary").at("perpetual_weighting"), "off");
  EXPECT_FALSE(shown.at("summary").contains("weight_policy"));
  ok("network update --weight-policy consensus --weight-absence empty");
  shown = json::parse(ok("network show --format json"));
  EXPECT_EQ(shown.at("summary").at("weight_policy"), "consensus");
  EXPECT_EQ(shown.at("summary").at("weight_absence"), "empty");
  ok("network update --perpetual-weighting");  // on: a weighting policy stays as it is
  shown = json::parse(ok("network show --format json"));
  EXPECT_EQ(shown.at("summary").at("weight_policy"), "consensus");
  ok("network update --no-perpetual-weighting --weight-absence ignore");
  EXPECT_EQ(json::parse(ok("network show --format json")).at("summary").at("perpetual_weighting"), "off");
  ok("network update --perpetual-weighting");  // on after none: reset
  EXPECT_EQ(json::parse(ok("network show --format json")).at("summary").at("perpetual_weighting"), "on");
  const CommandResult bad = run("network update --weight-policy fairest");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--weight-policy: unknown weight policy 'fairest'"), std::string::npos) << bad.err;
  const CommandResult absence = run("network update --weight-absence all");
  EXPECT_EQ(absence.exit_code, 2);
  EXPECT_NE(absence.err.find("--weight-absence"), std::string::npos) << absence.err;
}

}  // namespace
}  // namespace covalue::testing
