// Closing a cycle of a large network: 200 partners, 500 initiatives, 200 ballots. The decision alone
// (selection including the network-fair ILP, sharing, leads) and the whole use case on a SQLite file
// (load, decide, write back, in one transaction).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "covalue/adapters/cbc/cbc_solver.hpp"
#include "covalue/adapters/sqlite/sqlite_store.hpp"
#include "covalue/core/network/cycle_decision.hpp"
#include "covalue/program/program.hpp"

namespace {

namespace net = covalue::core::network;
using covalue::core::Rational;

//! A large cycle: each initiative touches 5-25 partners with impacts in [-4, 10]; costs 1-20; the
//! capacity funds about a quarter of the total cost; every partner votes for what helps it most.
net::CycleInput large_cycle(int partners, int initiatives, net::SelectionRule rule, net::SharingPolicy sharing) {
  std::mt19937_64 random(20261123);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random); };
  net::CycleInput input;
  input.charter.name = "bench";
  input.charter.rule = rule;
  input.charter.sharing = sharing;
  input.charter.fairness.max_deopt_share = Rational(3, 10);
  input.charter.fairness.max_dry_spell = 3;
  Rational total_cost;
  for (int p = 1; p <= partners; ++p) {
    input.members.push_back({p, "partner " + std::to_string(p), net::Tier::kOther, 1, std::nullopt});
    input.standing.push_back({p, pick(0, 4), pick(0, 1), pick(0, 6), {}});
  }
  for (int i = 1; i <= initiatives; ++i) {
    net::Initiative initiative;
    initiative.id = i;
    initiative.title = "initiative " + std::to_string(i);
    initiative.cost = pick(1, 20);
    total_cost += initiative.cost;
    const int touched = pick(5, 25);
    for (int t = 0; t < touched; ++t) {
      const int partner = pick(1, partners);
      const int value = pick(-4, 10);
      if (value != 0 && initiative.impact_on(partner) == 0) {
        initiative.impacts.push_back({partner, Rational(value)});
      }
    }
    initiative.volunteers.push_back(pick(1, partners));
    initiative.proposer = pick(1, partners);
    input.candidates.push_back(std::move(initiative));
  }
  input.charter.capacity = total_cost / 4;
  input.cycle = {1, net::CycleState::kVoting, input.charter.capacity, rule, {}, {}, {}};
  for (int p = 1; p <= partners; ++p) {
    net::PartnerBallot ballot{1, p, net::BallotFormat::kApprovals, {}, {}};
    for (const net::Initiative& initiative : input.candidates) {
      const Rational own = initiative.impact_on(p);
      if (own >= 6) {
        ballot.entries.push_back({initiative.id, 1});
      } else if (own <= -4 && pick(0, 9) == 0) {
        ballot.objections.push_back({initiative.id, "too costly for us"});
      }
    }
    input.ballots.push_back(std::move(ballot));
  }
  return input;
}

net::DecisionTools bench_tools(covalue::adapters::cbc::CbcSolver& solver) {
  net::DecisionTools tools;
  tools.solver = &solver;
  tools.shapley.threads = 2;
  if (const char* gap = std::getenv("COVALUE_ILP_GAP")) {
    tools.solver_options.relative_gap = std::atof(gap);
  }
  if (const char* solves = std::getenv("COVALUE_FORGONE_SOLVES")) {
    tools.forgone_solves = static_cast<std::size_t>(std::atoi(solves));
  }
  return tools;
}

//! The same cycle with numbers at the edges of what the program accepts: one initiative costs 10^-6
//! capacity units and one brings a partner 10^9, so the network-fair model's rows spread past what CBC
//! is trusted with and covalue's exact search decides.
net::CycleInput extreme_cycle(int partners, int initiatives) {
  net::CycleInput input =
      large_cycle(partners, initiatives, net::SelectionRule::kNetworkFair, net::SharingPolicy::kShapley);
  input.candidates[0].cost = Rational(1, 1000000);
  input.candidates[1].impacts.front().estimate = Rational(1000000000);
  input.candidates[2].impacts = {{input.candidates[2].impacts.front().partner, Rational(1, 1000000)}};
  return input;
}

void decide(benchmark::State& state, net::SelectionRule rule, net::SharingPolicy sharing, int partners, int initiatives,
            bool extreme = false) {
  const net::CycleInput input =
      extreme ? extreme_cycle(partners, initiatives) : large_cycle(partners, initiatives, rule, sharing);
  covalue::adapters::cbc::CbcSettings settings;
  if (const char* extra = std::getenv("COVALUE_CBC_ARGS")) {
    std::string text = extra;
    for (std::size_t start = 0; start < text.size();) {
      std::size_t end = text.find(' ', start);
      end = end == std::string::npos ? text.size() : end;
      settings.arguments.push_back(text.substr(start, end - start));
      start = end + 1;
    }
  }
  covalue::adapters::cbc::CbcSolver solver(settings);
  for (auto _ : state) {
    auto outcome = net::decide_cycle(input, bench_tools(solver));
    if (!outcome.ok()) {
      state.SkipWithError(outcome.error().to_string().c_str());
      return;
    }
    std::int64_t selected = 0;
    std::int64_t excluded = 0;
    for (const auto& decision : outcome->decisions) {
      selected += decision.selected ? 1 : 0;
      excluded += decision.reason == net::DecisionReason::kObjection ? 1 : 0;
    }
    state.counters["objections_excluded"] = static_cast<double>(excluded);
    state.counters["rounds"] = static_cast<double>(1 + std::count(outcome->notes.begin(), outcome->notes.end(),
                                                                  "selecting again without the excluded initiatives"));
    state.counters["selected"] = static_cast<double>(selected);
    state.counters["shapley_samples"] = static_cast<double>(outcome->sharing.samples);
    state.counters["shapley_bound"] = covalue::core::to_double(outcome->sharing.error_bound);
    if (outcome->network_fair) {
      state.counters["ilp_gap"] = covalue::core::to_double(outcome->network_fair->gap);
      state.counters["exact_search"] = outcome->network_fair->solver == "covalue exact search" ? 1 : 0;
      state.counters["nodes"] = static_cast<double>(outcome->network_fair->nodes);
      state.counters["forgone_computed"] = static_cast<double>(
          std::count_if(outcome->decisions.begin(), outcome->decisions.end(),
                        [](const net::InitiativeDecision& d) { return d.value_forgone.has_value(); }));
    }
  }
}

