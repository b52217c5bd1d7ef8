// What remained of issue 14 over real HTTP: a charter proposal withdrawn by its proposer, mentions added by an edit
// notified once, a long thread served in pages, and the coordinator elected by the partners when a term ends (a
// window of seconds, real time, as the charter proposal tests do). Bad input answers 400/403/404/409 naming the
// field, with nothing stored.
#include <chrono>
#include <string>
#include <thread>

#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

using nlohmann::json;

class ServerElection : public ServedNetwork {
 protected:
  //! Adds a person over HTTP and issues it a token on the command line; returns the token.
  std::string person(const std::string& body) {
    const HttpAnswer added = post("/api/people", body, coordinator_);
    EXPECT_EQ(added.status, 201) << added.body;
    const std::int64_t id = added.json().value("id", std::int64_t{0});
    auto [code, secret] = run_cli("token issue --db " + db() + " --person " + std::to_string(id));
    EXPECT_EQ(code, 0) << secret;
    return trim(secret);
  }
  static void refused(const HttpAnswer& answer, int status, const std::string& field) {
    EXPECT_EQ(answer.status, status) << answer.body;
    EXPECT_EQ(answer.json()["error"].value("field", ""), field) << answer.body;
  }
  //! How many inbox items of `kind` the token's person has.
  std::size_t inbox_count(const std::string& token, const std::string& kind) const {
    const json inbox = get("/api/inbox?limit=100", token).json();
    std::size_t count = 0;
    for (const json& item : inbox["items"]) {
      count += item.value("kind", "") == kind ? 1 : 0;
    }
    return count;
  }
};

TEST_F(ServerElection, ItsProposerWithdrawsACharterProposal) {
  ASSERT_EQ(server_->request("PATCH", "/api/network", coordinator_, R"({"amendment_rule":"consent"})").status, 200);
  HttpAnswer answer =
      post("/api/charter/proposals", R"({"changes":{"capacity":"140"},"rationale":"Two partners joined."})", rep_a_);
  ASSERT_EQ(answer.status, 201) << answer.body;
  const std::size_t before = audit_count();
  refused(post("/api/charter/proposals/1/withdraw", "", rep_b_), 403, "path.proposal");
  refused(post("/api/charter/proposals/1/withdraw", "", observer_), 403, "role");
  refused(post("/api/charter/proposals/7/withdraw", "", rep_a_), 404, "path.proposal");
  refused(post("/api/charter/proposals/x/withdraw", "", rep_a_), 400, "path.proposal");
  EXPECT_EQ(audit_count(), before);
  answer = post("/api/charter/proposals/1/withdraw", "", rep_a_);
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json()["state"], "withdrawn");
  EXPECT_EQ(answer.json()["result"], "withdrawn by its proposer, Acme, before the decision");
  EXPECT_EQ(audit_count(), before + 1);
  refused(post("/api/charter/proposals/1/withdraw", "", rep_a_), 409, "path.proposal");
  refused(put("/api/charter/proposals/1/positions/2", R"({"position":"agree"})", rep_b_), 409, "path.proposal");
  // Its field is free again.
  answer = post("/api/charter/proposals", R"({"changes":{"capacity":"120"},"rationale":"Smaller."})", rep_b_);
  EXPECT_EQ(answer.status, 201) << answer.body;
  EXPECT_EQ(get("/api/network", observer_).json()["capacity"], "100");
}

