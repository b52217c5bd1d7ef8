// E-mail preferences over HTTP (issue 13 item 5): a person reads and changes its own, a coordinator reads anyone's,
// bad changes are refused naming the field, and the public one-click unsubscribe link refuses what it did not sign.
#include <string>

#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

class ServerPreferences : public ServedNetwork {
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
  static std::string cadence(const nlohmann::json& preferences, const std::string& kind) {
    for (const nlohmann::json& item : preferences["preferences"]) {
      if (item.value("kind", "") == kind) {
        return item.value("cadence", "");
      }
    }
    return "";
  }
};

TEST_F(ServerPreferences, APersonReadsAndChangesItsOwnAndACoordinatorReadsThem) {
  const std::string ana = person_token("ana@acme.example");
  nlohmann::json mine = get("/api/preferences", ana).json();
  EXPECT_EQ(mine.value("person", 0), 1) << mine;
  EXPECT_EQ(cadence(mine, "cycle_closed"), "immediately");
  EXPECT_EQ(cadence(mine, "cycle_opened"), "daily");
  EXPECT_EQ(cadence(mine, "digest"), "");
  const HttpAnswer changed = put("/api/preferences",
                                 R"({"preferences":[{"kind":"cycle_opened","cadence":"weekly"},)"
                                 R"({"kind":"cycle_closed","cadence":"never"}]})",
                                 ana);
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(cadence(changed.json(), "cycle_opened"), "weekly");
  mine = get("/api/people/1/preferences", coordinator_).json();
  EXPECT_EQ(cadence(mine, "cycle_closed"), "never") << mine;
  expect_error(get("/api/people/1/preferences", rep_a_), 403, "forbidden");
  expect_error(get("/api/people/9/preferences", coordinator_), 404, "not_found");
  // A token issued to no person is told whose the preferences are.
  const HttpAnswer tokenless = get("/api/preferences", coordinator_);
  EXPECT_EQ(tokenless.status, 400) << tokenless.body;
  EXPECT_EQ(tokenless.json()["error"].value("field", ""), "token");
}

TEST_F(ServerPreferences, BadChangesNameTheFieldAndChangeNothing) {
  const std::string ana = person_token("ana@acme.example");
  const auto refused = [&](const std::string& body, const std::string& field) {
    const HttpAnswer answer = put("/api/preferences", body, ana);
    EXPECT_EQ(answer.status, 400) << body << ": " << answer.body;
    EXPECT_EQ(answer.json()["error"].value("field", ""), field) << answer.body;
  };
  refused(R"({"preferences":[{"kind":"cycle_opened","cadence":"weekly"},{"kind":"nope","cadence":"daily"}]})",
          "body.preferences[1].kind");
  refused(R"({"preferences":[{"kind":"cycle_opened","cadence":"hourly"}]})", "body.preferences[0].cadence");
  refused(R"({"preferences":[{"kind":"digest","cadence":"daily"}]})", "body.preferences[0].kind");
  refused(R"({"preferences":[{"kind":"cycle_opened"}]})", "body.preferences[0].cadence");
  refused(R"({"preferences":{}})", "body.preferences");
  refused(R"({"preferences":[],"extra":1})", "body.extra");
  EXPECT_EQ(cadence(get("/api/preferences", ana).json(), "cycle_opened"), "daily");
}

TEST_F(ServerPreferences, TheUnsubscribeLinkNeedsNoSignInAndRefusesWhatItDidNotSign) {
  person_token("ana@acme.example");
  for (const std::string method : {"GET", "POST"}) {
    for (const std::string& token :
         {std::string(), std::string("1.1.cycle_closed"), "1.1.cycle_closed." + std::string(64, 'a'),
          "1.1.nope." + std::string(64, 'a'), "9.1.cycle_closed." + std::string(64, 'a'), std::string(300, '1')}) {
      const HttpAnswer answer = server_->request(method, "/api/unsubscribe?token=" + token, "");
      EXPECT_EQ(answer.status, 400) << method << " " << token << ": " << answer.body;
      EXPECT_EQ(answer.json()["error"].value("field", ""), "query.token") << answer.body;
    }
  }
}

}  // namespace
}  // namespace covalue::testing
