// Discussion, follow and activity over real HTTP (issue 14 items 1, 2 and 8): a thread with a mention, a reply,
// an edit with its history, a deletion and the coordinator's hide; bad comments refused naming the field with
// nothing stored; follows and the activity feed of people, and a token without a person told so.
#include <string>

#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

class ServerDiscussion : public ServedNetwork {
 protected:
  void SetUp() override {
    ServedNetwork::SetUp();
    ana_ = person(R"({"partner":1,"name":"Ana","email":"ana@acme.example"})");
    bo_ = person(R"({"partner":2,"name":"Bo","email":"bo@bolt.example"})");
    cy_ = person(R"({"partner":3,"name":"Cy","email":"cy@cargo.example"})");
  }
  //! Adds a person over HTTP and issues it a token on the command line; returns the token.
  std::string person(const std::string& body) {
    const HttpAnswer added = post("/api/people", body, coordinator_);
    EXPECT_EQ(added.status, 201) << added.body;
    const std::int64_t id = added.json().value("id", std::int64_t{0});
    auto [code, secret] = run_cli("token issue --db " + db() + " --person " + std::to_string(id));
    EXPECT_EQ(code, 0) << secret;
    return trim(secret);
  }
  [[nodiscard]] HttpAnswer send(const std::string& method, const std::string& target, const std::string& token,
                                const std::string& body = "") const {
    return server_->request(method, target, token, body);
  }
  static void expect_field(const HttpAnswer& answer, int status, const std::string& field) {
    EXPECT_EQ(answer.status, status) << answer.body;
    EXPECT_EQ(answer.json()["error"].value("field", ""), field) << answer.body;
  }
  nlohmann::json thread(const std::string& token) const {
    const HttpAnswer answer = get("/api/threads/initiative/1/comments", token);
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.json();
  }

  std::string ana_;
  std::string bo_;
  std::string cy_;
};

