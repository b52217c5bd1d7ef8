#include "row_reader.hpp"

namespace covalue::adapters::sql {

std::optional<std::int64_t> RowReader::optional_integer(int column) const {
  if (query_.is_null(column)) {
    return std::nullopt;
  }
  return query_.int_at(column);
}

core::Rational RowReader::rational(int column) {
  auto value = core::parse_rational(query_.text_at(column));
  if (!value.ok()) {
    fail(column, value.error());
    return {};
  }
  return *value;
}

std::optional<core::Rational> RowReader::optional_rational(int column) {
  if (query_.is_null(column)) {
    return std::nullopt;
  }
  return rational(column);
}

core::Error corrupt(std::string_view what, const core::Error& error) {
  return core::make_error(core::ErrorKind::kInternal, "corrupt database: " + std::string(what) + ": " + error.message);
}

core::Error corrupt_row(std::string_view table, std::int64_t parent) {
  return corrupt(table,
                 core::make_error(core::ErrorKind::kInternal, "a row of unknown parent " + std::to_string(parent)));
}

void RowReader::fail(const core::Error& error) {
  if (!error_) {
    error_ = error;
  }
}

void RowReader::fail(int column, const core::Error& error) {
  if (!error_) {
    error_ = corrupt(std::string(table_) + "." + query_.column_name(column), error);
  }
}

}  // namespace covalue::adapters::sql
