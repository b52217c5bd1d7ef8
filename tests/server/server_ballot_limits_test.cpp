// The charter's ballot limits over HTTP (issue 15 item 6): PATCH /api/network sets the score scale and the points
// budget (refusing values out of range, naming the field); a ballot with a score above the scale, or points over the
// budget, is refused with 400 naming the entry, and nothing is stored.
#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

using nlohmann::json;

class ServerBallotLimits : public ServedNetwork {
 protected:
  void SetUp() override {
    ServedNetwork::SetUp();
    ASSERT_EQ(post("/api/cycles", "", coordinator_).status, 201);
    const HttpAnswer second = post("/api/initiatives",
                                   R"({"title":"Joint pallets","proposer":2,"cost":"20","impacts":[)"
                                   R"({"partner":2,"estimate":"4"}]})",
                                   rep_b_);
    ASSERT_EQ(second.status, 201) << second.body;
    ASSERT_EQ(post("/api/cycles/1/voting", "", coordinator_).status, 200);
  }
  //! Expects 400 invalid_input naming a field that ends with `field`, its message holding `words`.
  static void expect_refused(const HttpAnswer& answer, const std::string& field, const std::string& words) {
    expect_error(answer, 400, "invalid_input");
    const std::string named = answer.json()["error"].value("field", "");
    EXPECT_TRUE(named.ends_with(field)) << answer.body;
    EXPECT_NE(answer.json()["error"].value("message", "").find(words), std::string::npos) << answer.body;
  }
  //! The ballots Acme's and Bolt's representatives see: their own, while the vote is secret.
  [[nodiscard]] std::size_t ballots() const {
    return get("/api/cycles/1/ballots", rep_a_).json().size() + get("/api/cycles/1/ballots", rep_b_).json().size();
  }
};

TEST_F(ServerBallotLimits, TheCharterSetsTheScaleAndTheBudgetAndRefusesValuesOutOfRange) {
  const json charter = get("/api/network", observer_).json();
  EXPECT_EQ(charter["score_max"], "10");
  EXPECT_EQ(charter["points_budget"], "0");
  expect_refused(server_->request("PATCH", "/api/network", coordinator_, R"({"score_max":"0"})"), "score_max",
                 "more than 0");
  expect_refused(server_->request("PATCH", "/api/network", coordinator_, R"({"points_budget":"-1"})"), "points_budget",
                 "no fixed budget");
  expect_error(server_->request("PATCH", "/api/network", rep_a_, R"({"score_max":"5"})"), 403, "forbidden");
  const HttpAnswer saved =
      server_->request("PATCH", "/api/network", coordinator_, R"({"score_max":"5/2","points_budget":"12"})");
  ASSERT_EQ(saved.status, 200) << saved.body;
  const json after = get("/api/network", observer_).json();
  EXPECT_EQ(after["score_max"], "5/2");
  EXPECT_EQ(after["points_budget"], "12");
}

TEST_F(ServerBallotLimits, AScoreAboveTheScaleOrPointsOverTheBudgetAreRefusedNamingTheEntry) {
  ASSERT_EQ(server_->request("PATCH", "/api/network", coordinator_, R"({"points_budget":"12"})").status, 200);
  expect_refused(
      put("/api/cycles/1/ballots/1",
          R"({"format":"scores","entries":[{"initiative":1,"value":"10"},{"initiative":2,"value":"10.5"}]})", rep_a_),
      "entries[1].value", "initiative 2");
  expect_refused(
      put("/api/cycles/1/ballots/2",
          R"({"format":"points","entries":[{"initiative":1,"value":"8"},{"initiative":2,"value":"9/2"}]})", rep_b_),
      "entries[1].value", "over the charter's budget of 12 points");
  EXPECT_EQ(ballots(), 0U) << "nothing stored";
  const HttpAnswer scores =
      put("/api/cycles/1/ballots/1",
          R"({"format":"scores","entries":[{"initiative":1,"value":"10"},{"initiative":2,"value":"19/2"}]})", rep_a_);
  ASSERT_EQ(scores.status, 200) << scores.body;
  const HttpAnswer points =
      put("/api/cycles/1/ballots/2",
          R"({"format":"points","entries":[{"initiative":1,"value":"15/2"},{"initiative":2,"value":"9/2"}]})", rep_b_);
  ASSERT_EQ(points.status, 200) << points.body;
  EXPECT_EQ(ballots(), 2U);
}

}  // namespace
}  // namespace covalue::testing
