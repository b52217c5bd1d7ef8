#include "connection.hpp"

#include "covalue/adapters/sql/db.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

namespace covalue::adapters::sqlite {
namespace {

using core::ErrorKind;
using core::make_error;

constexpr int kBusyTimeoutMs = 5000;

ErrorKind kind_of(int code) {
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return ErrorKind::kConflict;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return ErrorKind::kNotFound;
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      return ErrorKind::kInvalidInput;
    default:
      break;
  }
  const int primary = code & 0xff;
  return primary == SQLITE_BUSY || primary == SQLITE_LOCKED ? ErrorKind::kConflict : ErrorKind::kInternal;
}

// A statement borrowed from a Connection's cache behind the SQL store's cursor: values bound as SQLite
// values (truth as 0/1); reset and its bindings cleared when it dies.
class Cursor final : public sql::Cursor {
 public:
  Cursor(sqlite3* db, sqlite3_stmt* stmt, std::optional<core::Error> error)
      : db_(db), stmt_(stmt), error_(std::move(error)) {}
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;
  Cursor(Cursor&&) = delete;
  Cursor& operator=(Cursor&&) = delete;
  ~Cursor() override {
    if (stmt_ != nullptr) {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
    }
  }

  void bind_null() override { check_bind(stmt_ == nullptr ? SQLITE_OK : sqlite3_bind_null(stmt_, next_)); }
  void bind_int(std::int64_t value) override {
    check_bind(stmt_ == nullptr ? SQLITE_OK : sqlite3_bind_int64(stmt_, next_, value));
  }
  void bind_bool(bool value) override { bind_int(value ? 1 : 0); }
  void bind_text(std::string_view value) override;

  [[nodiscard]] core::Result<bool> step() override;
  [[nodiscard]] std::int64_t changes() const override { return sqlite3_changes64(db_); }

  [[nodiscard]] std::int64_t int_at(int column) const override { return sqlite3_column_int64(stmt_, column); }
  [[nodiscard]] std::string text_at(int column) const override;
  [[nodiscard]] bool bool_at(int column) const override { return int_at(column) != 0; }
  [[nodiscard]] bool is_null(int column) const override { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  [[nodiscard]] std::string column_name(int column) const override {
    const char* name = sqlite3_column_name(stmt_, column);
    return name != nullptr ? name : "?";
  }

 private:
  void check_bind(int code) {
    if (code != SQLITE_OK && !error_) {
      error_ = sqlite_error(db_, code);
    }
    ++next_;
  }

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  std::optional<core::Error> error_;
  int next_{1};
};

void Cursor::bind_text(std::string_view value) {
  if (stmt_ == nullptr) {
    check_bind(SQLITE_OK);
    return;
  }
  // SQLite owns the copy and frees it with sqlite3_free (one byte more, so even "" is a text).
  auto* copy = static_cast<char*>(sqlite3_malloc64(value.size() + 1));
  if (copy == nullptr) {
    check_bind(SQLITE_NOMEM);
    return;
  }
  std::memcpy(copy, value.data(), value.size());
  copy[value.size()] = '\0';
  check_bind(sqlite3_bind_text64(stmt_, next_, copy, value.size(), sqlite3_free, SQLITE_UTF8));
}

core::Result<bool> Cursor::step() {
  if (error_) {
    return *error_;
  }
  const int code = sqlite3_step(stmt_);
  if (code == SQLITE_ROW || code == SQLITE_DONE) {
    return code == SQLITE_ROW;
  }
  // A failed step leaves the statement to be reset; report the failure of this step.
  return sqlite_error(db_, code);
}

std::string Cursor::text_at(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) {
    return {};
  }
  return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

}  // namespace

core::Error sqlite_error(sqlite3* db, int code) {
  const int primary = code & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return make_error(ErrorKind::kConflict, "the database is locked by another connection; try again");
  }
  return make_error(kind_of(code), db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code));
}

core::Result<std::unique_ptr<Connection>> Connection::open(const std::string& path) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int code = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (code != SQLITE_OK) {
    std::string message =
        "cannot open the database '" + path + "': " + (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code));
    sqlite3_close(db);
    return make_error(ErrorKind::kInvalidInput, std::move(message), path);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  std::unique_ptr<Connection> connection(new Connection(db, path));
  if (auto on = connection->execute("PRAGMA foreign_keys = ON"); !on.ok()) {
    return make_error(ErrorKind::kInvalidInput, "cannot open the database '" + path + "': " + on.error().message, path);
  }
  return connection;
}

Connection::~Connection() {
  for (auto& entry : cache_) {
    sqlite3_finalize(entry.second);
  }
  sqlite3_close(db_);
}

core::Status Connection::execute(const char* sql) {
  const int code = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  if (code != SQLITE_OK) {
    return sqlite_error(db_, code);
  }
  return {};
}

Statement Connection::prepare(const char* sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    // Statements of the store written once carry neutral "$?" placeholders: numbered as ?1, ?2, ...
    const std::string text = std::strstr(sql, "$?") != nullptr ? sql::translate(sql, false) : std::string(sql);
    const int code = sqlite3_prepare_v3(db_, text.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (code != SQLITE_OK) {
      core::Error error = sqlite_error(db_, code);
      error.kind = ErrorKind::kInternal;
      return Statement(std::make_unique<Cursor>(db_, nullptr, std::move(error)));
    }
    it = cache_.emplace(sql, stmt).first;
  }
  return Statement(std::make_unique<Cursor>(db_, it->second, std::nullopt));
}

std::int64_t Connection::changes() const { return sqlite3_changes64(db_); }

bool Connection::autocommit() const { return sqlite3_get_autocommit(db_) != 0; }

std::int64_t Connection::total_changes() const { return sqlite3_total_changes64(db_); }

core::Result<std::string> Connection::image() const {
  sqlite3_int64 size = 0;
  unsigned char* bytes = sqlite3_serialize(db_, "main", &size, 0);
  if (bytes == nullptr) {
    return make_error(ErrorKind::kInternal, "cannot serialise the database '" + path_ + "'", path_);
  }
  std::string out(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
  sqlite3_free(bytes);
  return out;
}

core::Status Connection::load_image(std::string_view image) {
  // SQLite takes ownership of the copy (FREEONCLOSE) and may grow it (RESIZEABLE) as the database does.
  auto* copy = static_cast<unsigned char*>(sqlite3_malloc64(std::max<std::size_t>(image.size(), 1)));
  if (copy == nullptr) {
    return sqlite_error(db_, SQLITE_NOMEM);
  }
  if (!image.empty()) {
    std::memcpy(copy, image.data(), image.size());
  }
  const auto size = static_cast<sqlite3_int64>(image.size());
  const int code = sqlite3_deserialize(db_, "main", copy, size, size,
                                       SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
  if (code != SQLITE_OK) {
    return sqlite_error(db_, code);
  }
  return {};
}

}  // namespace covalue::adapters::sqlite
