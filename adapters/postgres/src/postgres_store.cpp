#include "covalue/adapters/postgres/postgres_store.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <random>
#include <string>
#include <thread>
#include <utility>

#include "connection_pool.hpp"
#include "covalue/adapters/sql/batcher.hpp"
#include "covalue/adapters/sql/networks.hpp"
#include "covalue/adapters/sql/read_cache.hpp"
#include "covalue/adapters/sql/session.hpp"
#include "pg_db.hpp"
#include "schema.hpp"

namespace covalue::adapters::postgres {
namespace {

using core::ErrorKind;
using core::make_error;
using core::Status;
using Work = std::function<Status(program::StoreSession&)>;
using Item = sql::Batcher::Item;
using Items = std::vector<Item*>;

// At most this many works share one transaction.
constexpr std::size_t kMaxBatch = 32;

// What became of one run of a batch: each work's result is in its item; `retry` runs every work again
// (a serialisation failure, a connection lost before COMMIT), `again` only these (another work broke
// the transaction and has its final result).
struct Outcome {
  bool retry{false};
  Items again;
  bool precisely{false};  // an optimistic run failed: run every work again in the precise mode
};

// The stores whose transaction the current thread is inside (to refuse a nested transact()).
thread_local std::vector<const void*> active_stores;

// The first key of the advisory locks covalue's transactions queue on ("COVA" as a number); the second
// is the network's id, so the writes of different networks do not wait for each other.
constexpr std::int64_t kWriterLock = 0x434f5641;

std::string writer_lock(const char* function, std::int64_t network) {
  return std::string("SELECT ") + function + "(" + std::to_string(kWriterLock) + ", " + std::to_string(network) + ")";
}

// A short random pause before running the work again: up to 2^attempt ms, at most 64 ms.
void back_off(int attempt) {
  thread_local std::minstd_rand random(std::random_device{}());
  const int ceiling = 1 << std::min(attempt + 1, 6);
  std::uniform_int_distribution<int> pause(ceiling / 2, ceiling);
  std::this_thread::sleep_for(std::chrono::microseconds(pause(random) * 1000));
}

class PostgresStore final : public sql::StoreBase {
 public:
  PostgresStore(std::string url, PostgresOptions options, std::unique_ptr<Connection> first, std::int64_t network)
      : StoreBase(network),
        url_(std::move(url)),
        options_(options),
        pool_(ConnectionPool::shared(url_, options.pool_size, std::move(first))),
        batcher_(kMaxBatch) {}

  [[nodiscard]] core::Result<std::unique_ptr<program::Store>> open_network(
      const program::NetworkChoice& choice) override {
    return open_postgres_store(url_, options_, choice);
  }

  [[nodiscard]] Status transact(const Work& work) override {
    return outside("transact()", [&] {
      return batcher_.submit(network_, work, [this](sql::Batcher::Batch& batch) {
        while (batch.take() != nullptr) {
        }
        run_attempts(batch.items(), true);
      });
    });
  }

  // Reads run without the writer lock, in a read-only REPEATABLE READ transaction: a consistent
  // snapshot that never waits for the network's writers nor makes them wait.
  [[nodiscard]] Status read(const Work& work) override {
    return outside("read()", [&] {
      Item item{&work, network_, {}};
      run_attempts({&item}, false);
      return std::move(item.result);
    });
  }

  [[nodiscard]] core::Result<std::int64_t> version() override {
    return read_only([this](sql::Db& db) { return sql::network_version(db, network_); });
  }

 private:
  Status lend(const std::function<Status(sql::Db&)>& use) override { return read_only(use); }

  // `run()`, refused with kInternal (naming `what`) inside a transaction of this store on this thread.
  template <typename Run>
  Status outside(const char* what, Run run) {
    if (std::find(active_stores.begin(), active_stores.end(), this) != active_stores.end()) {
      return make_error(ErrorKind::kInternal,
                        std::string(what) + " called from inside a transaction of the same store");
    }
    active_stores.push_back(this);
    Status result = run();
    active_stores.erase(std::find(active_stores.begin(), active_stores.end(), this));
    return result;
  }