void BM_DecideCycle_NetworkFair_200x500(benchmark::State& state) {
  decide(state, net::SelectionRule::kNetworkFair, net::SharingPolicy::kShapley, 200, 500);
}
void BM_DecideCycle_NetworkFair_NoSharing_200x500(benchmark::State& state) {
  decide(state, net::SelectionRule::kNetworkFair, net::SharingPolicy::kNone, 200, 500);
}
void BM_DecideCycle_Mes_200x500(benchmark::State& state) {
  decide(state, net::SelectionRule::kEqualShares, net::SharingPolicy::kShapley, 200, 500);
}
void BM_DecideCycle_NetworkFair_Extreme_200x500(benchmark::State& state) {
  decide(state, net::SelectionRule::kNetworkFair, net::SharingPolicy::kShapley, 200, 500, true);
}
void BM_DecideCycle_NetworkFair_Extreme_50x100(benchmark::State& state) {
  decide(state, net::SelectionRule::kNetworkFair, net::SharingPolicy::kShapley, 50, 100, true);
}
void BM_DecideCycle_Smoke(benchmark::State& state) {
  decide(state, net::SelectionRule::kNetworkFair, net::SharingPolicy::kShapley, 6, 10);
}

//! Stores the large cycle in a SQLite file, in voting state, through the use cases.
std::string prepared_database(const std::string& path, const net::CycleInput& input) {
  std::filesystem::remove(path);
  auto store = covalue::adapters::sqlite::open_sqlite_store(path);
  covalue::program::Program program(**store, {});
  net::Charter charter = input.charter;
  if (!program.init_network(charter).ok()) {
    return "init failed";
  }
  for (const net::Partner& partner : input.members) {
    if (!program.add_partner(partner.name, partner.tier).ok()) {
      return "partner failed";
    }
  }
  if (!program.open_cycle().ok()) {
    return "open failed";
  }
  for (const net::Initiative& initiative : input.candidates) {
    if (auto proposed = program.propose(initiative); !proposed.ok()) {
      return "propose failed: " + initiative.title + ": " + proposed.error().to_string();
    }
  }
  if (!program.start_voting(1).ok()) {
    return "vote failed";
  }
  for (const net::PartnerBallot& ballot : input.ballots) {
    if (auto cast = program.cast_ballot(ballot); !cast.ok()) {
      return "ballot failed: " + cast.error().to_string();
    }
  }
  return "";
}

void BM_CloseCycle_Sqlite_200x500(benchmark::State& state) {
  const std::string dir = std::filesystem::temp_directory_path() / "covalue-bench-close";
  std::filesystem::create_directories(dir);
  const net::CycleInput input = large_cycle(200, 500, net::SelectionRule::kNetworkFair, net::SharingPolicy::kShapley);
  if (std::string failed = prepared_database(dir + "/template.db", input); !failed.empty()) {
    state.SkipWithError(failed.c_str());
    return;
  }
  covalue::adapters::cbc::CbcSolver solver;
  for (auto _ : state) {
    state.PauseTiming();
    std::filesystem::copy_file(dir + "/template.db", dir + "/run.db",
                               std::filesystem::copy_options::overwrite_existing);
    auto store = covalue::adapters::sqlite::open_sqlite_store(dir + "/run.db");
    covalue::program::Program program(**store, bench_tools(solver));
    state.ResumeTiming();
    auto outcome = program.close_cycle(1);
    if (!outcome.ok()) {
      state.SkipWithError(outcome.error().to_string().c_str());
      return;
    }
  }
  std::filesystem::remove_all(dir);
}

}  // namespace

BENCHMARK(BM_DecideCycle_NetworkFair_200x500)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();
BENCHMARK(BM_DecideCycle_NetworkFair_NoSharing_200x500)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();
BENCHMARK(BM_DecideCycle_Mes_200x500)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();
BENCHMARK(BM_DecideCycle_NetworkFair_Extreme_50x100)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();
BENCHMARK(BM_DecideCycle_NetworkFair_Extreme_200x500)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->Iterations(1);
BENCHMARK(BM_CloseCycle_Sqlite_200x500)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->Iterations(3);
BENCHMARK(BM_DecideCycle_Smoke)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
