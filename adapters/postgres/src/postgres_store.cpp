#include "covalue/adapters/postgres/postgres_store.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <random>
#include <string>
#include <thread>
#include <utility>

#include "connection_pool.hpp"
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

// The stores whose transaction the current thread is inside (to refuse a nested transact()).
thread_local std::vector<const void*> active_stores;

// How one run of the work ended: its status, whether it must run again, and whether the writer lock
// was released with the transaction's end.
struct Attempt {
  Status status;
  bool retry{false};
  bool unlocked{false};
};

// Ends the transaction: COMMIT when everything worked, ROLLBACK otherwise, each followed by `unlock`
// (when not empty) in the same round trip. Throws pqxx exceptions.
Attempt finish(pqxx::nontransaction& tx, const PgDb& session, Status result, const std::string& unlock) {
  const std::string then = unlock.empty() ? std::string() : "; " + unlock;
  if (session.must_retry()) {
    tx.exec("ROLLBACK" + then);
    return {std::move(result), true, !unlock.empty()};
  }
  if (result.ok() && session.aborted()) {
    result = *session.aborted();
  }
  if (!result.ok()) {
    tx.exec("ROLLBACK" + then);
    return {std::move(result), false, !unlock.empty()};
  }
  tx.exec("COMMIT" + then);
  return {{}, false, !unlock.empty()};
}

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

class PostgresStore final : public program::Store {
 public:
  PostgresStore(std::string url, PostgresOptions options, std::unique_ptr<Connection> first, std::int64_t network)
      : url_(url), options_(options), pool_(std::move(url), options.pool_size, std::move(first)), network_(network) {}

  [[nodiscard]] std::int64_t network() const override { return network_; }

  [[nodiscard]] core::Result<std::vector<program::NetworkInfo>> networks() override {
    return read_only([](sql::Db& db) { return sql::list_networks(db); });
  }

  [[nodiscard]] core::Result<std::optional<std::int64_t>> token_network(const std::string& secret_hash) override {
    return read_only([&](sql::Db& db) { return sql::token_network(db, secret_hash); });
  }

  [[nodiscard]] core::Result<std::unique_ptr<program::Store>> open_network(
      const program::NetworkChoice& choice) override {
    return open_postgres_store(url_, options_, choice);
  }

  [[nodiscard]] Status transact(const Work& work) override {
    if (std::find(active_stores.begin(), active_stores.end(), this) != active_stores.end()) {
      return make_error(ErrorKind::kInternal, "transact() called from inside a transaction of the same store");
    }
    active_stores.push_back(this);
    Status result = run_attempts(work, true);
    active_stores.erase(std::find(active_stores.begin(), active_stores.end(), this));
    return result;
  }

  // Reads run without the writer lock, in a read-only REPEATABLE READ transaction: a consistent
  // snapshot that never waits for the network's writers nor makes them wait.
  [[nodiscard]] Status read(const Work& work) override {
    if (std::find(active_stores.begin(), active_stores.end(), this) != active_stores.end()) {
      return make_error(ErrorKind::kInternal, "read() called from inside a transaction of the same store");
    }
    active_stores.push_back(this);
    Status result = run_attempts(work, false);
    active_stores.erase(std::find(active_stores.begin(), active_stores.end(), this));
    return result;
  }

  [[nodiscard]] core::Result<std::int64_t> version() override {
    return read_only([this](sql::Db& db) { return sql::network_version(db, network_); });
  }

 private:
  // Every attempt of a transaction (`locked`) holds the writer lock, a session advisory lock taken
  // before BEGIN (so the snapshot is taken after it): covalue's own transactions, from any process,
  // queue instead of failing each other's serialisation (every change appends to the network's audit
  // chain, so they would). SERIALIZABLE stays, and so do the retries, against anything else writing to
  // the database. A read takes no lock.
  Status run_attempts(const Work& work, bool locked) {
    const int attempts = std::max(options_.max_attempts, 1);
    for (int attempt = 0; attempt < attempts; ++attempt) {
      if (attempt > 1) {
        back_off(attempt);
      }
      Attempt outcome = run_once(work, locked);
      if (!outcome.retry) {
        return outcome.status;
      }
    }
    return make_error(ErrorKind::kConflict, "concurrent transactions kept changing the same data (tried " +
                                                std::to_string(attempts) + " times); try again");
  }

  Attempt run_once(const Work& work, bool locked) {
    auto lease = pool_.acquire();
    if (!lease.ok()) {
      return {lease.error(), false};
    }
    Connection& db = **lease;
    Attempt attempt = run_in_transaction(db, work, locked);
    if (locked && !attempt.unlocked && db.usable()) {
      try {
        pqxx::nontransaction tx(db.handle());
        tx.exec(writer_lock("pg_advisory_unlock", network_));
      } catch (...) {
        db.mark_broken();  // closing the connection releases the lock
      }
    }
    return attempt;
  }

  // One statement-at-a-time read outside any transaction (autocommit) on a pooled connection.
  template <typename Read>
  auto read_only(Read read) -> decltype(read(std::declval<sql::Db&>())) {
    auto lease = pool_.acquire();
    if (!lease.ok()) {
      return lease.error();
    }
    try {
      pqxx::nontransaction tx((**lease).handle());
      PgDb db(**lease, tx);
      return read(db);
    } catch (...) {
      bool lost = false;
      core::Error error = pg_error(std::current_exception(), nullptr, &lost);
      if (lost) {
        (**lease).mark_broken();
      }
      return error;
    }
  }

  // Runs the work with its reads cached; the cache learns what it read and changed once COMMIT
  // succeeded. COMMIT and the unlock go in one round trip.
  Attempt run_in_transaction(Connection& db, const Work& work, bool locked) {
    bool committing = false;
    try {
      pqxx::nontransaction tx(db.handle());
      if (locked) {
        // Two round trips: in one message the BEGIN would take the lock's statement (and its snapshot,
        // taken before the wait) into the transaction.
        tx.exec(writer_lock("pg_advisory_lock", network_));
        tx.exec("BEGIN ISOLATION LEVEL SERIALIZABLE");
      } else {
        tx.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      }
      PgDb pg(db, tx);
      sql::Session session(pg, network_);
      sql::TransactionReads reads(cache_);
      sql::CachedSession cached(session, reads);
      Status result = sql::run_work(cached, work);
      committing = true;
      Attempt attempt = finish(tx, pg, std::move(result), locked ? writer_lock("pg_advisory_unlock", network_) : "");
      if (attempt.status.ok() && !attempt.retry) {
        reads.commit();
      }
      return attempt;
    } catch (...) {
      std::string sqlstate;
      bool lost = false;
      core::Error error = pg_error(std::current_exception(), &sqlstate, &lost);
      if (lost) {
        db.mark_broken();
        // A lost connection before COMMIT was sent changed nothing: run again on a fresh one.
        return {error, !committing};
      }
      return {error, is_retryable(sqlstate)};
    }
  }

  std::string url_;
  PostgresOptions options_;
  ConnectionPool pool_;
  std::int64_t network_;
  sql::ReadCache cache_;  // the network's reads, kept between transactions (sql/read_cache.hpp)
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
  try {
    pqxx::nontransaction tx((**first).handle());
    PgDb db(**first, tx);
    chosen = sql::resolve_network(db, network, redact_url(url));
  } catch (...) {
    chosen = pg_error(std::current_exception());
  }
  if (!chosen.ok()) {
    return chosen.error();
  }
  return std::unique_ptr<program::Store>(
      std::make_unique<PostgresStore>(url, options, std::move(first).value(), *chosen));
}

}  // namespace covalue::adapters::postgres
