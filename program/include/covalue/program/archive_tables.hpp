#pragma once

// The network archive's tables carried row by row (docs/archive.md, format version 3), and the account of
// every table and column of the schema: carried by a typed part of the archive, carried row by row, or left
// out on purpose with the reason. One table of sections: a table added to the schema goes into
// archive_tables() (or archive_exclusions(), saying why not), and the coverage test
// (tests/contract/sqlite_archive_coverage_test.cpp) fails naming any table or column that is in neither.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "covalue/core/result.hpp"

namespace covalue::program {

//! How a carried column's value is written: a JSON integer, string or boolean.
enum class ArchiveColumnType { kInteger, kText, kBoolean };

//! What a carried column names, checked on import before anything is written: a row of another part of the
//! same archive (kSubject: the row named by the row's `subject_kind` and `subject_id`).
enum class ArchiveReference {
  kNone,
  kPartner,
  kPartnerOrZero,  //!< a partner, or 0 for none (a ballot's `cast_by`)
  kPerson,
  kInitiative,
  kCycle,
  kComment,
  kEvent,
  kWebhook,
  kProposal,
  kElection,
  kSubject,
};

//! One column of a table carried row by row.
struct ArchiveColumn {
  const char* name;  //!< the column of the store's table and the member of the archive's record
  ArchiveColumnType type;
  bool nullable{false};
  ArchiveReference refers_to{ArchiveReference::kNone};
  //! Checks a text value (an enum's name, a rational, a time); null for any text.
  core::Status (*check)(std::string_view value, const std::string& where){nullptr};
};

//! One table carried row by row, as stored: every column but `network_id`, ids kept.
struct ArchiveTableSpec {
  const char* name;  //!< the store's table and the archive's member
  std::vector<ArchiveColumn> columns;
  std::size_t key_size;  //!< the leading columns that identify a row (each key once per archive)
  const char* why;       //!< what it holds, for docs/archive.md
};

//! A column's value: null, an integer, a truth value or a text.
using ArchiveValue = std::variant<std::monostate, std::int64_t, bool, std::string>;
//! One row, its values in the columns' order.
using ArchiveRow = std::vector<ArchiveValue>;

//! The rows of one table carried row by row, ordered by its key.
struct ArchiveTable {
  std::string name;
  std::vector<ArchiveRow> rows;

  bool operator==(const ArchiveTable&) const = default;
};

//! The tables carried row by row, in the order they are written on import (each after the ones it names).
[[nodiscard]] const std::vector<ArchiveTableSpec>& archive_tables();

//! The spec of the table `name` carried row by row, or null.
[[nodiscard]] const ArchiveTableSpec* archive_table(std::string_view name);

//! A column of the schema that a typed part of the archive carries, or that is left out on purpose.
struct ArchiveAccount {
  const char* table;    //!< "*": every table
  const char* columns;  //!< the columns' names, separated by spaces; "*": every column of the table
  const char* reason;   //!< the archive member that carries them, or why they are not carried
};

//! Columns of the schema carried by the archive's typed parts (charter, partners, ..., people, tokens, audit).
[[nodiscard]] const std::vector<ArchiveAccount>& archive_typed_columns();

//! Tables and columns deliberately not carried, each with its reason.
[[nodiscard]] const std::vector<ArchiveAccount>& archive_exclusions();

//! How the table and column are accounted for ("typed: partners", "rows: comments", "excluded: ...") or an
//! empty text when they are not: what the coverage test asks of every column of the schema.
[[nodiscard]] std::string archive_account(std::string_view table, std::string_view column);

}  // namespace covalue::program