  // Transactions run in batches (group commit: sql/batcher.hpp), each work of a batch in its own
  // savepoint, so that the writer lock, BEGIN, the chain's head read and COMMIT are paid once per
  // batch. Every attempt of a batch (`locked`) holds the writer lock, a session advisory lock taken
  // before BEGIN (so the snapshot is taken after it): covalue's own transactions, from any process,
  // queue instead of failing each other's serialisation (every change appends to the network's audit
  // chain, so they would). SERIALIZABLE stays, and so do the retries, against anything else writing to
  // the database. A read is a batch of one that takes no lock.
  void run_attempts(Items items, bool locked) {
    const int attempts = std::max(options_.max_attempts, 1);
    for (int attempt = 0; attempt < attempts && !items.empty(); ++attempt) {
      if (attempt > 1) {
        back_off(attempt);
      }
      Outcome outcome = run_once(items, locked);
      if (!outcome.retry) {
        items = std::move(outcome.again);
      }
    }
    sql::Batcher::fail_kept(
        items, make_error(ErrorKind::kConflict, "concurrent transactions kept changing the same data (tried " +
                                                    std::to_string(attempts) + " times); try again"));
  }

  Outcome run_once(const Items& items, bool locked) {
    auto lease = pool_->acquire();
    if (!lease.ok()) {
      for (Item* item : items) {
        item->result = lease.error();
      }
      return {};
    }
    Outcome outcome = run_in_transaction(**lease, items, locked, PgDb::Mode::kOptimistic);
    if (outcome.precisely) {
      outcome = run_in_transaction(**lease, items, locked, PgDb::Mode::kPrecise);
    }
    return outcome;
  }

  // One statement-at-a-time read outside any transaction (autocommit) on a pooled connection.
  template <typename Read>
  auto read_only(Read read) -> decltype(read(std::declval<sql::Db&>())) {
    auto lease = pool_->acquire();
    if (!lease.ok()) {
      return lease.error();
    }
    PgDb db(**lease, PgDb::Mode::kPrecise);
    auto result = read(db);
    db.finish_later();
    return result;
  }

