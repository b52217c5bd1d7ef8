// The cycle page's delivery-progress read (issue 14 item 8): Queries::cycle_progress over a closed cycle of 200
// selected initiatives with 10 milestones each (2,000 milestones), read from a SQLite file as GET
// /api/cycles/{n}/delivery reads it: the snapshot with its ledger, every milestone and every lead's record.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "covalue/adapters/sqlite/sqlite_store.hpp"
#include "covalue/program/program.hpp"

// Drafts name only the members they set (the others keep their defaults), which GCC's -Wextra reports.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
namespace {

namespace net = covalue::core::network;
namespace program = covalue::program;

//! Stores the charter, `initiatives` partners each leading one selected initiative of closed cycle 1, and
//! `milestones` milestones per initiative (every other one done).
std::string prepare(program::Store& store, int initiatives, int milestones) {
  program::Program op(store, {});
  net::Charter charter;
  charter.name = "Bench";
  charter.capacity = 1000000;
  if (!op.init_network(charter).ok()) {
    return "init failed";
  }
  const covalue::core::Status written = store.transact([&](program::StoreSession& session) -> covalue::core::Status {
    if (auto inserted = session.insert_cycle(net::Cycle{.number = 1, .state = net::CycleState::kClosed}); !inserted) {
      return inserted;
    }
    for (int i = 1; i <= initiatives; ++i) {
      net::Partner partner;
      partner.name = "Partner " + std::to_string(i);
      partner.joined_cycle = 1;
      auto partner_id = session.insert_partner(partner);
      if (!partner_id) {
        return partner_id.error();
      }
      net::Initiative initiative;
      initiative.title = "Initiative " + std::to_string(i);
      initiative.proposer = *partner_id;
      initiative.cost = 1;
      initiative.impacts = {{*partner_id, 5}};
      initiative.status = i % 5 == 0 ? net::InitiativeStatus::kDelivered : net::InitiativeStatus::kInProgress;
      initiative.cycle = 1;
      initiative.lead = *partner_id;
      auto id = session.insert_initiative(initiative);
      if (!id) {
        return id.error();
      }
      for (int m = 0; m < milestones; ++m) {
        program::Milestone milestone{.initiative = *id,
                                     .title = "Milestone " + std::to_string(m),
                                     .due_date = "2027-0" + std::to_string(1 + m % 9) + "-15",
                                     .done = m % 2 == 0,
                                     .done_at = m % 2 == 0 ? "2026-12-04T10:00:00Z" : ""};
        if (auto stored = session.insert_milestone(milestone); !stored) {
          return stored.error();
        }
      }
    }
    return {};
  });
  return written.ok() ? "" : written.error().to_string();
}

void BM_CycleDeliveryProgress(benchmark::State& state) {  // NOLINT(readability-identifier-naming): Google Benchmark
  const int initiatives = static_cast<int>(state.range(0));
  const int milestones = static_cast<int>(state.range(1));
  const std::string path = std::filesystem::temp_directory_path() / "covalue-bench-progress.db";
  std::filesystem::remove(path);
  auto store = covalue::adapters::sqlite::open_sqlite_store(path);
  if (!store) {
    state.SkipWithError(store.error().to_string().c_str());
    return;
  }
  if (std::string failed = prepare(**store, initiatives, milestones); !failed.empty()) {
    state.SkipWithError(failed.c_str());
    return;
  }
  program::Queries queries((**store), program::Actor::local_operator());
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): the benchmark loop
    auto progress = queries.cycle_progress(1);
    if (!progress || progress->selected != initiatives) {
      state.SkipWithError(progress ? "wrong count" : progress.error().to_string().c_str());
      return;
    }
    benchmark::DoNotOptimize(progress->milestones_done);
  }
  state.counters["milestones"] = static_cast<double>(initiatives * milestones);
  store->reset();
  std::filesystem::remove(path);
}
BENCHMARK(BM_CycleDeliveryProgress)->Args({200, 10})->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_CycleDeliveryProgress)->Name("Smoke_CycleDeliveryProgress")->Args({3, 2})->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