TEST_F(ServerElection, AnEditTellsThoseItNamesAnewOnce) {
  const std::string ana = person(R"({"partner":1,"name":"Ana","email":"ana@acme.example"})");
  const std::string bo = person(R"({"partner":2,"name":"Bo","email":"bo@bolt.example"})");
  const std::string cy = person(R"({"partner":3,"name":"Cy","email":"cy@cargo.example"})");
  const HttpAnswer posted = post("/api/threads/initiative/1/comments", R"({"body":"Forecasts, anyone?"})", ana);
  ASSERT_EQ(posted.status, 201) << posted.body;
  const std::string target = "/api/comments/" + std::to_string(posted.json().value("id", 0));
  EXPECT_EQ(inbox_count(bo, "mentioned"), 0U);
  ASSERT_EQ(server_->request("PATCH", target, ana, R"({"body":"Forecasts, @Bolt?"})").status, 200);
  EXPECT_EQ(inbox_count(bo, "mentioned"), 1U);
  ASSERT_EQ(server_->request("PATCH", target, ana, R"({"body":"Forecasts, @Bolt or @Cy?"})").status, 200);
  ASSERT_EQ(server_->request("PATCH", target, ana, R"({"body":"Forecasts, @Cy?"})").status, 200);
  ASSERT_EQ(server_->request("PATCH", target, ana, R"({"body":"Forecasts, @Bolt and @Cy?"})").status, 200);
  EXPECT_EQ(inbox_count(bo, "mentioned"), 1U);
  EXPECT_EQ(inbox_count(cy, "mentioned"), 1U);
  // A bad edit tells nobody and changes nothing.
  refused(server_->request("PATCH", target, ana, R"({"body":"@Nobody and @Acme"})"), 400, "body.body");
  EXPECT_EQ(inbox_count(ana, "mentioned"), 0U);
}

TEST_F(ServerElection, ALongThreadIsServedInPagesRepliesKeepTheirParent) {
  // 12 top-level comments, each with a reply: 24 in all, in thread order c1 r1 c2 r2 ...
  for (int i = 1; i <= 12; ++i) {
    const HttpAnswer top =
        post("/api/threads/initiative/1/comments", R"({"body":"comment )" + std::to_string(i) + "\"}", rep_a_);
    ASSERT_EQ(top.status, 201) << top.body;
    const HttpAnswer reply =
        post("/api/threads/initiative/1/comments",
             R"({"body":"reply","parent":)" + std::to_string(top.json().value("id", 0)) + "}", rep_b_);
    ASSERT_EQ(reply.status, 201) << reply.body;
  }
  json page = get("/api/threads/initiative/1/comments?limit=5", observer_).json();
  EXPECT_EQ(page["total"], 24);
  ASSERT_EQ(page["comments"].size(), 5U);
  EXPECT_EQ(page["next_after"], page["comments"][4]["id"]);
  std::vector<json> all(page["comments"].begin(), page["comments"].end());
  while (!page["next_after"].is_null()) {
    const HttpAnswer next = get(
        "/api/threads/initiative/1/comments?limit=5&after=" + std::to_string(page["next_after"].get<std::int64_t>()),
        observer_);
    ASSERT_EQ(next.status, 200) << next.body;
    page = next.json();
    all.insert(all.end(), page["comments"].begin(), page["comments"].end());
  }
  ASSERT_EQ(all.size(), 24U);
  for (std::size_t i = 0; i < all.size(); i += 2) {
    EXPECT_TRUE(all[i]["parent"].is_null());
    EXPECT_EQ(all[i + 1]["parent"], all[i]["id"]) << "a reply follows its parent, on the next page too";
    EXPECT_EQ(all[i + 1]["depth"], 1);
  }
  // page 1 ends on comment 3 (c1 r1 c2 r2 c3), so page 2 starts with c3's reply, which names its parent.
  const json second = get("/api/threads/initiative/1/comments?limit=5&after=" + all[4]["id"].dump(), observer_).json();
  EXPECT_EQ(second["comments"][0]["parent"], all[4]["id"]);
  EXPECT_EQ(get("/api/threads/initiative/1/comments", observer_).json()["comments"].size(), 24U);  // default 200

  refused(get("/api/threads/initiative/1/comments?limit=0", observer_), 400, "query.limit");
  refused(get("/api/threads/initiative/1/comments?limit=501", observer_), 400, "query.limit");
  refused(get("/api/threads/initiative/1/comments?limit=ten", observer_), 400, "query.limit");
  refused(get("/api/threads/initiative/1/comments?after=-1", observer_), 400, "query.after");
  refused(get("/api/threads/initiative/1/comments?after=9999", observer_), 404, "query.after");
}

