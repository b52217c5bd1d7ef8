// The PostgreSQL store on a private server (tests/support/postgres_harness.hpp): a cast-ballot-style
// write transaction (read the cycles, replace one partner's ballot, append an audit entry) from one
// and from four threads, and a full snapshot read of a network of 200 partners and 500 initiatives.
#include <benchmark/benchmark.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "bench_support.hpp"
#include "covalue/adapters/postgres/postgres_store.hpp"
#include "covalue/program/snapshot.hpp"
#include "postgres_harness.hpp"

namespace covalue::bench {
namespace {

using testing::PostgresHarness;

// The server, started on first use and stopped when the program ends.
PostgresHarness& server() {
  static std::unique_ptr<PostgresHarness> harness = check(PostgresHarness::start());
  return *harness;
}

// A fresh database with a store on it (a pool of `pool` connections).
std::unique_ptr<Store> fresh_store(const std::string& name, std::size_t pool = 4) {
  static std::atomic<int> counter{0};
  const std::string url = check(server().create_database(name + "_" + std::to_string(++counter)));
  return check(adapters::postgres::open_postgres_store(url, {pool, 50}));
}

// A charter and the generated network: `partners` partners, `initiatives` initiatives with `impacts` impacts
// each, cycle 1 (voting).
NetworkIds fill(Store& store, int partners, int initiatives, int impacts) {
  NetworkIds ids;
  check(store.transact([&](StoreSession& s) -> Status {
    net::Charter charter;
    charter.name = "bench network";
    check(s.save_charter(charter));
    ids = insert_network(s, partners, initiatives, impacts);
    return {};
  }));
  return ids;
}

// What the cast-ballot use case writes: the ballot and the next audit entry, after reading the cycles.
Status cast_ballot(StoreSession& s, const net::PartnerBallot& ballot) {
  auto cycles = s.cycles();
  if (!cycles.ok()) {
    return cycles.error();
  }
  if (auto stored = s.put_ballot(ballot); !stored.ok()) {
    return stored;
  }
  auto last = s.last_audit();
  if (!last.ok()) {
    return last.error();
  }
  const std::int64_t sequence = *last ? (*last)->sequence + 1 : 1;
  return s.append_audit(
      {sequence, "2026-11-23T06:30:00.000Z", "bench", "cast_ballot", "{}", std::string(64, '0'), std::string(64, 'f')});
}

// Shared by the threads of one run.
struct CastFixture {
  std::unique_ptr<Store> store;
  NetworkIds ids;
};

CastFixture& cast_fixture() {
  static CastFixture fixture = [] {
    CastFixture made;
    made.store = fresh_store("bench_cast");
    made.ids = fill(*made.store, 200, 500, 50);
    return made;
  }();
  return fixture;
}

void BM_Pg_CastBallot_200x500(benchmark::State& state) {
  static std::once_flag ready;
  std::call_once(ready, [] { (void)cast_fixture(); });
  CastFixture& fixture = cast_fixture();
  std::int64_t round = 0;
  for (auto _ : state) {
    const std::size_t partner = (static_cast<std::size_t>(state.thread_index()) * 50 + round) % 200;
    const net::PartnerBallot ballot = ballot_of(fixture.ids, partner, 10, round++);
    check(fixture.store->transact([&](StoreSession& s) { return cast_ballot(s, ballot); }));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Pg_CastBallot_200x500)->Unit(benchmark::kMillisecond)->UseRealTime()->Threads(1)->Threads(4);

// A network with every partner's ballot, filled once for every run of the benchmark.
Store& snapshot_store() {
  static const std::unique_ptr<Store> store = [] {
    std::unique_ptr<Store> made = fresh_store("bench_snapshot");
    const NetworkIds ids = fill(*made, 200, 500, 50);
    check(made->transact([&](StoreSession& s) -> Status {
      insert_ballots(s, ids, 50);
      return {};
    }));
    return made;
  }();
  return *store;
}

void BM_Pg_Snapshot_200x500(benchmark::State& state) {
  Store& store = snapshot_store();
  std::size_t items = 0;
  for (auto _ : state) {
    check(store.transact([&](StoreSession& s) -> Status {
      auto snapshot = check(program::read_snapshot(s));
      items = snapshot.partners.size() + snapshot.initiatives.size() + snapshot.ballots.size();
      return {};
    }));
  }
  state.counters["items"] = static_cast<double>(items);
}
BENCHMARK(BM_Pg_Snapshot_200x500)->Unit(benchmark::kMillisecond);

void BM_Pg_Store_Smoke(benchmark::State& state) {
  const std::unique_ptr<Store> store = fresh_store("bench_smoke", 1);
  const NetworkIds ids = fill(*store, 5, 10, 3);
  std::int64_t round = 0;
  for (auto _ : state) {
    const net::PartnerBallot ballot = ballot_of(ids, round % 5, 3, round);
    ++round;
    check(store->transact([&](StoreSession& s) { return cast_ballot(s, ballot); }));
  }
}
BENCHMARK(BM_Pg_Store_Smoke)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace covalue::bench

BENCHMARK_MAIN();
