// What if over HTTP (issue 16 item 5): a coordinator starts a simulation of the current charter against a changed
// one, polls its progress and reads the results; the same seed gives the same results; a long one is cancelled
// within moments; requests are answered while one runs; bad bodies are refused naming the field, nothing kept;
// representatives and observers are refused; a full queue answers 429.
#include <chrono>
#include <string>
#include <thread>

#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

using Clock = std::chrono::steady_clock;

class ServerSimulation : public ServedNetwork {
 protected:
  //! Polls simulation `id` until it is no longer queued or running (or `limit` passes); its last answer.
  nlohmann::json wait_for(std::int64_t id, std::chrono::seconds limit = std::chrono::seconds(120)) {
    const auto until = Clock::now() + limit;
    nlohmann::json job;
    do {
      const HttpAnswer answer = get("/api/simulations/" + std::to_string(id), coordinator_);
      EXPECT_EQ(answer.status, 200) << answer.body;
      job = answer.json();
      const std::string state = job.value("state", "");
      if (state != "queued" && state != "running") {
        return job;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    } while (Clock::now() < until);
    ADD_FAILURE() << "simulation " << id << " still " << job.value("state", "") << " after " << limit.count() << " s";
    return job;
  }

  //! Starts a simulation; its id (0 when refused).
  std::int64_t start(const std::string& body) {
    const HttpAnswer answer = post("/api/simulations", body, coordinator_);
    EXPECT_EQ(answer.status, 202) << answer.body;
    return answer.json().value("id", std::int64_t{0});
  }

  //! Polls simulation `id` until a worker has taken it.
  void wait_running(std::int64_t id) {
    const auto until = Clock::now() + std::chrono::seconds(30);
    while (get("/api/simulations/" + std::to_string(id), coordinator_).json().value("state", "") == "queued" &&
           Clock::now() < until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  [[nodiscard]] HttpAnswer cancel(std::int64_t id) const {
    return server_->request("DELETE", "/api/simulations/" + std::to_string(id), coordinator_);
  }
};

constexpr const char* kSmall = R"({"charter":{"rule":"greedy","sharing":"none"},"networks":10,"cycles":4,"seed":7})";
constexpr const char* kLong = R"({"networks":1000,"cycles":100})";

TEST_F(ServerSimulation, StartsPollsAndGivesResultsPerCharterDeterministicPerSeed) {
  const HttpAnswer started = post("/api/simulations", kSmall, coordinator_);
  ASSERT_EQ(started.status, 202) << started.body;
  const nlohmann::json job = started.json();
  EXPECT_TRUE(job.value("state", "") == "queued" || job.value("state", "") == "running") << job;
  EXPECT_EQ(job["progress"].value("total", 0), 20) << job;  // 10 networks x 2 charters
  EXPECT_EQ(job["changed"].value("rule", ""), "greedy");
  EXPECT_EQ(job["current"].value("rule", ""), "mes");
  const nlohmann::json done = wait_for(job.value("id", 0));
  ASSERT_EQ(done.value("state", ""), "done") << done;
  EXPECT_EQ(done["progress"].value("done", 0), 20);
  const nlohmann::json& results = done["results"];
  ASSERT_EQ(results["policies"].size(), 2U) << results;
  EXPECT_EQ(results["policies"][0].value("name", ""), "current");
  EXPECT_EQ(results["policies"][1].value("name", ""), "changed");
  EXPECT_EQ(results["policies"][1]["charter"].value("rule", ""), "greedy");
  EXPECT_EQ(results["start"].value("partners", 0), 3) << results["start"];
  for (const nlohmann::json& policy : results["policies"]) {
    ASSERT_EQ(policy["per_cycle"]["survival"].size(), 4U) << policy;
    ASSERT_EQ(policy["per_cycle"]["network_value"].size(), 4U) << policy;
    const nlohmann::json& retention = policy["measures"]["retention"];
    EXPECT_LE(retention.value("low", 2.0), retention.value("mean", -1.0)) << policy;
    EXPECT_LE(retention.value("mean", 2.0), retention.value("high", -1.0)) << policy;
    EXPECT_TRUE(policy["measures"]["value_per_partner"].contains("mean"));
  }
  bool retention_paired = false;
  for (const nlohmann::json& pair : results["paired"]) {
    retention_paired = retention_paired || (pair.value("measure", "") == "retention" &&
                                            pair.value("policy", "") == "changed" && pair["difference"].is_object());
  }
  EXPECT_TRUE(retention_paired) << results["paired"];
  // The same seed: the same results; another seed: other simulated futures.
  const nlohmann::json again = wait_for(start(kSmall));
  EXPECT_EQ(again["results"].dump(), results.dump());
  std::string other(kSmall);
  other.replace(other.find("\"seed\":7"), 8, "\"seed\":8");
  const nlohmann::json reseeded = wait_for(start(other));
  EXPECT_NE(reseeded["results"]["policies"].dump(), results["policies"].dump());
  // Listed newest first, without results.
  const nlohmann::json list = get("/api/simulations", coordinator_).json();
  ASSERT_EQ(list.size(), 3U) << list;
  EXPECT_EQ(list[0].value("id", 0), reseeded.value("id", -1));
  EXPECT_FALSE(list[0].contains("results"));
}

TEST_F(ServerSimulation, ALongOneIsCancelledWithinMomentsAndRequestsAreServedMeanwhile) {
  const std::int64_t id = start(kLong);
  wait_running(id);
  // Requests are answered while it runs: the simulation has its own thread.
  for (int i = 0; i < 10; ++i) {
    const auto before = Clock::now();
    EXPECT_EQ(get("/api/home", coordinator_).status, 200);
    EXPECT_LT(Clock::now() - before, std::chrono::seconds(2));
  }
  nlohmann::json running = get("/api/simulations/" + std::to_string(id), coordinator_).json();
  EXPECT_EQ(running.value("state", ""), "running") << running;
  const auto asked = Clock::now();
  const HttpAnswer cancelled = cancel(id);
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_TRUE(cancelled.json().value("cancel_requested", false));
  const nlohmann::json ended = wait_for(id, std::chrono::seconds(10));
  EXPECT_EQ(ended.value("state", ""), "cancelled") << ended;
  EXPECT_LT(Clock::now() - asked, std::chrono::seconds(3));
  EXPECT_LT(ended["progress"].value("done", 0), 2000);
  EXPECT_TRUE(ended["results"].is_null());
  // The runner is free again: a small one runs to the end.
  EXPECT_EQ(wait_for(start(kSmall)).value("state", ""), "done");
}

TEST_F(ServerSimulation, BadBodiesAreRefusedNamingTheFieldAndNothingIsKept) {
  const std::size_t audit = audit_count();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"networks":5})", "body.networks"},
      {R"({"networks":1001})", "body.networks"},
      {R"({"networks":"many"})", "body.networks"},
      {R"({"cycles":0})", "body.cycles"},
      {R"({"cycles":101})", "body.cycles"},
      {R"({"seed":-1})", "body.seed"},
      {R"({"charter":{"rule":"best"}})", "body.charter.rule"},
      {R"({"charter":{"capacity":"0"}})", "body.charter.capacity"},
      {R"({"charter":{"fairness":{"max_dry_spell":-2}}})", "body.charter.fairness.max_dry_spell"},
      {R"({"partners":3})", "body.partners"},
      {R"([1])", "body"}};
  for (const auto& [body, field] : cases) {
    const HttpAnswer answer = post("/api/simulations", body, coordinator_);
    expect_error(answer, 400, "invalid_input");
    EXPECT_EQ(answer.json()["error"].value("field", ""), field) << body << " -> " << answer.body;
  }
  EXPECT_EQ(get("/api/simulations", coordinator_).json().size(), 0U);
  EXPECT_EQ(audit_count(), audit);
  expect_error(get("/api/simulations/99", coordinator_), 404, "not_found");
  expect_error(get("/api/simulations/x", coordinator_), 400, "invalid_input");
}