TEST_F(ServerElection, ThePartnersElectTheCoordinatorOverHttp) {
  // A window of 4 seconds (1/900 hour) so that it passes within the test.
  HttpAnswer answer = server_->request("PATCH", "/api/network", coordinator_,
                                       R"({"coordination":"election","amendment_window_hours":"1/900"})");
  ASSERT_EQ(answer.status, 200) << answer.body;
  ASSERT_EQ(put("/api/coordination/willing/1", R"({"willing":true})", rep_a_).status, 200);
  ASSERT_EQ(put("/api/coordination/willing/2", R"({"willing":true})", rep_b_).status, 200);
  refused(put("/api/coordination/election/votes/1", R"({"candidate":2})", rep_a_), 404, "election");
  ASSERT_EQ(post("/api/cycles", "", coordinator_).status, 201);
  json now = get("/api/coordination", observer_).json();
  EXPECT_EQ(now["mode"], "election");
  ASSERT_TRUE(now["election"].is_object()) << now;
  EXPECT_EQ(now["election"]["state"], "open");
  EXPECT_EQ(now["election"]["term_cycle"], 1);
  EXPECT_TRUE(now["current"].is_null());

  const std::size_t before = audit_count();
  refused(put("/api/coordination/election/votes/3", R"({"candidate":3})", rep_c_), 400, "body.candidate");
  refused(put("/api/coordination/election/votes/3", R"({"candidate":"Acme"})", rep_c_), 400, "body.candidate");
  refused(put("/api/coordination/election/votes/3", R"({"candidate":0})", rep_c_), 400, "body.candidate");
  refused(put("/api/coordination/election/votes/3", R"({})", rep_c_), 400, "body.candidate");
  refused(put("/api/coordination/election/votes/3", R"({"candidate":1,"twice":true})", rep_c_), 400, "body.twice");
  refused(put("/api/coordination/election/votes/3", R"([1])", rep_c_), 400, "body");
  refused(put("/api/coordination/election/votes/1", R"({"candidate":2})", rep_c_), 403, "path.partner");
  refused(put("/api/coordination/election/votes/9", R"({"candidate":2})", rep_c_), 403, "path.partner");
  refused(post("/api/coordination/elections/1/decide", "", coordinator_), 409, "path.election");
  refused(post("/api/coordination/elections/5/decide", "", coordinator_), 404, "path.election");
  refused(post("/api/coordination/elections/1/decide", "", rep_a_), 403, "role");
  EXPECT_EQ(audit_count(), before);

  ASSERT_EQ(put("/api/coordination/election/votes/1", R"({"candidate":2})", rep_a_).status, 200);
  ASSERT_EQ(put("/api/coordination/election/votes/3", R"({"candidate":1})", rep_c_).status, 200);
  answer = put("/api/coordination/election/votes/3", R"({"candidate":2})", rep_c_);  // changed
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json()["election"]["votes"].size(), 2U);

  std::this_thread::sleep_for(std::chrono::milliseconds(4500));
  refused(put("/api/coordination/election/votes/2", R"({"candidate":2})", rep_b_), 409, "election");
  answer = post("/api/coordination/elections/1/decide", "", coordinator_);
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json()["elected"], 2);
  EXPECT_EQ(answer.json()["state"], "decided");
  EXPECT_EQ(answer.json()["result"], "Bolt elected with 2 of 3 member partners' votes (next: Acme with 0 votes)");
  now = get("/api/coordination", observer_).json();
  EXPECT_EQ(now["current"]["partner"], 2);
  EXPECT_EQ(now["past_terms"], 1);
  const json listed = get("/api/coordination/elections", observer_).json();
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_EQ(listed[0]["elected"], 2);
  // Bolt's representative coordinates (once the server's one-second cache of who a token stands for expired).
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(post("/api/cycles/1/voting", "{}", rep_a_).status, 403);
  EXPECT_EQ(post("/api/cycles/1/voting", "{}", rep_b_).status, 200);
}

}  // namespace
}  // namespace covalue::testing
