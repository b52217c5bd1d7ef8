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

std::vector<ReportCell> measured_cells(const net::KpiMeasurement* measurement) {
  if (measurement == nullptr) {
    return {ReportCell::empty(), ReportCell::empty()};
  }
  return {ReportCell::of_integer(measurement->cycle), ReportCell::of_number(measurement->value)};
}

//! Progress of the consumer-facing objectives, summed for their mean.
struct ConsumerProgress {
  core::Rational sum;
  std::int64_t count{0};
};

std::vector<ReportCell> objective_row(const Snapshot& snapshot, const net::Objective& objective,
                                      const std::vector<const net::KpiMeasurement*>& measured) {
  std::vector<ReportCell> row{
      ReportCell::of_integer(objective.id),      ReportCell::of_text(detail::partner_name(snapshot, objective.partner)),
      ReportCell::of_text(kpi_name(objective)),  ReportCell::of_text(objective.unit),
      ReportCell::of_number(objective.baseline), ReportCell::of_number(objective.target)};
  const std::vector<ReportCell> first = measured_cells(measured.empty() ? nullptr : measured.front());
  const std::vector<ReportCell> latest = measured_cells(measured.empty() ? nullptr : measured.back());
  row.insert(row.end(), first.begin(), first.end());
  row.insert(row.end(), latest.begin(), latest.end());
  row.push_back(ReportCell::of_integer(static_cast<std::int64_t>(measured.size())));
  return row;
}

ReportTable objectives_table(const Snapshot& snapshot, ConsumerProgress& consumer) {
  ReportTable table = detail::make_table("objectives", "KPI progress per objective",
                                         {"objective", "partner", "kpi", "unit", "baseline", "target", "first_cycle",
                                          "first_value", "latest_cycle", "latest_value", "measurements", "progress"});
  std::vector<const net::Objective*> objectives;
  for (const net::Objective& objective : snapshot.objectives) {
    objectives.push_back(&objective);
  }
  std::stable_sort(objectives.begin(), objectives.end(),
                   [](const net::Objective* a, const net::Objective* b) { return a->id < b->id; });
  for (const net::Objective* objective : objectives) {
    const std::vector<const net::KpiMeasurement*> measured = measurements_of(snapshot, objective->id);
    std::optional<core::Rational> progress;
    if (!measured.empty()) {
      progress = progress_of(*objective, measured.back()->value);
    }
    if (progress && consumer_facing(objective->kpi)) {
      consumer.sum += *progress;
      consumer.count += 1;
    }
    table.rows.push_back(objective_row(snapshot, *objective, measured));
    table.rows.back().push_back(progress_cell(progress));
  }
  table.notes = {
      "progress = (latest_value - baseline) / (target - baseline): 0% at the baseline, 100% at the target, "
      "negative when the KPI moved away from it; empty without a measurement or when target = baseline.",
  };
  return table;
}

ReportTable measurements_table(const Snapshot& snapshot) {
  ReportTable table = detail::make_table("measurements", "KPI measurements per cycle",
                                         {"objective", "partner", "kpi", "cycle", "value", "progress"});
  std::vector<const net::KpiMeasurement*> all;
  for (const net::KpiMeasurement& measurement : snapshot.kpis) {
    all.push_back(&measurement);
  }
  std::stable_sort(all.begin(), all.end(), [](const net::KpiMeasurement* a, const net::KpiMeasurement* b) {
    return std::pair(a->objective, a->cycle) < std::pair(b->objective, b->cycle);
  });
  for (const net::KpiMeasurement* measurement : all) {
    const auto objective = std::find_if(snapshot.objectives.begin(), snapshot.objectives.end(),
                                        [&](const net::Objective& o) { return o.id == measurement->objective; });
    if (objective == snapshot.objectives.end()) {
      continue;
    }
    table.rows.push_back(
        {ReportCell::of_integer(objective->id), ReportCell::of_text(detail::partner_name(snapshot, objective->partner)),
         ReportCell::of_text(kpi_name(*objective)), ReportCell::of_integer(measurement->cycle),
         ReportCell::of_number(measurement->value), progress_cell(progress_of(*objective, measurement->value))});
  }
  return table;
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
