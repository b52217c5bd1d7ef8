// GET /api/home over HTTP: what a representative is asked to do now and how its partner stands, who pays
// whom, and what the coordinator sees: who has voted (never how) and what needs attention.
#include <chrono>
#include <ctime>
#include <thread>

#include "../support/utc_clock.hpp"
#include "covalue/core/rational.hpp"
#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

using ServerHome = ServedNetwork;
using nlohmann::json;

//! The tasks of `home` of one kind.
std::vector<json> tasks_of(const json& home, const std::string& kind) {
  std::vector<json> found;
  for (const json& task : home["tasks"]) {
    if (task["kind"] == kind) {
      found.push_back(task);
    }
  }
  return found;
}

//! The attention items of `home` of one kind.
std::vector<json> attention_of(const json& home, const std::string& kind) {
  std::vector<json> found;
  for (const json& item : home["attention"]) {
    if (item["kind"] == kind) {
      found.push_back(item);
    }
  }
  return found;
}

TEST_F(ServerHome, ARepresentativeSeesWhatIsAskedOfItsPartnerAndTheCoordinatorWhoVoted) {
  json home = get("/api/home", rep_a_).json();
  EXPECT_TRUE(home["open_cycle"].is_null());
  EXPECT_TRUE(home["tasks"].empty());
  EXPECT_EQ(home["standing"]["partner"], 1);

  const std::string closes = utc_in(3600);
  ASSERT_EQ(post("/api/cycles", R"({"voting_closes_at":")" + closes + R"("})", coordinator_).status, 201);
  home = get("/api/home", rep_a_).json();
  EXPECT_EQ(home["open_cycle"]["number"], 1);
  ASSERT_EQ(tasks_of(home, "propose").size(), 1U) << home.dump();

  // The coordinator names Bolt to lead: Bolt is asked to accept.
  ASSERT_EQ(put("/api/initiatives/1/volunteers/2", "", coordinator_).status, 200);
  const std::vector<json> nominations = tasks_of(get("/api/home", rep_b_).json(), "lead_nomination");
  ASSERT_EQ(nominations.size(), 1U);
  EXPECT_EQ(nominations[0]["initiative"], 1);
  EXPECT_TRUE(tasks_of(get("/api/home", rep_a_).json(), "lead_nomination").empty());

  ASSERT_EQ(post("/api/cycles/1/voting", "", coordinator_).status, 200);
  std::vector<json> vote = tasks_of(get("/api/home", rep_a_).json(), "vote");
  ASSERT_EQ(vote.size(), 1U);
  EXPECT_EQ(vote[0]["due"], closes);
  EXPECT_EQ(vote[0]["done"], false);
  ASSERT_EQ(put("/api/cycles/1/ballots/1", R"({"entries":[{"initiative":1}]})", rep_a_).status, 200);
  ASSERT_EQ(put("/api/cycles/1/ballots/3",
                R"({"entries":[],"objections":[{"initiative":1,"reason":"costs us volume"}]})", rep_c_)
                .status,
            200);
  vote = tasks_of(get("/api/home", rep_a_).json(), "vote");
  EXPECT_EQ(vote[0]["done"], true);
  EXPECT_EQ(tasks_of(get("/api/home", rep_b_).json(), "vote")[0]["done"], false);

  // The coordinator sees who has voted, member by member, and nothing of how; representatives and
  // observers see no one else's turnout.
  home = get("/api/home", coordinator_).json();
  EXPECT_EQ(home["members"], 3);
  EXPECT_EQ(home["voted"], 2);
  EXPECT_EQ(home["turnout"], json::parse(R"([{"partner":1,"voted":true},{"partner":2,"voted":false},)"
                                         R"({"partner":3,"voted":true}])"));
  EXPECT_EQ(home["turnout"].dump().find("costs us volume"), std::string::npos);
  ASSERT_EQ(attention_of(home, "voting_open").size(), 1U);
  EXPECT_EQ(attention_of(home, "voting_open")[0]["count"], 2);
  EXPECT_TRUE(home["tasks"].empty());
  EXPECT_TRUE(home["standing"].is_null());
  for (const std::string* token : {&rep_b_, &observer_}) {
    const json other = get("/api/home", *token).json();
    EXPECT_TRUE(other["turnout"].is_null());
    EXPECT_TRUE(other["attention"].empty());
    EXPECT_EQ(other.dump().find("costs us volume"), std::string::npos);
  }
}

