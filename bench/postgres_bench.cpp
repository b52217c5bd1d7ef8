// The PostgreSQL store on a private server (tests/support/postgres_harness.hpp): a cast-ballot-style
// write transaction (read the cycles, replace one partner's ballot, append an audit entry) from one
// and from four threads, and a full snapshot read of a network of 200 partners and 500 initiatives.
#include <benchmark/benchmark.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "covalue/adapters/postgres/postgres_store.hpp"
#include "covalue/program/snapshot.hpp"
#include "postgres_harness.hpp"

namespace {

namespace net = covalue::core::network;
using covalue::core::Rational;
using covalue::core::Status;
using covalue::program::Store;
using covalue::program::StoreSession;
using covalue::testing::PostgresHarness;

template <typename T>
T check(covalue::core::Result<T> result) {
  if (!result.ok()) {
    throw std::runtime_error(result.error().to_string());
  }
  return std::move(result).value();
}

void check(const Status& status) {
  if (!status.ok()) {
    throw std::runtime_error(status.error().to_string());
  }
}

// The server, started on first use and stopped when the program ends.
PostgresHarness& server() {
  static std::unique_ptr<PostgresHarness> harness = check(PostgresHarness::start());
  return *harness;
}

// A fresh database with a store on it (a pool of `pool` connections).
std::unique_ptr<Store> fresh_store(const std::string& name, std::size_t pool = 4) {
  static std::atomic<int> counter{0};
  const std::string url = check(server().create_database(name + "_" + std::to_string(++counter)));
  return check(covalue::adapters::postgres::open_postgres_store(url, {pool, 50}));
}

Rational fraction(long n, long d) {
  Rational value{covalue::core::Integer(n), covalue::core::Integer(d)};
  value.canonicalize();
  return value;
}

struct NetworkIds {
  std::vector<net::PartnerId> partners;
  std::vector<net::InitiativeId> initiatives;
};

// A charter, `partners` partners, `initiatives` initiatives with `impacts` impacts each, cycle 1 (voting) and
// a ballot of every partner over 50 initiatives.
NetworkIds fill(Store& store, int partners, int initiatives, int impacts) {
  NetworkIds ids;
  check(store.transact([&](StoreSession& s) -> Status {
    net::Charter charter;
    charter.name = "bench network";
    check(s.save_charter(charter));
    for (int p = 0; p < partners; ++p) {
      ids.partners.push_back(check(s.insert_partner({0, "partner " + std::to_string(p), net::Tier::kRetailer, 1, {}})));
    }
    for (int i = 0; i < initiatives; ++i) {
      net::Initiative initiative;
      initiative.title = "initiative " + std::to_string(i);
      initiative.description = "a description of some length";
      initiative.proposer = ids.partners[i % partners];
      initiative.cost = fraction(1 + i % 17, 4);
      for (int k = 0; k < impacts && k < partners; ++k) {
        initiative.impacts.push_back({ids.partners[(i + k) % partners], fraction((i * 7 + k * 13) % 101 - 40, 3)});
      }
      initiative.volunteers = {ids.partners[(i + 1) % partners]};
      ids.initiatives.push_back(check(s.insert_initiative(initiative)));
    }
    check(s.insert_cycle({1, net::CycleState::kVoting, Rational(500), net::SelectionRule::kEqualShares, {}}));
    return {};
  }));
  return ids;
}

net::PartnerBallot ballot_of(const NetworkIds& ids, std::size_t partner, int entries, std::int64_t round) {
  net::PartnerBallot ballot{1, ids.partners[partner], net::BallotFormat::kScores, {}, {}};
  for (int k = 0; k < entries; ++k) {
    const std::size_t at = (partner * 3 + k + static_cast<std::size_t>(round)) % ids.initiatives.size();
    ballot.entries.push_back({ids.initiatives[at], fraction(1 + k % 10, 2)});
  }
  ballot.objections.push_back({ids.initiatives[partner % ids.initiatives.size()], "too costly for us"});
  return ballot;
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
      for (std::size_t p = 0; p < ids.partners.size(); ++p) {
        check(s.put_ballot(ballot_of(ids, p, 50, 0)));
      }
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
      auto snapshot = check(covalue::program::read_snapshot(s));
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

BENCHMARK_MAIN();
