// `covalue rank FILE --rule ...`: ranking rules and consensus strength on PrefLib files.
#include <fmt/core.h>

#include <memory>
#include <optional>
#include <string>

#include "command_handlers.hpp"
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
  std::optional<ranking::RankingRule> rule;  // required
  OutputFormat format{OutputFormat::kTable};
  bool all_winners{false};
};

core::Result<Output> rank(const RankArgs& args) {
  auto file = adapters::preflib::read_preflib_file(args.file);
  if (!file.ok()) {
    return file.error();
  }
  const ranking::PairwiseMatrix pairwise = ranking::compute_pairwise(file->profile);
  ranking::RankingOptions options;
  options.max_rankings = kListedRankings;
  auto result = ranking::rank_candidates(file->profile, pairwise, args.rule.value(), options);
  if (!result.ok()) {
    return result.error();
  }
  const ranking::ConsensusReport consensus = ranking::analyse_consensus(file->profile, pairwise, result->ranking);
  const RankReport report{
      args.file, *file,
      pairwise,  *result,
      consensus, args.all_winners ? result->winners : std::vector<ranking::Candidate>{first_winner(*result)}};
  if (args.format == OutputFormat::kJson) {
    const bool small = file->profile.num_candidates <= kIndentedCandidates;
    return Output::of_text(rank_report_json(report).dump(small ? 2 : -1) + "\n");
  }
  return Output::of_text(rank_report_table(report));
}

}  // namespace

Handler add_rank(CLI::App& command) {
  auto args = std::make_shared<RankArgs>();
  command.add_option("file", args->file, "PrefLib file")->required();
  add_name_option(command, "--rule", args->rule, "")->required();
  command.add_flag("--all-winners", args->all_winners, "list every tied winner (default: the tie-break keeps one)");
  add_name_option(command, "--format", args->format, "", {OutputFormat::kTable, OutputFormat::kJson})
      ->default_str("");  // its help as before: no default shown
  command.footer(
      "Exit codes: 0 ok, 1 bad input (file:line:column: what), 2 usage, 3 a search limit was hit.\n"
      "Partial rankings rank unranked candidates tied last; {a,b} ties count half for each side.");
  return [args] { return rank(*args); };
}

}  // namespace covalue::cli
