// `covalue rank --format table`.
#include <fmt/core.h>

#include "covalue/core/text.hpp"
#include "rank/rank_report.hpp"

namespace covalue::cli {
namespace {

using core::ranking::Candidate;

// Margins are printed as a matrix up to this many candidates.
constexpr std::uint32_t kMaxMatrixCandidates = 15;

std::string label(const adapters::preflib::PrefLibFile& file, Candidate c) {
  const std::string& name = file.alternative_names[c];
  return name.empty() ? std::to_string(c + 1) : fmt::format("{} {}", c + 1, core::terminal_safe(name));
}

std::string join(const adapters::preflib::PrefLibFile& file, const std::vector<Candidate>& candidates,
                 const char* separator) {
  std::string out;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    out += (i == 0 ? "" : separator) + label(file, candidates[i]);
  }
  return out;
}

std::string winners_line(const RankReport& report) {
  const auto& all = report.result.winners;
  if (all.size() == 1) {
    return fmt::format("winner: {}\n", label(report.file, all.front()));
  }
  if (report.winners.size() == 1) {
    return fmt::format("winner: {} (tie-break; tied winners: {}; --all-winners lists them all)\n",
                       label(report.file, report.winners.front()), join(report.file, all, ", "));
  }
  return fmt::format("winners (tied): {}\n", join(report.file, all, ", "));
}

const char* score_label(core::ranking::RankingRule rule) {
  switch (rule) {
    case core::ranking::RankingRule::kPlurality:
      return "first places";
    case core::ranking::RankingRule::kCopeland:
      return "Copeland score";
    case core::ranking::RankingRule::kMinimax:
      return "largest margin against";
    default:
      return "Borda score";
  }
}

std::string runoff_lines(const RankReport& report) {
  std::string out;
  for (std::size_t r = 0; r < report.result.rounds.size(); ++r) {
    const auto& round = report.result.rounds[r];
    std::string tallies;
    for (std::size_t i = 0; i < round.continuing.size(); ++i) {
      tallies += fmt::format("{}{}: {}", i == 0 ? "" : ", ", round.continuing[i] + 1,
                             core::to_decimal_string(round.tallies[i]));
    }
    out += fmt::format("  round {}: {} of {}", r + 1, tallies, core::to_decimal_string(round.active_weight));
    out += round.eliminated.empty() ? "\n" : fmt::format("; drop {}\n", join(report.file, round.eliminated, ", "));
  }
  return out;
}

std::string ranking_lines(const RankReport& report) {
  std::string out = "ranking:\n";
  const auto& scores = report.result.scores;
  for (std::size_t t = 0; t < report.result.ranking.size(); ++t) {
    const auto& tier = report.result.ranking[t];
    std::string line = fmt::format("  {:>3}. {}", t + 1, join(report.file, tier, " = "));
    if (!scores.empty()) {
      line += fmt::format("  ({} {})", score_label(report.result.rule), core::to_decimal_string(scores[tier.front()]));
    }
    out += line + "\n";
  }
  return out;
}

std::string rule_lines(const RankReport& report) {
  const auto& result = report.result;
  if (result.rule == core::ranking::RankingRule::kKemenyYoung) {
    return fmt::format("Kemeny distance: {} ({} optimal ranking{})\n", core::to_decimal_string(result.kemeny_distance),
                       result.optimal_ranking_count.get_str(), result.optimal_ranking_count == 1 ? "" : "s");
  }
  if (result.rule == core::ranking::RankingRule::kInstantRunoff) {
    return report.pairwise.size() > kMaxMatrixCandidates
               ? fmt::format("runoff rounds: {}\n", result.rounds.size())
               : "runoff rounds (first places of the continuing candidates):\n" + runoff_lines(report);
  }
  return {};
}

std::string condorcet_line(const RankReport& report) {
  const auto& consensus = report.consensus;
  if (consensus.condorcet_winner) {
    return fmt::format("Condorcet winner: {}\n", label(report.file, *consensus.condorcet_winner));
  }
  if (!consensus.majority_cycle.empty()) {
    auto cycle = consensus.majority_cycle;
    cycle.push_back(cycle.front());
    return fmt::format("Condorcet winner: none; majority cycle {}\n", join(report.file, cycle, " > "));
  }
  return fmt::format("Condorcet winner: none; tied head-to-head among {}\n",
                     join(report.file, consensus.smith_set, ", "));
}

std::string margin_matrix(const RankReport& report) {
  const std::uint32_t m = report.pairwise.size();
  if (m > kMaxMatrixCandidates) {
    return fmt::format("margins: {0} x {0} matrix (use --format json)\n", m);
  }
  std::string out = "margins (row over column):\n      ";
  for (Candidate b = 0; b < m; ++b) {
    out += fmt::format("{:>6}", b + 1);
  }
  out += "\n";
  for (Candidate a = 0; a < m; ++a) {
    out += fmt::format("{:>6}", a + 1);
    for (Candidate b = 0; b < m; ++b) {
      out += a == b ? fmt::format("{:>6}", "-") : fmt::format("{:>6}", report.pairwise.margin(a, b));
    }
    out += "\n";
  }
  return out;
}

}  // namespace

std::string rank_report_table(const RankReport& report) {
  const auto& profile = report.file.profile;
  const std::int64_t m = profile.num_candidates;
  std::string out =
      fmt::format("{}: {} candidates, {} voters ({} distinct orders), rule {}\n", core::terminal_safe(report.path), m,
                  profile.total_weight(), profile.ballots.size(), core::name_of(report.result.rule));
  out += winners_line(report) + ranking_lines(report) + rule_lines(report) + condorcet_line(report);
  out +=
      fmt::format("agreement index: {:.4f} (= {}; mean |margin| per voter over all pairs, 1 = unanimous)\n",
                  core::to_double(report.consensus.agreement_index), core::to_string(report.consensus.agreement_index));
  out += fmt::format("mean Kendall-tau distance to the ranking: {:.4f} of {} pairs\n",
                     core::to_double(report.consensus.mean_distance), m * (m - 1) / 2);
  return out + margin_matrix(report);
}

}  // namespace covalue::cli
