// What a partner sends meets its bounds at the door; a close can never abort, even on a database that
// holds numbers from before the bounds; volunteering is consent; a coordinator can take a bad proposal off
// a voting ballot; a ballot's answer is the ballot as stored.
#include <sqlite3.h>

#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

using ServerDoor = ServedNetwork;

const std::string kProposal = R"({"title":"Hostile","proposer":1,"cost":"7","impacts":[{"partner":3,"estimate":)";

TEST_F(ServerDoor, TheHugeEstimateIsRefusedAtTheDoorNamingTheField) {
  const std::size_t before = audit_count();
  for (const char* estimate : {R"("1e26")", R"("100000000000000000000000000")", R"("0.0000001")", R"(1.5)"}) {
    const HttpAnswer answer = post("/api/initiatives", kProposal + estimate + "}]}", rep_a_);
    expect_error(answer, 400, "invalid_input");
    EXPECT_NE(answer.json()["error"]["field"].get<std::string>().find("impacts[0].estimate"), std::string::npos)
        << estimate << " " << answer.body;
  }
  EXPECT_EQ(audit_count(), before);
  EXPECT_EQ(get("/api/session", rep_a_).status, 200);
}

TEST_F(ServerDoor, NumbersFollowTheDocumentedGrammar) {
  const nlohmann::json exact = get("/api/openapi.json", "").json()["components"]["schemas"]["Exact"];
  EXPECT_EQ(exact["pattern"], "^-?[0-9]+([.][0-9]+|/[0-9]+)?$");
  for (const char* cost : {R"(" 3")", R"("+3")", R"(".5")", R"("1.5e1")", R"("3,5")", R"("7/0")"}) {
    const HttpAnswer answer =
        post("/api/initiatives", std::string(R"({"title":"T","proposer":1,"cost":)") + cost + "}", rep_a_);
    expect_error(answer, 400, "invalid_input");
    EXPECT_EQ(answer.json()["error"]["field"], "body.cost") << cost;
  }
  const HttpAnswer fine = post("/api/initiatives", R"({"title":"T","proposer":1,"cost":"7/2"})", rep_a_);
  EXPECT_EQ(fine.status, 201) << fine.body;
}

TEST_F(ServerDoor, TextsAreUtf8WithoutControlCharactersWithinTheirDocumentedLength) {
  const nlohmann::json schemas = get("/api/openapi.json", "").json()["components"]["schemas"];
  EXPECT_EQ(schemas["NewInitiative"]["properties"]["title"]["maxLength"], 200);
  EXPECT_EQ(schemas["NewInitiative"]["properties"]["description"]["maxLength"], 10000);
  const std::size_t before = audit_count();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"title":"nul\u0000","proposer":1,"cost":"1"})", "title"},
      {R"({"title":"esc\u001b[31m","proposer":1,"cost":"1"})", "title"},
      {R"({"title":"two\nlines","proposer":1,"cost":"1"})", "title"},
      {R"({"title":"ok","description":"bell\u0007","proposer":1,"cost":"1"})", "description"},
      {R"({"title":")" + std::string(201, 'x') + R"(","proposer":1,"cost":"1"})", "title"},
      {"{\"title\":\"bad \xff utf-8\",\"proposer\":1,\"cost\":\"1\"}", "body"}};
  for (const auto& [body, field] : cases) {
    const HttpAnswer answer = post("/api/initiatives", body, rep_a_);
    EXPECT_EQ(answer.status, 400) << body.substr(0, 60) << " " << answer.body;
    EXPECT_NE(answer.json()["error"]["field"].get<std::string>().find(field), std::string::npos) << answer.body;
  }
  EXPECT_EQ(audit_count(), before);
  const HttpAnswer unicode =
      post("/api/initiatives",
           R"({"title":"Dziko żyjące 東京 🚚","description":"one\ntwo\tthree","proposer":1,"cost":"1"})", rep_a_);
  EXPECT_EQ(unicode.status, 201) << unicode.body;
}

