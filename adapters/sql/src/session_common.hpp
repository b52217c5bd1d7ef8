#pragma once

#include <cstdint>
#include <string>

#include "columns.hpp"
#include "covalue/adapters/sql/session.hpp"
#include "row_reader.hpp"
#include "statements.hpp"

namespace covalue::adapters::sql {

namespace sq = statements;
using core::ErrorKind;
using core::make_error;

//! References to rows of each table of the session's network.
[[nodiscard]] Reference partner_ref(std::int64_t id);
[[nodiscard]] Reference initiative_ref(std::int64_t id);
[[nodiscard]] Reference objective_ref(std::int64_t id);
[[nodiscard]] Reference cycle_ref(std::int64_t id);
[[nodiscard]] Reference person_ref(std::int64_t id);

//! `failed` when it is not a uniqueness failure (kConflict); otherwise kConflict with `message`.
[[nodiscard]] core::Error on_conflict(const core::Error& failed, const std::string& message);

//! The failure of `changed` (the rows a write changed), or `missing` when it changed none.
[[nodiscard]] core::Status one_changed(const core::Result<std::int64_t>& changed, const core::Error& missing);

template <typename Read, typename... Keys>
auto Session::rows(const char* sql, const char* table, Read read, const Keys&... keys) {
  Statement query = in_network(sql);
  (query.bind(keys), ...);
  return read_rows(query, table, read);
}

template <typename Columns, typename Row>
core::Result<std::int64_t> Session::insert_row(const char* sql, const Columns& columns, const Row& row) {
  return atomically([&]() -> core::Result<std::int64_t> {
    return in_network(sql).bind_int(row.id).bind_int(network_).bind_columns(columns, row, 1).single_int();
  });
}

template <typename Columns, typename Row>
core::Result<std::int64_t> Session::update_row(const char* sql, const Columns& columns, const Row& row,
                                               std::int64_t key) {
  return db_.prepare(sql).bind_columns(columns, row, 1).bind_int(network_).bind_int(key).changed();
}

template <typename Value, typename... Keys>
core::Result<std::int64_t> Session::update(const char* sql, const Value& value, const Keys&... keys) {
  return atomically([&]() -> core::Result<std::int64_t> {
    Statement statement = db_.prepare(sql);
    statement.bind(value).bind_int(network_);
    (statement.bind(keys), ...);
    return statement.changed();
  });
}

template <typename Items, typename Bind, typename Twice>
core::Status Session::insert_list(const char* sql, const Items& items, Bind bind, Twice twice) {
  std::int64_t position = 0;
  for (const auto& item : items) {
    Statement row = in_network(sql);
    bind(row, item, position++);
    if (auto inserted = row.run_or_defer(); !inserted.ok()) {
      return on_conflict(inserted.error(), twice(item));
    }
  }
  return {};
}

}  // namespace covalue::adapters::sql
