#include <nlohmann/json.hpp>

#include <string>

#include "covalue/adapters/json/cycle_outcome_json.hpp"
#include "row_reader.hpp"
#include "sqlite_session.hpp"

namespace covalue::adapters::sqlite {

using core::ErrorKind;
using core::make_error;

core::Status SqliteSession::save_outcome(const net::CycleOutcome& outcome) {
  const std::string document = json::cycle_outcome_to_json(outcome).dump();
  auto inserted = db_.prepare("INSERT INTO outcomes (cycle, document) VALUES (?1, ?2)")
                      .bind_int(outcome.cycle)
                      .bind_text(document)
                      .run();
  if (!inserted.ok() && inserted.error().kind == ErrorKind::kConflict) {
    return make_error(ErrorKind::kConflict,
                      "the outcome of cycle " + std::to_string(outcome.cycle) + " is already stored");
  }
  if (!inserted.ok()) {
    return explain(inserted.error(), {cycle_ref(outcome.cycle)});
  }
  return {};
}

core::Result<std::vector<net::CycleOutcome>> SqliteSession::outcomes() {
  Statement query = db_.prepare("SELECT cycle, document FROM outcomes ORDER BY cycle");
  std::vector<net::CycleOutcome> out;
  for (;;) {
    auto row = query.step();
    if (!row.ok()) {
      return row.error();
    }
    if (!*row) {
      return out;
    }
    const std::string what = "outcomes.document of cycle " + std::to_string(query.int_at(0));
    const auto document = nlohmann::json::parse(query.text_at(1), nullptr, false);
    if (document.is_discarded()) {
      return corrupt(what, make_error(ErrorKind::kInternal, "not JSON"));
    }
    auto outcome = json::cycle_outcome_from_json(document);
    if (!outcome.ok()) {
      return corrupt(what, make_error(ErrorKind::kInternal, outcome.error().to_string()));
    }
    out.push_back(std::move(outcome).value());
  }
}

core::Status SqliteSession::put_realised_value(const net::RealisedValue& value) {
  auto stored = db_.prepare(
                       "INSERT INTO realised_values (cycle, initiative_id, partner_id, target, forecast, actual) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (cycle, initiative_id, partner_id) DO UPDATE SET "
                       "target = excluded.target, forecast = excluded.forecast, actual = excluded.actual")
                    .bind_int(value.cycle)
                    .bind_int(value.initiative)
                    .bind_int(value.partner)
                    .bind_optional_rational(value.target)
                    .bind_optional_rational(value.forecast)
                    .bind_rational(value.actual)
                    .run();
  if (!stored.ok()) {
    return explain(stored.error(),
                   {cycle_ref(value.cycle), initiative_ref(value.initiative), partner_ref(value.partner)});
  }
  return {};
}

core::Result<std::vector<net::RealisedValue>> SqliteSession::realised_values() {
  Statement query = db_.prepare(
      "SELECT cycle, initiative_id, partner_id, target, forecast, actual FROM realised_values "
      "ORDER BY cycle, initiative_id, partner_id");
  return read_rows(query, "realised_values", [](RowReader& row) {
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

core::Status SqliteSession::put_kpi_measurement(const net::KpiMeasurement& measurement) {
  auto stored = db_.prepare(
                       "INSERT INTO kpi_measurements (cycle, objective_id, value) VALUES (?1, ?2, ?3) "
                       "ON CONFLICT (cycle, objective_id) DO UPDATE SET value = excluded.value")
                    .bind_int(measurement.cycle)
                    .bind_int(measurement.objective)
                    .bind_rational(measurement.value)
                    .run();
  if (!stored.ok()) {
    return explain(stored.error(), {cycle_ref(measurement.cycle), objective_ref(measurement.objective)});
  }
  return {};
}

core::Result<std::vector<net::KpiMeasurement>> SqliteSession::kpi_measurements() {
  Statement query = db_.prepare("SELECT cycle, objective_id, value FROM kpi_measurements ORDER BY cycle, objective_id");
  return read_rows(query, "kpi_measurements", [](RowReader& row) {
    net::KpiMeasurement measurement;
    measurement.cycle = row.integer(0);
    measurement.objective = row.integer(1);
    measurement.value = row.rational(2);
    return measurement;
  });
}

}  // namespace covalue::adapters::sqlite