TEST_F(ServerDoor, ABallotAnswerShowsTheBallotAsStored) {
  ASSERT_EQ(post("/api/cycles", "", coordinator_).status, 201);
  ASSERT_EQ(post("/api/cycles/1/voting", "", coordinator_).status, 200);
  const HttpAnswer cast =
      put("/api/cycles/1/ballots/1", R"({"format":"approvals","entries":[{"initiative":1,"value":"5"}]})", rep_a_);
  ASSERT_EQ(cast.status, 200) << cast.body;
  EXPECT_EQ(cast.json()["entries"][0]["value"], "1");
  EXPECT_EQ(get("/api/cycles/1/ballots", rep_a_).json()[0]["entries"], cast.json()["entries"]);
}

TEST_F(ServerDoor, VolunteeringIsConsent) {
  ASSERT_EQ(post("/api/cycles", "", coordinator_).status, 201);
  const HttpAnswer other = post("/api/initiatives",
                                R"({"title":"Docks","proposer":1,"cost":"5","impacts":[{"partner":1,"estimate":"3"}],)"
                                R"("volunteers":[2]})",
                                rep_a_);
  expect_error(other, 403, "forbidden");
  EXPECT_EQ(other.json()["error"]["field"], "volunteers[0]");
  const HttpAnswer named = post("/api/initiatives",
                                R"({"title":"Docks","proposer":1,"cost":"5","impacts":[{"partner":1,"estimate":"3"}],)"
                                R"("volunteers":[2]})",
                                coordinator_);
  ASSERT_EQ(named.status, 201) << named.body;
  EXPECT_EQ(named.json()["volunteers"], nlohmann::json::array());
  EXPECT_EQ(named.json()["nominees"], nlohmann::json::array({2}));
  const std::string path = "/api/initiatives/" + std::to_string(named.json()["id"].get<int>()) + "/volunteers/2";
  expect_error(put(path, "", rep_a_), 403, "forbidden");
  const HttpAnswer accepted = put(path, "", rep_b_);
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json()["volunteers"], nlohmann::json::array({2}));
  EXPECT_EQ(accepted.json()["nominees"], nlohmann::json::array());
  const HttpAnswer self = put("/api/initiatives/1/volunteers/3", "", rep_c_);
  ASSERT_EQ(self.status, 200) << self.body;
  EXPECT_EQ(self.json()["volunteers"], nlohmann::json::array({3}));
  expect_error(server_->request("DELETE", "/api/initiatives/1/volunteers/3", coordinator_), 403, "forbidden");
  EXPECT_EQ(server_->request("DELETE", "/api/initiatives/1/volunteers/3", rep_c_).status, 200);
}

TEST_F(ServerDoor, ACoordinatorTakesABadProposalOffAVotingBallotWithAReason) {
  ASSERT_EQ(post("/api/cycles", "", coordinator_).status, 201);
  ASSERT_EQ(post("/api/cycles/1/voting", "", coordinator_).status, 200);
  ASSERT_EQ(put("/api/cycles/1/ballots/2", R"({"entries":[{"initiative":1}]})", rep_b_).status, 200);
  EXPECT_EQ(get("/api/initiatives/1", rep_a_).json()["undecided"], true);  // the web UI reads it, not the status
  expect_error(post("/api/initiatives/1/withdraw", "", rep_a_), 409, "conflict");
  const HttpAnswer without = post("/api/initiatives/1/withdraw", "", coordinator_);
  expect_error(without, 400, "invalid_input");
  EXPECT_EQ(without.json()["error"]["field"], "reason");
  const HttpAnswer pulled = post("/api/initiatives/1/withdraw", R"({"reason":"estimates under review"})", coordinator_);
  ASSERT_EQ(pulled.status, 200) << pulled.body;
  EXPECT_EQ(pulled.json()["status"], "withdrawn");
  EXPECT_EQ(pulled.json()["undecided"], false);
  const nlohmann::json log = get("/api/audit?limit=10000", coordinator_).json();
  EXPECT_NE(log.back()["detail"].get<std::string>().find("estimates under review"), std::string::npos);
  EXPECT_EQ(post("/api/cycles/1/close", R"({"confirm_low_turnout":true})", coordinator_).status, 200);
}

