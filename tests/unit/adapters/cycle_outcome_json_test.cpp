// The JSON form of a cycle's outcome record: exact round trips, and errors that name the JSON path.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>

#include "../../contract/sample_network.hpp"
#include "covalue/adapters/json/cycle_outcome_json.hpp"

namespace covalue::adapters::json {
namespace {

using covalue::testing::q;
using covalue::testing::sample_outcome;
namespace net = core::network;

// Writes, prints, parses and reads back.
core::Result<net::CycleOutcome> round_trip(const net::CycleOutcome& outcome) {
  return cycle_outcome_from_json(nlohmann::json::parse(cycle_outcome_to_json(outcome).dump()));
}

void expect_round_trip(const net::CycleOutcome& outcome) {
  auto back = round_trip(outcome);
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  EXPECT_TRUE(*back == outcome) << cycle_outcome_to_json(*back).dump(2);
}

// The error of reading `document`, which must fail.
std::string error_of(const nlohmann::json& document) {
  auto read = cycle_outcome_from_json(document);
  EXPECT_FALSE(read.ok());
  return read.ok() ? std::string() : read.error().where + " | " + read.error().message;
}

TEST(CycleOutcomeJson, RoundTripsEveryFieldExactly) { expect_round_trip(sample_outcome(3, {11, 12}, {1, 2})); }

TEST(CycleOutcomeJson, RoundTripsAnOutcomeWithoutOptionalsOrLists) {
  expect_round_trip(net::CycleOutcome{});
  net::CycleOutcome outcome = sample_outcome(1, {5, 6}, {7, 8});
  outcome.rule_outcome = std::nullopt;
  outcome.network_fair = std::nullopt;
  outcome.leads = {{5, std::nullopt, false}};
  outcome.sharing.blocking_coalition = {};
  expect_round_trip(outcome);
}

TEST(CycleOutcomeJson, RoundTripsAWelfareCertificateAndAnEmptyRuleOutcome) {
  net::CycleOutcome outcome = sample_outcome(2, {5, 6}, {7, 8});
  outcome.rule_outcome->mes = std::nullopt;
  outcome.rule_outcome->welfare = core::WelfareCertificate{q("-7/3"), q("12.5"), 18446744073709551615ULL, "dp"};
  expect_round_trip(outcome);
  outcome.rule_outcome = core::Outcome{};
  expect_round_trip(outcome);
}

TEST(CycleOutcomeJson, WritesRationalsAsExactStringsAndEnumsByName) {
  const auto j = cycle_outcome_to_json(sample_outcome(4, {11, 12}, {1, 2}));
  EXPECT_EQ(j["cycle"], 4);
  EXPECT_EQ(j["rule"], "phragmen");
  EXPECT_EQ(j["network_value"], "-3/4");
  EXPECT_EQ(j["partners"][0]["weight"], "3/2");
  EXPECT_EQ(j["decisions"][0]["reason"], "selected_objection_met");
  EXPECT_EQ(j["sharing"]["policy"], "shapley");
  EXPECT_TRUE(j["leads"][1]["lead"].is_null());
  EXPECT_EQ(j["rule_outcome"]["selected"], nlohmann::json::array({2, 0}));
  EXPECT_EQ(j["rule_outcome"]["certificate"]["purchases"][0]["payments"][1], nlohmann::json::array({4, "3"}));
}

TEST(CycleOutcomeJson, ErrorsNameTheJsonPath) {
  const auto good = cycle_outcome_to_json(sample_outcome(4, {11, 12}, {1, 2}));
  EXPECT_EQ(error_of(nlohmann::json::array()), "$ | expected an object");
  auto bad = good;
  bad["partners"][1]["weight"] = "1/0";
  EXPECT_NE(error_of(bad).find("$.partners[1].weight"), std::string::npos);
  bad = good;
  bad["decisions"][0]["reason"] = "because";
  EXPECT_NE(error_of(bad).find("$.decisions[0].reason | unknown decision reason 'because'"), std::string::npos);
  bad = good;
  bad["rule_outcome"]["certificate"]["purchases"][0]["payments"][1][1] = 2.5;
  EXPECT_NE(error_of(bad).find("$.rule_outcome.certificate.purchases[0].payments[1][1]"), std::string::npos);
  bad = good;
  bad["rule_outcome"]["trace"][1]["tied"] = nlohmann::json::array({-1});
  EXPECT_NE(error_of(bad).find("$.rule_outcome.trace[1].tied[0] | expected a project index"), std::string::npos);
  bad = good;
  bad["network_fair"].erase("rechecked");
  EXPECT_EQ(error_of(bad), "$.network_fair.rechecked | expected true or false");
  bad = good;
  bad["leads"][0]["lead"] = "seven";
  EXPECT_EQ(error_of(bad), "$.leads[0].lead | expected an integer");
  bad = good;
  bad["rule"] = "dictator";
  EXPECT_NE(error_of(bad).find("$.rule | unknown selection rule 'dictator'"), std::string::npos);
}

// Outcomes stored before budget classes keep their payments per voter group (sample_outcome); new ones
// name each paying class once.
TEST(CycleOutcomeJson, RoundTripsAClassLevelCertificateAndNamesItsErrors) {
  net::CycleOutcome outcome = sample_outcome(5, {11, 12}, {1, 2});
  outcome.rule_outcome->mes->purchases = {{2, q("1/3"), {}, q("5/2"), {0}, {}}, {0, q("2/7"), {}, q("3"), {1}, {0}}};
  expect_round_trip(outcome);
  const auto good = cycle_outcome_to_json(outcome);
  const auto& second = good["rule_outcome"]["certificate"]["purchases"][1];
  EXPECT_EQ(second["cap"], "3");
  EXPECT_EQ(second["pay_cap"], nlohmann::json::array({1}));
  EXPECT_EQ(second["pay_all"], nlohmann::json::array({0}));
  EXPECT_FALSE(second.contains("payments"));
  auto bad = good;
  bad["rule_outcome"]["certificate"]["purchases"][1]["pay_all"][0] = -1;
  EXPECT_NE(error_of(bad).find("$.rule_outcome.certificate.purchases[1].pay_all[0] | expected a budget class index"),
            std::string::npos);
  bad = good;
  bad["rule_outcome"]["certificate"]["purchases"][0].erase("cap");
  EXPECT_NE(error_of(bad).find("$.rule_outcome.certificate.purchases[0].cap"), std::string::npos);
}

RC_GTEST_PROP(CycleOutcomeJson, AnyRationalRoundTripsExactly, (std::int64_t numerator, std::int64_t denominator)) {
  RC_PRE(denominator != 0);
  core::Rational value(core::Integer(std::to_string(numerator)), core::Integer(std::to_string(denominator)));
  value.canonicalize();
  net::CycleOutcome outcome;
  outcome.partners.push_back(net::PartnerResult{});
  outcome.partners[0].transfer = value;
  outcome.spent = value * value;
  auto back = round_trip(outcome);
  RC_ASSERT(back.ok());
  RC_ASSERT(back->partners[0].transfer == value);
  RC_ASSERT(back->spent == value * value);
}

}  // namespace
}  // namespace covalue::adapters::json
