// `covalue perpetual replay FILE.jsonl`: the perpetual rules on histories in the reference's format; and
// `covalue simulate lackner2020`: the AAAI 2020 experiment, on every core (docs/perpetual.md).
#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "command_handlers.hpp"
#include "covalue/adapters/json/perpetual_json.hpp"
#include "covalue/core/perpetual/lackner2020.hpp"
#include "covalue/core/text.hpp"
#include "name_option.hpp"
#include "setting_flags.hpp"

namespace covalue::cli {
namespace {

namespace perpetual = core::perpetual;
using adapters::json::PerpetualCase;

struct ReplayArgs {
  std::string file;
  OutputFormat format{OutputFormat::kTable};
};

// "weight 1/7 1/11 ...; satisfaction ...": the state after the last round.
std::string final_state(const PerpetualCase& c, const perpetual::HistoryDecision& decision) {
  std::string out;
  const auto names = perpetual::quantity_names(c.rule);
  for (std::size_t q = 0; q < names.size() && !decision.states.empty(); ++q) {
    out += (out.empty() ? "" : "; ") + std::string(names[q]);
    for (const core::Rational& value : decision.states.back().quantities[q]) {
      out += " " + core::to_string(value);
    }
  }
  return out.empty() ? "-" : out;
}

std::string table_row(const PerpetualCase& c, const perpetual::HistoryDecision& decision) {
  std::string winners;
  for (std::uint32_t w : decision.winners) {
    winners += (winners.empty() ? "" : " ") + std::to_string(w);
  }
  const char* absence = c.absence == perpetual::AbsenceMode::kStrict ? "null" : core::name_of(c.absence);
  return fmt::format("{}  {}  {}  winners: {}  final state: {}\n", core::terminal_safe(c.history),
                     core::name_of(c.rule), absence, winners, final_state(c, decision));
}

core::Result<Output> replay(const ReplayArgs& args) {
  std::ifstream in(args.file, std::ios::binary);
  if (!in) {
    return core::make_error(core::ErrorKind::kInvalidInput, "cannot open file", args.file);
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto cases = adapters::json::parse_perpetual_cases(text, args.file);
  if (!cases) {
    return cases.error();
  }
  std::string out;
  for (const PerpetualCase& c : *cases) {
    auto decision = perpetual::decide_history(c.rule, c.absence, c.rounds);
    if (!decision) {
      const core::Error& error = decision.error();
      return core::make_error(error.kind, error.to_string(), args.file + ": history " + c.history);
    }
    out += args.format == OutputFormat::kJson
               ? adapters::json::perpetual_replay_json(c, *decision)
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
                     "\n"
               : table_row(c, *decision);
  }
  return Output::of_text(std::move(out));
}

struct SimulateArgs {
  std::int64_t histories{0};
  std::int64_t seed{0};
  std::int64_t threads{0};
  OutputFormat format{OutputFormat::kTable};
};

using Measures = std::array<perpetual::HistoryMeasures, perpetual::kExperimentRules>;

// Each history's measures, and the mean size of its approval sets.
struct Simulated {
  std::vector<Measures> measures;
  std::vector<double> approval_size;

  [[nodiscard]] double mean_approval_size() const {
    double total = 0;
    for (double size : approval_size) {
      total += size;
    }
    return approval_size.empty() ? 0 : total / static_cast<double>(approval_size.size());
  }
};

// Every history, history i on thread i mod T: each from its own stream, so the figures do not depend on T.
Simulated run_histories(const SimulateArgs& args) {
  const auto count = static_cast<std::size_t>(args.histories);
  Simulated results{std::vector<Measures>(count), std::vector<double>(count)};
  const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  const std::size_t threads =
      std::min<std::size_t>(count, args.threads > 0 ? static_cast<std::size_t>(args.threads) : cores);
  const perpetual::Lackner2020Setup setup;
  auto work = [&](std::size_t first) {
    for (std::size_t i = first; i < count; i += threads) {
      const auto history = perpetual::lackner2020_history(setup, static_cast<std::uint64_t>(args.seed), i);
      results.measures[i] = perpetual::lackner2020_measures(history);
      results.approval_size[i] = perpetual::mean_approval_size(history);
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (std::size_t t = 1; t < threads; ++t) {
    pool.emplace_back(work, t);
  }
  work(0);
  for (std::thread& thread : pool) {
    thread.join();
  }
  return results;
}

nlohmann::ordered_json summary_json(const SimulateArgs& args, const Simulated& simulated,
                                    const std::vector<perpetual::RuleSummary>& rules) {
  const perpetual::Lackner2020Setup setup;
  nlohmann::ordered_json out;
  out["experiment"] = "lackner2020";
  out["histories"] = args.histories;
  out["seed"] = args.seed;
  out["setup"] = {{"voters", setup.voters},
                  {"candidates", setup.candidates},
                  {"rounds", setup.rounds},
                  {"sigma", setup.sigma},
                  {"threshold", setup.threshold},
                  {"voter_points", "eucl2"},
                  {"candidate_points", "uniform_square"}};
  out["mean_approval_size"] = simulated.mean_approval_size();
  out["rules"] = nlohmann::ordered_json::array();
  for (const perpetual::RuleSummary& r : rules) {
    out["rules"].push_back(
        {{"rule", core::name_of(r.rule)},
         {"quota_compliance", {{"median", r.median_quota_compliance}, {"mean", r.mean_quota_compliance}}},
         {"max_quota_deviation", {{"median", r.median_max_quota_deviation}, {"mean", r.mean_max_quota_deviation}}},
         {"normalised_satisfaction",
          {{"median", r.median_normalised_satisfaction}, {"mean", r.mean_normalised_satisfaction}}},
         {"influence_gini", {{"median", r.median_influence_gini}, {"mean", r.mean_influence_gini}}}});
  }
  return out;
}

std::string summary_table(const SimulateArgs& args, const Simulated& simulated,
                          const std::vector<perpetual::RuleSummary>& rules) {
  std::string out = fmt::format(
      "lackner2020: {} histories x 20 rounds, 20 voters (eucl2, sigma 0.2), 5 candidates (uniform square), "
      "approval within 1.5 x the nearest (mean approval set {:.3f}); seed {}\n",
      args.histories, simulated.mean_approval_size(), args.seed);
  out += fmt::format("{:<14} {:>17} {:>17} {:>17} {:>17}\n", "rule", "quota compliance", "max quota dev.",
                     "norm. satisfaction", "Gini of influence");
  out += fmt::format("{:<14} {:>17} {:>17} {:>17} {:>17}\n", "", "median / mean", "median / mean", "median / mean",
                     "median / mean");
  for (const perpetual::RuleSummary& r : rules) {
    out += fmt::format("{:<14} {:>8.3f} / {:<6.3f} {:>8.3f} / {:<6.3f} {:>8.3f} / {:<6.3f} {:>8.3f} / {:<6.3f}\n",
                       core::name_of(r.rule), r.median_quota_compliance, r.mean_quota_compliance,
                       r.median_max_quota_deviation, r.mean_max_quota_deviation, r.median_normalised_satisfaction,
                       r.mean_normalised_satisfaction, r.median_influence_gini, r.mean_influence_gini);
  }
  return out;
}

core::Result<Output> simulate(const SimulateArgs& args) {
  const Simulated simulated = run_histories(args);
  const std::vector<perpetual::RuleSummary> rules = perpetual::summarise_lackner2020(simulated.measures);
  if (args.format == OutputFormat::kJson) {
    return Output::of_text(summary_json(args, simulated, rules).dump(2) + "\n");
  }
  return Output::of_text(summary_table(args, simulated, rules));
}

}  // namespace

Handler add_perpetual_replay(CLI::App& command) {
  auto args = std::make_shared<ReplayArgs>();
  command.add_option("file", args->file, "histories, one JSON object per line (docs/perpetual.md)")->required();
  add_name_option(command, "--format", args->format, "", {OutputFormat::kTable, OutputFormat::kJson})
      ->default_str("table");
  command.footer(
      "Exit codes: 0 ok, 1 bad input (file:line: member: what), 2 usage.\n"
      "--format json prints one object per history: history, rule, missing_rule, winners, tied, state.");
  return [args] { return replay(*args); };
}

Handler add_simulate_lackner2020(CLI::App& command) {
  auto args = std::make_shared<SimulateArgs>();
  add_setting(command, "simulate.histories", args->histories);
  add_setting(command, "simulate.seed", args->seed);
  add_setting(command, "simulate.threads", args->threads);
  add_name_option(command, "--format", args->format, "", {OutputFormat::kTable, OutputFormat::kJson})
      ->default_str("table");
  command.footer("Per rule: median and mean of the reference library's four measures over the histories.");
  return [args] { return simulate(*args); };
}

}  // namespace covalue::cli
