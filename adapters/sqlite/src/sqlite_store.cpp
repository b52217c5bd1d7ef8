#include "covalue/adapters/sqlite/sqlite_store.hpp"

#include <mutex>
#include <string>
#include <utility>

#include "connection.hpp"
#include "covalue/adapters/sql/networks.hpp"
#include "group_commit.hpp"
#include "schema.hpp"
#include "shared_writer.hpp"
#include "sqlite_db.hpp"

namespace covalue::adapters::sqlite {
namespace {

using core::ErrorKind;
using core::make_error;
using core::Status;

// The store's version: the newest audit sequence of its network.
core::Result<std::int64_t> read_version(Connection& db, std::int64_t network) {
  SqliteDb view(db);
  return sql::network_version(view, network);
}

// Calls `use` with the connection of `writer` as the SQL store's Db, between batches.
template <typename Use>
auto on_writer(GroupCommit& writer, Use use) {
  return writer.with_connection([&](Connection& db) {
    SqliteDb view(db);
    return use(view);
  });
}

// The Store of one network on the writer of its database file (shared_writer.hpp): transactions of
// every thread and of every network of the file run one after another on one connection, many of them
// committed together (group_commit.hpp). version() of a file database reads on a second, read-only
// connection of its own, so that it never waits for a batch (WAL: readers do not block writers).
class SqliteStore final : public sql::StoreBase {
 public:
  SqliteStore(std::string path, std::shared_ptr<GroupCommit> writer, std::int64_t network)
      : StoreBase(network), path_(std::move(path)), writer_(std::move(writer)) {}

  [[nodiscard]] core::Result<std::unique_ptr<program::Store>> open_network(
      const program::NetworkChoice& choice) override {
    if (is_private(path_)) {
      return make_error(ErrorKind::kInvalidInput, "a private in-memory database holds one network");
    }
    return open_sqlite_store(path_, choice);
  }

  [[nodiscard]] core::Result<std::int64_t> version() override {
    if (is_private(path_) || writer_->running_here()) {
      return writer_->with_connection([this](Connection& db) { return read_version(db, network_); });
    }
    const std::lock_guard lock(reader_mutex_);
    if (reader_ == nullptr) {
      auto opened = open_reader();
      if (!opened.ok()) {
        return opened.error();
      }
      reader_ = std::move(*opened);
    }
    return read_version(*reader_, network_);
  }

  [[nodiscard]] Status transact(const std::function<Status(program::StoreSession&)>& work) override {
    return writer_->transact(network_, work);
  }

  //! The whole database, as Connection::image() gives it (waits for a batch in progress).
  [[nodiscard]] core::Result<std::string> image() {
    return writer_->with_connection([](Connection& db) { return db.image(); });
  }

  //! Connection::total_changes() of the writing connection, which every store of the file shares (waits
  //! for a batch in progress).
  [[nodiscard]] std::int64_t total_changes() {
    return writer_->with_connection([](Connection& db) { return db.total_changes(); });
  }

 private:
  Status lend(const std::function<Status(sql::Db&)>& use) override { return on_writer(*writer_, use); }

  // The read-only connection of version(), opened on first use.
  [[nodiscard]] core::Result<std::unique_ptr<Connection>> open_reader() const {
    auto opened = Connection::open(path_);
    if (!opened.ok()) {
      return opened.error();
    }
    if (auto read_only = (*opened)->execute("PRAGMA query_only = ON"); !read_only.ok()) {
      return read_only.error();
    }
    return opened;
  }

  std::string path_;
  std::shared_ptr<GroupCommit> writer_;
  std::mutex reader_mutex_;
  std::unique_ptr<Connection> reader_;
};

// A Store of the network `choice` names, on `writer` (of the database at `path`).
core::Result<std::unique_ptr<program::Store>> open_on(const std::string& path, std::shared_ptr<GroupCommit> writer,
                                                      const program::NetworkChoice& choice) {
  auto network = on_writer(*writer, [&](sql::Db& db) { return sql::resolve_network(db, choice, path); });
  if (!network.ok()) {
    return network.error();
  }
  return std::unique_ptr<program::Store>(std::make_unique<SqliteStore>(path, std::move(writer), *network));
}

}  // namespace

int sqlite_schema_version() { return schema_migrations().back().version; }

core::Result<std::unique_ptr<program::Store>> open_sqlite_store(const std::string& path,
                                                                const program::NetworkChoice& network) {
  auto writer = writer_of(path);
  if (!writer.ok()) {
    return writer.error();
  }
  return open_on(path, std::move(*writer), network);
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
  auto writer = private_writer(std::move(*db));
  if (!writer.ok()) {
    return writer.error();
  }
  return open_on(":memory:", std::move(*writer), {});
}

}  // namespace covalue::adapters::sqlite
