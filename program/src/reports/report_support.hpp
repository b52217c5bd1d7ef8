#pragma once

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "covalue/program/report.hpp"

// Aggregates and cell helpers shared by the reports: each aggregate is computed here once.
namespace covalue::program::detail {

//! One partner's figures summed over the outcomes of every closed cycle.
struct PartnerTotals {
  core::Rational estimated;       //!< sum of estimated_value
  core::Rational transfers;       //!< sum of transfer
  core::Rational net_value;       //!< sum of net_value
  core::Rational deoptimisation;  //!< sum of deoptimisation
  std::int64_t leads{0};          //!< initiatives it was assigned to lead
  std::int64_t supported{0};
  std::int64_t supported_selected{0};
  std::int64_t longest_dry_spell{0};
  std::int64_t current_dry_spell{0};  //!< from the latest outcome it appears in
  std::int64_t protected_cycles{0};
  std::int64_t cycles{0};  //!< outcomes it appears in
};

//! Per-partner totals and the network-wide sums their shares are taken of.
struct NetworkTotals {
  std::map<net::PartnerId, PartnerTotals> partners;  //!< every partner of the snapshot or of an outcome
  core::Rational deoptimisation;                     //!< everyone's de-optimisation over all cycles
  std::int64_t leads{0};                             //!< initiatives led over all cycles

  //! The totals of one partner (zeros when it never took part).
  [[nodiscard]] const PartnerTotals& of(net::PartnerId partner) const;
};

//! Sums every outcome of the snapshot per partner.
[[nodiscard]] NetworkTotals network_totals(const Snapshot& snapshot);

//! How far the realised values of some initiatives landed from their estimates.
struct EstimationTotals {
  std::int64_t pairs{0};             //!< (initiative, partner) pairs with a recorded actual
  std::int64_t initiatives{0};       //!< distinct initiatives among them
  core::Rational estimate;           //!< sum of the estimates of those pairs
  core::Rational actual;             //!< sum of their actuals
  core::Rational absolute_error;     //!< sum of |actual - estimate|
  core::Rational absolute_estimate;  //!< sum of |estimate|

