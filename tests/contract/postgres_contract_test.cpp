// The storage contract on PostgreSQL (a private server, a fresh database per test), and what only a
// server database has: serialisable transactions from many connections, retried on conflicts.

#include <atomic>
#include <thread>

#include "covalue/adapters/postgres/postgres_store.hpp"
#include "postgres_backend.hpp"

namespace covalue::testing {
namespace {

using adapters::postgres::open_postgres_store;
using adapters::postgres::PostgresOptions;
using core::ErrorKind;
using program::StoreSession;

INSTANTIATE_TEST_SUITE_P(Postgres, StoreContract,
                         ::testing::Values(BackendMaker{"server", [] { return std::make_unique<PostgresDatabase>(); }}),
                         backend_name);
INSTANTIATE_TEST_SUITE_P(Postgres, PersistentStoreContract,
                         ::testing::Values(BackendMaker{"server", [] { return std::make_unique<PostgresDatabase>(); }}),
                         backend_name);

std::unique_ptr<program::Store> must_open(const std::string& url, PostgresOptions options = {}) {
  auto opened = open_postgres_store(url, options);
  EXPECT_TRUE(opened.ok()) << opened.error().to_string();
  return opened.ok() ? std::move(opened).value() : nullptr;
}

//! A fresh database on the shared server for each test; the test fails when PostgreSQL cannot run.
class PostgresStore : public ::testing::Test {
 protected:
  void SetUp() override {
    COVALUE_REQUIRE_POSTGRES();
    db_ = std::make_unique<PostgresDatabase>();
  }

  //! The test's database.
  [[nodiscard]] const PostgresDatabase& db() const { return *db_; }
  //! A store of its own on the test's database (the connection pool is the database's, shared).
  std::unique_ptr<program::Store> open(PostgresOptions options = {}) { return must_open(db_->url(), options); }

