#include "covalue/adapters/sqlite/sqlite_store.hpp"

#include <exception>
#include <mutex>
#include <string>
#include <utility>

#include "connection.hpp"
#include "covalue/adapters/sql/networks.hpp"
#include "covalue/adapters/sql/session.hpp"
#include "schema.hpp"
#include "sqlite_db.hpp"

namespace covalue::adapters::sqlite {
namespace {

using core::ErrorKind;
using core::make_error;
using core::Status;

// The Store on one connection. One transaction at a time: other threads wait on the mutex; the same
// thread calling transact() again from inside its work is refused.
class SqliteStore final : public program::Store {
 public:
  SqliteStore(std::unique_ptr<Connection> db, std::int64_t network) : db_(std::move(db)), network_(network) {}

  [[nodiscard]] core::Result<std::int64_t> version() override {
    const std::lock_guard lock(mutex_);
    SqliteDb db(*db_);
    return sql::network_version(db, network_);
  }

  [[nodiscard]] std::int64_t network() const override { return network_; }

  [[nodiscard]] core::Result<std::vector<program::NetworkInfo>> networks() override {
    const std::lock_guard lock(mutex_);
    SqliteDb db(*db_);
    return sql::list_networks(db);
  }

  [[nodiscard]] core::Result<std::optional<std::int64_t>> token_network(const std::string& secret_hash) override {
    const std::lock_guard lock(mutex_);
    SqliteDb db(*db_);
    return sql::token_network(db, secret_hash);
  }

  [[nodiscard]] core::Result<std::unique_ptr<program::Store>> open_network(
      const program::NetworkChoice& choice) override {
    if (db_->path() == ":memory:" || db_->path().empty()) {
      return make_error(ErrorKind::kInvalidInput, "a private in-memory database holds one network");
    }
    return open_sqlite_store(db_->path(), choice);
  }

  [[nodiscard]] Status transact(const std::function<Status(program::StoreSession&)>& work) override {
    const std::lock_guard lock(mutex_);
    if (in_transaction_) {
      return make_error(ErrorKind::kInternal, "transact() called from inside a transaction of the same store");
    }
    if (auto begun = db_->execute("BEGIN IMMEDIATE"); !begun.ok()) {
      return begun;
    }
    in_transaction_ = true;
    Status result = run(work);
    in_transaction_ = false;
    if (!result.ok()) {
      rollback();
      return result;
    }
    if (auto committed = db_->execute("COMMIT"); !committed.ok()) {
      rollback();
      return committed;
    }
    return {};
  }

  //! The whole database, as Connection::image() gives it (waits for a transaction in progress).
  [[nodiscard]] core::Result<std::string> image() {
    const std::lock_guard lock(mutex_);
    return db_->image();
  }

  //! Connection::total_changes() (waits for a transaction in progress).
  [[nodiscard]] std::int64_t total_changes() {
    const std::lock_guard lock(mutex_);
    return db_->total_changes();
  }

 private:
  Status run(const std::function<Status(program::StoreSession&)>& work) {
    SqliteDb db(*db_);
    sql::Session session(db, network_);
    return sql::run_work(session, work);
  }

  // SQLite may already have rolled back on its own (after an I/O error, say).
  void rollback() {
    if (!db_->autocommit()) {
      (void)db_->execute("ROLLBACK");
    }
  }

  std::recursive_mutex mutex_;
  bool in_transaction_{false};
  std::unique_ptr<Connection> db_;
  std::int64_t network_;
};

// Brings the schema of an open connection up to date and wraps it in a Store of the chosen network.
core::Result<std::unique_ptr<program::Store>> open_on(std::unique_ptr<Connection> db,
                                                      const program::NetworkChoice& choice) {
  if (auto migrated = migrate(*db, schema_migrations()); !migrated.ok()) {
    return migrated.error();
  }
  SqliteDb view(*db);
  auto network = sql::resolve_network(view, choice, db->path());
  if (!network.ok()) {
    return network.error();
  }
  return std::unique_ptr<program::Store>(std::make_unique<SqliteStore>(std::move(db), *network));
}

}  // namespace

int sqlite_schema_version() { return schema_migrations().back().version; }

core::Result<std::unique_ptr<program::Store>> open_sqlite_store(const std::string& path,
                                                                const program::NetworkChoice& network) {
  auto db = Connection::open(path);
  if (!db.ok()) {
    return db.error();
  }
  return open_on(std::move(*db), network);
}

core::Result<std::string> sqlite_image(program::Store& store) {
  auto* sqlite = dynamic_cast<SqliteStore*>(&store);
  if (sqlite == nullptr) {
    return make_error(ErrorKind::kInvalidInput, "not a SQLite store: no image to take");
  }
  return sqlite->image();
}

core::Result<std::int64_t> sqlite_total_changes(program::Store& store) {
  auto* sqlite = dynamic_cast<SqliteStore*>(&store);
  if (sqlite == nullptr) {
    return make_error(ErrorKind::kInvalidInput, "not a SQLite store: no changes to count");
  }
  return sqlite->total_changes();
}

core::Result<std::unique_ptr<program::Store>> open_sqlite_image(std::string_view image) {
  auto db = Connection::open(":memory:");
  if (!db.ok()) {
    return db.error();
  }
  if (auto loaded = (*db)->load_image(image); !loaded.ok()) {
    return loaded.error();
  }
  return open_on(std::move(*db), {});
}

}  // namespace covalue::adapters::sqlite