  //! Estimation error: absolute_error / absolute_estimate as a percentage; empty when undefined.
  [[nodiscard]] ReportCell error_cell() const;
  //! Bias: actual - estimate; empty when nothing was realised.
  [[nodiscard]] ReportCell bias_cell() const;
};

//! Estimation totals per proposer of the initiatives, over every recorded actual.
[[nodiscard]] std::map<net::PartnerId, EstimationTotals> estimation_by_proposer(const Snapshot& snapshot);
//! The estimation totals of the whole network (every proposer together).
[[nodiscard]] EstimationTotals estimation_overall(const Snapshot& snapshot);

//! The actuals recorded for one cycle.
struct CycleRealised {
  core::Rational actual;
  std::int64_t records{0};
};

//! Sum of the recorded actuals per cycle.
[[nodiscard]] std::map<net::CycleNumber, CycleRealised> realised_by_cycle(const Snapshot& snapshot);

//! A cycle's value: what its selection was estimated at and what was realised, with running sums.
struct CycleValues {
  const net::Cycle* cycle{nullptr};
  const net::CycleOutcome* outcome{nullptr};  //!< null before it is decided
  CycleRealised realised;
  core::Rational cumulative_estimated;  //!< over this cycle and those before it
  core::Rational cumulative_realised;
};

//! The value of every cycle, by number (the network report's "cycles" table and the dashboard).
[[nodiscard]] std::vector<CycleValues> cycle_values(const Snapshot& snapshot);

//! A partner's retention risk (engagement_report's formula): no score nor band once it left.
struct RetentionRisk {
  std::optional<std::int64_t> score;
  std::optional<std::string> band;
  std::string reasons;  //!< "; "-joined, or "left from cycle N"
};

//! The retention risk of one partner, given its totals.
[[nodiscard]] RetentionRisk retention_risk(const Snapshot& snapshot, const net::Partner& partner,
                                           const PartnerTotals& totals);

//! The cycles ordered by number.
[[nodiscard]] std::vector<const net::Cycle*> cycles_in_order(const Snapshot& snapshot);
//! The outcomes ordered by cycle number.
[[nodiscard]] std::vector<const net::CycleOutcome*> outcomes_in_order(const Snapshot& snapshot);
//! The partners ordered by id.
[[nodiscard]] std::vector<const net::Partner*> partners_in_order(const Snapshot& snapshot);

//! True once voting has started: voting, closed or reviewed.
[[nodiscard]] bool reached_voting(const net::Cycle& cycle);
//! True once the cycle was decided: closed or reviewed.
[[nodiscard]] bool is_closed(const net::Cycle& cycle);
//! True when `partner` cast a ballot in `cycle`.
[[nodiscard]] bool has_ballot(const Snapshot& snapshot, net::CycleNumber cycle, net::PartnerId partner);

//! The sum of every partner's de-optimisation in one outcome.
[[nodiscard]] core::Rational total_deoptimisation(const net::CycleOutcome& outcome);
//! The partners whose share of the outcome's de-optimisation exceeds `policy_share`.
[[nodiscard]] std::vector<net::PartnerId> over_deopt_share(const net::CycleOutcome& outcome,
                                                           const core::Rational& policy_share);
//! Initiatives the outcome selected.
[[nodiscard]] std::int64_t selected_count(const net::CycleOutcome& outcome);
//! Initiatives led by `partner` in one outcome.
[[nodiscard]] std::int64_t leads_in(const net::CycleOutcome& outcome, net::PartnerId partner);

//! The partner's name, or "#id" when the snapshot does not know it.
[[nodiscard]] std::string partner_name(const Snapshot& snapshot, net::PartnerId partner);
//! Names joined by ", ".
[[nodiscard]] std::string partner_names(const Snapshot& snapshot, const std::vector<net::PartnerId>& partners);

//! Per initiative, how many ballots of `cycle` support it (approve, rank, score or give points).
[[nodiscard]] std::map<net::InitiativeId, std::int64_t> support_counts(const Snapshot& snapshot,
                                                                       net::CycleNumber cycle);

//! A column filled from the row's initiative (`row.initiative`, a pointer), empty when the snapshot does not
//! know the initiative.
template <typename Row>
[[nodiscard]] ReportColumn<Row> initiative_column(std::string key, std::string title,
                                                  ReportCell (*cell)(const net::Initiative& initiative)) {
  return {std::move(key), std::move(title),
          [cell](const Row& row) { return row.initiative == nullptr ? ReportCell::empty() : cell(*row.initiative); }};
}
//! The columns of `catalogue` named `keys`, in that order, each reading the part of a row that `part` gives
//! (a table over rows that hold a partner's result or totals picks the figures it shows by key).
template <typename Row, typename Part, typename Project>
[[nodiscard]] std::vector<ReportColumn<Row>> pick_columns(const std::vector<ReportColumn<Part>>& catalogue,
                                                          std::initializer_list<std::string_view> keys, Project part) {
  std::vector<ReportColumn<Row>> picked;
  for (const std::string_view key : keys) {
    const auto found = std::find_if(catalogue.begin(), catalogue.end(),
                                    [&](const ReportColumn<Part>& column) { return column.key == key; });
    assert(found != catalogue.end() && "no such column in the catalogue");
    picked.push_back(
        {found->key, found->title, [cell = found->cell, part](const Row& row) { return cell(part(row)); }});
  }
  return picked;
}
//! Appends `more` to `columns`.
template <typename Row>
void append_columns(std::vector<ReportColumn<Row>>& columns, std::vector<ReportColumn<Row>> more) {
  std::move(more.begin(), more.end(), std::back_inserter(columns));
}
//! Every column of a partner's result in one cycle: weight, estimated_value, deoptimisation, allocation,
//! transfer, net_value, voted, supported, supported_selected, dry, dry_spell, protected.
[[nodiscard]] const std::vector<ReportColumn<net::PartnerResult>>& result_catalogue();
//! Every column of a partner's totals over the closed cycles, shares taken of `network`'s: estimated_value,
//! transfers, net_value, longest_dry_spell, current_dry_spell, deopt_share, leads, lead_share,
//! approvals_selected, protected_cycles. The columns refer to `network`, which must outlive them.
[[nodiscard]] std::vector<ReportColumn<PartnerTotals>> totals_catalogue(const NetworkTotals& network);

//! An initiative's title.
[[nodiscard]] ReportCell title_cell(const net::Initiative& initiative);
//! An initiative's cost.
[[nodiscard]] ReportCell cost_cell(const net::Initiative& initiative);
//! An initiative's network value: the sum of its estimated impacts on every partner.
[[nodiscard]] ReportCell network_value_cell(const net::Initiative& initiative);

//! "yes" or "no".
[[nodiscard]] ReportCell yes_no(bool value);
//! part / whole as a percentage; empty when whole is 0.
[[nodiscard]] ReportCell percent_of(const core::Rational& part, const core::Rational& whole);
//! A rational in decimal (or fraction) text, for reasons and explanations.
[[nodiscard]] std::string decimal(const core::Rational& value);
//! A fraction as percentage text ("50%").
[[nodiscard]] std::string percent_text(const core::Rational& fraction);

}  // namespace covalue::program::detail
