#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "covalue/program/report.hpp"
#include "report_support.hpp"

namespace covalue::program {
namespace {

//! The KPI's name: the standard one, or the custom objective's own name.
std::string kpi_name(const net::Objective& objective) {
  if (objective.kpi != net::Kpi::kCustom) {
    return net::name_of(objective.kpi);
  }
  return objective.name.empty() ? net::name_of(objective.kpi) : objective.name;
}

bool consumer_facing(net::Kpi kpi) {
  return kpi == net::Kpi::kConsumerSatisfaction || kpi == net::Kpi::kPerfectOrderRate ||
         kpi == net::Kpi::kOnTimeDelivery || kpi == net::Kpi::kReturnRate;
}

//! (value - baseline) / (target - baseline); nothing when the target is the baseline.
std::optional<core::Rational> progress_of(const net::Objective& objective, const core::Rational& value) {
  if (objective.target == objective.baseline) {
    return std::nullopt;
  }
  return (value - objective.baseline) / (objective.target - objective.baseline);
}

ReportCell progress_cell(const std::optional<core::Rational>& progress) {
  return progress ? ReportCell::of_percent(*progress) : ReportCell::empty();
}

//! An objective's measurements ordered by cycle.
std::vector<const net::KpiMeasurement*> measurements_of(const Snapshot& snapshot, net::ObjectiveId objective) {
  std::vector<const net::KpiMeasurement*> result;
  for (const net::KpiMeasurement& measurement : snapshot.kpis) {
    if (measurement.objective == objective) {
      result.push_back(&measurement);
    }
  }
  std::stable_sort(result.begin(), result.end(),
                   [](const net::KpiMeasurement* a, const net::KpiMeasurement* b) { return a->cycle < b->cycle; });
  return result;
}

//! Progress of the consumer-facing objectives, summed for their mean.
struct ConsumerProgress {
  core::Rational sum;
  std::int64_t count{0};
};

//! An objective with its measurements (by cycle) and its progress at the latest one.
struct ObjectiveRow {
  const net::Objective* objective{nullptr};
  std::vector<const net::KpiMeasurement*> measured;
  std::optional<core::Rational> progress;
};

//! Which of an objective's measurements a pair of columns shows: null when it has none.
using PickMeasurement = const net::KpiMeasurement* (*)(const ObjectiveRow& row);

//! "<key>_cycle" and "<key>_value" of the measurement `pick` chooses, empty without one.
std::vector<ReportColumn<ObjectiveRow>> measured_columns(const std::string& key, const std::string& title,
                                                         PickMeasurement pick) {
  using R = ObjectiveRow;
  return {
      {key + "_cycle", title + " cycle",
       [pick](const R& r) { return pick(r) ? ReportCell::of_integer(pick(r)->cycle) : ReportCell::empty(); }},
      {key + "_value", title + " value",
       [pick](const R& r) { return pick(r) ? ReportCell::of_number(pick(r)->value) : ReportCell::empty(); }},
  };
}

const net::KpiMeasurement* first_measurement(const ObjectiveRow& row) {
  return row.measured.empty() ? nullptr : row.measured.front();
}

const net::KpiMeasurement* latest_measurement(const ObjectiveRow& row) {
  return row.measured.empty() ? nullptr : row.measured.back();
}

//! The "objective", "partner" and "kpi" columns of a row's objective (`row.objective`).
template <typename Row>
std::vector<ReportColumn<Row>> objective_identity(const Snapshot& snapshot) {
  return {
      {"objective", "Objective", [](const Row& r) { return ReportCell::of_integer(r.objective->id); }},
      {"partner", "Partner",
       [&](const Row& r) { return ReportCell::of_text(detail::partner_name(snapshot, r.objective->partner)); }},
      {"kpi", "KPI", [](const Row& r) { return ReportCell::of_text(kpi_name(*r.objective)); }},
  };
}

std::vector<ReportColumn<ObjectiveRow>> objective_columns(const Snapshot& snapshot) {
  using R = ObjectiveRow;
  std::vector<ReportColumn<R>> columns = objective_identity<R>(snapshot);
  detail::append_columns(
      columns, {
                   {"unit", "Unit", [](const R& r) { return ReportCell::of_text(r.objective->unit); }},
                   {"baseline", "Baseline", [](const R& r) { return ReportCell::of_number(r.objective->baseline); }},
                   {"target", "Target", [](const R& r) { return ReportCell::of_number(r.objective->target); }},
               });
  detail::append_columns(columns, measured_columns("first", "First", first_measurement));
  detail::append_columns(columns, measured_columns("latest", "Latest", latest_measurement));
  columns.push_back({"measurements", "Measurements",
                     [](const R& r) { return ReportCell::of_integer(static_cast<std::int64_t>(r.measured.size())); }});
  columns.push_back({"progress", "Progress", [](const R& r) { return progress_cell(r.progress); }});
  return columns;
}

ReportTable objectives_table(const Snapshot& snapshot, ConsumerProgress& consumer) {
  std::vector<const net::Objective*> objectives;
  for (const net::Objective& objective : snapshot.objectives) {
    objectives.push_back(&objective);
  }
  std::stable_sort(objectives.begin(), objectives.end(),
                   [](const net::Objective* a, const net::Objective* b) { return a->id < b->id; });
  std::vector<ObjectiveRow> rows;
  for (const net::Objective* objective : objectives) {
    ObjectiveRow& row = rows.emplace_back(ObjectiveRow{objective, measurements_of(snapshot, objective->id), {}});
    if (!row.measured.empty()) {
      row.progress = progress_of(*objective, row.measured.back()->value);
    }
    if (row.progress && consumer_facing(objective->kpi)) {
      consumer.sum += *row.progress;
      consumer.count += 1;
    }
  }
  return table_of(
      "objectives", "KPI progress per objective", objective_columns(snapshot), rows,
      {"progress = (latest_value - baseline) / (target - baseline): 0% at the baseline, 100% at the target, "
       "negative when the KPI moved away from it; empty without a measurement or when target = baseline."});
}

//! One measurement beside its objective.
struct MeasurementRow {
  const net::Objective* objective{nullptr};
  const net::KpiMeasurement* measurement{nullptr};
};

std::vector<ReportColumn<MeasurementRow>> measurement_columns(const Snapshot& snapshot) {
  using R = MeasurementRow;
  std::vector<ReportColumn<R>> columns = objective_identity<R>(snapshot);
  detail::append_columns(
      columns, {
                   {"cycle", "Cycle", [](const R& r) { return ReportCell::of_integer(r.measurement->cycle); }},
                   {"value", "Value", [](const R& r) { return ReportCell::of_number(r.measurement->value); }},
                   {"progress", "Progress",
                    [](const R& r) { return progress_cell(progress_of(*r.objective, r.measurement->value)); }},
               });
  return columns;
}

ReportTable measurements_table(const Snapshot& snapshot) {
  std::vector<const net::KpiMeasurement*> all;
  for (const net::KpiMeasurement& measurement : snapshot.kpis) {
    all.push_back(&measurement);
  }
  std::stable_sort(all.begin(), all.end(), [](const net::KpiMeasurement* a, const net::KpiMeasurement* b) {
    return std::pair(a->objective, a->cycle) < std::pair(b->objective, b->cycle);
  });
  std::vector<MeasurementRow> rows;
  for (const net::KpiMeasurement* measurement : all) {
    const auto objective = std::find_if(snapshot.objectives.begin(), snapshot.objectives.end(),
                                        [&](const net::Objective& o) { return o.id == measurement->objective; });
    if (objective != snapshot.objectives.end()) {
      rows.push_back({&*objective, measurement});
    }
  }
  return table_of("measurements", "KPI measurements per cycle", measurement_columns(snapshot), rows);
}

//! Estimated network value of the selected consumer-experience initiatives, and the actuals recorded for them.
std::pair<core::Rational, core::Rational> consumer_experience_value(const Snapshot& snapshot) {
  std::set<net::InitiativeId> selected;
  for (const net::CycleOutcome& outcome : snapshot.outcomes) {
    for (const net::InitiativeDecision& decision : outcome.decisions) {
      if (decision.selected) {
        selected.insert(decision.initiative);
      }
    }
  }
  const auto consumer = [&](net::InitiativeId id) {
    const net::Initiative* initiative = snapshot.find_initiative(id);
    return initiative != nullptr && initiative->channel == net::Channel::kConsumerExperience ? initiative : nullptr;
  };
  core::Rational estimated;
  core::Rational realised;
  for (const net::InitiativeId id : selected) {
    if (const net::Initiative* initiative = consumer(id); initiative != nullptr) {
      estimated += initiative->network_value();
    }
  }
  for (const net::RealisedValue& value : snapshot.realised) {
    realised += consumer(value.initiative) != nullptr ? value.actual : core::Rational(0);
  }
  return {estimated, realised};
}

}  // namespace

core::Result<Report> kpi_report(const Snapshot& snapshot) {
  Report report{"kpi", {}, {}};
  ConsumerProgress consumer;
  report.tables.push_back(objectives_table(snapshot, consumer));
  report.tables.push_back(measurements_table(snapshot));
  const auto [estimated, realised] = consumer_experience_value(snapshot);
  report.summary = {
      {"objectives", ReportCell::of_integer(static_cast<std::int64_t>(snapshot.objectives.size()))},
      {"consumer_experience_objectives", ReportCell::of_integer(consumer.count)},
      {"consumer_experience_progress",
       consumer.count == 0 ? ReportCell::empty() : ReportCell::of_percent(consumer.sum / consumer.count)},
      {"consumer_experience_estimated", ReportCell::of_number(estimated)},
      {"consumer_experience_realised", ReportCell::of_number(realised)},
  };
  report.tables.front().notes.push_back(
      "consumer_experience_progress: the mean progress of the measured objectives whose KPI is "
      "consumer_satisfaction, perfect_order_rate, on_time_delivery or return_rate.");
  report.tables.front().notes.push_back(
      "consumer_experience_estimated: the estimated network value of the selected consumer-experience "
      "initiatives; consumer_experience_realised: the actuals recorded for them.");
  return report;
}

}  // namespace covalue::program
