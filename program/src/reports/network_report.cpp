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

using Row = detail::CycleValues;

//! A cell of the cycle's outcome, empty before it is decided.
ReportColumn<Row> outcome_column(std::string key, std::string title,
                                 std::function<ReportCell(const net::CycleOutcome&)> cell) {
  return {std::move(key), std::move(title), [cell = std::move(cell)](const Row& row) {
            return row.outcome == nullptr ? ReportCell::empty() : cell(*row.outcome);
          }};
}

std::vector<ReportColumn<Row>> cycle_columns() {
  return {
      {"cycle", "Cycle", [](const Row& r) { return ReportCell::of_integer(r.cycle->number); }},
      {"state", "State", [](const Row& r) { return ReportCell::of_text(net::name_of(r.cycle->state)); }},
      {"rule", "Rule", [](const Row& r) { return ReportCell::of_text(net::name_of(r.cycle->rule)); }},
      {"capacity", "Capacity", [](const Row& r) { return ReportCell::of_number(r.cycle->capacity); }},
      outcome_column("spent", "Spent", [](const net::CycleOutcome& o) { return ReportCell::of_number(o.spent); }),
      outcome_column("selected", "Selected",
                     [](const net::CycleOutcome& o) { return ReportCell::of_integer(detail::selected_count(o)); }),
      outcome_column("estimated_value", "Estimated value",
                     [](const net::CycleOutcome& o) { return ReportCell::of_number(o.network_value); }),
      {"realised_value", "Realised value", [](const Row& r) { return ReportCell::of_number(r.realised.actual); }},
      {"cumulative_estimated", "Cumulative estimated",
       [](const Row& r) { return ReportCell::of_number(r.cumulative_estimated); }},
      {"cumulative_realised", "Cumulative realised",
       [](const Row& r) { return ReportCell::of_number(r.cumulative_realised); }},
      {"realised_percent", "Realised %",
       [](const Row& r) {
         const bool comparable = r.outcome != nullptr && r.realised.records > 0;
         return comparable ? detail::percent_of(r.realised.actual, r.outcome->network_value) : ReportCell::empty();
       }},
  };
}

ReportTable cycles_table(const Snapshot& snapshot, NetworkRun& run) {
  const std::vector<Row> rows = detail::cycle_values(snapshot);
  for (const Row& row : rows) {
    run.closed += row.outcome != nullptr ? 1 : 0;
    run.steady = run.steady && row.realised.actual >= 0;
  }
  if (!rows.empty()) {
    run.estimated = rows.back().cumulative_estimated;
    run.realised = rows.back().cumulative_realised;
  }
  return table_of(
      "cycles", "Network value per cycle", cycle_columns(), rows,
      {
          "estimated_value: the network value of the cycle's selection as estimated when it closed.",
          "realised_value: the sum of the actuals recorded for the cycle's initiatives, over every partner.",
          "realised_percent: realised_value / estimated_value, shown once an actual is recorded for the "
          "cycle.",
      });
}

using Estimation = std::pair<net::PartnerId, detail::EstimationTotals>;

std::vector<ReportColumn<Estimation>> estimation_columns(const Snapshot& snapshot) {
  using R = Estimation;
  return {
      {"partner", "Partner", [](const R& r) { return ReportCell::of_integer(r.first); }},
      {"name", "Name", [&](const R& r) { return ReportCell::of_text(detail::partner_name(snapshot, r.first)); }},
      {"initiatives", "Initiatives", [](const R& r) { return ReportCell::of_integer(r.second.initiatives); }},
      {"pairs", "Pairs", [](const R& r) { return ReportCell::of_integer(r.second.pairs); }},
      {"estimated", "Estimated", [](const R& r) { return ReportCell::of_number(r.second.estimate); }},
      {"realised", "Realised", [](const R& r) { return ReportCell::of_number(r.second.actual); }},
      {"estimation_error", "Estimation error", [](const R& r) { return r.second.error_cell(); }},
      {"bias", "Bias", [](const R& r) { return r.second.bias_cell(); }},
  };
}

ReportTable estimation_table(const Snapshot& snapshot, const std::map<net::PartnerId, detail::EstimationTotals>& by) {
  return table_of("estimation", "Estimation accuracy per proposer", estimation_columns(snapshot),
                  std::vector<Estimation>(by.begin(), by.end()),
                  {
                      "Over the (initiative, partner) pairs of the partner's proposals with a recorded actual.",
                      "estimation_error = sum |actual - estimate| / sum |estimate| (lower is better).",
                      "bias = sum actual - sum estimate (negative: the proposer over-estimated).",
                  });
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
  const detail::EstimationTotals overall = detail::estimation_overall(snapshot);
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
