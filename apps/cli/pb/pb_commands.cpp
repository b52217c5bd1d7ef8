// `covalue pb solve|check|verify`: budgeting rules on Pabulib files.
#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>

#include "command_handlers.hpp"
#include "covalue/adapters/json/outcome_json.hpp"
#include "covalue/adapters/pabulib/pb_file.hpp"
#include "covalue/core/approval_profile.hpp"
#include "covalue/core/rules/rule.hpp"
#include "covalue/core/text.hpp"
#include "covalue/core/verify.hpp"
#include "heap_warmup.hpp"
#include "name_option.hpp"
#include "pb/pb_options.hpp"
#include "pb/pb_report.hpp"

namespace covalue::cli {
namespace {

namespace pabulib = adapters::pabulib;

// Reads a .pb file, with the heap populated ahead for what reading and solving it allocate.
core::Result<pabulib::PbFile> read_file(const std::string& file) {
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(file, error);
  if (!error) {
    populate_heap(static_cast<std::size_t>(static_cast<double>(size) * kHeapPerFileByte));
  }
  return pabulib::read_pabulib_file(file, pabulib::PbReadOptions{.voter_attributes = false});  // rules only
}

struct SolveArgs {
  std::string file;
  OutputFormat format{OutputFormat::kTable};
  RuleFlags flags;
};

core::Result<Output> solve(const SolveArgs& args) {
  auto options = args.flags.to_options();
  if (!options.ok()) {
    return options.error();
  }
  auto pb = read_file(args.file);
  if (!pb.ok()) {
    return pb.error();
  }
  const auto profile = core::ApprovalProfile::from_profile(pb->profile, pb->instance.size());
  auto outcomes = core::rules::solve(pb->instance, profile, *options);
  if (!outcomes.ok()) {
    return outcomes.error();
  }
  if (args.format == OutputFormat::kJson) {
    return Output::of_text(adapters::json::solution_to_json(pb->instance, profile, *options, *outcomes).dump(2) + "\n");
  }
  std::string out =
      fmt::format("{} — rule {} (sat {}, completion {}, tie {}){}\n", core::terminal_safe(args.file),
                  core::name_of(options->rule), core::name_of(options->sat), core::name_of(options->completion),
                  core::name_of(options->tie), options->irresolute ? ", irresolute" : "");
  for (std::size_t i = 0; i < outcomes->size(); ++i) {
    if (options->irresolute) {
      out += fmt::format("\noutcome {} of {}\n", i + 1, outcomes->size());
    }
    out += outcome_table(pb->instance, profile, (*outcomes)[i]);
  }
  return Output::of_text(std::move(out));
}

core::Result<Output> check(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return core::make_error(core::ErrorKind::kInvalidInput, "cannot open file", file);
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  pabulib::PbLayout layout;
  auto pb = pabulib::parse_pabulib(text, file, layout);
  if (!pb.ok()) {
    return pb.error();
  }
  const auto problems = pabulib::check_pabulib(*pb, layout, file);
  std::string out = fmt::format("{}: {} projects, {} votes ({}), budget {}\n", core::terminal_safe(file),
                                pb->instance.size(), pb->profile.size(), core::name_of(pb->profile.kind()),
                                core::to_decimal_string(pb->instance.budget()));
  std::string found;
  for (const auto& problem : problems) {
    found += core::terminal_safe(problem.to_string()) + "\n";
  }
  if (problems.empty()) {
    return Output::of_text(out + "ok\n");
  }
  Output output = Output::of_text(out + fmt::format("{} problem(s) found\n", problems.size()), kExitBadInput);
  output.note = std::move(found);
  return output;
}

core::Result<Output> verify(const std::string& file, const std::string& outcome_file) {
  auto pb = read_file(file);
  if (!pb.ok()) {
    return pb.error();
  }
  std::ifstream in(outcome_file);
  if (!in) {
    return core::make_error(core::ErrorKind::kInvalidInput, "cannot open file", outcome_file);
  }
  const auto document = nlohmann::json::parse(in, nullptr, false);
  if (document.is_discarded()) {
    return core::make_error(core::ErrorKind::kInvalidInput, "not valid JSON", outcome_file);
  }
  const auto profile = core::ApprovalProfile::from_profile(pb->profile, pb->instance.size());
  auto solution = adapters::json::solution_from_json(document, pb->instance, profile);
  if (!solution.ok()) {
    auto error = solution.error();
    error.where = outcome_file + ":" + error.where;
    return error;
  }
  bool all_ok = true;
  std::string out;
  for (std::size_t i = 0; i < solution->outcomes.size(); ++i) {
    auto report = core::verify_outcome(pb->instance, profile, solution->outcomes[i], solution->options);
    if (!report.ok()) {
      return report.error();
    }
    out += fmt::format("outcome {}: {}\n", i + 1, report->ok ? "verified" : "REJECTED");
    for (const auto& name : report->checks) {
      out += fmt::format("  checked: {}\n", name);
    }
    for (const auto& finding : report->findings) {
      out += fmt::format("  finding: {}\n", core::terminal_safe(finding));
    }
    all_ok = all_ok && report->ok;
  }
  return Output::of_text(std::move(out), all_ok ? kExitOk : kExitBadInput);
}

//! The exit codes of `covalue pb` and its commands, in their --help (the group's is set by its first leaf).
void add_exit_codes(CLI::App& command) {
  constexpr const char* kExitCodes =
      "Exit codes: 0 ok, 1 bad input (or a rejected outcome), 2 usage, 3 infeasible or refused tie, 4 internal.";
  command.footer(kExitCodes);
  command.get_parent()->footer(kExitCodes);
}

}  // namespace

Handler add_pb_solve(CLI::App& command) {
  auto args = std::make_shared<SolveArgs>();
  command.add_option("FILE", args->file, "a .pb file")->required();
  add_exit_codes(command);
  args->flags.add_to(command);
  add_name_option(command, "--format", args->format, "", {OutputFormat::kTable, OutputFormat::kJson});
  return [args] { return solve(*args); };
}

Handler add_pb_check(CLI::App& command) {
  auto file = std::make_shared<std::string>();
  command.add_option("FILE", *file, "a .pb file")->required();
  add_exit_codes(command);
  return [file] { return check(*file); };
}

Handler add_pb_verify(CLI::App& command) {
  auto files = std::make_shared<std::pair<std::string, std::string>>();
  command.add_option("FILE", files->first, "the .pb file the outcome was computed on")->required();
  add_exit_codes(command);
  command.add_option("OUTCOME", files->second, "the outcome JSON")->required();
  return [files] { return verify(files->first, files->second); };
}

}  // namespace covalue::cli
