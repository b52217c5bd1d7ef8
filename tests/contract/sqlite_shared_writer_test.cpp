// SQLite's shared writer (adapters/sqlite/src/shared_writer.hpp): every store of one database file in a
// process, whichever its network, writes through one connection and one group commit. Works of several
// networks share a batch, each network keeps its own audit chain and read cache, a nested transact() on
// any store of the file is refused, and the writer lives as long as any store of the file.
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "../support/temp_dir.hpp"
#include "covalue/adapters/sqlite/sqlite_store.hpp"
#include "store_contract.hpp"

namespace covalue::testing {
namespace {

using adapters::sqlite::open_sqlite_store;
using adapters::sqlite::sqlite_total_changes;
using core::ErrorKind;
using program::StoreSession;

// A file database with network 1 open, and more networks of the same file on demand.
class SharedWriter : public ::testing::Test {
 protected:
  void SetUp() override {
    first_ = must(open_sqlite_store(path_));
    name(first(), "Network 1");
  }

  program::Store& first() { return *first_; }
  //! Closes the store of network 1.
  void close_first() { first_.reset(); }
  //! Opens network 1 again.
  void reopen_first() { first_ = must(open_sqlite_store(path_, {.name_or_id = "1"})); }
  [[nodiscard]] const std::string& path() const { return path_; }

  // A store of a new network of the file, named after its id.
  std::unique_ptr<program::Store> new_network() {
    auto store = must(first().open_network({.name_or_id = "", .create = true, .deployment = false}));
    if (store != nullptr) {
      name(*store, "Network " + std::to_string(store->network()));
    }
    return store;
  }

  // Saves a charter called `name` for the network of `store`, which makes it one of the file's networks.
  static void name(program::Store& store, const std::string& name) {
    net::Charter charter = sample_charter();
    charter.name = name;
    must(store.transact([&](StoreSession& s) { return s.save_charter(charter); }));
  }

  // Another store of the network of `store`.
  static std::unique_ptr<program::Store> same_network(program::Store& store) {
    return must(
        store.open_network({.name_or_id = std::to_string(store.network()), .create = false, .deployment = false}));
  }

