#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "../use_case.hpp"
#include "covalue/program/report.hpp"
#include "report_support.hpp"

namespace covalue::program {
namespace {

//! A partner beside its totals over every closed cycle and the accuracy of its proposals' estimates.
struct PartnerRow {
  const net::Partner* partner{nullptr};
  const detail::PartnerTotals* totals{nullptr};
  detail::EstimationTotals accuracy;
};

std::vector<ReportColumn<PartnerRow>> identity_columns() {
  using R = PartnerRow;
  return {
      {"partner", "Partner", [](const R& r) { return ReportCell::of_integer(r.partner->id); }},
      {"name", "Name", [](const R& r) { return ReportCell::of_text(r.partner->name); }},
      {"tier", "Tier", [](const R& r) { return ReportCell::of_text(net::name_of(r.partner->tier)); }},
      {"status", "Status", [](const R& r) { return ReportCell::of_text(r.partner->left_cycle ? "left" : "member"); }},
      {"member_since", "Member since", [](const R& r) { return ReportCell::of_integer(r.partner->joined_cycle); }},
      {"left_cycle", "Left from cycle",
       [](const R& r) {
         return r.partner->left_cycle ? ReportCell::of_integer(*r.partner->left_cycle) : ReportCell::empty();
       }},
  };
}

std::vector<ReportColumn<PartnerRow>> figure_columns(const detail::NetworkTotals& network) {
  using R = PartnerRow;
  std::vector<ReportColumn<R>> columns =
      detail::pick_columns<R>(detail::totals_catalogue(network),
                              {"estimated_value", "transfers", "net_value", "longest_dry_spell", "current_dry_spell",
                               "deopt_share", "leads", "lead_share", "approvals_selected"},
                              [](const R& r) -> const detail::PartnerTotals& { return *r.totals; });
  columns.push_back({"estimation_error", "Estimation error", [](const R& r) { return r.accuracy.error_cell(); }});
  columns.push_back({"estimation_bias", "Estimation bias", [](const R& r) { return r.accuracy.bias_cell(); }});
  return columns;
}

ReportTable partner_list_table(const Snapshot& snapshot) {
  const detail::NetworkTotals totals = detail::network_totals(snapshot);
  const std::map<net::PartnerId, detail::EstimationTotals> estimation = detail::estimation_by_proposer(snapshot);
  std::vector<PartnerRow> rows;
  for (const net::Partner* partner : detail::partners_in_order(snapshot)) {
    auto it = estimation.find(partner->id);
    rows.push_back(
        {partner, &totals.of(partner->id), it == estimation.end() ? detail::EstimationTotals{} : it->second});
  }
  std::vector<ReportColumn<PartnerRow>> columns = identity_columns();
  detail::append_columns(columns, figure_columns(totals));
  return table_of(
      "partners", "Partners", columns, rows,
      {
          std::string("Sums over the outcomes of every closed cycle; status 'left' marks partners no longer ") +
              "members from left_cycle.",
          "net_value = estimated_value + transfers. current_dry_spell is the one of the latest cycle it took part in.",
          "deopt_share: its de-optimisation over everyone's; lead_share: initiatives it led over all initiatives led.",
          "approvals_selected: initiatives it supported that were selected, over those it supported.",
          std::string("estimation_error = sum |actual - estimate| / sum |estimate| over its proposals' recorded ") +
              "actuals (lower is better); estimation_bias = sum actual - sum estimate.",
      });
}

//! One closed cycle of a partner's history: the outcome and its result in it.
struct HistoryRow {
  const net::CycleOutcome* outcome{nullptr};
  const net::PartnerResult* result{nullptr};
};

std::vector<ReportColumn<HistoryRow>> history_columns() {
  using R = HistoryRow;
  std::vector<ReportColumn<R>> columns{
      {"cycle", "Cycle", [](const R& r) { return ReportCell::of_integer(r.outcome->cycle); }}};
  detail::append_columns(
      columns, detail::pick_columns<R>(detail::result_catalogue(),
                                       {"weight", "estimated_value", "deoptimisation", "transfer", "net_value", "voted",
                                        "dry", "dry_spell", "protected", "supported", "supported_selected"},
                                       [](const R& r) -> const net::PartnerResult& { return *r.result; }));
  columns.push_back({"leads", "Leads", [](const R& r) {
                       return ReportCell::of_integer(detail::leads_in(*r.outcome, r.result->partner));
                     }});
  return columns;
}

ReportTable history_table(const Snapshot& snapshot, const net::Partner& partner) {
  std::vector<HistoryRow> rows;
  for (const net::CycleOutcome* outcome : detail::outcomes_in_order(snapshot)) {
    for (const net::PartnerResult& result : outcome->partners) {
      if (result.partner == partner.id) {
        rows.push_back({outcome, &result});
      }
    }
  }
  return table_of(
      "partner_cycles", partner.name + ", cycle by cycle", history_columns(), rows,
      {
          "One row per closed cycle the partner took part in. weight: its voting weight in the cycle.",
          "dry: the cycle counted towards its dry spell (negative net value, or nothing it supported selected).",
          "protected: its dry spell had reached k when the cycle closed. leads: initiatives it was assigned to lead.",
      });
}

}  // namespace

core::Result<Report> partner_report(const Snapshot& snapshot, std::optional<net::PartnerId> partner) {
  const net::Partner* chosen = nullptr;
  if (partner) {
    chosen = snapshot.find_partner(*partner);
    if (chosen == nullptr) {
      return detail::not_found("no partner with id " + std::to_string(*partner), "partner");
    }
  }
  Report report{"partner", {}, {}};
  report.tables.push_back(partner_list_table(snapshot));
  const std::int64_t left = std::count_if(snapshot.partners.begin(), snapshot.partners.end(),
                                          [](const net::Partner& p) { return p.left_cycle.has_value(); });
  report.summary = {{"partners", ReportCell::of_integer(static_cast<std::int64_t>(snapshot.partners.size()))},
                    {"left", ReportCell::of_integer(left)}};
  if (chosen != nullptr) {
    report.summary.emplace_back("partner", ReportCell::of_text(chosen->name));
    report.tables.push_back(history_table(snapshot, *chosen));
  }
  return report;
}

}  // namespace covalue::program