TEST_F(ServerHome, AfterCloseTransfersSayWhoPaysWhomAndActualsAreDue) {
  ASSERT_EQ(post("/api/cycles", "", coordinator_).status, 201);
  ASSERT_EQ(post("/api/cycles/1/voting", "", coordinator_).status, 200);
  ASSERT_EQ(put("/api/cycles/1/ballots/1", R"({"entries":[{"initiative":1}]})", rep_a_).status, 200);
  ASSERT_EQ(put("/api/cycles/1/ballots/2", R"({"entries":[{"initiative":1}]})", rep_b_).status, 200);
  ASSERT_EQ(put("/api/cycles/1/ballots/3",
                R"({"entries":[],"objections":[{"initiative":1,"reason":"costs us volume"}]})", rep_c_)
                .status,
            200);
  const HttpAnswer closed = post("/api/cycles/1/close", R"({"confirm_low_turnout":true})", coordinator_);
  ASSERT_EQ(closed.status, 200) << closed.body;
  const json outcome = closed.json();

  for (const auto& [token, partner] : {std::pair{&rep_a_, 1}, std::pair{&rep_b_, 2}, std::pair{&rep_c_, 3}}) {
    const json home = get("/api/home", *token).json();
    EXPECT_TRUE(home["open_cycle"].is_null());
    EXPECT_EQ(home["transfers_cycle"], 1);
    // The payments its partner makes and receives add up to its net transfer in the outcome.
    covalue::core::Rational net(0);
    for (const json& payment : home["transfers"]) {
      ASSERT_TRUE(payment["from"] == partner || payment["to"] == partner) << payment.dump();
      const covalue::core::Rational amount(payment["amount"].get<std::string>());
      EXPECT_GT(amount, 0);
      net += payment["to"] == partner ? amount : covalue::core::Rational(-amount);
    }
    for (const json& result : outcome["partners"]) {
      if (result["partner"] == partner) {
        EXPECT_EQ(net, covalue::core::Rational(result["transfer"].get<std::string>())) << home["transfers"].dump();
        EXPECT_EQ(home["standing"]["transfers"], result["transfer"]);
        EXPECT_EQ(home["standing"]["net_value"], result["net_value"]);
        EXPECT_EQ(home["standing"]["current_dry_spell"], result["dry_spell"]);
      }
    }
  }
  const json rep_c_home = get("/api/home", rep_c_).json();
  EXPECT_FALSE(rep_c_home["transfers"].empty()) << "the objector is paid for its loss";

  // Initiative 1 was selected: Acme, the proposer objected to, is told; every partner it touches owes actuals.
  json home = get("/api/home", rep_a_).json();
  ASSERT_EQ(tasks_of(home, "objection").size(), 1U) << home.dump();
  ASSERT_EQ(tasks_of(home, "actuals").size(), 1U);
  EXPECT_EQ(tasks_of(home, "actuals")[0]["initiative"], 1);
  EXPECT_TRUE(tasks_of(get("/api/home", rep_b_).json(), "objection").empty());
  ASSERT_EQ(attention_of(get("/api/home", coordinator_).json(), "actuals_missing").size(), 1U);
  EXPECT_EQ(attention_of(get("/api/home", coordinator_).json(), "actuals_missing")[0]["count"], 1);

  ASSERT_EQ(post("/api/actuals", R"({"cycle":1,"initiative":1,"partner":1,"actual":"8"})", coordinator_).status, 201);
  EXPECT_TRUE(tasks_of(get("/api/home", rep_a_).json(), "actuals").empty());
  EXPECT_EQ(tasks_of(get("/api/home", rep_b_).json(), "actuals").size(), 1U);
  EXPECT_EQ(attention_of(get("/api/home", coordinator_).json(), "actuals_missing")[0]["count"], 0);
  ASSERT_EQ(post("/api/cycles/1/review", "", coordinator_).status, 200);
  EXPECT_TRUE(attention_of(get("/api/home", coordinator_).json(), "actuals_missing").empty());
  EXPECT_TRUE(tasks_of(get("/api/home", rep_b_).json(), "actuals").empty());
}

