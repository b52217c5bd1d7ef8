// `covalue serve`'s own deadline scheduler (issue 13 item 2): with the charter's deadline_action auto, a
// cycle whose deadlines were set over HTTP starts its vote and closes on time with nobody touching it; with
// remind, it waits for the coordinator. The real clock, a real server on a loopback port, a 1 s interval.
#include <chrono>
#include <ctime>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

#include "../support/utc_clock.hpp"
#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

class ServerScheduler : public ServedNetwork {
 protected:
  [[nodiscard]] ServerLaunch launch() const override {
    ServerLaunch launch;
    launch.extra_args = {"--scheduler-interval", "1"};
    launch.stderr_file = dir_.file("serve.log");
    return launch;
  }

  //! The state of cycle 1 once it is `wanted`, or its last state after `seconds` of waiting.
  std::string wait_for_state(const std::string& wanted, int seconds) {
    std::string state;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < until) {
      state = get("/api/cycles/1", coordinator_).json().value("state", "");
      if (state == wanted) {
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return state;
  }
};

TEST_F(ServerScheduler, WithAutoTheCycleVotesAndClosesOnTimeByItself) {
  HttpAnswer answer = server_->request("PATCH", "/api/network", coordinator_, R"({"deadline_action":"auto"})");
  ASSERT_EQ(answer.status, 200) << answer.body;
  const std::string proposals = utc_in(2);
  const std::string voting = utc_in(5);
  answer = post("/api/cycles", R"({"proposals_close_at":")" + proposals + R"(","voting_closes_at":")" + voting + "\"}",
                coordinator_);
  ASSERT_EQ(answer.status, 201) << answer.body;
  EXPECT_EQ(answer.json()["proposals_close_at"], proposals);
  ASSERT_EQ(wait_for_state("voting", 6), "voting") << "the scheduler starts the vote at the proposals' deadline";
  ASSERT_EQ(put("/api/cycles/1/ballots/1", R"({"entries":[{"initiative":1}]})", rep_a_).status, 200);
  ASSERT_EQ(put("/api/cycles/1/ballots/2", R"({"entries":[{"initiative":1}]})", rep_b_).status, 200);
  ASSERT_EQ(wait_for_state("closed", 8), "closed") << "the scheduler closes the cycle at the voting deadline";
  const nlohmann::json outcome = get("/api/cycles/1/outcome", coordinator_).json();
  ASSERT_EQ(outcome["decisions"].size(), 1U) << outcome.dump();
  EXPECT_EQ(outcome["decisions"][0]["initiative"], 1);
  EXPECT_EQ(outcome["decisions"][0]["selected"], true) << "decided on the two ballots cast in time";
  const nlohmann::json audit = get("/api/audit?limit=100", coordinator_).json();
  std::vector<std::string> by_scheduler;
  for (const nlohmann::json& entry : audit) {
    if (entry.value("actor", "") == "scheduler") {
      by_scheduler.push_back(entry.value("action", ""));
      if (entry["action"] == "remind_voters") {
        // Voting closes within the charter's 6 h lead time: the partners that had not voted at the scheduler's
        // pass are reminded, once (Cargo never votes; whether Acme and Bolt had cast theirs depends on timing:
        // which ones tests/unit/program/outbox_test.cpp checks with a set clock).
        const nlohmann::json detail = nlohmann::json::parse(entry.value("detail", "{}"));
        EXPECT_EQ(detail.value("cycle", 0), 1) << entry.dump();
        EXPECT_GE(detail.value("partners", 0), 1) << entry.dump();
      }
    }
  }
  EXPECT_EQ(by_scheduler, (std::vector<std::string>{"start_voting", "remind_voters", "close_cycle"})) << audit.dump();
  // A ballot after the close is refused, and nothing stored changes.
  const std::size_t entries = audit_count();
  expect_error(put("/api/cycles/1/ballots/3", R"({"entries":[{"initiative":1}]})", rep_c_), 409, "conflict");
  EXPECT_EQ(audit_count(), entries);
}

TEST_F(ServerScheduler, WithRemindTheCycleWaitsForTheCoordinator) {
  const std::string proposals = utc_in(1);
  ASSERT_EQ(post("/api/cycles", R"({"proposals_close_at":")" + proposals + "\"}", coordinator_).status, 201);
  std::this_thread::sleep_for(std::chrono::milliseconds(3500));  // the deadline passed and the scheduler ran
  EXPECT_EQ(get("/api/cycles/1", coordinator_).json().value("state", ""), "proposing");
  std::ifstream in(dir_.file("serve.log"));
  const std::string log{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const std::string due = "cycle 1: proposals_close_at " + proposals + " passed: due";
  ASSERT_NE(log.find(due), std::string::npos) << log;
  EXPECT_EQ(log.find(due, log.find(due) + 1), std::string::npos) << "a due deadline is logged once:\n" << log;
  ASSERT_EQ(post("/api/cycles/1/voting", "", coordinator_).status, 200) << "the coordinator moves it";
}

}  // namespace
}  // namespace covalue::testing
