// Delivery by the lead over HTTP (issue 14 items 3 to 7): after the close, the lead posts an update, keeps
// milestones, moves the status and records realised value; a coordinator confirms it; the initiative, the cycle and
// the partner show it; anyone else is refused and bad input names its field, with nothing stored.
#include <string>

#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

using ServerLead = ServedNetwork;
using nlohmann::json;

class ServerLeadClosed : public ServedNetwork {
 protected:
  void SetUp() override {
    ServedNetwork::SetUp();
    ASSERT_EQ(post("/api/cycles", "", coordinator_).status, 201);
    ASSERT_EQ(put("/api/initiatives/1/volunteers/1", "", rep_a_).status, 200);
    ASSERT_EQ(post("/api/cycles/1/voting", "{}", coordinator_).status, 200);
    for (const auto& [partner, token] : {std::pair{1, rep_a_}, std::pair{2, rep_b_}}) {
      const HttpAnswer cast = put("/api/cycles/1/ballots/" + std::to_string(partner),
                                  R"({"format":"approvals","entries":[{"initiative":1}]})", token);
      ASSERT_EQ(cast.status, 200) << cast.body;
    }
    const HttpAnswer closed = post("/api/cycles/1/close", "", coordinator_);
    ASSERT_EQ(closed.status, 200) << closed.body;
    ASSERT_EQ(get("/api/initiatives/1", observer_).json()["lead"], 1);
  }
  [[nodiscard]] HttpAnswer send(const std::string& method, const std::string& target, const std::string& body,
                                const std::string& token) const {
    return server_->request(method, target, token, body);
  }
};

TEST_F(ServerLeadClosed, TheLeadReportsAndACoordinatorConfirmsWhatCountsInTheReports) {
  HttpAnswer answer = post("/api/initiatives/1/updates", R"({"text":"Pilot live in two warehouses."})", rep_a_);
  ASSERT_EQ(answer.status, 201) << answer.body;
  EXPECT_EQ(answer.json()["partner"], 1);
  answer = post("/api/initiatives/1/milestones", R"({"title":"Pilot live","due_date":"2027-03-31"})", rep_a_);
  ASSERT_EQ(answer.status, 201) << answer.body;
  const std::int64_t milestone = answer.json()["id"];
  answer = send("PATCH", "/api/initiatives/1/milestones/" + std::to_string(milestone), R"({"done":true})", rep_a_);
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_TRUE(answer.json()["done"].get<bool>());
  answer =
      put("/api/initiatives/1/status", R"({"status":"blocked","reason":"waiting for the carrier's feed"})", rep_a_);
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json()["status"], "blocked");
  answer = put("/api/initiatives/1/realised/2", R"({"target":"6","forecast":"5","actual":"9/2"})", rep_a_);
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_FALSE(answer.json()["confirmed"].get<bool>());
  EXPECT_TRUE(get("/api/actuals", observer_).json().empty()) << "a lead's actual counts only once confirmed";

  json delivery = get("/api/initiatives/1/delivery", observer_).json();
  EXPECT_EQ(delivery["blocked_reason"], "waiting for the carrier's feed");
  EXPECT_EQ(delivery["lead_name"], "Acme");
  EXPECT_EQ(delivery["milestones"].size(), 1U);
  EXPECT_EQ(delivery["updates"].size(), 2U);
  EXPECT_FALSE(delivery["may_report"].get<bool>());
  json bolt;
  for (const json& line : delivery["values"]) {
    if (line["partner"] == 2) {
      bolt = line;
    }
  }
  EXPECT_EQ(bolt["estimate"], "5");
  EXPECT_EQ(bolt["unconfirmed"], "9/2");
  EXPECT_TRUE(bolt["actual"].is_null());
  EXPECT_TRUE(get("/api/initiatives/1/delivery", rep_a_).json()["may_report"].get<bool>());
  EXPECT_TRUE(get("/api/initiatives/1/delivery", coordinator_).json()["may_confirm"].get<bool>());

  expect_error(post("/api/initiatives/1/realised/confirm", "{}", rep_a_), 403, "forbidden");
  answer = post("/api/initiatives/1/realised/confirm", "{}", coordinator_);
  ASSERT_EQ(answer.status, 200) << answer.body;
  ASSERT_EQ(answer.json().size(), 1U);
  const json actuals = get("/api/actuals", observer_).json();
  ASSERT_EQ(actuals.size(), 1U) << actuals.dump();
  EXPECT_EQ(get("/api/initiatives/1/delivery", observer_).json()["values"][1]["actual"], "9/2");

  const json cycle = get("/api/cycles/1/delivery", observer_).json();
  EXPECT_EQ(cycle["selected"], 1);
  EXPECT_EQ(cycle["blocked"], 1);
  EXPECT_EQ(cycle["milestones_done"], 1);
  EXPECT_EQ(cycle["milestones_total"], 1);
  ASSERT_EQ(put("/api/initiatives/1/status", R"({"status":"delivered"})", rep_a_).status, 200);
  EXPECT_EQ(get("/api/cycles/1/delivery", observer_).json()["delivered"], 1);
  const json leads = get("/api/partners/1/leads", rep_b_).json();
  ASSERT_EQ(leads.size(), 1U) << leads.dump();
  EXPECT_EQ(leads[0]["status"], "delivered");
  EXPECT_EQ(leads[0]["realised"], "9/2");
  EXPECT_TRUE(get("/api/partners/2/leads", rep_b_).json().empty());

  // The cycle and engagement reports credit the lead.
  const json report = get("/api/reports/cycle/1", observer_).json();
  EXPECT_NE(report.dump().find("\"delivery\""), std::string::npos) << report.dump().substr(0, 400);
  const json engagement = get("/api/reports/engagement", observer_).json();
  EXPECT_NE(engagement.dump().find("\"delivered\""), std::string::npos);

  ASSERT_EQ(send("DELETE", "/api/initiatives/1/milestones/" + std::to_string(milestone), "", rep_a_).status, 200);
  EXPECT_TRUE(get("/api/initiatives/1/delivery", observer_).json()["milestones"].empty());
}

