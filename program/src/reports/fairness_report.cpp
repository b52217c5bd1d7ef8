#include <algorithm>
#include <string>
#include <vector>

#include "covalue/program/report.hpp"
#include "report_support.hpp"

namespace covalue::program {
namespace {

//! The Gini indices over the partners that took part in at least one closed cycle.
struct FairnessIndices {
  core::Rational net_value;
  core::Rational leadership;
  core::Rational deoptimisation;
  std::int64_t participants{0};
  std::int64_t largest_dry_spell{0};
};

FairnessIndices indices_of(const detail::NetworkTotals& totals) {
  std::vector<core::Rational> net;
  std::vector<core::Rational> leads;
  std::vector<core::Rational> deopt;
  FairnessIndices indices;
  for (const auto& [partner, mine] : totals.partners) {
    if (mine.cycles == 0) {
      continue;
    }
    net.push_back(mine.net_value);
    leads.emplace_back(mine.leads);
    deopt.push_back(mine.deoptimisation);
    indices.largest_dry_spell = std::max(indices.largest_dry_spell, mine.longest_dry_spell);
  }
  indices.net_value = gini(net);
  indices.leadership = gini(leads);
  indices.deoptimisation = gini(deopt);
  indices.participants = static_cast<std::int64_t>(net.size());
  return indices;
}

//! A partner beside its totals over every closed cycle.
struct FairnessRow {
  const net::Partner* partner{nullptr};
  const detail::PartnerTotals* totals{nullptr};
};

std::vector<ReportColumn<FairnessRow>> fairness_columns(const detail::NetworkTotals& totals) {
  using R = FairnessRow;
  std::vector<ReportColumn<R>> columns{
      {"partner", "Partner", [](const R& r) { return ReportCell::of_integer(r.partner->id); }},
      {"name", "Name", [](const R& r) { return ReportCell::of_text(r.partner->name); }},
  };
  detail::append_columns(
      columns, detail::pick_columns<R>(detail::totals_catalogue(totals),
                                       {"net_value", "leads", "deopt_share", "longest_dry_spell", "protected_cycles"},
                                       [](const R& r) -> const detail::PartnerTotals& { return *r.totals; }));
  return columns;
}

ReportTable fairness_table(const Snapshot& snapshot, const detail::NetworkTotals& totals) {
  std::vector<FairnessRow> rows;
  for (const net::Partner* partner : detail::partners_in_order(snapshot)) {
    rows.push_back({partner, &totals.of(partner->id)});
  }
  return table_of("partners", "Fairness per partner", fairness_columns(totals), rows,
                  {
                      "net_value: cumulative net value (estimated value + transfers) over every closed cycle.",
                      "deopt_share: its de-optimisation over everyone's, all cycles together.",
                      "protected_cycles: cycles that closed with its dry spell at k, so it could not end them below "
                      "zero.",
                  });
}

//! A partner that carried more than the policy share of a cycle's de-optimisation.
struct Exceedance {
  net::CycleNumber cycle{0};
  net::PartnerId partner{0};
  core::Rational share;  //!< its share of the cycle's total de-optimisation
};

std::vector<ReportColumn<Exceedance>> exceedance_columns(const Snapshot& snapshot) {
  using R = Exceedance;
  return {
      {"cycle", "Cycle", [](const R& r) { return ReportCell::of_integer(r.cycle); }},
      {"partner", "Partner", [](const R& r) { return ReportCell::of_integer(r.partner); }},
      {"name", "Name", [&](const R& r) { return ReportCell::of_text(detail::partner_name(snapshot, r.partner)); }},
      {"deopt_share", "De-optimisation share", [](const R& r) { return ReportCell::of_percent(r.share); }},
      {"policy_share", "Policy share",
       [&](const R&) { return ReportCell::of_percent(snapshot.charter.fairness.max_deopt_share); }},
  };
}

//! One row per (cycle, partner) whose share of the cycle's de-optimisation exceeded the policy share.
ReportTable exceedances_table(const Snapshot& snapshot, std::int64_t& cycles_over) {
  const core::Rational& policy = snapshot.charter.fairness.max_deopt_share;
  std::vector<Exceedance> rows;
  for (const net::CycleOutcome* outcome : detail::outcomes_in_order(snapshot)) {
    const std::vector<net::PartnerId> over = detail::over_deopt_share(*outcome, policy);
    cycles_over += over.empty() ? 0 : 1;
    for (const net::PartnerId partner : over) {
      const auto result = std::find_if(outcome->partners.begin(), outcome->partners.end(),
                                       [&](const net::PartnerResult& r) { return r.partner == partner; });
      rows.push_back({outcome->cycle, partner, result->deoptimisation / detail::total_deoptimisation(*outcome)});
    }
  }
  return table_of("deopt_exceedances", "De-optimisation above the policy share", exceedance_columns(snapshot), rows,
                  {"deopt_share: the partner's share of the cycle's total de-optimisation; policy_share: the "
                   "charter's current max_deopt_share."});
}

std::vector<std::string> summary_notes() {
  const std::string gini = std::string("Gini indices (Raffinetti, Siletti and Vernizzi 2015, defined for negative ") +
                           "values too): the mean absolute difference between partners over twice the mean absolute " +
                           "value; 0 when all partners are equal, (n-1)/n when one partner holds everything. Taken " +
                           "over the partners that took part in at least one closed cycle.";
  return {
      gini,
      "gini_net_value: inequality of cumulative net value (estimated value + transfers).",
      "gini_leadership: inequality of the number of initiatives led.",
      "gini_deoptimisation: inequality of the de-optimisation carried.",
      std::string("largest_dry_spell: the longest run of dry cycles of any partner; from k on a partner is ") +
          "protected (it must not end a cycle below zero).",
      std::string("cycles_over_deopt_share: closed cycles in which some partner carried more than ") +
          "max_deopt_share of the cycle's de-optimisation.",
  };
}

}  // namespace

core::Result<Report> fairness_report(const Snapshot& snapshot) {
  Report report{"fairness", {}, {}};
  const detail::NetworkTotals totals = detail::network_totals(snapshot);
  const FairnessIndices indices = indices_of(totals);
  std::int64_t cycles_over = 0;
  ReportTable partners = fairness_table(snapshot, totals);
  ReportTable exceedances = exceedances_table(snapshot, cycles_over);
  const net::FairnessPolicy& policy = snapshot.charter.fairness;
  report.summary = {
      {"partners", ReportCell::of_integer(indices.participants)},
      {"gini_net_value", ReportCell::of_number(indices.net_value)},
      {"gini_leadership", ReportCell::of_number(indices.leadership)},
      {"gini_deoptimisation", ReportCell::of_number(indices.deoptimisation)},
      {"k", ReportCell::of_integer(policy.max_dry_spell)},
      {"max_deopt_share", ReportCell::of_percent(policy.max_deopt_share)},
      {"largest_dry_spell", ReportCell::of_integer(indices.largest_dry_spell)},
      {"dry_spell_reached_k", detail::yes_no(indices.largest_dry_spell >= policy.max_dry_spell)},
      {"cycles_over_deopt_share", ReportCell::of_integer(cycles_over)},
  };
  const std::vector<std::string> notes = summary_notes();
  partners.notes.insert(partners.notes.begin(), notes.begin(), notes.end());
  report.tables.push_back(std::move(partners));
  report.tables.push_back(std::move(exceedances));
  return report;
}

}  // namespace covalue::program
