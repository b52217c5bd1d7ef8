#pragma once

// The members an archive's records must have: the API's decoders take many as optional (with defaults),
// an archive is written whole, so a missing one is refused rather than silently defaulted.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "covalue/core/result.hpp"

namespace covalue::adapters::json {

//! kInvalidInput naming the first member missing from `record` (at `path`), a record of the archive's
//! part `part` ("partners", "charter", ...), or from the objects nested in it; ok for a record that is not
//! an object (its decoder says so) and for a part without a listed shape.
[[nodiscard]] core::Status check_archive_shape(const nlohmann::json& record, const std::string& path,
                                               std::string_view part);

}  // namespace covalue::adapters::json

#include "covalue/program/archive_tables.hpp"

namespace covalue::adapters::json {

//! One row of a table carried row by row, as a JSON object: its columns as members (in name order, as every record).
[[nodiscard]] nlohmann::json archive_row_to_json(const program::ArchiveTableSpec& spec, const program::ArchiveRow& row);

//! Reads one row (at `path`) of the table `spec`: an object with exactly its columns, each of its type (null
//! where the column allows it); kInvalidInput naming the path of the first value at fault.
[[nodiscard]] core::Result<program::ArchiveRow> archive_row_from_json(const program::ArchiveTableSpec& spec,
                                                                      const nlohmann::json& node,
                                                                      const std::string& path);

}  // namespace covalue::adapters::json
