// Reports as JSON (report_json.hpp), shared by the CLI and the HTTP API.
#include "covalue/adapters/json/report_json.hpp"

namespace covalue::adapters::json {

using nlohmann::json;
using program::ReportCell;

json report_cell_to_json(const ReportCell& cell) {
  switch (cell.kind) {
    case ReportCell::Kind::kText:
      return cell.text;
    case ReportCell::Kind::kInteger:
      return cell.integer;
    case ReportCell::Kind::kNumber:
    case ReportCell::Kind::kPercent:
      return core::to_decimal_string(cell.number);
    case ReportCell::Kind::kEmpty:
      break;
  }
  return nullptr;
}

json report_to_json(const program::Report& report) {
  json doc;
  doc["report"] = report.name;
  doc["summary"] = json::object();
  for (const auto& [key, cell] : report.summary) {
    doc["summary"][key] = report_cell_to_json(cell);
  }
  for (const program::ReportTable& table : report.tables) {
    json rows = json::array();
    for (const auto& row : table.rows) {
      json item = json::object();
      for (std::size_t c = 0; c < row.size(); ++c) {
        item[table.columns[c]] = report_cell_to_json(row[c]);
      }
      rows.push_back(std::move(item));
    }
    doc[table.key] = std::move(rows);
  }
  return doc;
}

}  // namespace covalue::adapters::json
