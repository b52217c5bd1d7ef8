// `covalue rank FILE --rule ...`: ranking rules and consensus strength on PrefLib files.
#include <fmt/core.h>

#include <string>

#include "commands.hpp"
#include "covalue/adapters/preflib/preflib_file.hpp"
#include "covalue/core/ranking/consensus.hpp"
#include "covalue/core/ranking/ranking_rule.hpp"
#include "name_option.hpp"
#include "rank/rank_report.hpp"

namespace covalue::cli {
namespace {

namespace ranking = core::ranking;

// Optimal Kemeny rankings listed in the output (all are counted).
constexpr std::size_t kListedRankings = 100;
// JSON is indented up to this many candidates; larger elections print on one line.
constexpr std::uint32_t kIndentedCandidates = 30;

struct RankArgs {
  std::string file;
  std::string rule;
  std::string format{"table"};
  bool all_winners{false};
};

int rank(const RankArgs& args) {
  auto rule = core::parse_name<ranking::RankingRule>(args.rule);
  if (!rule.ok()) {
    return report_error(rule.error());
  }
  auto file = adapters::preflib::read_preflib_file(args.file);
  if (!file.ok()) {
    return report_error(file.error());
  }
  const ranking::PairwiseMatrix pairwise = ranking::compute_pairwise(file->profile);
  ranking::RankingOptions options;
  options.max_rankings = kListedRankings;
  auto result = ranking::rank_candidates(file->profile, pairwise, *rule, options);
  if (!result.ok()) {
    return report_error(result.error());
  }
  const ranking::ConsensusReport consensus = ranking::analyse_consensus(file->profile, pairwise, result->ranking);
  const RankReport report{
      args.file, *file,
      pairwise,  *result,
      consensus, args.all_winners ? result->winners : std::vector<ranking::Candidate>{first_winner(*result)}};
  if (args.format == "json") {
    const bool small = file->profile.num_candidates <= kIndentedCandidates;
    fmt::print("{}\n", rank_report_json(report).dump(small ? 2 : -1));
  } else {
    fmt::print("{}", rank_report_table(report));
  }
  return kExitOk;
}

}  // namespace

void add_rank_command(CLI::App& rank_cmd, Action& run) {
  auto args = std::make_shared<RankArgs>();
  auto* command = &rank_cmd;
  command->add_option("file", args->file, "PrefLib file")->required();
  add_name_option<ranking::RankingRule>(*command, "--rule", args->rule, "")->required();
  command->add_flag("--all-winners", args->all_winners, "list every tied winner (default: the tie-break keeps one)");
  add_name_option<OutputFormat>(*command, "--format", args->format, "", {OutputFormat::kTable, OutputFormat::kJson});
  command->footer(
      "Exit codes: 0 ok, 1 bad input (file:line:column: what), 2 usage, 3 a search limit was hit.\n"
      "Partial rankings rank unranked candidates tied last; {a,b} ties count half for each side.");
  command->callback([&run, args] { run = [args] { return rank(*args); }; });
}

}  // namespace covalue::cli
