#include <algorithm>

#include <utility>

#include "covalue/program/limits.hpp"
#include "covalue/program/program.hpp"
#include "use_case.hpp"

namespace covalue::program {
namespace {

using detail::run_change;
using nlohmann::json;

core::Status check_closed(const Snapshot& snapshot, net::CycleNumber number) {
  core::Result<const net::Cycle*> required = snapshot.require_cycle(number);
  if (!required) {
    return required.error();
  }
  const net::Cycle* cycle = *required;
  if (cycle->state != net::CycleState::kClosed && cycle->state != net::CycleState::kReviewed) {
    return detail::conflict("cycle " + std::to_string(number) + " is " + net::name_of(cycle->state) +
                                "; actuals are recorded once it is closed",
                            "cycle");
  }
  return {};
}

bool selected_in(const net::CycleOutcome& outcome, net::InitiativeId id) {
  return std::any_of(outcome.decisions.begin(), outcome.decisions.end(),
                     [&](const net::InitiativeDecision& d) { return d.initiative == id && d.selected; });
}

}  // namespace

core::Status Program::record_realised_value(const net::RealisedValue& value) {
  if (core::Status allowed = detail::require_coordinator(actor_, "record actuals"); !allowed) {
    return allowed;
  }
  for (const auto& [amount, where] : {std::pair{&value.target, "target"}, std::pair{&value.forecast, "forecast"}}) {
    if (*amount) {
      if (core::Status checked = check_amount(**amount, AmountSign::kAny, where); !checked) {
        return checked;
      }
    }
  }
  if (core::Status actual = check_amount(value.actual, AmountSign::kAny, "actual"); !actual) {
    return actual;
  }
  SnapshotParts parts = SnapshotParts::minimal();
  parts.outcomes = true;
  return run_change({store_, actor_, *clock_}, "record_realised_value", parts,
                    [&](StoreSession& session, Snapshot& snapshot, json& detail) -> core::Status {
                      if (core::Status closed = check_closed(snapshot, value.cycle); !closed) {
                        return closed;
                      }
                      const net::Initiative* initiative = snapshot.find_initiative(value.initiative);
                      if (initiative == nullptr) {
                        return detail::not_found("no initiative with id " + std::to_string(value.initiative),
                                                 "initiative");
                      }
                      const net::CycleOutcome* outcome = snapshot.find_outcome(value.cycle);
                      if (outcome == nullptr || !selected_in(*outcome, value.initiative)) {
                        return detail::invalid("initiative " + std::to_string(value.initiative) +
                                                   " was not selected in cycle " + std::to_string(value.cycle),
                                               "initiative");
                      }
                      if (snapshot.find_partner(value.partner) == nullptr) {
                        return detail::not_found("no partner with id " + std::to_string(value.partner), "partner");
                      }
                      detail = {{"cycle", value.cycle},
                                {"initiative", value.initiative},
                                {"partner", value.partner},
                                {"actual", core::to_string(value.actual)}};
                      if (core::Status stored = session.put_realised_value(value); !stored) {
                        return stored;
                      }
                      net::Initiative delivered = *initiative;
                      if (delivered.delivering()) {
                        delivered.status = net::InitiativeStatus::kDelivered;
                        return session.update_initiative(delivered);
                      }
                      return {};
                    });
}

core::Status Program::record_kpi(const net::KpiMeasurement& measurement) {
  if (core::Status allowed = detail::require_coordinator(actor_, "record KPI values"); !allowed) {
    return allowed;
  }
  if (core::Status amount = check_amount(measurement.value, AmountSign::kAny, "value"); !amount) {
    return amount;
  }
  return run_change(
      {store_, actor_, *clock_}, "record_kpi", SnapshotParts::minimal(),
      [&](StoreSession& session, Snapshot& snapshot, json& detail) -> core::Status {
        if (core::Status closed = check_closed(snapshot, measurement.cycle); !closed) {
          return closed;
        }
        const bool known = std::any_of(snapshot.objectives.begin(), snapshot.objectives.end(),
                                       [&](const net::Objective& o) { return o.id == measurement.objective; });
        if (!known) {
          return detail::not_found("no objective with id " + std::to_string(measurement.objective), "objective");
        }
        detail = {{"cycle", measurement.cycle},
                  {"objective", measurement.objective},
                  {"value", core::to_string(measurement.value)}};
        return session.put_kpi_measurement(measurement);
      });
}

}  // namespace covalue::program
