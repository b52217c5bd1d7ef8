// The outbox over HTTP (issue 13 items 3 and 4): a person's inbox filled by the cycle's changes, read one by one
// or all at once; a token without a person told so; webhooks administered by coordinators without ever showing
// their secret; the dead letters coordinators watch.
#include <string>

#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

class ServerOutbox : public ServedNetwork {
 protected:
  //! Adds a person of partner 1 and returns a token issued to it.
  std::string person_token(const std::string& email) {
    const HttpAnswer added =
        post("/api/people", R"({"partner":1,"name":"Ana","email":")" + email + R"("})", coordinator_);
    EXPECT_EQ(added.status, 201) << added.body;
    const HttpAnswer issued =
        post("/api/tokens", R"({"person":)" + std::to_string(added.json().value("id", 0)) + "}", coordinator_);
    EXPECT_EQ(issued.status, 201) << issued.body;
    return issued.json().value("secret", "");
  }
};

TEST_F(ServerOutbox, APersonsInboxFillsWithTheCyclesNewsAndIsMarkedRead) {
  const std::string ana = person_token("ana@acme.example");
  ASSERT_EQ(post("/api/cycles", "{}", coordinator_).status, 201);
  ASSERT_EQ(post("/api/cycles/1/voting", "{}", coordinator_).status, 200);
  nlohmann::json inbox = get("/api/inbox", ana).json();
  EXPECT_EQ(inbox.value("unread", -1), 2) << inbox;
  ASSERT_EQ(inbox["items"].size(), 2U) << inbox;
  EXPECT_EQ(inbox["items"][0].value("kind", ""), "voting_opened");
  EXPECT_EQ(inbox["items"][0].value("subject", ""), "Voting on cycle 1 is open");
  EXPECT_EQ(inbox["items"][0].value("link", ""), "/cycles/1");
  EXPECT_TRUE(inbox["items"][0]["read_at"].is_null());
  // Paged, newest first.
  inbox = get("/api/inbox?limit=1", ana).json();
  ASSERT_EQ(inbox["items"].size(), 1U);
  const std::int64_t newest = inbox["items"][0].value("id", 0);
  const nlohmann::json older = get("/api/inbox?limit=1&before=" + std::to_string(newest), ana).json();
  EXPECT_EQ(older["items"][0].value("kind", ""), "cycle_opened") << older;
  EXPECT_TRUE(older["next_before"].is_number()) << older;
  // Read one, then all.
  const HttpAnswer read = post("/api/inbox/" + std::to_string(newest) + "/read", "", ana);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json().value("marked", -1), 1);
  EXPECT_EQ(get("/api/inbox", ana).json().value("unread", -1), 1);
  EXPECT_EQ(post("/api/inbox/read-all", "", ana).json().value("marked", -1), 1);
  EXPECT_EQ(get("/api/inbox", ana).json().value("unread", -1), 0);
  expect_error(post("/api/inbox/999/read", "", ana), 404, "not_found");
}

TEST_F(ServerOutbox, ATokenNotIssuedToAPersonIsToldWhoseTheInboxIs) {
  const HttpAnswer answer = get("/api/inbox", coordinator_);
  EXPECT_EQ(answer.status, 400) << answer.body;
  EXPECT_EQ(answer.json()["error"].value("field", ""), "token");
  EXPECT_NE(answer.body.find("token issue --person"), std::string::npos) << answer.body;
  expect_error(get("/api/inbox?limit=0", person_token("ana@acme.example")), 400, "invalid_input");
}

TEST_F(ServerOutbox, CoordinatorsAdministerWebhooksWhoseSecretIsNeverShown) {
  const HttpAnswer added = post(
      "/api/webhooks",
      R"({"url":"https://chat.example/hooks/1","secret":"s3cret-value","format":"teams","events":["cycle_closed"]})",
      coordinator_);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.body.find("s3cret-value"), std::string::npos) << added.body;
  EXPECT_EQ(added.json().value("format", ""), "teams");
  const HttpAnswer listed = get("/api/webhooks", coordinator_);
  EXPECT_EQ(listed.json().size(), 1U);
  EXPECT_EQ(listed.body.find("s3cret-value"), std::string::npos) << listed.body;
  EXPECT_EQ(get("/api/audit?limit=1000", coordinator_).body.find("s3cret-value"), std::string::npos);
  expect_error(post("/api/webhooks", R"({"url":"https://chat.example/x","secret":"s"})", rep_a_), 403, "forbidden");
  expect_error(get("/api/webhooks", observer_), 403, "forbidden");
  const std::int64_t id = added.json().value("id", 0);
  EXPECT_EQ(server_->request("DELETE", "/api/webhooks/" + std::to_string(id), coordinator_).status, 200);
  expect_error(server_->request("DELETE", "/api/webhooks/" + std::to_string(id), coordinator_), 404, "not_found");
  EXPECT_TRUE(get("/api/webhooks", coordinator_).json().empty());
}

TEST_F(ServerOutbox, BadWebhooksGetAClearErrorNamingTheField) {
  const struct {
    const char* body;
    const char* where;
  } cases[] = {
      {R"({"url":"gopher://x.example/","secret":"s"})", "body.url"},
      {R"({"url":"https://","secret":"s"})", "body.url"},
      {R"({"url":7,"secret":"s"})", "body.url"},
      {R"({"url":"https://x.example/","secret":""})", "body.secret"},
      {R"({"url":"https://x.example/"})", "body.secret"},
      {R"({"url":"https://x.example/","secret":"s","format":"xml"})", "body.format"},
      {R"({"url":"https://x.example/","secret":"s","events":["cycle_closed","nope"]})", "body.events[1]"},
      {R"({"url":"https://x.example/","secret":"s","events":"cycle_closed"})", "body.events"},
      {R"({"url":"https://x.example/","secret":"s","colour":"red"})", "body.colour"},
      {R"([1])", "body"},
  };
  for (const auto& [body, where] : cases) {
    const HttpAnswer answer = post("/api/webhooks", body, coordinator_);
    EXPECT_EQ(answer.status, 400) << body << " " << answer.body;
    EXPECT_EQ(answer.json()["error"].value("field", ""), where) << body << " " << answer.body;
  }
}

TEST_F(ServerOutbox, CoordinatorsSeeTheOutboxAndItsDeadLetters) {
  person_token("ana@acme.example");
  ASSERT_EQ(post("/api/cycles", "{}", coordinator_).status, 201);           // cycle_opened: in Ana's daily digest
  ASSERT_EQ(post("/api/cycles/1/voting", "{}", coordinator_).status, 200);  // voting_opened: e-mailed at once
  const nlohmann::json pending = get("/api/deliveries?state=pending", coordinator_).json();
  ASSERT_EQ(pending.size(), 1U) << pending;
  EXPECT_EQ(pending[0].value("channel", ""), "email");
  EXPECT_EQ(pending[0].value("key", ""), "n1.e2.email.p1");
  EXPECT_TRUE(get("/api/deliveries?state=dead", coordinator_).json().empty());
  expect_error(get("/api/deliveries?state=lost", coordinator_), 400, "invalid_input");
  expect_error(get("/api/deliveries", rep_a_), 403, "forbidden");
  const HttpAnswer retry =
      post("/api/deliveries/" + std::to_string(pending[0].value("id", 0)) + "/retry", "", coordinator_);
  EXPECT_EQ(retry.status, 409) << retry.body;  // only a dead one
  expect_error(post("/api/deliveries/999/retry", "", coordinator_), 404, "not_found");
}

}  // namespace
}  // namespace covalue::testing