TEST_F(ServerHome, APassedDeadlineNeedsTheCoordinator) {
  const std::string soon = utc_in(2);
  const HttpAnswer opened = post("/api/cycles", R"({"proposals_close_at":")" + soon + R"("})", coordinator_);
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_TRUE(attention_of(get("/api/home", coordinator_).json(), "deadline_passed").empty());
  std::this_thread::sleep_for(std::chrono::milliseconds(3100));
  const std::vector<json> passed = attention_of(get("/api/home", coordinator_).json(), "deadline_passed");
  ASSERT_EQ(passed.size(), 1U);
  EXPECT_EQ(passed[0]["cycle"], 1);
  EXPECT_EQ(passed[0]["due"], soon);
}

TEST_F(ServerHome, APartnerLeftBehindIsProtectedAndAtRiskAndTheCoordinatorIsTold) {
  // No transfers and a dry-spell limit of 1: Cargo, which does not vote and loses 2, is left behind.
  const HttpAnswer charter =
      server_->request("PATCH", "/api/network", coordinator_, R"({"sharing":"none","fairness":{"max_dry_spell":1}})");
  ASSERT_EQ(charter.status, 200) << charter.body;
  EXPECT_TRUE(get("/api/home", rep_c_).json()["standing"]["protected"] == false);
  ASSERT_EQ(post("/api/cycles", "", coordinator_).status, 201);
  ASSERT_EQ(post("/api/cycles/1/voting", "", coordinator_).status, 200);
  ASSERT_EQ(put("/api/cycles/1/ballots/1", R"({"entries":[{"initiative":1}]})", rep_a_).status, 200);
  ASSERT_EQ(put("/api/cycles/1/ballots/2", R"({"entries":[{"initiative":1}]})", rep_b_).status, 200);
  const HttpAnswer closed = post("/api/cycles/1/close", R"({"confirm_low_turnout":true})", coordinator_);
  ASSERT_EQ(closed.status, 200) << closed.body;

  const json cargo = get("/api/home", rep_c_).json();
  EXPECT_EQ(cargo["standing"]["net_value"], "-2");
  EXPECT_EQ(cargo["standing"]["current_dry_spell"], 1);
  EXPECT_EQ(cargo["standing"]["max_dry_spell"], 1);
  EXPECT_EQ(cargo["standing"]["protected"], true);
  EXPECT_EQ(cargo["standing"]["risk_band"], "high");
  EXPECT_FALSE(cargo["standing"]["risk_reasons"].get<std::string>().empty());
  EXPECT_TRUE(cargo["transfers"].empty()) << "no transfers under sharing none";
  EXPECT_EQ(cargo["transfers_cycle"], 1);
  const json acme = get("/api/home", rep_a_).json();
  EXPECT_EQ(acme["standing"]["protected"], false);
  EXPECT_EQ(acme["standing"]["leads"], json::array({1})) << "the proposer leads what was selected";

  const std::vector<json> at_risk = attention_of(get("/api/home", coordinator_).json(), "partner_at_risk");
  ASSERT_EQ(at_risk.size(), 1U);
  EXPECT_EQ(at_risk[0]["partner"], 3);
  EXPECT_EQ(at_risk[0]["count"], cargo["standing"]["risk_score"]);
  EXPECT_EQ(at_risk[0]["detail"], cargo["standing"]["risk_reasons"]);
}

TEST_F(ServerHome, NeedsAToken) { expect_error(get("/api/home", ""), 401, "unauthenticated"); }

}  // namespace
}  // namespace covalue::testing
