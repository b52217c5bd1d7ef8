// `covalue simulate run`: simulated networks under each policy through the real decide_cycle, in parallel
// across networks (OpenMP threads, and the ranks of `mpirun -np N`); each network draws from its own streams,
// so the output does not depend on the number of threads or processes (docs/simulator.md).
#include <fmt/core.h>

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "command_handlers.hpp"
#include "covalue/core/sim/policies.hpp"
#include "setting_flags.hpp"
#include "simulate/charter_file.hpp"
#include "simulate/from_db.hpp"
#include "simulate/mpi_ranks.hpp"
#include "simulation/network_runs.hpp"
#include "simulation/simulation_results.hpp"

namespace covalue::cli {
namespace {

namespace sim = core::sim;
using simulation::RealNetwork;
using simulation::SimulationResults;

// Network-cycles one run keeps in memory at most (about 1 GB of per-cycle figures).
constexpr double kMaxNetworkCycles = 20e6;

struct RunArgs {
  std::vector<std::string> policies;
  std::int64_t networks{0};
  std::int64_t cycles{0};
  std::int64_t partners{0};
  std::int64_t seed{0};
  std::int64_t threads{0};
  std::string model_file;
  std::string format{"table"};
  std::string output;
  std::string from_db;
  std::string network;
  const CLI::Option* cycles_flag{nullptr};  // given on the command line: overrides the model file
  const CLI::Option* partners_flag{nullptr};
};

// The policy `current`: the real network's own charter (--from-db's).
core::Result<sim::Policy> current_policy(const std::optional<RealNetwork>& real) {
  if (!real) {
    return core::make_error(core::ErrorKind::kInvalidInput,
                            "the policy 'current' is a real network's charter: give --from-db", "--policy");
  }
  return simulation::current_policy(*real);
}

core::Result<std::vector<sim::Policy>> policies_of(const RunArgs& args, const std::optional<RealNetwork>& real) {
  std::vector<sim::Policy> out;
  for (const std::string& name : args.policies) {
    core::Result<sim::Policy> policy = name == "current"         ? current_policy(real)
                                       : name.ends_with(".toml") ? read_charter_file(name)
                                                                 : sim::named_policy(name);
    if (!policy) {
      return policy.error();
    }
    out.push_back(std::move(*policy));
  }
  return out;
}

// A progress line on standard error while it is a terminal ("simulating outward: 420 of 1000 networks"),
// redrawn at each whole percent; nothing when standard error is piped or redirected.
class Progress {
 public:
  Progress(std::string policy, std::int64_t total, bool root)
      : policy_(std::move(policy)), total_(total), shown_(root && total > 0 && isatty(STDERR_FILENO) == 1) {}
  void advance() {
    const std::int64_t done = ++done_;
    if (shown_ && (done * 100 / total_ != (done - 1) * 100 / total_ || done == total_)) {
      const std::lock_guard<std::mutex> lock(mutex_);
      fmt::print(stderr, "\rsimulating {}: {} of {} networks", policy_, done, total_);
      std::fflush(stderr);
    }
  }
  void finish() const {
    if (shown_) {
      fmt::print(stderr, "\r\033[K");
      std::fflush(stderr);
    }
  }

