#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "../use_case.hpp"
#include "covalue/program/report.hpp"
#include "report_support.hpp"

namespace covalue::program {
namespace {

ReportCell optional_cycle(const std::optional<net::CycleNumber>& cycle) {
  return cycle ? ReportCell::of_integer(*cycle) : ReportCell::empty();
}

std::vector<ReportCell> identity_cells(const net::Partner& partner) {
  return {ReportCell::of_integer(partner.id),
          ReportCell::of_text(partner.name),
          ReportCell::of_text(net::name_of(partner.tier)),
          ReportCell::of_text(partner.left_cycle ? "left" : "member"),
          ReportCell::of_integer(partner.joined_cycle),
          optional_cycle(partner.left_cycle)};
}

std::vector<ReportCell> partner_row(const net::Partner& partner, const detail::NetworkTotals& totals,
                                    const std::map<net::PartnerId, detail::EstimationTotals>& estimation) {
  const detail::PartnerTotals& mine = totals.of(partner.id);
  std::vector<ReportCell> row = identity_cells(partner);
  const std::vector<ReportCell> figures{
      ReportCell::of_number(mine.estimated),
      ReportCell::of_number(mine.transfers),
      ReportCell::of_number(mine.net_value),
      ReportCell::of_integer(mine.longest_dry_spell),
      ReportCell::of_integer(mine.current_dry_spell),
      detail::percent_of(mine.deoptimisation, totals.deoptimisation),
      ReportCell::of_integer(mine.leads),
      detail::percent_of(mine.leads, totals.leads),
      detail::percent_of(mine.supported_selected, mine.supported),
  };
  row.insert(row.end(), figures.begin(), figures.end());
  auto it = estimation.find(partner.id);
  const detail::EstimationTotals accuracy = it == estimation.end() ? detail::EstimationTotals{} : it->second;
  row.push_back(accuracy.error_cell());
  row.push_back(accuracy.bias_cell());
  return row;
}

ReportTable partners_table(const Snapshot& snapshot) {
  ReportTable table =
      detail::make_table("partners", "Partners",
                         {"partner", "name", "tier", "status", "member_since", "left_cycle", "estimated_value",
                          "transfers", "net_value", "longest_dry_spell", "current_dry_spell", "deopt_share", "leads",
                          "lead_share", "approvals_selected", "estimation_error", "estimation_bias"});
  const detail::NetworkTotals totals = detail::network_totals(snapshot);
  const std::map<net::PartnerId, detail::EstimationTotals> estimation = detail::estimation_by_proposer(snapshot);
  for (const net::Partner* partner : detail::partners_in_order(snapshot)) {
    table.rows.push_back(partner_row(*partner, totals, estimation));
  }
  table.notes = {
      "Sums over the outcomes of every closed cycle; status 'left' marks partners no longer members from left_cycle.",
      "net_value = estimated_value + transfers. current_dry_spell is the one of the latest cycle it took part in.",
      "deopt_share: its de-optimisation over everyone's; lead_share: initiatives it led over all initiatives led.",
      "approvals_selected: initiatives it supported that were selected, over those it supported.",
      std::string("estimation_error = sum |actual - estimate| / sum |estimate| over its proposals' recorded ") +
          "actuals (lower is better); estimation_bias = sum actual - sum estimate.",
  };
  return table;
}

std::vector<ReportCell> history_row(const net::CycleOutcome& outcome, const net::PartnerResult& result) {
  return {ReportCell::of_integer(outcome.cycle),
          ReportCell::of_number(result.weight),
          ReportCell::of_number(result.estimated_value),
          ReportCell::of_number(result.deoptimisation),
          ReportCell::of_number(result.transfer),
          ReportCell::of_number(result.net_value),
          detail::yes_no(result.voted),
          detail::yes_no(result.dry),
          ReportCell::of_integer(result.dry_spell),
          detail::yes_no(result.protected_partner),
          ReportCell::of_integer(result.supported),
          ReportCell::of_integer(result.supported_selected),
          ReportCell::of_integer(detail::leads_in(outcome, result.partner))};
}

ReportTable history_table(const Snapshot& snapshot, const net::Partner& partner) {
  ReportTable table =
      detail::make_table("partner_cycles", partner.name + ", cycle by cycle",
                         {"cycle", "weight", "estimated_value", "deoptimisation", "transfer", "net_value", "voted",
                          "dry", "dry_spell", "protected", "supported", "supported_selected", "leads"});
  for (const net::CycleOutcome* outcome : detail::outcomes_in_order(snapshot)) {
    for (const net::PartnerResult& result : outcome->partners) {
      if (result.partner == partner.id) {
        table.rows.push_back(history_row(*outcome, result));
      }
    }
  }
  table.notes = {
      "One row per closed cycle the partner took part in. weight: its voting weight in the cycle.",
      "dry: the cycle counted towards its dry spell (negative net value, or nothing it supported selected).",
      "protected: its dry spell had reached k when the cycle closed. leads: initiatives it was assigned to lead.",
  };
  return table;
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
  report.tables.push_back(partners_table(snapshot));
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
