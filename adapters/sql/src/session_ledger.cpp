#include <nlohmann/json.hpp>

#include <string>

#include "covalue/adapters/json/cycle_outcome_json.hpp"
#include "session_common.hpp"

namespace covalue::adapters::sql {

using core::ErrorKind;
using core::make_error;
namespace sq = statements;

core::Status Session::save_outcome(const net::CycleOutcome& outcome) {
  const std::string document = json::cycle_outcome_to_json(outcome).dump();
  auto inserted = atomically([&]() -> core::Status {
    return in_network(sq::kInsertOutcome).bind_int(outcome.cycle).bind_text(document).run_or_defer();
  });
  if (!inserted.ok()) {
    return explain(
        on_conflict(inserted.error(), "the outcome of cycle " + std::to_string(outcome.cycle) + " is already stored"),
        {cycle_ref(outcome.cycle)});
  }
  return {};
}

core::Result<std::vector<net::CycleOutcome>> Session::outcomes() {
  Statement query = in_network(sq::kOutcomes);
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

core::Status Session::put_realised_value(const net::RealisedValue& value) {
  auto stored = atomically([&]() -> core::Status {
    return in_network(sq::kPutRealisedValue)
        .bind_int(value.cycle)
        .bind_int(value.initiative)
        .bind_int(value.partner)
        .bind_optional_rational(value.target)
        .bind_optional_rational(value.forecast)
        .bind_rational(value.actual)
        .run_or_defer();
  });
  if (!stored.ok()) {
    return explain(stored.error(),
                   {cycle_ref(value.cycle), initiative_ref(value.initiative), partner_ref(value.partner)});
  }
  return {};
}

core::Result<std::vector<net::RealisedValue>> Session::realised_values() {
  Statement query = in_network(sq::kRealisedValues);
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

core::Status Session::put_kpi_measurement(const net::KpiMeasurement& measurement) {
  auto stored = atomically([&]() -> core::Status {
    return in_network(sq::kPutKpiMeasurement)
        .bind_int(measurement.cycle)
        .bind_int(measurement.objective)
        .bind_rational(measurement.value)
        .run_or_defer();
  });
  if (!stored.ok()) {
    return explain(stored.error(), {cycle_ref(measurement.cycle), objective_ref(measurement.objective)});
  }
  return {};
}

core::Result<std::vector<net::KpiMeasurement>> Session::kpi_measurements() {
  Statement query = in_network(sq::kKpiMeasurements);
  return read_rows(query, "kpi_measurements", [](RowReader& row) {
    net::KpiMeasurement measurement;
    measurement.cycle = row.integer(0);
    measurement.objective = row.integer(1);
    measurement.value = row.rational(2);
    return measurement;
  });
}

}  // namespace covalue::adapters::sql
