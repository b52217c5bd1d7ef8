// Charter proposals over HTTP (issue 14 item 4): a network switched to consent, a representative proposes a capacity
// change, another objects with a reason, the proposer revises, the others agree, the window passes (real time, a
// window of seconds, as the scheduler tests do) and the coordinator decides it: the charter applies it from the next
// cycle. Bad input answers 400/403/404/409 naming the field; the coordination rotation shows who coordinates.
#include <chrono>
#include <thread>

#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

using ServerCharterProposals = ServedNetwork;
using nlohmann::json;

TEST_F(ServerCharterProposals, PartnersDecideACapacityChangeByConsent) {
  // Under the default rule (coordinator) proposals are refused, pointing at the rule.
  HttpAnswer answer = post("/api/charter/proposals", R"({"changes":{"capacity":"90"},"rationale":"More."})", rep_a_);
  ASSERT_EQ(answer.status, 409) << answer.body;
  EXPECT_EQ(answer.json()["error"]["field"], "amendment_rule");
  // A window of 4 seconds (hours are exact: 1/900 hour), so that it passes within the test.
  answer = server_->request("PATCH", "/api/network", coordinator_,
                            R"({"amendment_rule":"consent","amendment_window_hours":"1/900"})");
  ASSERT_EQ(answer.status, 200) << answer.body;
  answer = server_->request("PATCH", "/api/network", coordinator_, R"({"capacity":"50"})");
  ASSERT_EQ(answer.status, 409) << "a direct change is refused under consent: " << answer.body;
  EXPECT_NE(answer.json()["error"]["message"].get<std::string>().find("propose"), std::string::npos);

  answer =
      post("/api/charter/proposals", R"({"changes":{"capacity":"140"},"rationale":"Two partners joined."})", rep_a_);
  ASSERT_EQ(answer.status, 201) << answer.body;
  EXPECT_EQ(answer.json()["changes"][0]["field"], "capacity");
  EXPECT_EQ(answer.json()["changes"][0]["from"], "100");
  EXPECT_EQ(answer.json()["changes"][0]["to"], "140");
  EXPECT_EQ(answer.json()["proposer"], 1);

  // Bad input: each names its field; nothing is stored.
  const std::size_t before = audit_count();
  const auto refused = [&](const HttpAnswer& a, int status, const std::string& field) {
    EXPECT_EQ(a.status, status) << a.body;
    EXPECT_EQ(a.json()["error"]["field"], field) << a.body;
  };
  refused(post("/api/charter/proposals", R"({"changes":{"capacity":"120"},"rationale":"Again."})", rep_b_), 409,
          "body.changes.capacity");
  refused(post("/api/charter/proposals", R"({"changes":{"capacity":"-3"},"rationale":"Less."})", rep_b_), 400,
          "body.changes.capacity");
  refused(post("/api/charter/proposals", R"({"changes":{"unit":"EUR"}})", rep_b_), 400, "body.rationale");
  refused(put("/api/charter/proposals/1/positions/2", R"({"position":"object"})", rep_b_), 400, "body.reason");
  refused(put("/api/charter/proposals/1/positions/2", R"({"position":"maybe"})", rep_b_), 400, "body.position");
  refused(put("/api/charter/proposals/9/positions/2", R"({"position":"agree"})", rep_b_), 404, "path.proposal");
  refused(put("/api/charter/proposals/1/positions/1", R"({"position":"agree"})", rep_b_), 403, "path.partner");
  refused(post("/api/charter/proposals/1/decide", "", coordinator_), 409, "path.proposal");
  EXPECT_EQ(audit_count(), before);

  ASSERT_EQ(put("/api/charter/proposals/1/positions/2",
                R"({"position":"object","reason":"Our warehouse cannot take 40% more work"})", rep_b_)
                .status,
            200);
  answer = put("/api/charter/proposals/1", R"({"changes":{"capacity":"120"},"rationale":"A smaller step."})", rep_b_);
  EXPECT_EQ(answer.status, 403) << "only the proposer revises: " << answer.body;
  answer = put("/api/charter/proposals/1", R"({"changes":{"capacity":"120"},"rationale":"A smaller step."})", rep_a_);
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json()["revision"], 2);
  EXPECT_TRUE(answer.json()["positions"].empty());
  for (const auto& [partner, token] : {std::pair{2, rep_b_}, std::pair{3, rep_c_}}) {
    answer = put("/api/charter/proposals/1/positions/" + std::to_string(partner), R"({"position":"agree"})", token);
    ASSERT_EQ(answer.status, 200) << answer.body;
  }
  EXPECT_EQ(get("/api/charter/proposals/1", observer_).json()["positions"].size(), 2U);

  std::this_thread::sleep_for(std::chrono::milliseconds(4500));
  refused(put("/api/charter/proposals/1/positions/1", R"({"position":"agree"})", rep_a_), 409, "path.proposal");
  answer = post("/api/charter/proposals/1/decide", "", coordinator_);
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json()["state"], "adopted");
  EXPECT_EQ(get("/api/network", observer_).json()["capacity"], "120");
  answer = post("/api/cycles", "", coordinator_);
  ASSERT_EQ(answer.status, 201) << answer.body;
  EXPECT_EQ(answer.json()["capacity"], "120") << "the next cycle opened has the adopted capacity";
  const json listed = get("/api/charter/proposals", observer_).json();
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_EQ(listed[0]["result"], "adopted: no partner objected, 2 of 3 partners agreed (consent)");
}

TEST_F(ServerCharterProposals, WhoCoordinatesIsVisibleAndWillingPartnersOptIn) {
  json now = get("/api/coordination", observer_).json();
  EXPECT_EQ(now["mode"], "fixed");
  EXPECT_TRUE(now["current"].is_null());
  ASSERT_EQ(server_->request("PATCH", "/api/network", coordinator_, R"({"coordination":"rotation"})").status, 200);
  EXPECT_EQ(put("/api/coordination/willing/1", R"({"willing":true})", rep_b_).status, 403);
  EXPECT_EQ(put("/api/coordination/willing/2", R"({"willing":"yes"})", rep_b_).status, 400);
  ASSERT_EQ(put("/api/coordination/willing/2", R"({"willing":true})", rep_b_).status, 200);
  ASSERT_EQ(post("/api/cycles", "", coordinator_).status, 201);
  now = get("/api/coordination", observer_).json();
  EXPECT_EQ(now["mode"], "rotation");
  EXPECT_EQ(now["current"]["partner"], 2);
  EXPECT_EQ(now["current"]["name"], "Bolt");
  EXPECT_EQ(now["willing"], json::array({2}));
  // Bolt's representative coordinates during its term: it starts the vote (once the server's one-second cache of
  // who a token stands for has expired).
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(post("/api/cycles/1/voting", "{}", rep_a_).status, 403);
  const HttpAnswer voting = post("/api/cycles/1/voting", "{}", rep_b_);
  EXPECT_EQ(voting.status, 200) << voting.body;
}

}  // namespace
}  // namespace covalue::testing
