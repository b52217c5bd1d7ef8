#pragma once

// The small port the one SQL store is written against: a dialect (SQLite, PostgreSQL) prepares
// statements written with neutral "$?" placeholders, binds values in order, steps through rows,
// nests savepoints and translates its errors into ErrorKinds. Everything else about a store is
// written once, in adapters/sql.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/core/result.hpp"

namespace covalue::adapters::sql {

//! `sql` with its n-th "$?" (n = 1, 2, ...) written as "$n" when `dollar`, else "?n": PostgreSQL's and
//! SQLite's numbered parameters.
[[nodiscard]] std::string translate(std::string_view sql, bool dollar);

//! One statement of a dialect: parameters bound in order, then rows read one at a time. A dialect's
//! error (a failed prepare or bind) is kept and reported by step().
class Cursor {
 public:
  virtual ~Cursor() = default;

  //! Binds the next parameter to NULL.
  virtual void bind_null() = 0;
  //! Binds the next parameter to an integer.
  virtual void bind_int(std::int64_t value) = 0;
  //! Binds the next parameter to a text.
  virtual void bind_text(std::string_view value) = 0;
  //! Binds the next parameter to a truth value (the dialect's boolean or 0/1).
  virtual void bind_bool(bool value) = 0;

  //! Runs the statement (on the first call) and advances: true when a row is ready, false when done.
  [[nodiscard]] virtual core::Result<bool> step() = 0;
  //! Rows inserted, updated or deleted by the statement, once it has run.
  [[nodiscard]] virtual std::int64_t changes() const = 0;
  //! Runs the statement to its end when nobody reads its rows, counts them or tells its failure from
  //! another's. A dialect may defer a write to its next round trip: its failure is then reported by a
  //! later statement or Db::sync(). By default, runs it now.
  [[nodiscard]] virtual core::Status run_later();
  //! Runs a write whose failure its caller puts in words of its own (a duplicate in a list, say). A
  //! dialect may defer it only when any failure makes it run the whole work again, waiting for each
  //! write (PostgreSQL's optimistic mode). By default, runs it now.
  [[nodiscard]] virtual core::Status run_or_defer();

  //! The integer in `column` of the current row.
  [[nodiscard]] virtual std::int64_t int_at(int column) const = 0;
  //! The text in `column` of the current row ("" for NULL).
  [[nodiscard]] virtual std::string text_at(int column) const = 0;
  //! The truth value in `column` of the current row.
  [[nodiscard]] virtual bool bool_at(int column) const = 0;
  //! True when `column` of the current row is NULL.
  [[nodiscard]] virtual bool is_null(int column) const = 0;
  //! The name of `column` in the result.
  [[nodiscard]] virtual std::string column_name(int column) const = 0;
};

//! True for the std::optional types.
template <typename T>
inline constexpr bool kIsOptional = false;
template <typename T>
inline constexpr bool kIsOptional<std::optional<T>> = true;

//! A statement with its values bound fluently: `db.prepare(kSql).bind_int(1).bind_text(t).run()`.
class Statement {
 public:
  //! Wraps a dialect's cursor.
  explicit Statement(std::unique_ptr<Cursor> cursor) : cursor_(std::move(cursor)) {}

  //! Binds the next parameter to an integer.
  Statement& bind_int(std::int64_t value) {
    cursor_->bind_int(value);
    return *this;
  }
  //! Binds the next parameter to a text.
  Statement& bind_text(std::string_view value) {
    cursor_->bind_text(value);
    return *this;
  }
  //! Binds the next parameter to a truth value.
  Statement& bind_bool(bool value) {
    cursor_->bind_bool(value);
    return *this;
  }
  //! Binds the next parameter to a rational's canonical text ("-7/3").
  Statement& bind_rational(const core::Rational& value) { return bind_text(core::to_string(value)); }
  //! Binds the next parameter to `value` by its type: an integer, a truth value, a rational's text, an
  //! enum's name, a text; NULL for an empty optional.
  template <typename T>
  Statement& bind(const T& value) {
    if constexpr (std::is_same_v<T, std::int64_t>) {
      return bind_int(value);
    } else if constexpr (std::is_same_v<T, bool>) {
      return bind_bool(value);
    } else if constexpr (std::is_same_v<T, core::Rational>) {
      return bind_rational(value);
    } else if constexpr (core::NamedEnum<T>) {
      return bind_text(core::name_of(value));
    } else if constexpr (kIsOptional<T>) {
      if (!value) {
        cursor_->bind_null();
        return *this;
      }
      return bind(*value);
    } else {
      return bind_text(value);
    }
  }
  //! Binds the next parameters to `value`'s members from the `from`-th on, as `columns` (a Columns of
  //! src/columns.hpp) describes them.
  template <typename Columns, typename Row>
  Statement& bind_columns(const Columns& columns, const Row& value, int from = 0) {
    columns.bind(*this, value, from);
    return *this;
  }

  //! Advances: true when a row is ready, false when done.
  [[nodiscard]] core::Result<bool> step() { return cursor_->step(); }
  //! Runs a statement to its end, ignoring any rows.
  [[nodiscard]] core::Status run();
  //! Runs a write whose failure is simply the failure of the session's write that contains it: the
  //! dialect may send it with its next round trip (Cursor::run_later).
  [[nodiscard]] core::Status run_later() { return cursor_->run_later(); }
  //! Runs a write whose failure the caller explains (Cursor::run_or_defer).
  [[nodiscard]] core::Status run_or_defer() { return cursor_->run_or_defer(); }
  //! Runs a statement to its end and gives the number of rows it changed.
  [[nodiscard]] core::Result<std::int64_t> changed();
  //! The integer in column 0 of the first row; kInternal when there is no row.
  [[nodiscard]] core::Result<std::int64_t> single_int();

  //! The current row's values.
  [[nodiscard]] std::int64_t int_at(int column) const { return cursor_->int_at(column); }
  [[nodiscard]] std::string text_at(int column) const { return cursor_->text_at(column); }
  [[nodiscard]] bool bool_at(int column) const { return cursor_->bool_at(column); }
  [[nodiscard]] bool is_null(int column) const { return cursor_->is_null(column); }
  [[nodiscard]] std::string column_name(int column) const { return cursor_->column_name(column); }

 private:
  std::unique_ptr<Cursor> cursor_;
};

//! One transaction of a dialect's connection, as the store written once sees it.
class Db {
 public:
  virtual ~Db() = default;

  //! The statement for `sql`, written with "$?" placeholders (prepared once per connection).
  [[nodiscard]] virtual Statement prepare(const char* sql) = 0;
  //! Opens the savepoint of nesting level `depth` (1 for the outermost).
  [[nodiscard]] virtual core::Status savepoint(int depth) = 0;
  //! Keeps what was done since the savepoint of level `depth` and closes it.
  [[nodiscard]] virtual core::Status release(int depth) = 0;
  //! Undoes what was done since the savepoint of level `depth` (which stays open).
  [[nodiscard]] virtual core::Status rollback_to(int depth) = 0;
  //! Runs whatever the dialect deferred (writes, savepoints) and reports the first failure. The session
  //! calls it at the end of each write, so that a write's failure is its own. By default, nothing.
  [[nodiscard]] virtual core::Status sync() { return {}; }
};

//! The savepoint name of nesting level `depth` ("store_write_1", ...), the same in every dialect.
[[nodiscard]] std::string savepoint_name(int depth);

}  // namespace covalue::adapters::sql
