// Every row of ../shared/data/perpetual-expected.jsonl (the reference library's winners, tied sets and
// per-voter state per round, for every rule and absence mode): covalue's core must give the same, on
// every row, per_quota_new's float_sensitive rows included (its double epsilon is reproduced).
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "covalue/adapters/json/perpetual_json.hpp"
#include "covalue/core/perpetual/perpetual_rule.hpp"

namespace covalue {
namespace {

using nlohmann::json;
namespace perpetual = core::perpetual;

std::string data_file() { return std::string(COVALUE_DATA_DIR) + "/perpetual-expected.jsonl"; }

std::vector<std::string> load_lines() {
  std::ifstream in(data_file());
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) {
      lines.push_back(line);
    }
  }
  return lines;
}

// What matched, per rule and aspect, for the summary printed at the end.
struct Tally {
  std::map<std::string, std::pair<int, int>> counts;
  void record(const std::string& key, bool matched) {
    auto& [ok, all] = counts[key];
    ok += matched ? 1 : 0;
    ++all;
  }
};

TEST(PerpetualConformance, EveryRowMatchesTheReference) {
  const std::vector<std::string> lines = load_lines();
  // The data must be there: ../shared/data sits beside the checkout (a missing file fails, never skips).
  ASSERT_GE(lines.size(), 4000U) << data_file() << " is missing or short";
  Tally tally;
  int float_sensitive = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto parsed = adapters::json::parse_perpetual_case(lines[i], "perpetual-expected.jsonl", i + 1);
    ASSERT_TRUE(parsed.ok()) << parsed.error().to_string();
    const json expected = json::parse(lines[i]);
    const std::string label = expected.at("history").get<std::string>() + " " + expected.at("rule").get<std::string>() +
                              " " + expected.at("missing_rule").dump();
    auto decision = perpetual::decide_history(parsed->rule, parsed->absence, parsed->rounds);
    ASSERT_TRUE(decision.ok()) << label << ": " << decision.error().to_string();
    const bool winners = json(decision->winners) == expected.at("winners");
    const bool tied = json(decision->tied) == expected.at("tied");
    const bool state = adapters::json::perpetual_state_json(parsed->rule, *decision) == expected.at("state");
    EXPECT_TRUE(winners) << label << ": winners " << json(decision->winners).dump() << " expected "
                         << expected.at("winners").dump();
    EXPECT_TRUE(tied) << label << ": tied " << json(decision->tied).dump();
    EXPECT_TRUE(state) << label << ": state differs";
    const std::string rule = expected.at("rule").get<std::string>();
    tally.record(rule, winners && tied && state);
    float_sensitive += expected.value("float_sensitive", false) ? 1 : 0;
    // The initial state is the library's init_weights.
    const auto initial = perpetual::initial_state(parsed->rule, parsed->rounds.front().approvals.size());
    perpetual::HistoryDecision start;
    start.states.push_back(initial);
    json initial_json = adapters::json::perpetual_state_json(parsed->rule, start);
    for (auto& [key, rounds] : initial_json.items()) {
      rounds = rounds.at(0);
    }
    EXPECT_EQ(initial_json, expected.at("initial_state")) << label;
  }
  EXPECT_GT(float_sensitive, 0) << "the data should hold per_quota_new rows where doubles matter";
  for (const auto& [rule, counts] : tally.counts) {
    std::cout << rule << ": " << counts.first << " of " << counts.second << " rows match\n";
  }
}

}  // namespace
}  // namespace covalue
