// The digest pass (issue 13 item 5): the scheduler's pass that makes, once per person and day, one digest e-mail of
// the events each person chose to hear of daily. A network of 200 partners with 2 people each (400 people) has
// events waiting for every person's digest (a cycle opened and a proposal withdrawn: both daily by default); one
// pass reads them, renders each person's summary in its time zone, and records 400 digest events and e-mails in
// one SQLite transaction.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "covalue/adapters/sqlite/sqlite_store.hpp"
#include "covalue/program/program.hpp"
#include "covalue/program/utc_time.hpp"
#include "program_events.hpp"

namespace {

namespace net = covalue::core::network;
namespace program = covalue::program;

//! A clock the benchmark moves on by a day per pass, so that each pass has a new period.
class DayClock final : public program::Clock {
 public:
  std::string now() override { return program::format_utc(now_); }
  void next_day() { now_ += 86400; }

 private:
  program::UtcSeconds now_{1'796'000'000};  // 2026-11-30
};

std::string prepare(std::unique_ptr<program::Store>& store, const std::string& path, int partners, int people) {
  std::filesystem::remove(path);
  auto opened = covalue::adapters::sqlite::open_sqlite_store(path);
  if (!opened) {
    return opened.error().to_string();
  }
  store = std::move(*opened);
  program::Program op(*store, {});
  net::Charter charter;
  charter.name = "Bench";
  if (!op.init_network(charter).ok()) {
    return "init failed";
  }
  const char* zones[] = {"UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"};
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
      person.time_zone = zones[(p + k) % 4];
      if (auto added = op.add_person(person); !added) {
        return added.error().to_string();
      }
    }
  }
  return "";
}

//! Records two events every person gets daily (a cycle opened, a proposal withdrawn), at `clock`'s now.
covalue::core::Status record_events(program::Store& store, program::Clock& clock, int round) {
  return store.transact([&](program::StoreSession& session) -> covalue::core::Status {
    program::detail::OutboxWriter outbox = program::detail::outbox_of(session, store, clock);
    net::Cycle cycle;
    cycle.number = round;
    if (auto opened = program::detail::record_cycle_opened(outbox, cycle); !opened) {
      return opened;
    }
    program::Snapshot snapshot;
    net::Initiative initiative;
    initiative.id = round;
    initiative.title = "Initiative " + std::to_string(round);
    initiative.cycle = round;
    return program::detail::record_withdrawn(outbox, snapshot, initiative, "", false);
  });
}

void BM_DigestPass(benchmark::State& state) {  // NOLINT(readability-identifier-naming): Google Benchmark
  const int partners = static_cast<int>(state.range(0));
  const int people = static_cast<int>(state.range(1));
  const std::string path = std::filesystem::temp_directory_path() / "covalue-bench-digest.db";
  std::unique_ptr<program::Store> store;
  if (std::string failed = prepare(store, path, partners, people); !failed.empty()) {
    state.SkipWithError(failed.c_str());
    return;
  }
  DayClock clock;
  int round = 0;
  std::int64_t digests = 0;
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): the benchmark loop
    state.PauseTiming();
    if (auto recorded = record_events(*store, clock, ++round); !recorded) {
      state.SkipWithError(recorded.error().to_string().c_str());
      return;
    }
    clock.next_day();
    state.ResumeTiming();
    program::Program scheduler(*store, {}, program::Actor::scheduler(), &clock);
    auto made = scheduler.record_digests({});
    if (!made) {
      state.SkipWithError(made.error().to_string().c_str());
      return;
    }
    digests = *made;
  }
  state.counters["digests"] = static_cast<double>(digests);
  store.reset();
  std::filesystem::remove(path);
}
BENCHMARK(BM_DigestPass)->Args({200, 2})->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_DigestPass)->Name("Smoke_DigestPass")->Args({3, 1})->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