TEST_F(ServerSimulation, OnlyCoordinatorsSimulate) {
  expect_error(post("/api/simulations", kSmall, rep_a_), 403, "forbidden");
  expect_error(post("/api/simulations", kSmall, observer_), 403, "forbidden");
  const std::int64_t id = start(kSmall);
  expect_error(get("/api/simulations/" + std::to_string(id), rep_a_), 403, "forbidden");
  expect_error(get("/api/simulations", observer_), 403, "forbidden");
  expect_error(server_->request("DELETE", "/api/simulations/" + std::to_string(id), rep_b_), 403, "forbidden");
  EXPECT_EQ(wait_for(id).value("state", ""), "done");
}

class ServerSimulationQueue : public ServerSimulation {
 protected:
  [[nodiscard]] ServerLaunch launch() const override {
    ServerLaunch launch;
    launch.extra_args = {"--simulation-workers", "1", "--simulation-queue", "1"};
    return launch;
  }
};

TEST_F(ServerSimulationQueue, AFullQueueAnswers429AndACancelledWaitingJobNeverRuns) {
  const std::int64_t running = start(kLong);
  wait_running(running);
  const std::int64_t waiting = start(kLong);
  const nlohmann::json queued = get("/api/simulations/" + std::to_string(waiting), coordinator_).json();
  EXPECT_EQ(queued.value("state", ""), "queued") << queued;
  EXPECT_EQ(queued.value("queue_position", -1), 0) << queued;
  const HttpAnswer refused = post("/api/simulations", kSmall, coordinator_);
  expect_error(refused, 429, "too_many_requests");
  EXPECT_NE(refused.json()["error"].value("message", "").find("try again"), std::string::npos) << refused.body;
  const nlohmann::json dropped = cancel(waiting).json();
  EXPECT_EQ(dropped.value("state", ""), "cancelled") << dropped;
  EXPECT_EQ(dropped["progress"].value("done", -1), 0);
  ASSERT_EQ(cancel(running).status, 200);
  EXPECT_EQ(wait_for(running, std::chrono::seconds(10)).value("state", ""), "cancelled");
  EXPECT_EQ(wait_for(start(kSmall)).value("state", ""), "done");
}

}  // namespace
}  // namespace covalue::testing