 private:
  std::unique_ptr<PostgresDatabase> db_;
};

// Adds one to the charter's max_dry_spell: a read-modify-write that loses updates unless serialisable.
core::Status increment(program::Store& store, std::atomic<int>* runs = nullptr) {
  return store.transact([&](StoreSession& s) -> core::Status {
    if (runs != nullptr) {
      ++*runs;
    }
    auto charter = s.charter();
    if (!charter.ok()) {
      return charter.error();
    }
    net::Charter next = charter->value_or(sample_charter());
    next.fairness.max_dry_spell += 1;
    return s.save_charter(next);
  });
}

std::int64_t counter(program::Store& store) {
  const auto charter = read_in(store, [](StoreSession& s) { return s.charter(); });
  return charter ? charter->fairness.max_dry_spell : -1;
}

TEST_F(PostgresStore, RacingReadModifyWritesThroughTwoStoresLoseNoUpdate) {
  auto first = open();
  auto second = open();
  ASSERT_TRUE(first && second);
  must(first->transact([](StoreSession& s) {
    net::Charter charter = sample_charter();
    charter.fairness.max_dry_spell = 0;
    return s.save_charter(charter);
  }));
  constexpr int kEach = 30;
  std::atomic<int> runs{0};
  const auto add = [&](program::Store& store) {
    for (int i = 0; i < kEach; ++i) {
      must(increment(store, &runs));
    }
  };
  std::thread a(add, std::ref(*first));
  std::thread b(add, std::ref(*second));
  a.join();
  b.join();
  EXPECT_EQ(counter(*first), 2 * kEach);
  EXPECT_GE(runs.load(), 2 * kEach);
}

TEST_F(PostgresStore, ManyThreadsOnOneStoreLoseNoUpdate) {
  auto store = open(PostgresOptions{3, 20});
  ASSERT_TRUE(store);
  constexpr int kThreads = 6;
  constexpr int kEach = 10;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kEach; ++i) {
        must(increment(*store));
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  // The first increment starts from the sample charter's max_dry_spell.
  EXPECT_EQ(counter(*store), sample_charter().fairness.max_dry_spell + std::int64_t{kThreads} * kEach);
}

// The work reads the charter, then another client of the database (not covalue, so it does not
// queue on covalue's writer lock) commits a change to it, then the work writes it: PostgreSQL
// reports a serialisation failure and the store runs the work again, which sees the change.
core::Status interleaved(program::Store& store, const PostgresDatabase& database, int& runs) {
  return store.transact([&](StoreSession& s) -> core::Status {
    ++runs;
    auto charter = s.charter();
    if (!charter.ok() || !*charter) {
      return charter.ok() ? core::make_error(ErrorKind::kNotFound, "no charter") : charter.error();
    }
    if (runs == 1) {
      database.run_sql("UPDATE charter SET max_dry_spell = 70");
    }
    net::Charter next = **charter;
    next.fairness.max_dry_spell += 1;
    return s.save_charter(next);
  });
}

TEST_F(PostgresStore, ASerialisationFailureRunsTheWorkAgain) {
  auto store = open();
  ASSERT_TRUE(store);
  must(store->transact([](StoreSession& s) { return s.save_charter(sample_charter()); }));
  int runs = 0;
  must(interleaved(*store, db(), runs));
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(counter(*store), 71);
}

TEST_F(PostgresStore, GivesUpWithAConflictAfterMaxAttempts) {
  auto store = open(PostgresOptions{2, 1});
  ASSERT_TRUE(store);
  must(store->transact([](StoreSession& s) { return s.save_charter(sample_charter()); }));
  int runs = 0;
  EXPECT_TRUE(fails_with(interleaved(*store, db(), runs), ErrorKind::kConflict, "try again"));
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(counter(*store), 70);  // the other store's change, and nothing of the work
}

TEST_F(PostgresStore, ConcurrentOpenersMigrateOnce) {
  std::vector<std::thread> threads;
  threads.reserve(4);
  std::atomic<int> opened{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      if (open_postgres_store(db().url()).ok()) {
        ++opened;
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(opened.load(), 4);
  EXPECT_EQ(db().query_int("SELECT count(*) FROM schema_migrations"), adapters::postgres::postgres_schema_version());
}

TEST_F(PostgresStore, RefusesAnotherApplicationsDatabase) {
  db().run_sql("CREATE TABLE customers (id bigint PRIMARY KEY, name text)");
  EXPECT_TRUE(fails_with(open_postgres_store(db().url()), ErrorKind::kInvalidInput, "not a covalue database"));
}

TEST_F(PostgresStore, AnUnreachableServerIsInvalidInputAndHidesThePassword) {
  const std::string url = "postgresql://someone:s3cret@127.0.0.1:1/nowhere";
  auto opened = open_postgres_store(url);
  ASSERT_TRUE(fails_with(opened, ErrorKind::kInvalidInput, "cannot connect"));
  EXPECT_EQ(opened.error().message.find("s3cret"), std::string::npos) << opened.error().message;
}

TEST_F(PostgresStore, NetworksShareOneConnectionPool) {
  auto store = open();
  ASSERT_TRUE(store);
  must(store->transact([](StoreSession& s) { return s.save_charter(sample_charter()); }));
  std::vector<std::unique_ptr<program::Store>> networks;
  for (int n = 0; n < 6; ++n) {
    auto opened = store->open_network({.name_or_id = "", .create = true, .deployment = false});
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    net::Charter charter = sample_charter();
    charter.name = "Network " + std::to_string(n + 2);  // names are unique in a database
    must((*opened)->transact([&](StoreSession& s) { return s.save_charter(charter); }));
    networks.push_back(std::move(opened).value());
  }
  std::vector<std::thread> threads;
  threads.reserve(networks.size() * 2);
  for (auto& network : networks) {
    for (int t = 0; t < 2; ++t) {
      threads.emplace_back([&network] {
        for (int k = 0; k < 5; ++k) {
          const core::Status done = increment(*network);
          EXPECT_TRUE(done.ok()) << done.error().to_string();
        }
      });
    }
  }
  for (auto& thread : threads) {
    thread.join();
  }
  for (auto& network : networks) {
    EXPECT_EQ(counter(*network), sample_charter().fairness.max_dry_spell + 10);
  }
  // Seven stores of one database, twelve threads: no more connections than one pool holds.
  const long long connections = db().query_int(
      "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
  EXPECT_GE(connections, 1);
  EXPECT_LE(connections, static_cast<long long>(PostgresOptions{}.pool_size));
}

TEST_F(PostgresStore, ALostConnectionIsReplacedAndTheWorkRunsAgain) {
  auto store = open();
  ASSERT_TRUE(store);
  must(store->transact([](StoreSession& s) { return s.save_charter(sample_charter()); }));
  for (int round = 0; round < 3; ++round) {
    // Every connection of the pool is closed by the server behind the store's back.
    db().run_sql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid()");
    must(increment(*store));
    EXPECT_EQ(counter(*store), sample_charter().fairness.max_dry_spell + round + 1);
  }
}

TEST_F(PostgresStore, VersionIsTheNewestAuditSequence) {
  auto store = open();
  auto other = open();
  ASSERT_TRUE(store && other);
  EXPECT_EQ(must(store->version()), 0);
  must(other->transact([](StoreSession& s) {
    return s.append_audit(program::AuditEntry{1, "2026-01-01T00:00:00.000Z", "cli", "init_network", "{}",
                                              std::string(64, '0'), std::string(64, 'a')});
  }));
  EXPECT_EQ(must(store->version()), 1);
}

}  // namespace
}  // namespace covalue::testing