//! Writes an estimate into the database directly, as a database from before the bounds may hold it.
void store_estimate(const std::string& db, int initiative, int partner, const std::string& estimate) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  const std::string sql = "UPDATE initiative_impacts SET estimate = '" + estimate +
                          "' WHERE initiative_id = " + std::to_string(initiative) +
                          " AND partner_id = " + std::to_string(partner);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
  sqlite3_free(error);
  EXPECT_EQ(sqlite3_changes(handle), 1);
  sqlite3_close(handle);
}

TEST_F(ServerDoor, AnUnknownNameIs400NamingTheAcceptedValuesAndOldSpellingsAreAccepted) {
  const HttpAnswer rule = server_->request("PATCH", "/api/network", coordinator_, R"({"rule":"dictator"})");
  expect_error(rule, 400, "invalid_input");
  EXPECT_NE(rule.body.find("unknown selection rule 'dictator' (expected one of: mes, phragmen, greedy, network_fair, "
                           "consensus)"),
            std::string::npos)
      << rule.body;
  expect_error(post("/api/partners", R"({"name":"Moon","tier":"lunar"})", coordinator_), 400, "invalid_input");
  ASSERT_EQ(server_->request("PATCH", "/api/network", coordinator_, R"({"ranking_rule":"ranked-pairs"})").status, 200);
  const HttpAnswer charter = get("/api/network", coordinator_);
  EXPECT_EQ(charter.json()["ranking_rule"], "ranked_pairs") << charter.body;
}

// The charter's unit: "value points" until the charter names one; a unit that is not one is refused naming it.
TEST_F(ServerDoor, TheCharterStatesItsUnit) {
  EXPECT_EQ(get("/api/network", observer_).json()["unit"], "value points");
  ASSERT_EQ(server_->request("PATCH", "/api/network", coordinator_, R"({"unit":"EUR"})").status, 200);
  EXPECT_EQ(get("/api/network", observer_).json()["unit"], "EUR");
  for (const char* bad : {R"({"unit":""})", R"({"unit":"a unit of more than forty characters, too long"})"}) {
    const HttpAnswer refused = server_->request("PATCH", "/api/network", coordinator_, bad);
    expect_error(refused, 400, "invalid_input");
    EXPECT_NE(refused.json()["error"]["field"].get<std::string>().find("unit"), std::string::npos) << refused.body;
  }
  EXPECT_EQ(get("/api/network", observer_).json()["unit"], "EUR");
}

TEST_F(ServerDoor, ANetworkFairCloseOverAnEstimateOf1e26ClosesAndTheServerStaysUp) {
  ASSERT_EQ(server_->request("PATCH", "/api/network", coordinator_, R"({"rule":"network-fair"})").status, 200);
  ASSERT_EQ(
      post("/api/initiatives",
           R"({"title":"Modest","proposer":2,"cost":"5","impacts":[{"partner":2,"estimate":"3/1000000"}]})", rep_b_)
          .status,
      201);
  store_estimate(db(), 1, 2, "100000000000000000000000000");
  ASSERT_EQ(post("/api/cycles", "", coordinator_).status, 201);
  ASSERT_EQ(post("/api/cycles/1/voting", "", coordinator_).status, 200);
  ASSERT_EQ(put("/api/cycles/1/ballots/1", R"({"entries":[{"initiative":1}]})", rep_a_).status, 200);
  const HttpAnswer closed = post("/api/cycles/1/close", R"({"confirm_low_turnout":true})", coordinator_);
  ASSERT_EQ(closed.status, 200) << closed.body;
  const nlohmann::json certificate = closed.json()["network_fair"];
  EXPECT_EQ(certificate["solver"], "covalue exact search") << certificate.dump();
  EXPECT_EQ(certificate["status"], "optimal");
  EXPECT_TRUE(certificate["rechecked"].get<bool>());
  EXPECT_EQ(get("/api/cycles/1", observer_).json()["state"], "closed");
}

}  // namespace
}  // namespace covalue::testing
