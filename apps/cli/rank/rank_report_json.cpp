// `covalue rank --format json`.
#include "rank/rank_report.hpp"

#include <algorithm>

namespace covalue::cli {
namespace {

using core::ranking::Candidate;
using Json = nlohmann::ordered_json;

Json numbers(const std::vector<Candidate>& candidates) {
  Json out = Json::array();
  for (const Candidate c : candidates) {
    out.push_back(c + 1);
  }
  return out;
}

Json tiers(const core::ranking::WeakOrder& order) {
  Json out = Json::array();
  for (const auto& tier : order) {
    out.push_back(numbers(tier));
  }
  return out;
}

Json exact(const core::Rational& value) {
  return Json{{"exact", core::to_string(value)}, {"value", core::to_double(value)}};
}

Json rule_details(const core::ranking::RankingResult& result) {
  Json out = Json::object();
  if (!result.scores.empty()) {
    Json scores = Json::object();
    for (std::size_t c = 0; c < result.scores.size(); ++c) {
      scores[std::to_string(c + 1)] = core::to_string(result.scores[c]);
    }
    out["scores"] = scores;
  }
  if (result.rule == core::ranking::RankingRule::kKemenyYoung) {
    Json rankings = Json::array();
    for (const auto& order : result.optimal_rankings) {
      rankings.push_back(numbers(order));
    }
    out["kemeny"] = {{"distance", exact(result.kemeny_distance)},
                     {"optimal_ranking_count", result.optimal_ranking_count.get_str()},
                     {"optimal_rankings", rankings}};
  }
  if (!result.rounds.empty()) {
    Json rounds = Json::array();
    for (const auto& round : result.rounds) {
      Json tallies = Json::object();
      for (std::size_t i = 0; i < round.continuing.size(); ++i) {
        tallies[std::to_string(round.continuing[i] + 1)] = core::to_string(round.tallies[i]);
      }
      rounds.push_back({{"tallies", tallies},
                        {"active_weight", core::to_string(round.active_weight)},
                        {"eliminated", numbers(round.eliminated)}});
    }
    out["runoff_rounds"] = rounds;
  }
  if (result.rule == core::ranking::RankingRule::kRankedPairs) {
    Json locked = Json::array();
    for (const auto& [a, b] : result.locked) {
      locked.push_back({a + 1, b + 1});
    }
    out["locked_pairs"] = locked;
  }
  return out;
}

Json consensus_json(const RankReport& report) {
  const auto& consensus = report.consensus;
  Json ballots = Json::array();
  const auto& profile = report.file.profile;
  const std::int64_t m = profile.num_candidates;
  const core::Rational pairs(m * (m - 1) / 2);
  for (std::size_t i = 0; i < profile.ballots.size(); ++i) {
    const core::Rational& distance = consensus.ballot_distances[i];
    ballots.push_back({{"order", i + 1},
                       {"count", profile.ballots[i].count},
                       {"distance", core::to_string(distance)},
                       {"normalised_distance", pairs == 0 ? 0.0 : core::to_double(distance / pairs)}});
  }
  return {{"margins", report.pairwise.margins()},
          {"condorcet_winner", consensus.condorcet_winner ? Json(*consensus.condorcet_winner + 1) : Json(nullptr)},
          {"smith_set", numbers(consensus.smith_set)},
          {"majority_cycle", numbers(consensus.majority_cycle)},
          {"agreement_index", exact(consensus.agreement_index)},
          {"mean_distance", exact(consensus.mean_distance)},
          {"ballots", ballots}};
}

}  // namespace

Candidate first_winner(const core::ranking::RankingResult& result) {
  for (const auto& tier : result.ranking) {
    for (const Candidate c : tier) {
      if (std::binary_search(result.winners.begin(), result.winners.end(), c)) {
        return c;
      }
    }
  }
  return result.winners.front();
}

Json rank_report_json(const RankReport& report) {
  const auto& file = report.file;
  Json candidates = Json::array();
  for (std::size_t c = 0; c < file.alternative_names.size(); ++c) {
    candidates.push_back({{"number", c + 1}, {"name", file.alternative_names[c]}});
  }
  Json out{{"file", report.path},
           {"data_type", core::name_of(file.type)},
           {"rule", core::name_of(report.result.rule)},
           {"candidates", candidates},
           {"voters", file.profile.total_weight()},
           {"unique_orders", file.profile.ballots.size()},
           {"winners", numbers(report.winners)},
           {"tied_winners", numbers(report.result.winners)},
           {"ranking", tiers(report.result.ranking)}};
  out.update(rule_details(report.result));
  out.update(consensus_json(report));
  return out;
}

}  // namespace covalue::cli
