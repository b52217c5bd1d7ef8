// Delegation over HTTP (issue 14 item 5): a representative hands its partner's ballot to a proxy, the proxy's
// representative casts it through the ballot route, the coordinator sees who delegated to whom and the turnout
// counts it; bad requests name the field and store nothing. And the close's turnout warning (issue 13 item 6):
// 409 naming confirm_low_turnout with the figures, unless confirmed.
#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

using ServerDelegation = ServedNetwork;
using nlohmann::json;

//! Expects an error of `status` and `kind` naming `field`.
void expect_refused(const HttpAnswer& answer, int status, const std::string& kind, const std::string& field) {
  expect_error(answer, status, kind);
  EXPECT_EQ(answer.json()["error"].value("field", ""), field) << answer.body;
}

class Voting : public ServerDelegation {
 protected:
  void SetUp() override {
    ServerDelegation::SetUp();
    ASSERT_EQ(post("/api/cycles", "", coordinator_).status, 201);
    ASSERT_EQ(post("/api/cycles/1/voting", "", coordinator_).status, 200);
  }
  [[nodiscard]] HttpAnswer remove(const std::string& target, const std::string& token) const {
    return server_->request("DELETE", target, token);
  }
};

TEST_F(Voting, AProxyCastsTheDelegatedBallotAndTheTurnoutCountsIt) {
  const HttpAnswer made = post("/api/cycles/1/delegations/1", R"({"proxy":2})", rep_a_);
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.json()["proxy"], 2);
  EXPECT_EQ(made.json()["partner"], 1);
  // Bolt's representative casts Acme's ballot through Acme's ballot route.
  const HttpAnswer cast = put("/api/cycles/1/ballots/1", R"({"entries":[{"initiative":1}]})", rep_b_);
  ASSERT_EQ(cast.status, 200) << cast.body;
  EXPECT_EQ(cast.json()["partner"], 1);
  EXPECT_EQ(cast.json()["cast_by"], 2);
  // The proxy sees the ballot it cast; Cargo sees neither.
  EXPECT_EQ(get("/api/cycles/1/ballots", rep_b_).json().size(), 1U);
  EXPECT_TRUE(get("/api/cycles/1/ballots", rep_c_).json().empty());
  // The coordinator sees who delegated to whom, and who voted (by proxy), never how.
  const json listed = get("/api/cycles/1/delegations", coordinator_).json();
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_EQ(listed[0]["partner"], 1);
  EXPECT_EQ(listed[0]["proxy"], 2);
  EXPECT_TRUE(get("/api/cycles/1/delegations", rep_c_).json().empty());
  EXPECT_EQ(get("/api/cycles/1/delegations", rep_b_).json().size(), 1U);
  const json home = get("/api/home", coordinator_).json();
  EXPECT_EQ(home["voted"], 1);
  EXPECT_EQ(home["turnout"][0], json::parse(R"({"partner":1,"voted":true,"cast_by":2})")) << home.dump();
  const json turnout = get("/api/cycles/1/turnout", coordinator_).json();
  EXPECT_EQ(turnout["voted"], 1);
  EXPECT_EQ(turnout["delegated"], 1);
  EXPECT_EQ(turnout["members"], 3);
  EXPECT_EQ(turnout["below"], true);
  EXPECT_EQ(turnout["summary"],
            "1 of 3 partners have voted (33.3%), 1 ballot cast by a proxy, below the charter's 50%");
  // The audit log keeps the delegation and who cast the ballot.
  const json audit = get("/api/audit?limit=10000", coordinator_).json();
  EXPECT_NE(audit.dump().find("\"delegate\""), std::string::npos);
}

