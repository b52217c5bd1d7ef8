// The network simulator's pieces: the stay/leave and join decisions, determinism per seed, the named
// policies and the parameter table; statistics on known cases.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <string>

#include "covalue/core/network/retention_risk.hpp"
#include "covalue/core/sim/network_model.hpp"
#include "covalue/core/sim/policies.hpp"
#include "covalue/core/sim/statistics.hpp"

namespace covalue::core::sim {
namespace {

namespace net = core::network;

ModelParameters small_model() {
  ModelParameters m;
  m.partners = 8;
  m.max_partners = 12;
  m.cycles = 6;
  return m;
}

Policy policy(const char* name) { return *named_policy(name); }

TEST(SimStays, AMemberStaysWhileItsValueLessItsRiskBeatsItsOutsideOption) {
  ModelParameters m;
  m.risk_cost = 2;
  m.decision_noise = 0;
  EXPECT_TRUE(stays(m, 3.0, 0, 3.0, 0));    // equal: stays
  EXPECT_FALSE(stays(m, 3.0, 50, 2.5, 0));  // 3 - 2 x 50/100 = 2 < 2.5
  EXPECT_TRUE(stays(m, 3.0, 50, 2.0, 0));   // 3 - 1 = 2
  m.decision_noise = 1;
  m.outside_mean = 1;
  EXPECT_TRUE(stays(m, 1.0, 0, 1.5, 0.6));   // a good shock keeps it
  EXPECT_FALSE(stays(m, 1.0, 0, 1.5, 0.4));  // a smaller one does not
}

TEST(SimJoin, TheChanceToJoinRisesWithTheNetworksValueUpToTheLimit) {
  ModelParameters m;
  m.join_rate = 0.05;
  m.value_scale = 10;
  m.max_partners = 30;
  EXPECT_DOUBLE_EQ(join_probability(m, 0, 20), 0);
  EXPECT_DOUBLE_EQ(join_probability(m, -40, 20), 0);
  EXPECT_DOUBLE_EQ(join_probability(m, 40, 20), 0.2);
  EXPECT_LT(join_probability(m, 40, 20), join_probability(m, 80, 20));
  EXPECT_DOUBLE_EQ(join_probability(m, 1e9, 20), 1);
  EXPECT_DOUBLE_EQ(join_probability(m, 40, 30), 0);  // full
}

TEST(SimNetwork, TheSameSeedAndIndexGiveTheSameRunAndOthersDiffer) {
  const ModelParameters m = small_model();
  const net::DecisionTools tools;
  auto run = [&](std::uint64_t seed, std::uint64_t index) {
    Result<NetworkRun> r = simulate_network(m, policy("outward"), seed, index, tools);
    EXPECT_TRUE(r.ok()) << r.error().to_string();
    return *r;
  };
  const NetworkRun a = run(7, 3);
  (void)run(7, 4);  // another network in between changes nothing
  const NetworkRun b = run(7, 3);
  EXPECT_EQ(a.total_value, b.total_value);
  EXPECT_EQ(a.gini, b.gini);
  EXPECT_EQ(a.left, b.left);
  ASSERT_EQ(a.cycles.size(), b.cycles.size());
  for (std::size_t t = 0; t < a.cycles.size(); ++t) {
    EXPECT_EQ(a.cycles[t].members, b.cycles[t].members);
    EXPECT_EQ(a.cycles[t].network_value, b.cycles[t].network_value);
  }
  EXPECT_NE(a.total_value, run(7, 5).total_value);
  EXPECT_NE(a.total_value, run(8, 3).total_value);
}

TEST(SimNetwork, EveryCycleIsDecidedWithinWhatWasProposed) {
  const ModelParameters m = small_model();
  for (const Policy& p : named_policies()) {
    Result<NetworkRun> r = simulate_network(m, p, 1, 0, {});
    ASSERT_TRUE(r.ok()) << p.name << ": " << r.error().to_string();
    ASSERT_EQ(r->cycles.size(), 6U);
    for (const CycleFigures& c : r->cycles) {
      EXPECT_LE(c.selected, c.proposals) << p.name;
      EXPECT_LE(c.initial_members, c.members) << p.name;
    }
    EXPECT_GE(r->quota_compliance, 0) << p.name;
    EXPECT_LE(r->quota_compliance, 1) << p.name;
  }
}

TEST(SimNetwork, AnOutsideOptionNobodyCanBeatEmptiesTheNetworkAfterTheGraceCycles) {
  ModelParameters m = small_model();
  m.outside_mean = 1e5;
  m.discount = 0;  // its discounted value is the last cycle's, far below the outside option
  m.decision_noise = 0;
  m.grace_cycles = 2;
  m.join_rate = 0;
  Result<NetworkRun> r = simulate_network(m, policy("inward"), 3, 0, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->cycles[0].members, 8);
  EXPECT_EQ(r->cycles[1].members, 8);  // decides after its second cycle
  EXPECT_EQ(r->cycles[2].members, 0);
  EXPECT_EQ(r->left, 8);
  EXPECT_EQ(r->joined, 0);
}

TEST(SimNetwork, WithNoDecisionsAndAStrongPullEveryoneStaysAndNewPartnersJoinUpToTheLimit) {
  ModelParameters m = small_model();
  m.grace_cycles = 1000;
  m.join_rate = 1000;
  m.cycles = 10;
  Result<NetworkRun> r = simulate_network(m, policy("reset"), 3, 0, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->left, 0);
  EXPECT_EQ(r->joined, 4);
  EXPECT_EQ(r->cycles.back().members, 12);
  EXPECT_EQ(r->cycles.back().initial_members, 8);
}

TEST(SimPolicies, TheNamedPoliciesAreTheIssuesAndUnknownNamesAreRefusedByName) {
  const Policy inward = policy("inward");
  EXPECT_EQ(inward.charter.rule, net::SelectionRule::kGreedy);
  EXPECT_EQ(inward.charter.sharing, net::SharingPolicy::kNone);
  EXPECT_EQ(inward.ballots, BallotStyle::kOwnGain);
  EXPECT_EQ(inward.leads, LeadStyle::kProposer);
  const Policy outward = policy("outward");
  EXPECT_EQ(outward.charter.rule, net::SelectionRule::kNetworkFair);
  EXPECT_EQ(outward.charter.sharing, net::SharingPolicy::kShapley);
  EXPECT_EQ(outward.charter.fairness.weight_policy, perpetual::WeightPolicy::kReset);
  EXPECT_EQ(outward.leads, LeadStyle::kRotate);
  EXPECT_EQ(policy("pav").charter.fairness.weight_policy, perpetual::WeightPolicy::kPav);
  EXPECT_EQ(named_policies().size(), 12U);
  Result<Policy> unknown = named_policy("outwards");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().where, "--policy");
  EXPECT_NE(unknown.error().message.find("'outwards'"), std::string::npos);
}

TEST(SimParameters, EveryParameterIsCheckedByNameAgainstItsRange) {
  ModelParameters m;
  EXPECT_TRUE(m.validate().ok());
  m.discount = 1.5;
  ASSERT_FALSE(m.validate().ok());
  EXPECT_EQ(m.validate().error().where, "discount");
  m = ModelParameters{};
  m.max_partners = 10;
  EXPECT_EQ(m.validate().error().where, "max_partners");
  const ParameterRow* partners = find_parameter("partners");
  ASSERT_NE(partners, nullptr);
  EXPECT_FALSE(set_parameter(m, *partners, 2.5).ok());
  EXPECT_FALSE(set_parameter(m, *partners, NAN).ok());
  EXPECT_TRUE(set_parameter(m, *partners, 30).ok());
  EXPECT_EQ(m.partners, 30);
  EXPECT_EQ(find_parameter("partner"), nullptr);
}

TEST(SimStatistics, TheIntervalOfAKnownSample) {
  const Interval i = mean_interval({1, 2, 3});
  EXPECT_DOUBLE_EQ(i.mean, 2);
  EXPECT_NEAR(i.high - i.mean, 1.959963984540054 / std::sqrt(3.0), 1e-12);
  EXPECT_DOUBLE_EQ(i.mean - i.low, i.high - i.mean);
  const Interval one = mean_interval({5});
  EXPECT_EQ(one.low, 5);
  EXPECT_EQ(one.high, 5);
}

TEST(SimStatistics, ThePairedTestOfAKnownCase) {
  // Differences 1, 1, 1, 1.5: mean 1.125, sd 0.25, standard error 0.125, t 9.
  const PairedTest t = paired_test({1, 2, 3, 4}, {2, 3, 4, 5.5});
  EXPECT_DOUBLE_EQ(t.difference.mean, 1.125);
  EXPECT_NEAR(t.t, 9, 1e-9);
  EXPECT_NEAR(t.p_value, std::erfc(9 / std::sqrt(2.0)), 1e-15);
  EXPECT_EQ(t.wins, 4U);
  EXPECT_EQ(t.losses, 0U);
  const PairedTest same = paired_test({1, 2}, {1, 2});
  EXPECT_EQ(same.ties, 2U);
  EXPECT_EQ(same.p_value, 1);
  const PairedTest shifted = paired_test({1, 2, 3}, {0, 1, 2});  // every difference -1, no spread
  EXPECT_EQ(shifted.p_value, 0);
  EXPECT_EQ(shifted.losses, 3U);
}

TEST(RetentionRisk, TheFactorsAreTheEngagementReportsWeights) {
  net::RiskWindow w;
  w.cycles = 3;
  w.missed = 2;
  w.supported = 4;
  w.supported_selected = 1;
  w.over_share = 1;
  w.all_leads = 2;
  const std::vector<net::RiskContribution> risk = net::retention_risk(w, 2, Rational(-5), 3);
  ASSERT_EQ(risk.size(), 6U);
  EXPECT_EQ(risk[0].points, Rational(50, 3));  // 25 x 2/3
  EXPECT_EQ(risk[1].points, Rational(50, 3));  // 25 x 2/3
  EXPECT_EQ(risk[2].points, 15);
  EXPECT_EQ(risk[3].points, Rational(45, 4));  // 15 x 3/4
  EXPECT_EQ(risk[4].points, Rational(10, 3));
  EXPECT_EQ(risk[5].points, 10);
  EXPECT_EQ(net::risk_points(risk), Rational(50, 3) + Rational(50, 3) + 15 + Rational(45, 4) + Rational(10, 3) + 10);
  EXPECT_TRUE(net::retention_risk(net::RiskWindow{}, 0, Rational(0), 3).empty());
}

}  // namespace
}  // namespace covalue::core::sim

namespace covalue::core::sim {
namespace {

// docs/simulator.md's parameter table lists every parameter with its default (a number or a fraction).
TEST(SimParameters, TheDocsListEveryParameterWithItsDefault) {
  std::ifstream in(std::string(COVALUE_SOURCE_DIR) + "/docs/simulator.md");
  const std::string docs((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(docs.empty());
  const ModelParameters defaults;
  for (const ParameterRow& row : model_parameters()) {
    const std::string cell = "| `" + std::string(row.name) + "` | ";
    const std::size_t at = docs.find(cell);
    ASSERT_NE(at, std::string::npos) << row.name;
    const std::size_t from = at + cell.size();
    const std::string text = docs.substr(from, docs.find(' ', from) - from);
    const std::size_t slash = text.find('/');
    const double documented = slash == std::string::npos
                                  ? std::stod(text)
                                  : std::stod(text.substr(0, slash)) / std::stod(text.substr(slash + 1));
    const double value = row.integer != nullptr ? static_cast<double>(defaults.*row.integer) : defaults.*row.real;
    EXPECT_NEAR(documented, value, 1e-12) << row.name;
  }
}

}  // namespace
}  // namespace covalue::core::sim
