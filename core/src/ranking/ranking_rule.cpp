#include "covalue/core/ranking/ranking_rule.hpp"

#include <array>
#include <string>

#include "covalue/core/ranking/instant_runoff.hpp"
#include "covalue/core/ranking/kemeny.hpp"
#include "covalue/core/ranking/ranked_pairs.hpp"
#include "covalue/core/ranking/schulze.hpp"
#include "covalue/core/ranking/scoring_rules.hpp"

namespace covalue::core::ranking {
namespace {

constexpr std::array<std::pair<RankingRule, const char*>, 8> kRuleNames{{
    {RankingRule::kBorda, "borda"},
    {RankingRule::kPlurality, "plurality"},
    {RankingRule::kCopeland, "copeland"},
    {RankingRule::kMinimax, "minimax"},
    {RankingRule::kSchulze, "schulze"},
    {RankingRule::kRankedPairs, "ranked-pairs"},
    {RankingRule::kInstantRunoff, "irv"},
    {RankingRule::kKemenyYoung, "kemeny"},
}};

}  // namespace

const char* ranking_rule_name(RankingRule rule) {
  for (const auto& [r, name] : kRuleNames) {
    if (r == rule) {
      return name;
    }
  }
  return "borda";
}

Result<RankingRule> parse_ranking_rule(std::string_view name) {
  for (const auto& [r, text] : kRuleNames) {
    if (name == text) {
      return r;
    }
  }
  return make_error(ErrorKind::kUsage,
                    "unknown ranking rule '" + std::string(name) +
                        "' (borda, plurality, copeland, minimax, schulze, ranked-pairs, irv, kemeny)");
}

const std::vector<RankingRule>& all_ranking_rules() {
  static const std::vector<RankingRule> all = [] {
    std::vector<RankingRule> rules;
    rules.reserve(kRuleNames.size());
    for (const auto& entry : kRuleNames) {
      rules.push_back(entry.first);
    }
    return rules;
  }();
  return all;
}

Result<RankingResult> rank_candidates(const OrdinalProfile& profile, RankingRule rule, const RankingOptions& options) {
  if (Status status = validate_profile(profile); !status.ok()) {
    return status.error();
  }
  return rank_candidates(profile, compute_pairwise(profile), rule, options);
}

Result<RankingResult> rank_candidates(const OrdinalProfile& profile, const PairwiseMatrix& pairwise, RankingRule rule,
                                      const RankingOptions& options) {
  switch (rule) {
    case RankingRule::kBorda:
      return borda(pairwise);
    case RankingRule::kPlurality:
      return plurality(profile);
    case RankingRule::kCopeland:
      return copeland(pairwise);
    case RankingRule::kMinimax:
      return minimax(pairwise);
    case RankingRule::kSchulze:
      return schulze(pairwise);
    case RankingRule::kRankedPairs:
      return ranked_pairs(pairwise, options);
    case RankingRule::kInstantRunoff:
      return instant_runoff(profile);
    case RankingRule::kKemenyYoung:
      return kemeny_young(pairwise, options);
  }
  return make_error(ErrorKind::kInternal, "unknown ranking rule");
}

}  // namespace covalue::core::ranking