TEST_F(ServerLeadClosed, AnyoneButTheLeadIsRefusedAndBadInputNamesItsFieldStoringNothing) {
  const std::size_t before = audit_count();
  expect_error(post("/api/initiatives/1/updates", R"({"text":"not mine"})", rep_b_), 403, "forbidden");
  EXPECT_EQ(post("/api/initiatives/1/updates", R"({"text":"not mine"})", rep_b_).json()["error"]["field"],
            "initiative");
  expect_error(post("/api/initiatives/1/updates", R"({"text":"not mine"})", observer_), 403, "forbidden");
  expect_error(put("/api/initiatives/1/realised/2", R"({"actual":"1"})", rep_b_), 403, "forbidden");
  expect_error(post("/api/initiatives/1/milestones", R"({"title":"Pilot","due_date":"2027-02-30"})", rep_a_), 400,
               "invalid_input");
  EXPECT_EQ(post("/api/initiatives/1/milestones", R"({"title":"Pilot","due_date":"31/03/2027"})", rep_a_)
                .json()["error"]["field"],
            "due_date");
  const std::string long_text(5001, 'x');
  EXPECT_EQ(post("/api/initiatives/1/updates", R"({"text":")" + long_text + R"("})", rep_a_).json()["error"]["field"],
            "text");
  EXPECT_EQ(put("/api/initiatives/1/realised/2", R"({"actual":"10000000001"})", rep_a_).json()["error"]["field"],
            "actual");
  EXPECT_EQ(put("/api/initiatives/1/realised/2", R"({"actual":true})", rep_a_).json()["error"]["field"], "body.actual");
  EXPECT_EQ(put("/api/initiatives/1/realised/2", R"({"actual":"1","bonus":"2"})", rep_a_).json()["error"]["field"],
            "body.bonus");
  EXPECT_EQ(put("/api/initiatives/1/status", R"({"status":"blocked"})", rep_a_).json()["error"]["field"], "reason");
  EXPECT_EQ(put("/api/initiatives/1/status", R"({"status":"paused"})", rep_a_).json()["error"]["field"], "body.status");
  expect_error(send("PATCH", "/api/initiatives/1/milestones/9", R"({"done":true})", rep_a_), 404, "not_found");
  expect_error(post("/api/initiatives/1/realised/confirm", "{}", coordinator_), 409, "conflict");
  EXPECT_EQ(audit_count(), before);
  EXPECT_TRUE(get("/api/initiatives/1/delivery", observer_).json()["updates"].empty());
}

TEST_F(ServerLead, AnInitiativeNotSelectedHasNoDelivery) {
  ASSERT_EQ(post("/api/cycles", "", coordinator_).status, 201);
  const HttpAnswer refused =
      post("/api/initiatives/1/milestones", R"({"title":"Pilot","due_date":"2027-03-31"})", coordinator_);
  expect_error(refused, 409, "conflict");
  EXPECT_EQ(refused.json()["error"]["field"], "initiative");
  expect_error(get("/api/initiatives/99/delivery", observer_), 404, "not_found");
  const json cycle = get("/api/cycles/1/delivery", observer_).json();
  EXPECT_EQ(cycle["selected"], 0);
}

}  // namespace
}  // namespace covalue::testing