 private:
  std::string policy_;
  std::int64_t total_;
  bool shown_;
  std::atomic<std::int64_t> done_{0};
  std::mutex mutex_;
};

// Every network of one policy; network i's result lands at i whichever thread (and rank) ran it.
core::Status run_policy(const SimulationResults& results, std::size_t p, int threads, const MpiRanks& ranks,
                        std::vector<sim::NetworkRun>& runs) {
  std::int64_t owned = 0;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    owned += ranks.owns(i) ? 1 : 0;
  }
  Progress progress(results.policies[p].name, owned, ranks.root());
  std::vector<std::optional<core::Error>> errors(runs.size());
  const simulation::RunControl control{.threads = threads,
                                       .owns = [&ranks](std::size_t i) { return ranks.owns(i); },
                                       .on_network = [&progress] { progress.advance(); },
                                       .cancel = nullptr};
  simulation::run_networks(results, p, control, runs, errors);
  progress.finish();
  if (core::Status merged = ranks.gather(runs, errors); !merged) {
    return merged;
  }
  return ranks.root() ? simulation::first_error(results, p, errors) : core::Status{};
}

int thread_count(std::int64_t asked) {
#ifdef _OPENMP
  return asked > 0 ? static_cast<int>(asked) : omp_get_num_procs();
#else
  (void)asked;
  return 1;
#endif
}

core::Result<Output> write(const RunArgs& args, std::string text) {
  if (args.output.empty()) {
    return Output::of_text(std::move(text));
  }
  std::ofstream out(args.output, std::ios::binary);
  out << text;
  if (!out.flush()) {
    return core::make_error(core::ErrorKind::kInvalidInput, "cannot write the file", args.output);
  }
  return Output::of_text("wrote " + args.output + "\n");
}

core::Result<Output> simulate_run(const RunArgs& args) {
  SimulationResults results;
  if (!args.model_file.empty()) {
    if (core::Status read = read_model_file(args.model_file, results.model); !read) {
      return read.error();
    }
  }
  if (args.model_file.empty() || args.cycles_flag->count() > 0) {
    results.model.cycles = args.cycles;
  }
  if (args.model_file.empty() || args.partners_flag->count() > 0) {
    results.model.partners = args.partners;
    results.model.max_partners = std::max(results.model.max_partners, args.partners);
  }
  std::optional<RealNetwork> real;
  if (!args.from_db.empty()) {
    if (args.partners_flag->count() > 0) {
      return core::make_error(core::ErrorKind::kInvalidInput,
                              "--from-db starts from the network's own partners: leave out --partners", "--partners");
    }
    core::Result<RealNetwork> read = read_real_network(args.from_db, args.network);
    if (!read) {
      return read.error();
    }
    simulation::start_from(*read, results);
    real = std::move(*read);
  } else if (!args.network.empty()) {
    return core::make_error(core::ErrorKind::kInvalidInput, "--network names a network of --from-db's database",
                            "--network");
  }
  if (core::Status valid = results.model.validate(); !valid) {
    return valid.error();
  }
  core::Result<std::vector<sim::Policy>> policies = policies_of(args, real);
  if (!policies) {
    return policies.error();
  }
  results.policies = std::move(*policies);
  const double cells = static_cast<double>(args.networks) * static_cast<double>(results.model.cycles) *
                       static_cast<double>(results.policies.size());
  if (cells > kMaxNetworkCycles) {
    return core::make_error(core::ErrorKind::kInvalidInput,
                            fmt::format("{} networks x {} cycles x {} policies is more than 20 million network-cycles "
                                        "(the results are kept in memory); run fewer",
                                        args.networks, results.model.cycles, results.policies.size()),
                            "--networks");
  }
  results.networks = args.networks;
  results.seed = args.seed;
  results.runs.assign(results.policies.size(), std::vector<sim::NetworkRun>(static_cast<std::size_t>(args.networks)));
  const MpiRanks ranks;  // under mpirun: this process's share of the networks; rank 0 merges and prints
  for (std::size_t p = 0; p < results.policies.size(); ++p) {
    if (core::Status ran = run_policy(results, p, thread_count(args.threads), ranks, results.runs[p]); !ran) {
      return ran.error();
    }
  }
  if (!ranks.root()) {
    return Output::of_text("");
  }
  if (args.format == "json") {
    return write(args, simulation::results_json(results).dump(2) + "\n");
  }
  return write(args, args.format == "html" ? simulation::results_html(results) : simulation::results_table(results));
}

}  // namespace

Handler add_simulate_run(CLI::App& command) {
  auto args = std::make_shared<RunArgs>();
  command
      .add_option("--policy", args->policies,
                  "a named policy (inward, outward, greedy, random, none, reset, pav, unitcost, consensus, quota, "
                  "phragmen, nash; current with --from-db: the network's own charter) or a charter file FILE.toml; "
                  "give it once per policy, the first is the baseline of the paired tests")
      ->required();
  add_setting(command, "simulate.networks", args->networks);
  args->cycles_flag = add_setting(command, "simulate.cycles", args->cycles);
  args->partners_flag = add_setting(command, "simulate.partners", args->partners);
  add_setting(command, "simulate.seed", args->seed);
  add_setting(command, "simulate.threads", args->threads);
  command.add_option("--model", args->model_file, "the model's parameters, a TOML file with a [model] section")
      ->check(CLI::ExistingFile);
  command.add_option("--from-db", args->from_db,
                     "start every network from this database's network: its partners with their history, and the "
                     "scales of its initiatives and charter (a SQLite file or a postgresql:// URL); the policy "
                     "'current' is then its own charter");
  command.add_option("--network", args->network, "with --from-db: the network, by name or id (when there are several)");
  command.add_option("--format", args->format, "table, json or html (one self-contained page)")
      ->check(CLI::IsMember({"table", "json", "html"}))
      ->default_str("table");
  command.add_option("--output", args->output, "write the result to this file instead of standard output");
  command.footer(
      "Per policy: retention, members, network value, value per partner, Gini, longest dry spell, quota "
      "compliance and core membership with 95% intervals; paired tests against the first policy on the same "
      "seeds. The model and its defaults: docs/simulator.md.");
  return [args] { return simulate_run(*args); };
}

}  // namespace covalue::cli
