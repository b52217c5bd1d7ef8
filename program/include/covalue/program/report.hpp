#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "covalue/core/network/ids.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/core/result.hpp"
#include "covalue/program/snapshot.hpp"

namespace covalue::program {

//! One value of a report: text, a whole number, an exact number, or a ratio shown as a percentage.
struct ReportCell {
  enum class Kind { kText, kInteger, kNumber, kPercent, kEmpty };
  Kind kind{Kind::kEmpty};
  std::string text;
  std::int64_t integer{0};
  core::Rational number;  //!< kNumber, and kPercent as a fraction (0.25 is shown as 25%)

  static ReportCell of_text(std::string value) { return {Kind::kText, std::move(value), 0, {}}; }
  static ReportCell of_integer(std::int64_t value) { return {Kind::kInteger, {}, value, {}}; }
  static ReportCell of_number(core::Rational value) { return {Kind::kNumber, {}, 0, std::move(value)}; }
  static ReportCell of_percent(core::Rational value) { return {Kind::kPercent, {}, 0, std::move(value)}; }
  static ReportCell empty() { return {}; }
};

//! A titled table: column keys (snake_case, used as JSON keys and CSV headers) and rows of cells.
//! Built from one list of ReportColumn (table_of), so each row has one cell per column, in its order.
struct ReportTable {
  std::string key;    //!< "cycles", "partners", ...
  std::string title;  //!< human title
  std::vector<std::string> columns;
  std::vector<std::vector<ReportCell>> rows;
  std::vector<std::string> notes;            //!< how to read it: definitions, formulas
  std::vector<std::string> column_titles{};  //!< each column's human heading, as its ReportColumn says
};

//! One column of a report table over rows of type Row: its key, its heading and how a row fills its cell.
template <typename Row>
struct ReportColumn {
  std::string key;                                 //!< snake_case: the JSON key and CSV header
  std::string title;                               //!< a human heading
  std::function<ReportCell(const Row& row)> cell;  //!< the row's cell in this column
};

//! A table whose every row is filled column by column from `columns`: a cell cannot drift from its column.
template <typename Row>
[[nodiscard]] ReportTable table_of(std::string key, std::string title, const std::vector<ReportColumn<Row>>& columns,
                                   const std::vector<Row>& rows, std::vector<std::string> notes = {}) {
  ReportTable table{std::move(key), std::move(title), {}, {}, std::move(notes)};
  for (const ReportColumn<Row>& column : columns) {
    table.columns.push_back(column.key);
    table.column_titles.push_back(column.title);
  }
  for (const Row& row : rows) {
    std::vector<ReportCell>& cells = table.rows.emplace_back();
    cells.reserve(columns.size());
    for (const ReportColumn<Row>& column : columns) {
      cells.push_back(column.cell(row));
    }
  }
  return table;
}

//! A report: one or more tables, plus summary figures.
struct Report {
  std::string name;  //!< "network", "partner", "fairness", "engagement", "cycle", "kpi"
  std::vector<std::pair<std::string, ReportCell>> summary;
  std::vector<ReportTable> tables;
};

// Every report is a pure function of the snapshot: exact figures (rationals), rows in a stable order
// (cycles by number, partners and objectives by id), and notes that say how to read each table.
// "Estimation error" of a set of (initiative, partner) pairs with a recorded actual is
// sum |actual - estimate| / sum |estimate| (lower is better); its "bias" is sum actual - sum estimate.

//! Network value per cycle: estimated, realised, cumulative; capacity used.
//!
//! Tables "cycles" (one row per cycle; realised_percent once an actual is recorded for it) and
//! "estimation" (estimation error and bias per proposer). Summary: partners (members now), cycles,
//! closed_cycles, total_estimated, total_realised, steady_growth (cumulative realised value never
//! decreased), estimation_error, estimation_bias.
[[nodiscard]] core::Result<Report> network_report(const Snapshot& snapshot);
//! Per partner: cumulative net value, dry spells, de-optimisation and leadership shares, approvals
//! selected; with `partner`, that partner's cycle-by-cycle history as well.
//!
//! Tables "partners" (every partner by id, left ones with status "left") and, with `partner`,
//! "partner_cycles". Errors: kNotFound for an unknown partner id.
[[nodiscard]] core::Result<Report> partner_report(const Snapshot& snapshot, std::optional<net::PartnerId> partner);
//! Fairness indices: Gini of cumulative net value and of leadership, dry spells against k.
//!
//! The Gini indices are taken over the partners that appear in at least one outcome. Tables "partners"
//! and "deopt_exceedances" (each cycle and partner above the charter's max_deopt_share).
[[nodiscard]] core::Result<Report> fairness_report(const Snapshot& snapshot);
//! Participation per partner and the retention-risk score with its reasons.
//!
//! Participation: ballots_issued (cycles that reached voting while a member), ballots_cast,
//! ballots_missed (closed cycles without its ballot), proposals, leads, reviews (actuals recorded for
//! it), objectives. Retention risk of a current member, over its window W = its last 3 closed cycles
//! as a member (closed or reviewed, fewer when there are fewer), with k the charter's max dry spell:
//!   25 x (ballots missed in W) / |W|                                         "missed 2 of 3 ballots"
//! + 25 x min(current dry spell, k) / k, when the dry spell is > 0             "dry spell 2 of k=3"
//! + 15 when its cumulative net value is negative                              "cumulative net value -5"
//! + 15 x (supported - selected) / supported, over W, when fewer than half of the initiatives it
//!   supported were selected                            "1 of 4 supported initiatives selected in ..."
//! + 10 x (cycles of W in which its share of the cycle's de-optimisation exceeded the charter's
//!   max_deopt_share) / |W|                       "de-optimisation above the 50% policy share in ..."
//! + 10 when it led no initiative in W while others led some         "led none of the 4 initiatives ..."
//! The exact sum (0-100) is rounded half up to the risk_score; risk_band is low below 30, medium from 30,
//! high from 60; risk_reasons names every contributing factor, in this order, joined by "; ".
//! Partners that left get no score (status "left"). Rows are ordered by partner id.
[[nodiscard]] core::Result<Report> engagement_report(const Snapshot& snapshot);
//! One cycle's outcome record: decisions with reasons, partners' values and transfers, leads, certificate.
//! When partners voted, the consensus: summary figures consensus_rule, agreement_index (documented in
//! the table's notes) and condorcet_winner, a "consensus" table (the consensus order with the
//! scorecard beside it) and an "agreement" table (each partner's Kendall-tau distance to it).
//!
//! A cycle without an outcome yet shows its state, a "candidates" table, the count of ballots cast, and
//! a "ballot" table: supporters so far beside the scorecard's rank and score.
//! Errors: kNotFound for an unknown cycle.
[[nodiscard]] core::Result<Report> cycle_report(const Snapshot& snapshot, net::CycleNumber cycle);
//! cycle_report of a closed cycle from its outcome as given (the close returns it; nothing read back):
//! names, titles and the scorecard come from `snapshot`.
[[nodiscard]] Report closed_cycle_report(const Snapshot& snapshot, const net::Cycle& cycle,
                                         const net::CycleOutcome& outcome);
//! KPI progress of every objective from its baseline towards its target.
//!
//! Tables "objectives" (first and latest measurement, progress = (latest - baseline) / (target -
//! baseline)) and "measurements" (every measurement with its progress). Summary: the mean progress of
//! the consumer-facing objectives and the estimated and realised value of consumer-experience initiatives.
[[nodiscard]] core::Result<Report> kpi_report(const Snapshot& snapshot);
//! The scorecard: its formula and criteria ("criteria"), and the undecided initiatives ranked by it
//! ("ranking": rank, score, per-criterion averages, scorers, and ballots supporting it when voting).
//! Errors: kNotFound when the network has no scorecard.
[[nodiscard]] core::Result<Report> scorecard_report(const Snapshot& snapshot);

//! Gini index of possibly negative values (Raffinetti, Siletti and Vernizzi 2015): the sum of
//! |x_i - x_j| over all ordered pairs divided by 2 n (P + N), where P and N are the sums of the positive
//! values and of the absolute negative ones; in [0, 1] and 0 when all values are equal. Exact, O(n log n)
//! (sorting: the pairs sum to 2 sum_i (2i - n + 1) x_(i), 0-based); 0 for no values or when P + N = 0.
[[nodiscard]] core::Rational gini(const std::vector<core::Rational>& values);

}  // namespace covalue::program
