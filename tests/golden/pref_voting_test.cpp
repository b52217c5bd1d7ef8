// Conformance with pref_voting 1.18.1: every profile of pref_voting-expected.jsonl, every rule the
// reference finished, Kemeny rankings and distance, Borda scores and the margin matrix.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "covalue/core/ranking/pairwise.hpp"
#include "covalue/core/ranking/ranking_rule.hpp"

namespace covalue::core::ranking {
namespace {

using nlohmann::json;

const std::map<std::string, RankingRule>& reference_rules() {
  static const std::map<std::string, RankingRule> kRules{
      {"borda", RankingRule::kBorda},
      {"plurality", RankingRule::kPlurality},
      {"schulze(beat_path)", RankingRule::kSchulze},
      {"minimax", RankingRule::kMinimax},
      {"ranked_pairs", RankingRule::kRankedPairs},
      {"copeland", RankingRule::kCopeland},
      {"kemeny_young", RankingRule::kKemenyYoung},
      {"irv", RankingRule::kInstantRunoff},
  };
  return kRules;
}

std::vector<json> load_profiles() {
  std::ifstream in(std::string(COVALUE_DATA_DIR) + "/pref_voting-expected.jsonl");
  std::vector<json> profiles;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) {
      profiles.push_back(json::parse(line));
    }
  }
  return profiles;
}

OrdinalProfile to_profile(const json& record) {
  return profile_from_linear_orders(record.at("num_cands").get<std::uint32_t>(),
                                    record.at("rankings").get<std::vector<std::vector<Candidate>>>());
}

// Tally of checks that matched, per aspect.
struct Tally {
  std::map<std::string, std::pair<int, int>> counts;  // aspect -> (matched, checked)
  void record(const std::string& aspect, bool matched) {
    auto& [ok, all] = counts[aspect];
    ok += matched ? 1 : 0;
    ++all;
  }
};

void check_winners(const json& record, const OrdinalProfile& profile, const PairwiseMatrix& pairwise, Tally& tally) {
  for (const auto& [key, expected] : record.at("winners").items()) {
    const auto rule = reference_rules().find(key);
    ASSERT_NE(rule, reference_rules().end()) << key;
    auto result = rank_candidates(profile, pairwise, rule->second);
    ASSERT_TRUE(result.ok()) << key << ": " << result.error().to_string();
    const auto want = expected.get<std::vector<Candidate>>();
    EXPECT_EQ(result->winners, want) << key;
    tally.record(key, result->winners == want);
  }
}

void check_kemeny(const json& record, const OrdinalProfile& profile, const PairwiseMatrix& pairwise, Tally& tally) {
  auto result = rank_candidates(profile, pairwise, RankingRule::kKemenyYoung);
  ASSERT_TRUE(result.ok());
  const auto want = record.at("kemeny_rankings").get<std::set<std::vector<Candidate>>>();
  const std::set<std::vector<Candidate>> got(result->optimal_rankings.begin(), result->optimal_rankings.end());
  EXPECT_EQ(got, want);
  EXPECT_EQ(result->optimal_ranking_count, Integer(static_cast<unsigned long>(want.size())));
  tally.record("kemeny_rankings", got == want && result->optimal_ranking_count == want.size());
  const Rational distance(record.at("kemeny_distance").get<long>());
  EXPECT_EQ(result->kemeny_distance, distance);
  tally.record("kemeny_distance", result->kemeny_distance == distance);
}

void check_borda_and_margins(const json& record, const PairwiseMatrix& pairwise, Tally& tally) {
  auto result = rank_candidates(OrdinalProfile{}, pairwise, RankingRule::kBorda);
  ASSERT_TRUE(result.ok());
  bool scores_match = true;
  for (const auto& [candidate, score] : record.at("borda_scores").items()) {
    scores_match = scores_match && result->scores.at(std::stoul(candidate)) == Rational(score.get<long>());
  }
  EXPECT_TRUE(scores_match);
  tally.record("borda_scores", scores_match);
  const auto margins = record.at("margins").get<std::vector<std::vector<std::int64_t>>>();
  EXPECT_EQ(pairwise.margins(), margins);
  tally.record("margins", pairwise.margins() == margins);
}

TEST(PrefVotingConformance, EveryProfileMatchesTheReference) {
  const std::vector<json> profiles = load_profiles();
  ASSERT_EQ(profiles.size(), 60U) << "expected the 60 profiles of " << COVALUE_DATA_DIR;
  Tally tally;
  for (const json& record : profiles) {
    SCOPED_TRACE(record.at("name").get<std::string>());
    const OrdinalProfile profile = to_profile(record);
    ASSERT_TRUE(validate_profile(profile).ok());
    const PairwiseMatrix pairwise = compute_pairwise(profile);
    check_winners(record, profile, pairwise, tally);
    check_kemeny(record, profile, pairwise, tally);
    check_borda_and_margins(record, pairwise, tally);
  }
  for (const auto& [aspect, counts] : tally.counts) {
    std::cout << "[conformance] " << aspect << ": " << counts.first << "/" << counts.second << " match\n";
  }
}

}  // namespace
}  // namespace covalue::core::ranking