  // Runs the works in one transaction with their reads cached; the cache learns what they read and
  // changed once COMMIT succeeded. The writer lock, BEGIN and the first read go in one round trip, and
  // so do the writes, COMMIT and the unlock (pg_db.hpp).
  Outcome run_in_transaction(Connection& db, const Items& items, bool locked, PgDb::Mode mode) {
    PgDb pg(db, mode);
    if (locked) {
      // A synchronisation point of its own: the lock's statement runs, and waits, outside the
      // transaction, whose snapshot is taken after it.
      (void)pg.send_text(writer_lock("pg_advisory_lock", network_));
      pg.send_sync();
    }
    (void)pg.send_text(locked ? "BEGIN ISOLATION LEVEL SERIALIZABLE"
                              : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    sql::TransactionReads reads(cache_);
    for (std::size_t i = 0; i < items.size(); ++i) {
      items[i]->result = run_one(pg, reads, *items[i]->work, locked);
      if (pg.must_retry() || !db.usable()) {
        return end(db, pg, locked, {true, {}, false});
      }
      if (pg.aborted() && mode == PgDb::Mode::kOptimistic) {
        return end(db, pg, locked, {false, {}, true});
      }
      if (!items[i]->result.ok() && locked) {
        reads.work_undone();
        if (!pg.undo_work()) {
          if (pg.must_retry() || !db.usable()) {
            return end(db, pg, locked, {true, {}, false});
          }
          if (mode == PgDb::Mode::kOptimistic) {
            return end(db, pg, locked, {false, {}, true});
          }
          // The failure broke the transaction: the other works run again without it.
          Items again(items.begin(), items.end());
          again.erase(again.begin() + static_cast<std::ptrdiff_t>(i));
          return end(db, pg, locked, {false, std::move(again), false});
        }
      }
    }
    if (pg.aborted()) {
      if (mode == PgDb::Mode::kOptimistic) {
        return end(db, pg, locked, {false, {}, true});
      }
      sql::Batcher::fail_kept(items, *pg.aborted());
      return end(db, pg, locked, {});
    }
    const std::size_t commit = pg.send_text("COMMIT");
    pg.send_sync();
    if (!locked) {
      // A read-only transaction's COMMIT cannot undo what it read: nobody waits for it.
      pg.finish_later();
      reads.commit();
      return {};
    }
    const std::size_t unlock = pg.send_text(writer_lock("pg_advisory_unlock", network_));
    pg.send_sync();
    auto committed = pg.wait(commit);
    const bool unlocked = pg.wait(unlock).ok();
    if (!committed.ok() || !unlocked) {
      // A COMMIT skipped after a failure leaves the transaction open, and the unlock refused: roll
      // back (a warning only when nothing is open) and unlock again.
      (void)end(db, pg, !unlocked, {});
    }
    if (committed.ok()) {
      pg.finish_later();
      reads.commit();
      return {};
    }
    if (pg.must_retry() || !db.usable()) {
      // A lost connection after COMMIT was sent may have committed: only a refused one runs again.
      const bool retry = pg.must_retry();
      if (!retry) {
        sql::Batcher::fail_kept(items, committed.error());
      }
      return {retry, {}, false};
    }
    if (mode == PgDb::Mode::kOptimistic) {
      return {false, {}, true};
    }
    sql::Batcher::fail_kept(items, committed.error());
    return {};
  }

  // Rolls the transaction back and unlocks when `locked`; gives `outcome`. A connection that cannot is
  // dropped (closing it unlocks).
  Outcome end(Connection& db, PgDb& pg, bool locked, Outcome outcome) {
    pg.send_sync();
    const std::size_t rollback = pg.send_text("ROLLBACK");
    pg.send_sync();
    bool done = pg.wait(rollback).ok();
    if (locked) {
      done = pg.wait(pg.send_text(writer_lock("pg_advisory_unlock", network_))).ok() && done;
    }
    if (!pg.drain() || !done) {
      db.mark_broken();
    }
    return outcome;
  }

  // Runs one work of a batch, in its own savepoint when `in_savepoint` (undone by the caller on failure).
  Status run_one(PgDb& pg, sql::TransactionReads& reads, const Work& work, bool in_savepoint) {
    if (in_savepoint) {
      pg.begin_work();
    }
    sql::Session session(pg, network_, &reads);
    Status status = sql::run_work(session, work);
    if (status.ok() && pg.aborted()) {
      status = *pg.aborted();
    }
    if (status.ok() && in_savepoint) {
      pg.end_work();
    }
    return status;
  }

  std::string url_;
  PostgresOptions options_;
  std::shared_ptr<ConnectionPool> pool_;  // shared with the stores of the other networks of the database
  sql::ReadCache cache_;                  // the network's reads, kept between transactions (sql/read_cache.hpp)
  sql::Batcher batcher_;                  // the network's transactions, committed in batches
};

}  // namespace

int postgres_schema_version() { return schema_migrations().back().version; }

bool is_postgres_url(const std::string& text) {
  return text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0;
}

core::Result<std::unique_ptr<program::Store>> open_postgres_store(const std::string& url, PostgresOptions options,
                                                                  const program::NetworkChoice& network) {
  auto first = Connection::open(url);
  if (!first.ok()) {
    return first.error();
  }
  if (auto migrated = migrate(**first, schema_migrations(), redact_url(url)); !migrated.ok()) {
    return migrated.error();
  }
  core::Result<std::int64_t> chosen = 0;
  {
    PgDb db(**first, PgDb::Mode::kPrecise);
    chosen = sql::resolve_network(db, network, redact_url(url));
  }
  if (!chosen.ok()) {
    return chosen.error();
  }
  return std::unique_ptr<program::Store>(
      std::make_unique<PostgresStore>(url, options, std::move(first).value(), *chosen));
}

}  // namespace covalue::adapters::postgres
