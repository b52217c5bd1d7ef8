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

template <auto kList, typename Parent, typename Columns>
core::Result<std::vector<Parent>> Session::with_children(core::Result<std::vector<Parent>> parents, const char* sql,
                                                         const char* table, const Columns& columns) {
  if (!parents.ok()) {
    return parents;
  }
  Statement children = in_network(sql);
  auto attached = attach_rows(
      children, table, *parents, [](const Parent& parent) { return parent.id; },
      [&](Parent& parent, RowReader& row) { (parent.*kList).push_back(columns(row, 1)); });
  return attached.ok() ? parents : attached.error();
}

template <typename Columns, typename Row>
core::Result<std::int64_t> Session::insert_numbered(const char* sql, const Columns& columns, const Row& row) {
  return atomically([&]() -> core::Result<std::int64_t> {
    return in_network(sql).bind_int(network_).bind_columns(columns, row, 1).single_int();
  });
}

template <typename Columns, typename Row>
core::Result<std::int64_t> Session::update_row(const char* sql, const Columns& columns, const Row& row,
                                               std::int64_t key, int from) {
  return db_.prepare(sql).bind_columns(columns, row, from).bind_int(network_).bind_int(key).changed();
}

template <typename... Values>
core::Status Session::write(const char* sql, const Values&... values) {
  return atomically([&]() -> core::Status {
    Statement statement = in_network(sql);
    (statement.bind(values), ...);
    return statement.run();
  });
}

template <typename Columns, typename Row, typename... Keys>
core::Status Session::write_row(const char* sql, const Columns& columns, const Row& row, const Keys&... keys) {
  return atomically([&]() -> core::Status {
    Statement statement = in_network(sql);
    (statement.bind(keys), ...);
    return statement.bind_columns(columns, row).run();
  });
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
