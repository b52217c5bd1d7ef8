#include "row_reader.hpp"

namespace covalue::adapters::postgres {

using core::ErrorKind;
using core::make_error;

core::Error corrupt(std::string_view what, const core::Error& error) {
  return make_error(ErrorKind::kInternal, "corrupt database: " + std::string(what) + ": " + error.message);
}

core::Error corrupt_row(std::string_view table, std::int64_t parent) {
  return corrupt(table, make_error(ErrorKind::kInternal, "a row of unknown parent " + std::to_string(parent)));
}

std::int64_t RowReader::integer(int column) {
  std::int64_t value = 0;
  if (row_[column].is_null() || !row_[column].to(value)) {
    fail(column, make_error(ErrorKind::kInternal, "not an integer"));
  }
  return value;
}

std::optional<std::int64_t> RowReader::optional_integer(int column) {
  if (row_[column].is_null()) {
    return std::nullopt;
  }
  return integer(column);
}

bool RowReader::boolean(int column) {
  bool value = false;
  if (row_[column].is_null() || !row_[column].to(value)) {
    fail(column, make_error(ErrorKind::kInternal, "not a boolean"));
  }
  return value;
}

std::string RowReader::text(int column) const { return {row_[column].c_str(), row_[column].size()}; }

core::Rational RowReader::rational(int column) {
  auto value = core::parse_rational(std::string_view(row_[column].c_str(), row_[column].size()));
  if (!value.ok()) {
    fail(column, value.error());
    return {};
  }
  return *value;
}

std::optional<core::Rational> RowReader::optional_rational(int column) {
  if (row_[column].is_null()) {
    return std::nullopt;
  }
  return rational(column);
}

void RowReader::fail(int column, const core::Error& error) {
  if (!error_) {
    const char* name = row_[column].name();
    error_ = corrupt(std::string(table_) + "." + (name != nullptr ? name : "?"), error);
  }
}

}  // namespace covalue::adapters::postgres
