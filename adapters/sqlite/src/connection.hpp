#pragma once

// A thin RAII layer over the SQLite C API: one connection with its cache of prepared statements,
// and statements whose every value is bound as a parameter.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "covalue/core/result.hpp"

namespace covalue::adapters::sqlite {

//! The Error of a failed SQLite call: a UNIQUE or PRIMARY KEY failure is kConflict, a FOREIGN KEY
//! failure kNotFound, a CHECK or NOT NULL failure kInvalidInput, a lock held too long kConflict,
//! anything else kInternal. The message is SQLite's.
[[nodiscard]] core::Error sqlite_error(sqlite3* db, int code);

//! A prepared statement borrowed from a Connection's cache; reset (bindings cleared) when it dies.
//! Parameters are bound in order, ?1 first. A failed prepare or bind surfaces at step()/run().
class Statement {
 public:
  //! Wraps `stmt` of `db`, or carries `error` when preparing failed.
  Statement(sqlite3* db, sqlite3_stmt* stmt, std::optional<core::Error> error);
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  //! Binds the next parameter to an integer.
  Statement& bind_int(std::int64_t value);
  //! Binds the next parameter to a text (copied).
  Statement& bind_text(std::string_view value);
  //! Binds the next parameter to an integer, or NULL when empty.
  Statement& bind_optional_int(const std::optional<std::int64_t>& value);

  //! Advances: true when a row is ready, false when done.
  [[nodiscard]] core::Result<bool> step();
  //! Runs a statement that returns no rows to its end.
  [[nodiscard]] core::Status run();

  //! The integer in `column` of the current row.
  [[nodiscard]] std::int64_t int_at(int column) const;
  //! The text in `column` of the current row ("" for NULL).
  [[nodiscard]] std::string text_at(int column) const;
  //! True when `column` of the current row is NULL.
  [[nodiscard]] bool is_null(int column) const;
  //! The name of `column` in the result.
  [[nodiscard]] std::string column_name(int column) const;

 private:
  void check_bind(int code);

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  std::optional<core::Error> error_;
  int next_{1};
};

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
  //! The statement for `sql`, prepared once and then reused. Neutral "$?" placeholders are numbered.
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
