// The SQLite store on the close-cycle workload: load a network of 200 partners and 500 initiatives
// (50 impacts each) with 200 ballots, save a cycle's outcome, and both in one transaction.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "bench_support.hpp"
#include "covalue/adapters/sqlite/sqlite_store.hpp"

namespace covalue::bench {
namespace {

// A database file that is removed (with its WAL files) when the object dies.
class BenchDatabase {
 public:
  explicit BenchDatabase(const std::string& name)
      : path_((std::filesystem::temp_directory_path() /
               ("covalue-bench-" + std::to_string(::getpid()) + "-" + name + ".db"))
                  .string()) {
    remove_files();
    store_ = check(adapters::sqlite::open_sqlite_store(path_));
  }
  ~BenchDatabase() {
    store_.reset();
    remove_files();
  }
  BenchDatabase(const BenchDatabase&) = delete;
  BenchDatabase& operator=(const BenchDatabase&) = delete;

  Store& store() { return *store_; }

 private:
  void remove_files() const {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_ + suffix, ignored);
    }
  }

  std::string path_;
  std::unique_ptr<Store> store_;
};

// Stores `partners` partners, `initiatives` initiatives with `impacts` impacts each, cycle 1 and a
// ballot of every partner scoring 50 initiatives (with fractions) and objecting to one.
NetworkIds fill(Store& store, int partners, int initiatives, int impacts) {
  NetworkIds ids;
  check(store.transact([&](StoreSession& s) -> Status {
    ids = insert_network(s, partners, initiatives, impacts);
    insert_ballots(s, ids, 50);
    return {};
  }));
  return ids;
}

// Everything the close-cycle use case reads.
std::size_t load(StoreSession& s) {
  std::size_t items = 0;
  items += check(s.charter()) ? 1 : 0;
  items += check(s.partners()).size();
  items += check(s.objectives()).size();
  const auto initiatives = check(s.initiatives());
  for (const auto& initiative : initiatives) {
    items += initiative.impacts.size();
  }
  items += check(s.cycles()).size();
  items += check(s.ballots(1)).size();
  return items;
}

// An outcome the size of a 200 x 500 cycle: every initiative decided, every partner's result, and an
// MES certificate paying for 60 initiatives from 200 voter groups.
net::CycleOutcome big_outcome(net::CycleNumber cycle, const NetworkIds& ids) {
  net::CycleOutcome outcome;
  outcome.cycle = cycle;
  outcome.capacity = Rational(500);
  for (std::size_t i = 0; i < ids.initiatives.size(); ++i) {
    outcome.decisions.push_back(
        {ids.initiatives[i], i < 60, net::DecisionReason::kNotChosen, "not chosen", {}, std::nullopt});
    outcome.candidates.push_back(ids.initiatives[i]);
  }
  for (const auto partner : ids.partners) {
    net::PartnerResult result;
    result.partner = partner;
    result.weight = fraction(7, 6);
    result.estimated_value = fraction(-13, 3);
    result.transfer = fraction(5, 7);
    outcome.partners.push_back(std::move(result));
  }
  core::MesCertificate mes{fraction(5, 2), 3, {}};
  for (std::uint32_t i = 0; i < 60 && i < ids.initiatives.size(); ++i) {
    core::ProjectPayments purchase{i, fraction(1, 3 + i), {}, 0, {}, {}};
    for (std::uint32_t g = 0; g < ids.partners.size(); ++g) {
      purchase.payments.push_back({g, fraction(g + 1, 7L * (i + 1))});
    }
    mes.purchases.push_back(std::move(purchase));
  }
  outcome.rule_outcome = core::Outcome{};
  outcome.rule_outcome->mes = std::move(mes);
  return outcome;
}

void BM_LoadNetwork_200x500(benchmark::State& state) {
  BenchDatabase db("load");
  fill(db.store(), 200, 500, 50);
  std::size_t items = 0;
  for (auto _ : state) {
    check(db.store().transact([&](StoreSession& s) -> Status {
      items = load(s);
      return {};
    }));
  }
  state.counters["items"] = static_cast<double>(items);
}
BENCHMARK(BM_LoadNetwork_200x500)->Unit(benchmark::kMillisecond);

void BM_SaveOutcome(benchmark::State& state) {
  BenchDatabase db("save");
  const NetworkIds ids = fill(db.store(), 200, 500, 50);
  net::CycleNumber cycle = 1;
  const net::CycleOutcome outcome = big_outcome(0, ids);
  for (auto _ : state) {
    ++cycle;
    check(db.store().transact([&](StoreSession& s) -> Status {
      check(s.insert_cycle(
          {cycle, net::CycleState::kClosed, Rational(500), net::SelectionRule::kEqualShares, {}, {}, {}}));
      net::CycleOutcome record = outcome;
      record.cycle = cycle;
      return s.save_outcome(record);
    }));
  }
}
BENCHMARK(BM_SaveOutcome)->Unit(benchmark::kMillisecond);

// Every stored outcome, as the program's snapshot reads them: five closed cycles of the 200 x 500 size.
void BM_LoadOutcomes_5Cycles(benchmark::State& state) {
  BenchDatabase db("outcomes");
  const NetworkIds ids = fill(db.store(), 200, 500, 50);
  check(db.store().transact([&](StoreSession& s) -> Status {
    for (net::CycleNumber cycle = 1; cycle <= 5; ++cycle) {
      if (cycle > 1) {
        check(s.insert_cycle(
            {cycle, net::CycleState::kClosed, Rational(500), net::SelectionRule::kEqualShares, {}, {}, {}}));
      }
      check(s.save_outcome(big_outcome(cycle, ids)));
    }
    return {};
  }));
  for (auto _ : state) {
    check(db.store().transact([&](StoreSession& s) -> Status {
      benchmark::DoNotOptimize(check(s.outcomes()).size());
      return {};
    }));
  }
}
BENCHMARK(BM_LoadOutcomes_5Cycles)->Unit(benchmark::kMillisecond);

// The close-cycle transaction: load everything, give all 500 initiatives their new status (60
// selected, the rest carried over), save the outcome; rolled back so that every run closes it again.
void BM_CloseCycle_200x500(benchmark::State& state) {
  BenchDatabase db("close");
  const NetworkIds ids = fill(db.store(), 200, 500, 50);
  const net::CycleOutcome outcome = big_outcome(1, ids);
  for (auto _ : state) {
    const Status status = db.store().transact([&](StoreSession& s) -> Status {
      benchmark::DoNotOptimize(load(s));
      auto initiatives = check(s.initiatives());
      for (std::size_t i = 0; i < initiatives.size(); ++i) {
        initiatives[i].status = i < 60 ? net::InitiativeStatus::kSelected : net::InitiativeStatus::kCarriedOver;
        check(s.update_initiative(initiatives[i]));
      }
      check(s.save_outcome(outcome));
      return core::make_error(core::ErrorKind::kConflict, "roll back, to close it again");
    });
    benchmark::DoNotOptimize(status);
  }
}
BENCHMARK(BM_CloseCycle_200x500)->Unit(benchmark::kMillisecond);

void BM_Store_Smoke(benchmark::State& state) {
  BenchDatabase db("smoke");
  const NetworkIds ids = fill(db.store(), 5, 10, 3);
  for (auto _ : state) {
    check(db.store().transact([&](StoreSession& s) -> Status {
      benchmark::DoNotOptimize(load(s));
      return {};
    }));
  }
  state.counters["initiatives"] = static_cast<double>(ids.initiatives.size());
}
BENCHMARK(BM_Store_Smoke)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace covalue::bench

BENCHMARK_MAIN();
