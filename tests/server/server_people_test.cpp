// People over HTTP (issue 13 item 1): a representative manages its own partner's people and never sees
// another partner's e-mail addresses; tokens issued to a person act as that person.
#include <string>

#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

using ServerPeople = ServedNetwork;

TEST_F(ServerPeople, ARepresentativeSeesNoEmailOfAnotherPartnersPeople) {
  ASSERT_EQ(post("/api/people", R"({"partner":1,"name":"Ana","email":"ana@acme.example"})", rep_a_).status, 201);
  ASSERT_EQ(
      post("/api/people", R"({"partner":2,"name":"Bo","email":"bo@bolt.example","language":"de"})", rep_b_).status,
      201);
  ASSERT_EQ(post("/api/people", R"({"name":"Cy","email":"cy@net.example","role":"coordinator"})", coordinator_).status,
            201);
  const nlohmann::json seen_by_a = get("/api/people", rep_a_).json();
  ASSERT_EQ(seen_by_a.size(), 3U) << seen_by_a;
  EXPECT_EQ(seen_by_a[0].value("email", ""), "ana@acme.example");
  EXPECT_FALSE(seen_by_a[1].contains("email")) << seen_by_a;
  EXPECT_FALSE(seen_by_a[2].contains("email")) << seen_by_a;
  EXPECT_EQ(seen_by_a[1].value("name", ""), "Bo");
  const std::string raw = get("/api/people", rep_a_).body;
  EXPECT_EQ(raw.find("bo@bolt.example"), std::string::npos) << raw;
  EXPECT_EQ(raw.find("cy@net.example"), std::string::npos) << raw;
  EXPECT_EQ(get("/api/people", observer_).body.find('@'), std::string::npos);
  const std::string all = get("/api/people", coordinator_).body;
  for (const char* email : {"ana@acme.example", "bo@bolt.example", "cy@net.example"}) {
    EXPECT_NE(all.find(email), std::string::npos) << all;
  }
  EXPECT_EQ(get("/api/audit?limit=1000", coordinator_).body.find("bolt.example"), std::string::npos);
}

TEST_F(ServerPeople, ARepresentativeManagesOnlyItsOwnPartnersPeople) {
  expect_error(post("/api/people", R"({"partner":2,"name":"Bo","email":"bo@bolt.example"})", rep_a_), 403, "forbidden");
  ASSERT_EQ(post("/api/people", R"({"partner":2,"name":"Bo","email":"bo@bolt.example"})", rep_b_).status, 201);
  expect_error(server_->request("DELETE", "/api/people/1", rep_a_), 403, "forbidden");
  EXPECT_EQ(server_->request("DELETE", "/api/people/1", rep_b_).status, 200);
  expect_error(server_->request("DELETE", "/api/people/1", coordinator_), 404, "not_found");
}

TEST_F(ServerPeople, BadInputGetsAClearErrorNamingTheField) {
  const struct {
    const char* body;
    const char* where;
  } cases[] = {
      {R"({"partner":1,"name":"Ana","email":"ana"})", "email"},
      {R"({"partner":1,"name":"Ana","email":7})", "body.email"},
      {R"({"partner":1,"name":"Ana","email":"ana@acme.example","time_zone":"Mars/Base"})", "time_zone"},
      {R"({"partner":1,"name":"Ana","email":"ana@acme.example","language":"xx"})", "body.language"},
      {R"({"partner":1,"name":"Ana","email":"ana@acme.example","role":"admin"})", "role"},
      {R"({"partner":"one","name":"Ana","email":"ana@acme.example"})", "body.partner"},
      {R"({"partner":1,"name":"Ana","email":"ana@acme.example","phone":"1"})", "body.phone"},
      {R"({"partner":1,"email":"ana@acme.example"})", "name"},
  };
  for (const auto& [body, where] : cases) {
    const HttpAnswer answer = post("/api/people", body, coordinator_);
    EXPECT_EQ(answer.status, 400) << body << " " << answer.body;
    EXPECT_EQ(answer.json()["error"].value("field", ""), where) << body << " " << answer.body;
  }
  EXPECT_EQ(post("/api/people", R"({"partner":9,"name":"Ana","email":"ana@acme.example"})", coordinator_).status, 404);
}

TEST_F(ServerPeople, ATokenIssuedToAPersonActsForItsPartnerUntilThePersonIsRemoved) {
  ASSERT_EQ(post("/api/people",
                 R"({"partner":1,"name":"Ana","email":"ana@acme.example","time_zone":"Europe/Warsaw","language":"pl"})",
                 coordinator_)
                .status,
            201);
  expect_error(post("/api/tokens", R"({"person":1,"role":"coordinator"})", coordinator_), 400, "invalid_input");
  const HttpAnswer issued = post("/api/tokens", R"({"person":1})", coordinator_);
  ASSERT_EQ(issued.status, 201) << issued.body;
  EXPECT_EQ(issued.json().value("person", 0), 1);
  EXPECT_EQ(issued.json().value("role", ""), "representative");
  const std::string secret = issued.json().value("secret", "");
  const nlohmann::json session = get("/api/session", secret).json();
  EXPECT_EQ(session.value("partner", 0), 1) << session;
  EXPECT_EQ(session["time_zone"], "Europe/Warsaw") << "the web UI shows times in the person's own zone";
  EXPECT_EQ(session["language"], "pl") << session;
  EXPECT_TRUE(get("/api/session", coordinator_).json()["time_zone"].is_null()) << "a token without a person";
  EXPECT_EQ(server_->request("DELETE", "/api/people/1", coordinator_).status, 200);
  EXPECT_EQ(get("/api/session", secret).status, 401);
}

}  // namespace
}  // namespace covalue::testing
