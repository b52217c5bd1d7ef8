#include "program/report_format.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "covalue/adapters/json/report_json.hpp"
#include "covalue/core/text.hpp"

namespace covalue::cli {
namespace {

using program::ReportCell;
using program::ReportTable;

//! A cell for reading: numbers rounded to two decimals, percentages to one.
std::string display(const ReportCell& cell) {
  switch (cell.kind) {
    case ReportCell::Kind::kText:
      return cell.text;
    case ReportCell::Kind::kInteger:
      return std::to_string(cell.integer);
    case ReportCell::Kind::kNumber:
      return fmt::format("{:.2f}", core::to_double(cell.number));
    case ReportCell::Kind::kPercent:
      return fmt::format("{:.1f}%", 100 * core::to_double(cell.number));
    case ReportCell::Kind::kEmpty:
      break;
  }
  return "-";
}

//! A cell exactly, for machines.
std::string exact(const ReportCell& cell) {
  switch (cell.kind) {
    case ReportCell::Kind::kText:
      return cell.text;
    case ReportCell::Kind::kInteger:
      return std::to_string(cell.integer);
    case ReportCell::Kind::kNumber:
    case ReportCell::Kind::kPercent:
      return core::to_decimal_string(cell.number);
    case ReportCell::Kind::kEmpty:
      break;
  }
  return "";
}

bool right_aligned(const ReportCell& cell) {
  return cell.kind == ReportCell::Kind::kInteger || cell.kind == ReportCell::Kind::kNumber ||
         cell.kind == ReportCell::Kind::kPercent;
}

// A table for people: cells made safe for a terminal and padded by the columns they take there, so
// Polish, CJK and emoji names line up; numbers right-aligned. Nothing is cut (json and csv stay exact).
std::string text_table(const ReportTable& table) {
  std::vector<std::size_t> width(table.columns.size());
  std::vector<std::vector<std::string>> cells;
  cells.reserve(table.rows.size());
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    width[c] = core::display_width(table.columns[c]);
  }
  for (const auto& row : table.rows) {
    auto& texts = cells.emplace_back();
    for (std::size_t c = 0; c < row.size(); ++c) {
      texts.push_back(core::terminal_safe(display(row[c])));
      width[c] = std::max(width[c], core::display_width(texts.back()));
    }
  }
  std::string out = core::terminal_safe(table.title) + "\n";
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    out += core::pad_to_width(table.columns[c], width[c]) + (c + 1 < table.columns.size() ? "  " : "\n");
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
      out += core::pad_to_width(cells[r][c], width[c],
                                right_aligned(table.rows[r][c]) ? core::Align::kRight : core::Align::kLeft);
      out += c + 1 < table.rows[r].size() ? "  " : "\n";
    }
  }
  if (table.rows.empty()) {
    out += "(none)\n";
  }
  for (const std::string& note : table.notes) {
    out += "  " + core::terminal_safe(note) + "\n";
  }
  return out + "\n";
}

std::string as_table(const program::Report& report) {
  std::string out;
  std::size_t key_width = 0;
  for (const auto& [key, cell] : report.summary) {
    key_width = std::max(key_width, core::display_width(key));
  }
  for (const auto& [key, cell] : report.summary) {
    out += core::pad_to_width(key, key_width) + "  " + core::terminal_safe(display(cell)) + "\n";
  }
  if (!report.summary.empty()) {
    out += "\n";
  }
  for (const ReportTable& table : report.tables) {
    out += text_table(table);
  }
  return out;
}

std::string as_json(const program::Report& report) { return adapters::json::report_to_json(report).dump(2) + "\n"; }

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) {
    return text;
  }
  std::string quoted = "\"";
  for (char ch : text) {
    quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  }
  return quoted + "\"";
}

core::Result<std::string> as_csv(const program::Report& report, std::string_view key) {
  auto it = std::find_if(report.tables.begin(), report.tables.end(),
                         [&](const ReportTable& t) { return key.empty() || t.key == key; });
  if (it == report.tables.end()) {
    std::string keys;
    for (const ReportTable& t : report.tables) {
      keys += (keys.empty() ? "" : ", ") + t.key;
    }
    return core::make_error(core::ErrorKind::kUsage,
                            "no table '" + std::string(key) + "' in this report (it has: " + keys + ")", "--table");
  }
  std::string out;
  for (std::size_t c = 0; c < it->columns.size(); ++c) {
    out += csv_field(it->columns[c]) + (c + 1 < it->columns.size() ? "," : "\n");
  }
  for (const auto& row : it->rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      out += csv_field(exact(row[c])) + (c + 1 < row.size() ? "," : "\n");
    }
  }
  return out;
}

}  // namespace

core::Result<std::string> format_report(const program::Report& report, std::string_view format,
                                        std::string_view table_key) {
  if (format == "json") {
    return as_json(report);
  }
  if (format == "csv") {
    return as_csv(report, table_key);
  }
  return as_table(report);
}

}  // namespace covalue::cli
