#pragma once

#include <pqxx/pqxx>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "covalue/core/rational.hpp"
#include "covalue/core/result.hpp"

namespace covalue::adapters::postgres {

//! kInternal "corrupt database: <what>: <message>" for a stored value that does not read back.
[[nodiscard]] core::Error corrupt(std::string_view what, const core::Error& error);
//! kInternal "corrupt database: <table>: a row of unknown parent <id>".
[[nodiscard]] core::Error corrupt_row(std::string_view table, std::int64_t parent);

//! Reads the columns of one row into model values. The first value that does not read back (a bad
//! rational, an unknown enum name) wins: later reads return defaults and error() says
//! "corrupt database: <table>.<column>: ...".
class RowReader {
 public:
  //! Reads `row`, which comes from `table`.
  RowReader(const pqxx::row& row, std::string_view table) : row_(row), table_(table) {}

  //! True while every value read back.
  [[nodiscard]] bool ok() const { return !error_; }
  //! The first failure; only valid when !ok().
  [[nodiscard]] const core::Error& error() const { return *error_; }

  //! An integer column.
  [[nodiscard]] std::int64_t integer(int column);
  //! An integer column that may be NULL.
  [[nodiscard]] std::optional<std::int64_t> optional_integer(int column);
  //! A boolean column.
  [[nodiscard]] bool boolean(int column);
  //! A text column.
  [[nodiscard]] std::string text(int column) const;
  //! A rational stored as text.
  [[nodiscard]] core::Rational rational(int column);
  //! A rational stored as text, or NULL.
  [[nodiscard]] std::optional<core::Rational> optional_rational(int column);

  //! An enum stored by its name, read by `parse` (core::parse_name<net::Tier>, ...).
  template <typename T, typename Parse>
  [[nodiscard]] T name(int column, Parse parse) {
    auto value = parse(std::string_view(row_[column].c_str(), row_[column].size()));
    if (!value.ok()) {
      fail(column, value.error());
      return T{};
    }
    return *value;
  }

 private:
  void fail(int column, const core::Error& error);

  const pqxx::row& row_;
  std::string_view table_;
  std::optional<core::Error> error_;
};

//! Every row of `rows` (rows of `table`), each made into a value by `read(RowReader&)`.
template <typename Read>
[[nodiscard]] auto read_rows(const pqxx::result& rows, std::string_view table, Read read)
    -> core::Result<std::vector<decltype(read(std::declval<RowReader&>()))>> {
  std::vector<decltype(read(std::declval<RowReader&>()))> out;
  out.reserve(rows.size());
  for (const pqxx::row& row : rows) {
    RowReader reader(row, table);
    out.push_back(read(reader));
    if (!reader.ok()) {
      return reader.error();
    }
  }
  return out;
}

//! Reads the rows of a child table onto their parents: column 0 is the parent's key, rows come
//! ordered by it, and `parents` are ordered by `key(parent)`. Calls `attach(parent, reader)` per row.
template <typename Parent, typename Key, typename Attach>
[[nodiscard]] core::Status attach_rows(const pqxx::result& rows, std::string_view table, std::vector<Parent>& parents,
                                       Key key, Attach attach) {
  std::size_t at = 0;
  for (const pqxx::row& row : rows) {
    RowReader reader(row, table);
    const std::int64_t id = reader.integer(0);
    while (at < parents.size() && key(parents[at]) < id) {
      ++at;
    }
    if (at == parents.size() || key(parents[at]) != id) {
      return corrupt_row(table, id);
    }
    attach(parents[at], reader);
    if (!reader.ok()) {
      return reader.error();
    }
  }
  return {};
}

}  // namespace covalue::adapters::postgres
