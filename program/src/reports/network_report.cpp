#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "../use_case.hpp"
#include "covalue/program/report.hpp"
#include "report_support.hpp"

namespace covalue::program {
namespace {

//! Running sums over the cycles, in order.
struct NetworkRun {
  core::Rational estimated;
  core::Rational realised;
  bool steady{true};  //!< cumulative realised value never decreased
  std::int64_t closed{0};
};

std::vector<ReportCell> cycle_row(const net::Cycle& cycle, const net::CycleOutcome* outcome,
                                  const detail::CycleRealised& realised, NetworkRun& run) {
  std::vector<ReportCell> row{ReportCell::of_integer(cycle.number), ReportCell::of_text(net::name_of(cycle.state)),
                              ReportCell::of_text(net::name_of(cycle.rule)), ReportCell::of_number(cycle.capacity)};
  if (outcome == nullptr) {
    row.insert(row.end(), 3, ReportCell::empty());
  } else {
    const std::int64_t selected = detail::selected_count(*outcome);
    row.push_back(ReportCell::of_number(outcome->spent));
    row.push_back(ReportCell::of_integer(selected));
    row.push_back(ReportCell::of_number(outcome->network_value));
    run.estimated += outcome->network_value;
    run.closed += 1;
  }
  run.realised += realised.actual;
  run.steady = run.steady && realised.actual >= 0;
  row.push_back(ReportCell::of_number(realised.actual));
  row.push_back(ReportCell::of_number(run.estimated));
  row.push_back(ReportCell::of_number(run.realised));
  const bool comparable = outcome != nullptr && realised.records > 0;
  row.push_back(comparable ? detail::percent_of(realised.actual, outcome->network_value) : ReportCell::empty());
  return row;
}

ReportTable cycles_table(const Snapshot& snapshot, NetworkRun& run) {
  ReportTable table =
      detail::make_table("cycles", "Network value per cycle",
                         {"cycle", "state", "rule", "capacity", "spent", "selected", "estimated_value",
                          "realised_value", "cumulative_estimated", "cumulative_realised", "realised_percent"});
  const std::map<net::CycleNumber, detail::CycleRealised> realised = detail::realised_by_cycle(snapshot);
  for (const net::Cycle* cycle : detail::cycles_in_order(snapshot)) {
    auto it = realised.find(cycle->number);
    const detail::CycleRealised actual = it == realised.end() ? detail::CycleRealised{} : it->second;
    table.rows.push_back(cycle_row(*cycle, snapshot.find_outcome(cycle->number), actual, run));
  }
  table.notes = {
      "estimated_value: the network value of the cycle's selection as estimated when it closed.",
      "realised_value: the sum of the actuals recorded for the cycle's initiatives, over every partner.",
      "realised_percent: realised_value / estimated_value, shown once an actual is recorded for the cycle.",
  };
  return table;
}

ReportTable estimation_table(const Snapshot& snapshot, const std::map<net::PartnerId, detail::EstimationTotals>& by) {
  ReportTable table = detail::make_table(
      "estimation", "Estimation accuracy per proposer",
      {"partner", "name", "initiatives", "pairs", "estimated", "realised", "estimation_error", "bias"});
  for (const auto& [proposer, totals] : by) {
    table.rows.push_back({ReportCell::of_integer(proposer),
                          ReportCell::of_text(detail::partner_name(snapshot, proposer)),
                          ReportCell::of_integer(totals.initiatives), ReportCell::of_integer(totals.pairs),
                          ReportCell::of_number(totals.estimate), ReportCell::of_number(totals.actual),
                          totals.error_cell(), totals.bias_cell()});
  }
  table.notes = {
      "Over the (initiative, partner) pairs of the partner's proposals with a recorded actual.",
      "estimation_error = sum |actual - estimate| / sum |estimate| (lower is better).",
      "bias = sum actual - sum estimate (negative: the proposer over-estimated).",
  };
  return table;
}

std::int64_t members_now(const Snapshot& snapshot) {
  const net::CycleNumber now = detail::membership_cycle(snapshot);
  return std::count_if(snapshot.partners.begin(), snapshot.partners.end(),
                       [&](const net::Partner& p) { return p.member_in(now); });
}

}  // namespace

core::Result<Report> network_report(const Snapshot& snapshot) {
  Report report{"network", {}, {}};
  NetworkRun run;
  report.tables.push_back(cycles_table(snapshot, run));
  const std::map<net::PartnerId, detail::EstimationTotals> by_proposer = detail::estimation_by_proposer(snapshot);
  const detail::EstimationTotals overall = detail::estimation_overall(by_proposer);
  report.tables.push_back(estimation_table(snapshot, by_proposer));
  report.summary = {
      {"partners", ReportCell::of_integer(members_now(snapshot))},
      {"cycles", ReportCell::of_integer(static_cast<std::int64_t>(snapshot.cycles.size()))},
      {"closed_cycles", ReportCell::of_integer(run.closed)},
      {"total_estimated", ReportCell::of_number(run.estimated)},
      {"total_realised", ReportCell::of_number(run.realised)},
      {"steady_growth", detail::yes_no(run.steady)},
      {"estimation_error", overall.error_cell()},
      {"estimation_bias", overall.bias_cell()},
  };
  return report;
}

}  // namespace covalue::program