TEST_F(Voting, BadDelegationsNameTheFieldAndStoreNothing) {
  const std::size_t before = audit_count();
  expect_refused(post("/api/cycles/1/delegations/1", R"({"proxy":1})", rep_a_), 400, "invalid_input", "body.proxy");
  expect_refused(post("/api/cycles/1/delegations/1", R"({"proxy":99})", rep_a_), 404, "not_found", "body.proxy");
  expect_refused(post("/api/cycles/1/delegations/1", R"({"proxy":"two"})", rep_a_), 400, "invalid_input", "body.proxy");
  expect_refused(post("/api/cycles/1/delegations/1", R"({})", rep_a_), 400, "invalid_input", "body.proxy");
  expect_refused(post("/api/cycles/9/delegations/1", R"({"proxy":2})", rep_a_), 404, "not_found", "path.cycle");
  expect_refused(post("/api/cycles/1/delegations/2", R"({"proxy":3})", rep_a_), 403, "forbidden", "partner");
  expect_refused(post("/api/cycles/1/delegations/1", R"({"proxy":2})", coordinator_), 403, "forbidden", "partner");
  expect_refused(remove("/api/cycles/1/delegations/1", rep_a_), 404, "not_found", "delegation");
  // A proxy casting for a partner that did not delegate to it.
  expect_refused(put("/api/cycles/1/ballots/3", R"({"entries":[{"initiative":1}]})", rep_b_), 403, "forbidden",
                 "partner");
  EXPECT_EQ(audit_count(), before);
  ASSERT_EQ(post("/api/cycles/1/delegations/1", R"({"proxy":2})", rep_a_).status, 201);
  // A second delegation, and a chain.
  expect_refused(post("/api/cycles/1/delegations/1", R"({"proxy":3})", rep_a_), 409, "conflict", "delegation");
  expect_refused(post("/api/cycles/1/delegations/2", R"({"proxy":3})", rep_b_), 409, "conflict", "delegation");
  EXPECT_EQ(audit_count(), before + 1);
}

TEST_F(Voting, RevokingTakesTheBallotBack) {
  ASSERT_EQ(post("/api/cycles/1/delegations/1", R"({"proxy":2})", rep_a_).status, 201);
  ASSERT_EQ(put("/api/cycles/1/ballots/1", R"({"entries":[{"initiative":1}]})", rep_b_).status, 200);
  const HttpAnswer revoked = remove("/api/cycles/1/delegations/1", rep_a_);
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(revoked.json()["proxy"], 2);
  EXPECT_EQ(get("/api/cycles/1/turnout", coordinator_).json()["voted"], 0);
  EXPECT_TRUE(get("/api/cycles/1/delegations", coordinator_).json().empty());
}

TEST_F(Voting, AClosBelowTheChartersTurnoutMustBeConfirmed) {
  ASSERT_EQ(put("/api/cycles/1/ballots/1", R"({"entries":[{"initiative":1}]})", rep_a_).status, 200);
  const std::size_t before = audit_count();
  const HttpAnswer refused = post("/api/cycles/1/close", "", coordinator_);
  expect_refused(refused, 409, "conflict", "body.confirm_low_turnout");
  EXPECT_NE(refused.body.find("1 of 3 partners have voted (33.3%), below the charter's 50%"), std::string::npos)
      << refused.body;
  expect_refused(post("/api/cycles/1/close", R"({"confirm_low_turnout":"yes"})", coordinator_), 400, "invalid_input",
                 "body.confirm_low_turnout");
  expect_refused(post("/api/cycles/1/close", R"({"confirm_low_turnout":false})", coordinator_), 409, "conflict",
                 "body.confirm_low_turnout");
  EXPECT_EQ(audit_count(), before);
  EXPECT_EQ(get("/api/cycles/1", coordinator_).json()["state"], "voting");
  const HttpAnswer closed = post("/api/cycles/1/close", R"({"confirm_low_turnout":true})", coordinator_);
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(get("/api/cycles/1", coordinator_).json()["state"], "closed");
}

TEST_F(Voting, TheTurnoutWarningIsACharterFieldAndZeroNeverAsks) {
  expect_refused(server_->request("PATCH", "/api/network", coordinator_, R"({"close_turnout_warning":101})"), 400,
                 "invalid_input", "close_turnout_warning");
  ASSERT_EQ(server_->request("PATCH", "/api/network", coordinator_, R"({"close_turnout_warning":0})").status, 200);
  EXPECT_EQ(get("/api/network", observer_).json()["close_turnout_warning"], 0);
  ASSERT_EQ(post("/api/cycles/1/close", "", coordinator_).status, 200);  // no ballot, and 0 never asks
}

}  // namespace
}  // namespace covalue::testing
