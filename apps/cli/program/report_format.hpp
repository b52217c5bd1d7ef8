#pragma once

#include <string>
#include <string_view>

#include "covalue/program/report.hpp"

namespace covalue::cli {

//! A report as text: "table" (aligned columns, numbers rounded for reading), "json" (exact: numbers as
//! strings of exact rationals, integers as numbers, percentages as fractions) or "csv" (one table:
//! `table_key`, or the first; exact values).
[[nodiscard]] core::Result<std::string> format_report(const program::Report& report, std::string_view format,
                                                      std::string_view table_key);

}  // namespace covalue::cli
