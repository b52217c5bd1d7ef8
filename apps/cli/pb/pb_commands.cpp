// `covalue pb solve|check|verify`: budgeting rules on Pabulib files.
#include <fmt/core.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>

#include "commands.hpp"
#include "covalue/adapters/json/outcome_json.hpp"
#include "covalue/adapters/pabulib/pb_file.hpp"
#include "covalue/core/approval_profile.hpp"
#include "covalue/core/rules/rule.hpp"
#include "covalue/core/text.hpp"
#include "covalue/core/verify.hpp"
#include "name_option.hpp"
#include "pb/pb_options.hpp"
#include "pb/pb_report.hpp"

namespace covalue::cli {
namespace {

namespace pabulib = adapters::pabulib;

struct SolveArgs {
  std::string file;
  std::string format{"table"};
  RuleFlags flags;
};

int solve(const SolveArgs& args) {
  auto options = args.flags.to_options();
  if (!options.ok()) {
    return report_error(options.error());
  }
  auto pb = pabulib::read_pabulib_file(args.file);
  if (!pb.ok()) {
    return report_error(pb.error());
  }
  const auto profile = core::ApprovalProfile::from_profile(pb->profile, pb->instance.size());
  auto outcomes = core::rules::solve(pb->instance, profile, *options);
  if (!outcomes.ok()) {
    return report_error(outcomes.error());
  }
  if (args.format == "json") {
    fmt::print("{}\n", adapters::json::solution_to_json(pb->instance, profile, *options, *outcomes).dump(2));
    return kExitOk;
  }
  fmt::print("{} — rule {} (sat {}, completion {}, tie {}){}\n", core::terminal_safe(args.file),
             core::name_of(options->rule), core::name_of(options->sat), core::name_of(options->completion),
             core::name_of(options->tie), options->irresolute ? ", irresolute" : "");
  for (std::size_t i = 0; i < outcomes->size(); ++i) {
    if (options->irresolute) {
      fmt::print("\noutcome {} of {}\n", i + 1, outcomes->size());
    }
    fmt::print("{}", outcome_table(pb->instance, profile, (*outcomes)[i]));
  }
  return kExitOk;
}

int check(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return report_error(core::make_error(core::ErrorKind::kInvalidInput, "cannot open file", file));
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  pabulib::PbLayout layout;
  auto pb = pabulib::parse_pabulib(text, file, layout);
  if (!pb.ok()) {
    return report_error(pb.error());
  }
  const auto problems = pabulib::check_pabulib(*pb, layout, file);
  fmt::print("{}: {} projects, {} votes ({}), budget {}\n", core::terminal_safe(file), pb->instance.size(),
             pb->profile.ballots.size(), core::name_of(pb->profile.kind),
             core::to_decimal_string(pb->instance.budget()));
  for (const auto& problem : problems) {
    fmt::print(stderr, "{}\n", core::terminal_safe(problem.to_string()));
  }
  if (!problems.empty()) {
    fmt::print("{} problem(s) found\n", problems.size());
    return kExitBadInput;
  }
  fmt::print("ok\n");
  return kExitOk;
}

int verify(const std::string& file, const std::string& outcome_file) {
  auto pb = pabulib::read_pabulib_file(file);
  if (!pb.ok()) {
    return report_error(pb.error());
  }
  std::ifstream in(outcome_file);
  if (!in) {
    return report_error(core::make_error(core::ErrorKind::kInvalidInput, "cannot open file", outcome_file));
  }
  const auto document = nlohmann::json::parse(in, nullptr, false);
  if (document.is_discarded()) {
    return report_error(core::make_error(core::ErrorKind::kInvalidInput, "not valid JSON", outcome_file));
  }
  const auto profile = core::ApprovalProfile::from_profile(pb->profile, pb->instance.size());
  auto solution = adapters::json::solution_from_json(document, pb->instance, profile);
  if (!solution.ok()) {
    auto error = solution.error();
    error.where = outcome_file + ":" + error.where;
    return report_error(error);
  }
  bool all_ok = true;
  for (std::size_t i = 0; i < solution->outcomes.size(); ++i) {
    auto report = core::verify_outcome(pb->instance, profile, solution->outcomes[i], solution->options);
    if (!report.ok()) {
      return report_error(report.error());
    }
    fmt::print("outcome {}: {}\n", i + 1, report->ok ? "verified" : "REJECTED");
    for (const auto& name : report->checks) {
      fmt::print("  checked: {}\n", name);
    }
    for (const auto& finding : report->findings) {
      fmt::print("  finding: {}\n", core::terminal_safe(finding));
    }
    all_ok = all_ok && report->ok;
  }
  return all_ok ? kExitOk : kExitBadInput;
}

}  // namespace

void add_pb_commands(CLI::App& command, Action& run) {
  auto* pb = &command;
  constexpr const char* kExitCodes =
      "Exit codes: 0 ok, 1 bad input (or a rejected outcome), 2 usage, 3 infeasible or refused tie, 4 internal.";
  pb->footer(kExitCodes);

  auto solve_args = std::make_shared<SolveArgs>();
  auto* solve_cmd = pb->add_subcommand("solve", "Select projects with a budgeting rule");
  solve_cmd->add_option("FILE", solve_args->file, "a .pb file")->required();
  solve_cmd->footer(kExitCodes);
  solve_args->flags.add_to(*solve_cmd);
  add_name_option<OutputFormat>(*solve_cmd, "--format", solve_args->format, "",
                                {OutputFormat::kTable, OutputFormat::kJson})
      ->capture_default_str();
  solve_cmd->callback([&run, solve_args] { run = [solve_args] { return solve(*solve_args); }; });

  auto check_file = std::make_shared<std::string>();
  auto* check_cmd = pb->add_subcommand("check", "Parse a .pb file and check it against its own META constraints");
  check_cmd->add_option("FILE", *check_file, "a .pb file")->required();
  check_cmd->footer(kExitCodes);
  check_cmd->callback([&run, check_file] { run = [check_file] { return check(*check_file); }; });

  auto verify_files = std::make_shared<std::pair<std::string, std::string>>();
  auto* verify_cmd = pb->add_subcommand("verify", "Re-check an outcome (from `pb solve --format json`) independently");
  verify_cmd->add_option("FILE", verify_files->first, "the .pb file the outcome was computed on")->required();
  verify_cmd->footer(kExitCodes);
  verify_cmd->add_option("OUTCOME", verify_files->second, "the outcome JSON")->required();
  verify_cmd->callback(
      [&run, verify_files] { run = [verify_files] { return verify(verify_files->first, verify_files->second); }; });
}

}  // namespace covalue::cli
