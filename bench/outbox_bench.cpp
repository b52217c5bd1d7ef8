// The transactional outbox's cost in a close (issue 13 item 8): the events and deliveries a close of a cycle of
// 200 partners with 2 people each records (its own result per partner, a lead each, the summary: 1,600 inbox
// entries and e-mails), written and committed in one SQLite transaction as the close writes them, with the check
// of whose retention risk the close turns high (every partner's risk before and after it).
#include <benchmark/benchmark.h>

#include <filesystem>

#include "covalue/adapters/sqlite/sqlite_store.hpp"
#include "covalue/program/program.hpp"
#include "program_events.hpp"

namespace {

namespace net = covalue::core::network;
namespace program = covalue::program;

//! A network of `partners` partners with `people` people each (with e-mail addresses), a closed cycle's
//! outcome in which each partner gains, pays a transfer and leads one initiative, and the snapshot the close reads.
struct Closed {
  std::unique_ptr<program::Store> store;
  program::Snapshot snapshot;
  net::Cycle cycle;
  net::CycleOutcome outcome;
};

std::string prepare(Closed& closed, const std::string& path, int partners, int people) {
  std::filesystem::remove(path);
  auto store = covalue::adapters::sqlite::open_sqlite_store(path);
  if (!store) {
    return store.error().to_string();
  }
  closed.store = std::move(*store);
  program::Program op(*closed.store, {});
  net::Charter charter;
  charter.name = "Bench";
  if (!op.init_network(charter).ok()) {
    return "init failed";
  }
  for (int p = 1; p <= partners; ++p) {
    auto partner = op.add_partner("Partner " + std::to_string(p), net::Tier::kRetailer);
    if (!partner) {
      return partner.error().to_string();
    }
    for (int k = 0; k < people; ++k) {
      program::Person person;
      person.partner = partner->id;
      person.name = "Person " + std::to_string(k);
      person.email = "p" + std::to_string(k) + "@partner" + std::to_string(p) + ".example";
      if (auto added = op.add_person(person); !added) {
        return added.error().to_string();
      }
    }
    net::PartnerResult result;
    result.partner = partner->id;
    result.estimated_value = 7;
    result.transfer = -2;
    result.net_value = 5;
    closed.outcome.partners.push_back(result);
    net::LeadAssignment lead;
    lead.initiative = p;
    lead.lead = partner->id;
    closed.outcome.leads.push_back(lead);
    net::InitiativeDecision decision;
    decision.initiative = p;
    decision.selected = true;
    closed.outcome.decisions.push_back(decision);
  }
  auto snapshot = op.snapshot();
  if (!snapshot) {
    return snapshot.error().to_string();
  }
  closed.snapshot = std::move(*snapshot);
  closed.cycle.number = 1;
  closed.cycle.state = net::CycleState::kClosed;
  closed.outcome.cycle = 1;
  return "";
}

void BM_CloseOutboxWrite(benchmark::State& state) {  // NOLINT(readability-identifier-naming): Google Benchmark
  const int partners = static_cast<int>(state.range(0));
  const int people = static_cast<int>(state.range(1));
  const std::string path = std::filesystem::temp_directory_path() / "covalue-bench-outbox.db";
  Closed closed;
  if (std::string failed = prepare(closed, path, partners, people); !failed.empty()) {
    state.SkipWithError(failed.c_str());
    return;
  }
  program::SystemClock clock;
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): the benchmark loop
    state.PauseTiming();
    program::Snapshot snapshot = closed.snapshot;  // the retention check brings it up to date with the close
    state.ResumeTiming();
    auto written = closed.store->transact([&](program::StoreSession& session) -> covalue::core::Status {
      program::detail::OutboxWriter outbox = program::detail::outbox_of(session, *closed.store, clock);
      if (auto recorded = program::detail::record_cycle_closed(outbox, snapshot, closed.cycle, closed.outcome);
          !recorded) {
        return recorded;
      }
      return program::detail::record_retention_risks(outbox, snapshot, closed.cycle, closed.outcome);
    });
    if (!written.ok()) {
      state.SkipWithError(written.error().to_string().c_str());
      return;
    }
  }
  state.counters["deliveries"] = static_cast<double>(partners * people * 2 * 2);
  closed.store.reset();
  std::filesystem::remove(path);
}
BENCHMARK(BM_CloseOutboxWrite)->Args({200, 2})->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_CloseOutboxWrite)->Name("Smoke_CloseOutboxWrite")->Args({3, 1})->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
