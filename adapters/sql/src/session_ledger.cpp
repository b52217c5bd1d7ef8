#include <nlohmann/json.hpp>

#include <string>

#include "covalue/adapters/json/cycle_outcome_json.hpp"
#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

using R = net::RealisedValue;
using K = net::KpiMeasurement;
constexpr Columns<&R::cycle, &R::initiative, &R::partner, &R::target, &R::forecast, &R::actual> kRealised{};
constexpr Columns<&K::cycle, &K::objective, &K::value> kKpi{};

}  // namespace

core::Status Session::save_outcome(const net::CycleOutcome& outcome) {
  change(Rows::kOutcomes);
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
  return cached(Rows::kOutcomes, -1, [&]() -> core::Result<std::vector<net::CycleOutcome>> {
    Statement query = in_network(sq::kOutcomes);
    std::vector<net::CycleOutcome> out;
    for (;;) {
      auto row = query.step();
      if (!row.ok() || !*row) {
        return row.ok() ? core::Result<std::vector<net::CycleOutcome>>(std::move(out)) : row.error();
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
  });
}

core::Status Session::put_realised_value(const net::RealisedValue& value) {
  change(Rows::kRealised);
  auto stored =
      atomically([&] { return in_network(sq::kPutRealisedValue).bind_columns(kRealised, value).run_or_defer(); });
  if (!stored.ok()) {
    return explain(stored.error(),
                   {cycle_ref(value.cycle), initiative_ref(value.initiative), partner_ref(value.partner)});
  }
  return {};
}

core::Result<std::vector<net::RealisedValue>> Session::realised_values() {
  return cached(Rows::kRealised, -1, [&] { return rows(sq::kRealisedValues, "realised_values", kRealised); });
}

core::Status Session::put_kpi_measurement(const net::KpiMeasurement& measurement) {
  change(Rows::kKpis);
  auto stored =
      atomically([&] { return in_network(sq::kPutKpiMeasurement).bind_columns(kKpi, measurement).run_or_defer(); });
  if (!stored.ok()) {
    return explain(stored.error(), {cycle_ref(measurement.cycle), objective_ref(measurement.objective)});
  }
  return {};
}

core::Result<std::vector<net::KpiMeasurement>> Session::kpi_measurements() {
  return cached(Rows::kKpis, -1, [&] { return rows(sq::kKpiMeasurements, "kpi_measurements", kKpi); });
}

}  // namespace covalue::adapters::sql
