#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "covalue/adapters/sql/db.hpp"
#include "covalue/core/enum_names.hpp"

namespace covalue::adapters::sql {

//! kInternal "corrupt database: <what>: <message>" for a stored value that does not read back.
[[nodiscard]] core::Error corrupt(std::string_view what, const core::Error& error);
//! kInternal "corrupt database: <table>: a row of unknown parent <id>".
[[nodiscard]] core::Error corrupt_row(std::string_view table, std::int64_t parent);

//! Reads the columns of the current row of a query into model values. The first value that does not
//! read back (a bad rational, an unknown enum name) wins: later reads return defaults and error()
//! says "corrupt database: <table>.<column>: ...".
class RowReader {
 public:
  //! Reads rows of `query`, which come from `table`.
  RowReader(const Statement& query, std::string_view table) : query_(query), table_(table) {}

  //! True while every value read back.
  [[nodiscard]] bool ok() const { return !error_; }
  //! The first failure; only valid when !ok().
  [[nodiscard]] const core::Error& error() const { return *error_; }

  //! An integer column.
  [[nodiscard]] std::int64_t integer(int column) const { return query_.int_at(column); }
  //! An integer column that may be NULL.
  [[nodiscard]] std::optional<std::int64_t> optional_integer(int column) const;
  //! A truth-value column.
  [[nodiscard]] bool boolean(int column) const { return query_.bool_at(column); }
  //! A text column.
  [[nodiscard]] std::string text(int column) const { return query_.text_at(column); }
  //! A rational stored as text.
  [[nodiscard]] core::Rational rational(int column);
  //! A rational stored as text, or NULL.
  [[nodiscard]] std::optional<core::Rational> optional_rational(int column);

  //! An enum stored by its name, read by `parse` (core::parse_name<net::Tier>, ...).
  template <typename T>
  [[nodiscard]] T name(int column, core::Result<T> (*parse)(std::string_view)) {
    auto value = parse(query_.text_at(column));
    if (!value.ok()) {
      fail(column, value.error());
      return T{};
    }
    return *value;
  }

  //! Records `error` (a value stored in a form of its own did not read back) unless a failure came first.
  void fail(const core::Error& error);

  //! Reads `column` into `out`, by its type (enums by their names).
  void read(int column, std::int64_t& out) const { out = integer(column); }
  void read(int column, std::optional<std::int64_t>& out) const { out = optional_integer(column); }
  void read(int column, bool& out) const { out = boolean(column); }
  void read(int column, std::string& out) const { out = text(column); }
  void read(int column, core::Rational& out) { out = rational(column); }
  void read(int column, std::optional<core::Rational>& out) { out = optional_rational(column); }
  template <core::NamedEnum E>
  void read(int column, E& out) {
    out = name(column, core::parse_name<E>);
  }

 private:
  void fail(int column, const core::Error& error);

  const Statement& query_;
  std::string_view table_;
  std::optional<core::Error> error_;
};

//! Every row of `query` (rows of `table`), each made into a value by `read(RowReader&)`.
template <typename Read>
[[nodiscard]] auto read_rows(Statement& query, std::string_view table, Read read)
    -> core::Result<std::vector<decltype(read(std::declval<RowReader&>()))>> {
  std::vector<decltype(read(std::declval<RowReader&>()))> out;
  for (;;) {
    auto row = query.step();
    if (!row.ok()) {
      return row.error();
    }
    if (!*row) {
      return out;
    }
    RowReader reader(query, table);
    out.push_back(read(reader));
    if (!reader.ok()) {
      return reader.error();
    }
  }
}

//! The first of `rows`, or nothing.
template <typename T>
[[nodiscard]] core::Result<std::optional<T>> first_of(core::Result<std::vector<T>> rows) {
  if (!rows.ok()) {
    return rows.error();
  }
  if (rows->empty()) {
    return std::optional<T>();
  }
  return std::optional<T>(std::move(rows->front()));
}

//! Reads the rows of a child table onto their parents: column 0 of `query` is the parent's key, rows
//! come ordered by it, and `parents` are ordered by `key(parent)`. Calls `attach(parent, row)` per row.
template <typename Parent, typename Key, typename Attach>
[[nodiscard]] core::Status attach_rows(Statement& query, std::string_view table, std::vector<Parent>& parents, Key key,
                                       Attach attach) {
  std::size_t at = 0;
  for (;;) {
    auto row = query.step();
    if (!row.ok() || !*row) {
      return row.ok() ? core::Status() : core::Status(row.error());
    }
    const std::int64_t id = query.int_at(0);
    while (at < parents.size() && key(parents[at]) < id) {
      ++at;
    }
    if (at == parents.size() || key(parents[at]) != id) {
      return corrupt_row(table, id);
    }
    RowReader reader(query, table);
    attach(parents[at], reader);
    if (!reader.ok()) {
      return reader.error();
    }
  }
}

}  // namespace covalue::adapters::sql
