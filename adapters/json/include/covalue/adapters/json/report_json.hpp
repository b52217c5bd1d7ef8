#pragma once

#include <nlohmann/json.hpp>

#include "covalue/program/report.hpp"

namespace covalue::adapters::json {

//! A report as JSON (the CLI's --format json and the API's reports): {"report": name, "summary": {...},
//! <table key>: [rows as objects]}. Exact: numbers and percentages as exact decimal or fraction strings
//! (percentages as fractions), integers as numbers, empty cells as null.
[[nodiscard]] nlohmann::json report_to_json(const program::Report& report);

//! One report cell as JSON, as report_to_json writes it.
[[nodiscard]] nlohmann::json report_cell_to_json(const program::ReportCell& cell);

}  // namespace covalue::adapters::json
