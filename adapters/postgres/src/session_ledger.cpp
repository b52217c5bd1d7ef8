#include <nlohmann/json.hpp>

#include <string>

#include "covalue/adapters/json/cycle_outcome_json.hpp"
#include "postgres_session.hpp"
#include "row_reader.hpp"

namespace covalue::adapters::postgres {

using core::ErrorKind;
using core::make_error;

core::Status PostgresSession::save_outcome(const net::CycleOutcome& outcome) {
  const std::string document = json::cycle_outcome_to_json(outcome).dump();
  auto inserted = atomically(
      [&] { return query("INSERT INTO outcomes (cycle, document) VALUES ($1, $2)", outcome.cycle, document); });
  if (!inserted.ok() && inserted.error().kind == ErrorKind::kConflict && !must_retry()) {
    return make_error(ErrorKind::kConflict,
                      "the outcome of cycle " + std::to_string(outcome.cycle) + " is already stored");
  }
  if (!inserted.ok()) {
    return explain(inserted.error(), {cycle_ref(outcome.cycle)});
  }
  return {};
}

core::Result<std::vector<net::CycleOutcome>> PostgresSession::outcomes() {
  auto rows = query("SELECT cycle, document FROM outcomes ORDER BY cycle");
  if (!rows.ok()) {
    return rows.error();
  }
  std::vector<net::CycleOutcome> out;
  out.reserve(rows->size());
  for (const pqxx::row& row : *rows) {
    const std::string what = std::string("outcomes.document of cycle ") + row[0].c_str();
    const auto document = nlohmann::json::parse(row[1].c_str(), nullptr, false);
    if (document.is_discarded()) {
      return corrupt(what, make_error(ErrorKind::kInternal, "not JSON"));
    }
    auto outcome = json::cycle_outcome_from_json(document);
    if (!outcome.ok()) {
      return corrupt(what, make_error(ErrorKind::kInternal, outcome.error().to_string()));
    }
    out.push_back(std::move(outcome).value());
  }
  return out;
}

core::Status PostgresSession::put_realised_value(const net::RealisedValue& value) {
  auto stored = atomically([&] {
    return query(
        "INSERT INTO realised_values (cycle, initiative_id, partner_id, target, forecast, actual) "
        "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (cycle, initiative_id, partner_id) DO UPDATE SET "
        "target = excluded.target, forecast = excluded.forecast, actual = excluded.actual",
        value.cycle, value.initiative, value.partner, value.target, value.forecast, value.actual);
  });
  if (!stored.ok()) {
    return explain(stored.error(),
                   {cycle_ref(value.cycle), initiative_ref(value.initiative), partner_ref(value.partner)});
  }
  return {};
}

core::Result<std::vector<net::RealisedValue>> PostgresSession::realised_values() {
  auto rows = query(
      "SELECT cycle, initiative_id, partner_id, target, forecast, actual FROM realised_values "
      "ORDER BY cycle, initiative_id, partner_id");
  if (!rows.ok()) {
    return rows.error();
  }
  return read_rows(*rows, "realised_values", [](RowReader& row) {
    net::RealisedValue value;
    value.cycle = row.integer(0);
    value.initiative = row.integer(1);
    value.partner = row.integer(2);
    value.target = row.optional_rational(3);
    value.forecast = row.optional_rational(4);
    value.actual = row.rational(5);
    return value;
  });
}

core::Status PostgresSession::put_kpi_measurement(const net::KpiMeasurement& measurement) {
  auto stored = atomically([&] {
    return query(
        "INSERT INTO kpi_measurements (cycle, objective_id, value) VALUES ($1, $2, $3) "
        "ON CONFLICT (cycle, objective_id) DO UPDATE SET value = excluded.value",
        measurement.cycle, measurement.objective, measurement.value);
  });
  if (!stored.ok()) {
    return explain(stored.error(), {cycle_ref(measurement.cycle), objective_ref(measurement.objective)});
  }
  return {};
}

core::Result<std::vector<net::KpiMeasurement>> PostgresSession::kpi_measurements() {
  auto rows = query("SELECT cycle, objective_id, value FROM kpi_measurements ORDER BY cycle, objective_id");
  if (!rows.ok()) {
    return rows.error();
  }
  return read_rows(*rows, "kpi_measurements", [](RowReader& row) {
    net::KpiMeasurement measurement;
    measurement.cycle = row.integer(0);
    measurement.objective = row.integer(1);
    measurement.value = row.rational(2);
    return measurement;
  });
}

}  // namespace covalue::adapters::postgres