TEST_F(ServerDiscussion, AThreadWithAMentionAReplyAnEditADeletionAndAHiddenComment) {
  const HttpAnswer first = post("/api/threads/initiative/1/comments",
                                R"({"body":"Could @Bolt share its forecast? https://example.org/f"})", ana_);
  ASSERT_EQ(first.status, 201) << first.body;
  const std::int64_t id = first.json().value("id", std::int64_t{0});
  EXPECT_EQ(first.json()["mentions"], nlohmann::json::parse(R"([{"id":2,"kind":"partner","name":"Bolt"}])"));
  EXPECT_TRUE(first.json().value("own", false));
  EXPECT_EQ(first.json().value("author_name", ""), "Ana");
  const HttpAnswer reply =
      post("/api/threads/initiative/1/comments", R"({"body":"Weekly, yes.","parent":)" + std::to_string(id) + "}", bo_);
  ASSERT_EQ(reply.status, 201) << reply.body;
  const std::int64_t reply_id = reply.json().value("id", std::int64_t{0});
  const nlohmann::json shown = thread(observer_);
  ASSERT_EQ(shown["comments"].size(), 2U) << shown;
  EXPECT_EQ(shown["comments"][1].value("depth", -1), 1);
  EXPECT_FALSE(shown.value("following", true));  // a token without a person follows nothing
  // Bolt's person heard of the mention.
  EXPECT_NE(get("/api/inbox", bo_).body.find("\"mentioned\""), std::string::npos);

  const std::string target = "/api/comments/" + std::to_string(id);
  expect_field(send("PATCH", target, bo_, R"({"body":"Bo's now"})"), 403, "path.comment");
  const HttpAnswer edited = send("PATCH", target, ana_, R"({"body":"Could Bolt share its forecast weekly?"})");
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json().value("revisions", 0), 1);
  const nlohmann::json history = get(target + "/history", rep_c_).json();
  EXPECT_EQ(history["revisions"][0].value("body", ""), "Could @Bolt share its forecast? https://example.org/f");
  EXPECT_EQ(history["comment"].value("body", ""), "Could Bolt share its forecast weekly?");
  const HttpAnswer deleted = send("DELETE", target, ana_);
  ASSERT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_EQ(deleted.json().value("state", ""), "deleted");
  EXPECT_EQ(get(target + "/history", rep_c_).status, 403);  // a deleted text: its author and coordinators

  const std::string hide = "/api/comments/" + std::to_string(reply_id) + "/hide";
  expect_field(post(hide, R"({"reason":"off topic"})", rep_a_), 403, "role");
  expect_field(post(hide, R"({"reason":""})", coordinator_), 400, "body.reason");
  const std::size_t audit = audit_count();
  ASSERT_EQ(post(hide, R"({"reason":"off topic"})", coordinator_).status, 200);
  EXPECT_EQ(audit_count(), audit + 1);
  const nlohmann::json hidden = thread(observer_)["comments"][1];
  EXPECT_EQ(hidden.value("state", ""), "hidden");
  EXPECT_EQ(hidden.value("hidden_reason", ""), "off topic");
  EXPECT_EQ(hidden.value("body", "?"), "");
  EXPECT_EQ(thread(coordinator_)["comments"][1].value("body", ""), "Weekly, yes.");
  const std::string log = get("/api/audit?limit=10000", coordinator_).body;
  EXPECT_NE(log.find("hide_comment"), std::string::npos);
  EXPECT_EQ(log.find("Weekly, yes."), std::string::npos);  // the audit names comments, never their text
}

TEST_F(ServerDiscussion, BadCommentsAreRefusedNamingTheFieldAndNothingIsStored) {
  const std::size_t audit = audit_count();
  const std::string on_one = "/api/threads/initiative/1/comments";
  expect_field(post(on_one, R"({})", ana_), 400, "body.body");
  expect_field(post(on_one, R"({"body":""})", ana_), 400, "body.body");
  expect_field(post(on_one, R"({"body":")" + std::string(10001, 'x') + "\"}", ana_), 400, "body.body");
  expect_field(post(on_one, R"({"body":"a bell \u0007"})", ana_), 400, "body.body");
  expect_field(post(on_one, R"({"body":"Ask @Nobody"})", ana_), 400, "body.body");
  expect_field(post(on_one, R"({"body":"Hi","parent":99})", ana_), 404, "body.parent");
  expect_field(post(on_one, R"({"body":"Hi","parent":"1"})", ana_), 400, "body.parent");
  expect_field(post(on_one, R"({"body":"Hi","color":"red"})", ana_), 400, "body.color");
  expect_field(post("/api/threads/partner/1/comments", R"({"body":"Hi"})", ana_), 400, "path.subject");
  expect_field(post("/api/threads/initiative/0/comments", R"({"body":"Hi"})", ana_), 400, "path.id");
  expect_field(post("/api/threads/initiative/9/comments", R"({"body":"Hi"})", ana_), 404, "path.id");
  expect_field(post("/api/threads/cycle/4/comments", R"({"body":"Hi"})", ana_), 404, "path.id");
  expect_field(post(on_one, R"({"body":"Hi"})", observer_), 403, "role");
  expect_field(send("PATCH", "/api/comments/7", ana_, R"({"body":"Hi"})"), 404, "path.comment");
  EXPECT_EQ(audit_count(), audit);
  EXPECT_TRUE(thread(coordinator_)["comments"].empty());
}

TEST_F(ServerDiscussion, PeopleFollowAndReadWhatIsNewInTheirActivity) {
  // Cargo's estimated impact is -2: its people follow initiative 1 until they choose otherwise.
  EXPECT_TRUE(thread(cy_).value("following", false));
  const HttpAnswer unfollowed = send("DELETE", "/api/follows/initiative/1", cy_);
  ASSERT_EQ(unfollowed.status, 200) << unfollowed.body;
  EXPECT_FALSE(unfollowed.json().value("following", true));
  ASSERT_EQ(post("/api/threads/initiative/1/comments", R"({"body":"Cost update: 28"})", ana_).status, 201);
  const auto comments_in = [&](const std::string& token) {
    int count = 0;
    const nlohmann::json page = get("/api/activity", token).json();
    for (const nlohmann::json& item : page["items"]) {
      count += item.value("kind", "") == "comment" ? 1 : 0;
    }
    return count;
  };
  EXPECT_EQ(comments_in(bo_), 1);  // Bolt's impact is 5
  EXPECT_EQ(comments_in(cy_), 0);
  ASSERT_EQ(send("PUT", "/api/follows/initiative/1", cy_).status, 200);
  EXPECT_EQ(comments_in(cy_), 1);

  const nlohmann::json page = get("/api/activity?limit=1", bo_).json();
  EXPECT_EQ(page["items"].size(), 1U);
  EXPECT_GE(page.value("unseen", 0), 1);
  EXPECT_TRUE(page["next_before"].is_number_integer()) << page;
  const HttpAnswer seen = post("/api/activity/seen", "", bo_);
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(get("/api/activity", bo_).json().value("unseen", -1), 0);

  expect_field(get("/api/activity", rep_b_), 400, "token");
  expect_field(send("PUT", "/api/follows/initiative/1", rep_b_), 400, "token");
  expect_field(send("PUT", "/api/follows/initiative/9", cy_), 404, "path.id");
  expect_field(get("/api/activity?limit=0", cy_), 400, "query.limit");
}

}  // namespace
}  // namespace covalue::testing