 private:
  TempDir dir_{"covalue-shared-writer-"};
  std::string path_ = dir_.file("networks.db");
  std::unique_ptr<program::Store> first_;
};

// A work of network 1 holds the batch until works of network 2 (and 1) are queued behind it: they join
// its transaction and run on its thread, a failing one of network 2 is undone alone.
TEST_F(SharedWriter, WorksOfTwoNetworksShareOneBatch) {
  auto second = new_network();
  ASSERT_NE(second, nullptr);
  constexpr int kQueued = 3;
  std::atomic<bool> holding{false};
  std::atomic<int> about_to_queue{0};
  std::mutex ran_mutex;
  std::set<std::thread::id> ran_on;
  const auto note_thread = [&] {
    const std::lock_guard lock(ran_mutex);
    ran_on.insert(std::this_thread::get_id());
  };
  std::thread::id holder_thread_id;
  core::Status holder;
  std::thread holder_thread([&] {
    holder = first().transact([&](StoreSession& s) -> core::Status {
      holder_thread_id = std::this_thread::get_id();
      holding = true;
      const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
      while (about_to_queue.load() < kQueued && std::chrono::steady_clock::now() < until) {
        std::this_thread::yield();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(200));  // they are waiting in transact() by now
      return add_partner(s, "first: holder");
    });
  });
  while (!holding.load()) {
    std::this_thread::yield();
  }
  std::map<std::string, core::Status> results;
  std::mutex results_mutex;
  const auto queue = [&](program::Store& store, const std::string& name, bool fail) {
    return std::thread([&, name, fail] {
      ++about_to_queue;
      core::Status status = store.transact([&](StoreSession& s) -> core::Status {
        note_thread();
        must(add_partner(s, name));
        return fail ? core::make_error(ErrorKind::kConflict, "changed my mind") : core::Status();
      });
      const std::lock_guard lock(results_mutex);
      results.emplace(name, std::move(status));
    });
  };
  std::vector<std::thread> queued;
  queued.reserve(kQueued);
  queued.push_back(queue(*second, "second: kept", false));
  queued.push_back(queue(*second, "second: undone", true));
  queued.push_back(queue(first(), "first: queued", false));
  holder_thread.join();
  for (auto& thread : queued) {
    thread.join();
  }
  must(holder);
  must(results["second: kept"]);
  must(results["first: queued"]);
  EXPECT_TRUE(fails_with(results["second: undone"], ErrorKind::kConflict, "changed my mind"));
  EXPECT_EQ(ran_on, std::set<std::thread::id>{holder_thread_id}) << "a work ran outside the holder's batch";
  EXPECT_EQ(partner_names(*second), std::vector<std::string>{"second: kept"});
  EXPECT_EQ(must(second->version()), 1);
  EXPECT_EQ(partner_names(first()).size(), 2U);
  EXPECT_EQ(must(first().version()), 2);
}

// The count of the writing connection moves with a write through another network's store of the file.
TEST_F(SharedWriter, StoresOfOneFileCountTheirChangesOnOneConnection) {
  auto second = new_network();
  ASSERT_NE(second, nullptr);
  const std::int64_t before = must(sqlite_total_changes(first()));
  must(second->transact([](StoreSession& s) { return add_partner(s, "written through the second store"); }));
  EXPECT_GT(must(sqlite_total_changes(first())), before);
  EXPECT_EQ(must(sqlite_total_changes(first())), must(sqlite_total_changes(*second)));
}

// Threads write to four networks of one file at once, through shared and separate stores of each. Every
// kept work adds one partner and one audit entry, so inside a work a network's partners (served from its
// read cache when valid) number exactly its chain's length; works that fail or throw leave nothing.
TEST_F(SharedWriter, ManyThreadsWritingToFourNetworksKeepEachChainExact) {
  constexpr int kNetworks = 4;
  constexpr int kThreads = 8;
  constexpr int kEach = 40;
  std::vector<std::unique_ptr<program::Store>> stores;
  stores.reserve(kNetworks);
  stores.push_back(same_network(first()));
  for (int n = 1; n < kNetworks; ++n) {
    stores.push_back(new_network());
  }
  std::vector<std::atomic<int>> committed(kNetworks);
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const int n = t % kNetworks;
      // Threads 0-3 share the stores; threads 4-7 open their own store of the same network.
      std::unique_ptr<program::Store> own = t < kNetworks ? nullptr : same_network(*stores[n]);
      program::Store& store = own ? *own : *stores[n];
      for (int i = 0; i < kEach; ++i) {
        const int kind = (t + i) % 5;  // 0: returns an error, 1: throws, otherwise: kept
        const core::Status status = store.transact([&](StoreSession& s) -> core::Status {
          const auto last = must(s.last_audit());
          if (must(s.partners()).size() != static_cast<std::size_t>(last ? last->sequence : 0)) {
            ++mismatches;
          }
          if (auto added = add_partner(s, "T" + std::to_string(t) + "-" + std::to_string(i)); !added.ok()) {
            return added;
          }
          if (kind == 0) {
            return core::make_error(ErrorKind::kInvalidInput, "refused after appending");
          }
          if (kind == 1) {
            throw std::runtime_error("thrown after appending");
          }
          return {};
        });
        if (kind >= 2) {
          must(status);
          committed[n] += status.ok() ? 1 : 0;
        } else {
          EXPECT_FALSE(status.ok());
        }
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(mismatches.load(), 0);
  for (int n = 0; n < kNetworks; ++n) {
    const int kept = committed[n].load();
    EXPECT_EQ(kept, 2 * kEach * 3 / 5) << "network " << n;
    const auto entries = read_in(*stores[n], [](StoreSession& s) { return s.audit_entries(0, 1'000'000); });
    ASSERT_EQ(entries.size(), static_cast<std::size_t>(kept)) << "network " << n;
    for (std::size_t k = 0; k < entries.size(); ++k) {
      EXPECT_EQ(entries[k].sequence, static_cast<std::int64_t>(k) + 1);
    }
    EXPECT_EQ(partner_names(*stores[n]).size(), static_cast<std::size_t>(kept));
    EXPECT_EQ(must(stores[n]->version()), kept);
  }
}

// From inside a work of network 1, a transaction on network 2's store would wait for the batch the work
// is part of: it is refused. Reads of the other store's version are served inside the batch.
TEST_F(SharedWriter, ATransactionNestedInAnotherNetworksWorkIsRefused) {
  auto second = new_network();
  ASSERT_NE(second, nullptr);
  must(second->transact([](StoreSession& s) { return add_partner(s, "before"); }));
  core::Status nested;
  must(first().transact([&](StoreSession& s) -> core::Status {
    nested = second->transact([](StoreSession& inner) { return add_partner(inner, "nested"); });
    EXPECT_EQ(must(second->version()), 1);
    return add_partner(s, "outer");
  }));
  EXPECT_TRUE(fails_with(nested, ErrorKind::kInternal, "inside a transaction"));
  EXPECT_EQ(partner_names(*second), std::vector<std::string>{"before"});
  EXPECT_EQ(partner_names(first()), std::vector<std::string>{"outer"});
}

// The writer lives while any store of the file does: a store outlives the one it was opened from, and
// the file opens again after every store of it has gone.
TEST_F(SharedWriter, AStoreOutlivingAnotherOfItsFileKeepsWorking) {
  auto second = new_network();
  ASSERT_NE(second, nullptr);
  const std::int64_t second_network = second->network();
  must(first().transact([](StoreSession& s) { return add_partner(s, "in the first"); }));
  close_first();  // the store the second was opened from goes
  must(second->transact([](StoreSession& s) { return add_partner(s, "after the first went"); }));
  EXPECT_EQ(partner_names(*second), std::vector<std::string>{"after the first went"});
  reopen_first();
  EXPECT_EQ(partner_names(first()), std::vector<std::string>{"in the first"});
  second.reset();
  close_first();  // no store of the file is left: the next one opens a new writer
  auto again = must(open_sqlite_store(path(), {.name_or_id = std::to_string(second_network)}));
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(partner_names(*again), std::vector<std::string>{"after the first went"});
}

// Runs SQL on the database behind covalue's back, as another process would.
void run_sql_on(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  char* message = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &message), SQLITE_OK) << (message ? message : "");
  sqlite3_free(message);
  sqlite3_close(db);
}

// Every store of a process shares a writer, so a change from outside comes from another connection:
// it moves the network's audit chain, and the reads kept for the network are not served any more.
TEST_F(SharedWriter, ReadsKeptSeeAChangeOfAnotherConnection) {
  must(first().transact([](StoreSession& s) { return add_partner(s, "ours"); }));
  ASSERT_EQ(partner_names(first()), std::vector<std::string>{"ours"});  // read (and kept) here
  run_sql_on(path(),
             "INSERT INTO partners (network_id, id, name, tier, joined_cycle, left_cycle) "
             "SELECT network_id, id + 1, 'theirs', tier, joined_cycle, left_cycle FROM partners WHERE network_id = 1;"
             "INSERT INTO audit_log SELECT network_id, sequence + 1, time, actor, action, detail, hash, hash "
             "FROM audit_log WHERE network_id = 1");
  EXPECT_EQ(partner_names(first()), (std::vector<std::string>{"ours", "theirs"}));
  EXPECT_EQ(must(first().version()), 2);
}

// A file deleted and made anew under the same path while a store of the old one lives is a new database:
// a store opened now does not get the old file's writer.
TEST_F(SharedWriter, AFileMadeAnewUnderTheSamePathGetsItsOwnWriter) {
  must(first().transact([](StoreSession& s) { return add_partner(s, "in the old file"); }));
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path() + suffix);
  }
  auto fresh = must(open_sqlite_store(path()));
  ASSERT_NE(fresh, nullptr);
  EXPECT_TRUE(partner_names(*fresh).empty());
}

}  // namespace
}  // namespace covalue::testing
