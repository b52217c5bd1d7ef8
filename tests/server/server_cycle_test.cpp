// A whole cycle over HTTP: partners, tokens, proposals, open, vote, cast, close, outcome, actuals,
// reports, dashboard; and ballot secrecy until close.
#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

using ServerCycle = ServedNetwork;

TEST_F(ServerCycle, BallotsStaySecretUntilClose) {
  ASSERT_EQ(post("/api/cycles", "", coordinator_).status, 201);
  ASSERT_EQ(post("/api/cycles/1/voting", "", coordinator_).status, 200);
  ASSERT_EQ(put("/api/cycles/1/ballots/1", R"({"entries":[{"initiative":1}]})", rep_a_).status, 200);
  ASSERT_EQ(put("/api/cycles/1/ballots/2", R"({"entries":[{"initiative":1}]})", rep_b_).status, 200);
  HttpAnswer seen = get("/api/cycles/1/ballots", rep_b_);
  ASSERT_EQ(seen.status, 200);
  ASSERT_EQ(seen.json().size(), 1U);
  EXPECT_EQ(seen.json()[0]["partner"], 2);
  EXPECT_EQ(get("/api/cycles/1/ballots", rep_c_).json().size(), 0U);
  EXPECT_EQ(get("/api/cycles/1/ballots", observer_).json().size(), 0U);
  EXPECT_EQ(get("/api/cycles/1/ballots", coordinator_).json().size(), 0U);
  expect_error(put("/api/cycles/1/ballots/1", R"({"entries":[{"initiative":1}]})", rep_b_), 403, "forbidden");
}

TEST_F(ServerCycle, AWholeCycle) {
  HttpAnswer answer = post("/api/initiatives",
                           R"({"title":"Cross-dock","proposer":2,"cost":"50","channel":"supply_chain","impacts":[)"
                           R"({"partner":2,"estimate":"20"},{"partner":3,"estimate":"7/2"}],"volunteers":[2]})",
                           rep_b_);
  ASSERT_EQ(answer.status, 201) << answer.body;
  EXPECT_EQ(answer.json()["network_value"], "47/2");
  answer = post("/api/objectives", R"({"partner":3,"kpi":"on_time_delivery","unit":"%","baseline":"90","target":"97"})",
                rep_c_);
  ASSERT_EQ(answer.status, 201) << answer.body;
  answer = post("/api/cycles", "", coordinator_);
  ASSERT_EQ(answer.status, 201) << answer.body;
  EXPECT_EQ(answer.json()["state"], "proposing");
  ASSERT_EQ(post("/api/cycles/1/voting", "", coordinator_).status, 200);
  ASSERT_EQ(put("/api/cycles/1/ballots/1", R"({"entries":[{"initiative":1}]})", rep_a_).status, 200);
  ASSERT_EQ(put("/api/cycles/1/ballots/2", R"({"entries":[{"initiative":1},{"initiative":2}]})", rep_b_).status, 200);
  ASSERT_EQ(put("/api/cycles/1/ballots/3", R"({"format":"approvals","entries":[{"initiative":2}]})", rep_c_).status,
            200);
  answer = post("/api/cycles/1/close", R"({"confirm_low_turnout":true})", coordinator_);
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json()["cycle"], 1);
  const HttpAnswer outcome = get("/api/cycles/1/outcome", observer_);
  ASSERT_EQ(outcome.status, 200);
  EXPECT_EQ(outcome.json(), answer.json());
  EXPECT_EQ(get("/api/cycles/1", observer_).json()["state"], "closed");
  EXPECT_EQ(get("/api/cycles/1/ballots", coordinator_).json().size(), 3U);  // disclosed after close

  answer = post("/api/actuals", R"({"cycle":1,"initiative":1,"partner":1,"actual":"8"})", coordinator_);
  ASSERT_EQ(answer.status, 201) << answer.body;
  answer = post("/api/kpis", R"({"cycle":1,"objective":1,"value":"93"})", coordinator_);
  ASSERT_EQ(answer.status, 201) << answer.body;
  ASSERT_EQ(post("/api/cycles/1/review", "", coordinator_).status, 200);

  for (const char* kind : {"network", "fairness", "engagement", "kpi", "partner", "cycle"}) {
    answer = get(std::string("/api/reports/") + kind, observer_);
    ASSERT_EQ(answer.status, 200) << kind << answer.body;
    EXPECT_TRUE(answer.json().contains("summary")) << kind;
  }
  const std::string cli = run_cli("report network --format json --db " + db()).second;
  EXPECT_EQ(get("/api/reports/network", observer_).json(), nlohmann::json::parse(cli));
  EXPECT_EQ(get("/api/reports/partner/2", observer_).status, 200);
  EXPECT_EQ(get("/api/reports/cycle/1", observer_).status, 200);

  const HttpAnswer dashboard = get("/api/dashboard", rep_a_);
  ASSERT_EQ(dashboard.status, 200) << dashboard.body;
  const nlohmann::json board = dashboard.json();
  ASSERT_EQ(board["cycles"].size(), 1U);
  EXPECT_EQ(board["cycles"][0]["state"], "reviewed");
  EXPECT_EQ(board["cycles"][0]["participation_rate"], "1");
  EXPECT_EQ(board["cycles"][0]["realised_value"], "8");
  ASSERT_EQ(board["partners"].size(), 3U);
  EXPECT_EQ(board["partners"][0]["cumulative_net_value"].size(), 1U);
  EXPECT_EQ(board["partners"][0]["dry_spell"].size(), 1U);
  EXPECT_TRUE(board["partners"][0].contains("risk_score"));
  EXPECT_EQ(get("/api/dashboard", rep_a_).body, dashboard.body);  // cached, same answer

  const HttpAnswer verify = get("/api/audit/verify", coordinator_);
  ASSERT_EQ(verify.status, 200);
  EXPECT_TRUE(verify.json()["intact"].get<bool>());
  EXPECT_EQ(run_cli("audit verify --db " + db()).first, 0);
  EXPECT_EQ(get("/api/session", rep_b_).json()["partner"], 2);
}

TEST_F(ServerCycle, ReadsFollowWritesThroughTheCache) {
  EXPECT_EQ(get("/api/partners", observer_).json().size(), 3U);
  ASSERT_EQ(post("/api/partners", R"({"name":"Dyn"})", coordinator_).status, 201);
  EXPECT_EQ(get("/api/partners", observer_).json().size(), 4U);
  // Another process writing to the same database is seen too: the cache is keyed by the store's version.
  ASSERT_EQ(run_cli("partner add Echo --db " + db()).first, 0);
  EXPECT_EQ(get("/api/partners", observer_).json().size(), 5U);
}

// No scorecard is an answer (200, "scorecard": null), so the ballot page's read on every load logs no 404;
// once one is defined, the same route shows it.
TEST_F(ServerCycle, NoScorecardIsAnAnswer) {
  HttpAnswer answer = get("/api/scorecard", rep_a_);
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_TRUE(answer.json()["scorecard"].is_null());
  EXPECT_EQ(answer.json()["ranking"], nlohmann::json::array());
  ASSERT_EQ(
      put("/api/scorecard", R"({"formula":"weighted","criteria":[{"name":"value","kind":"value"}]})", coordinator_)
          .status,
      200);
  answer = get("/api/scorecard", rep_a_);
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json()["scorecard"]["formula"], "weighted");
}

}  // namespace
}  // namespace covalue::testing
