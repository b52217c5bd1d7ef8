// Every (instance, rule) pair of ../shared/data/pabulib-expected.jsonl: our selection must equal the
// reference implementation's, and every MES outcome must pass the independent verifier.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "covalue/adapters/pabulib/pb_file.hpp"
#include "covalue/core/approval_profile.hpp"
#include "covalue/core/rules/rule.hpp"
#include "covalue/core/verify.hpp"

namespace covalue {
namespace {

using core::rules::Completion;
using core::rules::RuleKind;
using core::rules::RuleOptions;

struct Expectation {
  std::string rule;
  std::vector<std::string> selected;
};

struct InstanceCase {
  std::string file;
  std::vector<Expectation> expectations;
};

std::vector<InstanceCase> load_cases() {
  std::ifstream in(std::string(COVALUE_DATA_DIR) + "/pabulib-expected.jsonl");
  std::map<std::string, InstanceCase> by_file;
  std::string line;
  while (std::getline(in, line)) {
    const auto row = nlohmann::json::parse(line);
    auto& c = by_file[row["instance"].get<std::string>()];
    c.file = row["instance"].get<std::string>();
    c.expectations.push_back({row["rule"].get<std::string>(), row["selected"].get<std::vector<std::string>>()});
  }
  std::vector<InstanceCase> cases;
  for (auto& [name, c] : by_file) {
    cases.push_back(std::move(c));
  }
  return cases;
}

RuleOptions options_for(const std::string& rule) {
  RuleOptions o;
  o.rule = RuleKind::kEqualShares;
  if (rule == "greedy_cost" || rule == "greedy_card") {
    o.rule = RuleKind::kGreedy;
  } else if (rule == "phragmen") {
    o.rule = RuleKind::kPhragmen;
  }
  o.sat = rule.find("card") != std::string::npos ? core::Satisfaction::kCardinality : core::Satisfaction::kCost;
  if (rule == "mes_cost+greedy") {
    o.completion = Completion::kGreedy;
  } else if (rule == "mes_cost_add1") {
    o.completion = Completion::kAdd1;
  } else if (rule == "mes_cost_add1+greedy") {
    o.completion = Completion::kAdd1Greedy;
  }
  return o;
}

class PabulibConformance : public ::testing::TestWithParam<InstanceCase> {};

TEST_P(PabulibConformance, SelectsWhatTheReferenceSelects) {
  const auto& c = GetParam();
  auto pb = adapters::pabulib::read_pabulib_file(std::string(COVALUE_DATA_DIR) + "/pabulib/" + c.file);
  ASSERT_TRUE(pb.ok()) << pb.error().to_string();
  const auto profile = core::ApprovalProfile::from_profile(pb->profile, pb->instance.size());
  for (const auto& expected : c.expectations) {
    const RuleOptions options = options_for(expected.rule);
    auto outcomes = core::rules::solve(pb->instance, profile, options);
    ASSERT_TRUE(outcomes.ok()) << expected.rule << ": " << outcomes.error().to_string();
    ASSERT_EQ(outcomes->size(), 1U);
    std::vector<std::string> got;
    for (const auto p : outcomes->front().selected) {
      got.push_back(pb->instance.project(p).id);
    }
    std::vector<std::string> want = expected.selected;
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
    EXPECT_EQ(got, want) << c.file << " rule " << expected.rule;
    if (options.rule == RuleKind::kEqualShares) {
      auto report = core::verify_outcome(pb->instance, profile, outcomes->front(), options);
      ASSERT_TRUE(report.ok()) << report.error().to_string();
      EXPECT_TRUE(report->ok) << c.file << " rule " << expected.rule << ": "
                              << (report->findings.empty() ? "" : report->findings.front());
    }
  }
}

std::string case_name(const ::testing::TestParamInfo<InstanceCase>& info) {
  std::string name = std::to_string(info.index) + "_" + info.param.file.substr(0, info.param.file.size() - 3);
  std::replace_if(
      name.begin(), name.end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) == 0; }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Pabulib, PabulibConformance, ::testing::ValuesIn(load_cases()), case_name);

}  // namespace
}  // namespace covalue
