// The archive's tables carried row by row (archive_shape.hpp): one JSON object per row, a member per column.
#include <string>
#include <variant>

#include "archive_shape.hpp"
#include "covalue/adapters/json/program_json.hpp"

namespace covalue::adapters::json {
namespace {

using core::ErrorKind;
using core::make_error;
using program::ArchiveColumnType;
using program::ArchiveValue;

//! The value of `node` as `column` types it; kInvalidInput at `where` otherwise.
core::Result<ArchiveValue> read_value(const program::ArchiveColumn& column, const nlohmann::json& node,
                                      const std::string& where) {
  if (node.is_null()) {
    if (!column.nullable) {
      return make_error(ErrorKind::kInvalidInput, "must not be null", where);
    }
    return ArchiveValue{};
  }
  switch (column.type) {
    case ArchiveColumnType::kInteger:
      if (!node.is_number_integer() || (node.is_number_unsigned() && node.get<std::uint64_t>() > INT64_MAX)) {
        return make_error(ErrorKind::kInvalidInput, "expected an integer", where);
      }
      return ArchiveValue{node.get<std::int64_t>()};
    case ArchiveColumnType::kBoolean:
      if (!node.is_boolean()) {
        return make_error(ErrorKind::kInvalidInput, "expected true or false", where);
      }
      return ArchiveValue{node.get<bool>()};
    case ArchiveColumnType::kText:
      break;
  }
  if (!node.is_string()) {
    return make_error(ErrorKind::kInvalidInput, "expected a string", where);
  }
  return ArchiveValue{node.get<std::string>()};
}

}  // namespace

nlohmann::json archive_row_to_json(const program::ArchiveTableSpec& spec, const program::ArchiveRow& row) {
  nlohmann::json out = nlohmann::json::object();
  for (std::size_t i = 0; i < spec.columns.size() && i < row.size(); ++i) {
    std::visit(
        [&](const auto& value) {
          if constexpr (std::is_same_v<std::decay_t<decltype(value)>, std::monostate>) {
            out[spec.columns[i].name] = nullptr;
          } else {
            out[spec.columns[i].name] = value;
          }
        },
        row[i]);
  }
  return out;
}

core::Result<program::ArchiveRow> archive_row_from_json(const program::ArchiveTableSpec& spec,
                                                        const nlohmann::json& node, const std::string& path) {
  if (!node.is_object()) {
    return make_error(ErrorKind::kInvalidInput, "expected an object", path);
  }
  std::vector<std::string> members;
  for (const program::ArchiveColumn& column : spec.columns) {
    members.emplace_back(column.name);
  }
  if (core::Status known = reject_unknown_members(node, path, members); !known) {
    return known.error();
  }
  program::ArchiveRow row;
  row.reserve(spec.columns.size());
  for (const program::ArchiveColumn& column : spec.columns) {
    const std::string where = path + "." + column.name;
    const auto found = node.find(column.name);
    if (found == node.end()) {
      return make_error(ErrorKind::kInvalidInput, "missing: an archive's records are written whole", where);
    }
    core::Result<ArchiveValue> value = read_value(column, *found, where);
    if (!value) {
      return value.error();
    }
    row.push_back(std::move(*value));
  }
  return row;
}

}  // namespace covalue::adapters::json
