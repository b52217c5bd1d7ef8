// The network archive's tables carried row by row (program/archive_tables.hpp): one SELECT and one INSERT per
// table, written from the table's spec (its names come from that compiled-in table, never from input).
#include <map>
#include <mutex>
#include <string>
#include <variant>

#include "session_common.hpp"

namespace covalue::adapters::sql {
namespace {

using program::ArchiveColumnType;
using program::ArchiveRow;
using program::ArchiveTableSpec;
using program::ArchiveValue;

//! The two statements of one table, built once and kept for the process's life (a dialect's statement
//! cache is keyed by the text's address).
struct TableStatements {
  std::string select;
  std::string insert;
};

//! True for a name made of lower-case letters and underscores only: what may be spliced into SQL.
bool plain_name(const char* name) {
  for (const char* c = name; *c != '\0'; ++c) {
    if (!((*c >= 'a' && *c <= 'z') || *c == '_')) {
      return false;
    }
  }
  return *name != '\0';
}

TableStatements build(const ArchiveTableSpec& table) {
  std::string columns;
  std::string values = "$?";
  std::string key;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    columns += (i == 0 ? "" : ", ") + std::string(table.columns[i].name);
    values += ", $?";
    if (i < table.key_size) {
      key += (i == 0 ? "" : ", ") + std::string(table.columns[i].name);
    }
  }
  return {"SELECT " + columns + " FROM " + table.name + " WHERE network_id = $? ORDER BY " + key,
          "INSERT INTO " + std::string(table.name) + " (network_id, " + columns + ") VALUES (" + values + ")"};
}

//! The statements of `table`; kInternal for a spec whose names are not plain (a defect of the table).
core::Result<const TableStatements*> statements_of(const ArchiveTableSpec& table) {
  static std::mutex guard;
  static std::map<std::string, TableStatements, std::less<>> built;
  bool plain = plain_name(table.name) && table.key_size >= 1 && table.key_size <= table.columns.size();
  for (const program::ArchiveColumn& column : table.columns) {
    plain = plain && plain_name(column.name);
  }
  if (!plain) {
    return make_error(ErrorKind::kInternal, std::string("the archive's table spec '") + table.name + "' is malformed");
  }
  const std::lock_guard<std::mutex> lock(guard);
  auto found = built.find(table.name);
  if (found == built.end()) {
    found = built.emplace(table.name, build(table)).first;
  }
  return &found->second;
}

ArchiveValue read_value(const Statement& query, int at, ArchiveColumnType type) {
  if (query.is_null(at)) {
    return std::monostate{};
  }
  switch (type) {
    case ArchiveColumnType::kInteger:
      return query.int_at(at);
    case ArchiveColumnType::kBoolean:
      return query.bool_at(at);
    case ArchiveColumnType::kText:
      break;
  }
  return query.text_at(at);
}

void bind_value(Statement& statement, const ArchiveValue& value) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    statement.bind_int(*integer);
  } else if (const auto* truth = std::get_if<bool>(&value)) {
    statement.bind_bool(*truth);
  } else if (const auto* text = std::get_if<std::string>(&value)) {
    statement.bind_text(*text);
  } else {
    statement.bind(std::optional<std::int64_t>());
  }
}

}  // namespace

core::Result<std::vector<ArchiveRow>> Session::archive_rows(const ArchiveTableSpec& table) {
  auto sql = statements_of(table);
  if (!sql.ok()) {
    return sql.error();
  }
  Statement query = in_network((*sql)->select.c_str());
  return read_rows(query, table.name, [&](RowReader& /*row*/) {
    ArchiveRow row;
    row.reserve(table.columns.size());
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      row.push_back(read_value(query, static_cast<int>(i), table.columns[i].type));
    }
    return row;
  });
}

core::Status Session::put_archive_rows(const ArchiveTableSpec& table, const std::vector<ArchiveRow>& rows) {
  auto sql = statements_of(table);
  if (!sql.ok()) {
    return sql.error();
  }
  return atomically([&]() -> core::Status {
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].size() != table.columns.size()) {
        return make_error(ErrorKind::kInternal, std::string(table.name) + "[" + std::to_string(i) +
                                                    "]: " + std::to_string(rows[i].size()) + " values for " +
                                                    std::to_string(table.columns.size()) + " columns");
      }
      Statement insert = in_network((*sql)->insert.c_str());
      for (const ArchiveValue& value : rows[i]) {
        bind_value(insert, value);
      }
      if (core::Status written = insert.run_later(); !written.ok()) {
        core::Error error = written.error();
        error.message = std::string(table.name) + "[" + std::to_string(i) + "]: " + error.message;
        return error;
      }
    }
    return {};
  });
}

}  // namespace covalue::adapters::sql
