#pragma once

// A thin RAII layer over the SQLite C API: one connection with its cache of prepared statements,
// which it gives as the SQL store's statements (every value bound as a parameter).

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "covalue/adapters/sql/db.hpp"
#include "covalue/core/result.hpp"

namespace covalue::adapters::sqlite {

//! The Error of a failed SQLite call: a UNIQUE or PRIMARY KEY failure is kConflict, a FOREIGN KEY
//! failure kNotFound, a CHECK or NOT NULL failure kInvalidInput, a lock held too long kConflict,
//! anything else kInternal. The message is SQLite's.
[[nodiscard]] core::Error sqlite_error(sqlite3* db, int code);

//! A statement of a Connection: the SQL store's, whose values are bound in order, ?1 first. A failed
//! prepare or bind surfaces at step()/run().
using Statement = sql::Statement;

//! One open database connection and its prepared statements.
class Connection {
 public:
  //! Opens or creates the database at `path` (":memory:" for a private one); sets the busy timeout,
  //! foreign keys and extended result codes. Errors name the path.
  [[nodiscard]] static core::Result<std::unique_ptr<Connection>> open(const std::string& path);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  //! Runs SQL without parameters (schema steps, pragmas, transaction control).
  [[nodiscard]] core::Status execute(const char* sql);
  //! The statement for `sql`, prepared once and then reused (reset, its bindings cleared, when the
  //! Statement dies). Neutral "$?" placeholders are numbered.
  [[nodiscard]] Statement prepare(const char* sql);
  //! Rows changed by the last INSERT, UPDATE or DELETE.
  [[nodiscard]] std::int64_t changes() const;
  //! True outside an explicit transaction.
  [[nodiscard]] bool autocommit() const;
  //! Rows inserted, updated or deleted through this connection since it opened, rolled back or not.
  [[nodiscard]] std::int64_t total_changes() const;
  //! The whole main database as bytes (sqlite3_serialize), e.g. to restart tests from a saved state.
  [[nodiscard]] core::Result<std::string> image() const;
  //! Replaces the main database with a private in-memory copy of `image` (sqlite3_deserialize).
  [[nodiscard]] core::Status load_image(std::string_view image);
  //! The path it was opened with.
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  Connection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace covalue::adapters::sqlite
