#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "covalue/core/network/retention_risk.hpp"
#include "covalue/program/report.hpp"
#include "report_support.hpp"

namespace covalue::program {
namespace {

constexpr std::int64_t kMediumFrom = 30;
constexpr std::int64_t kHighFrom = 60;

//! How a partner took part in the program.
struct Participation {
  std::int64_t issued{0};
  std::int64_t cast{0};
  std::int64_t delegated{0};  //!< of the cast, ballots its proxy cast for it (a delegation)
  std::int64_t missed{0};
  std::int64_t proposals{0};
  std::int64_t reviews{0};
  std::int64_t objectives{0};
};

Participation participation_of(const Snapshot& snapshot, const net::Partner& partner) {
  Participation result;
  for (const net::Cycle& cycle : snapshot.cycles) {
    if (!detail::reached_voting(cycle) || !partner.member_in(cycle.number)) {
      continue;
    }
    const bool cast = detail::has_ballot(snapshot, cycle.number, partner.id);
    result.issued += 1;
    result.cast += cast ? 1 : 0;
    result.delegated +=
        std::count_if(snapshot.ballots.begin(), snapshot.ballots.end(), [&](const net::PartnerBallot& b) {
          return b.cycle == cycle.number && b.partner == partner.id && b.cast_by != 0;
        });
    result.missed += !cast && detail::is_closed(cycle) ? 1 : 0;
  }
  const auto mine = [&](net::PartnerId id) { return id == partner.id; };
  result.proposals = std::count_if(snapshot.initiatives.begin(), snapshot.initiatives.end(),
                                   [&](const net::Initiative& i) { return mine(i.proposer); });
  result.reviews = std::count_if(snapshot.realised.begin(), snapshot.realised.end(),
                                 [&](const net::RealisedValue& v) { return mine(v.partner); });
  result.objectives = std::count_if(snapshot.objectives.begin(), snapshot.objectives.end(),
                                    [&](const net::Objective& o) { return mine(o.partner); });
  return result;
}

//! What the last closed cycles of a partner's membership say about it (core scores it).
using WindowFigures = net::RiskWindow;

WindowFigures window_figures(const Snapshot& snapshot, const net::Partner& partner) {
  std::vector<const net::Cycle*> window;
  for (const net::Cycle* cycle : detail::cycles_in_order(snapshot)) {
    if (detail::is_closed(*cycle) && partner.member_in(cycle->number)) {
      window.push_back(cycle);
    }
  }
  if (window.size() > net::kRiskWindow) {
    window.erase(window.begin(), window.end() - static_cast<std::ptrdiff_t>(net::kRiskWindow));
  }
  WindowFigures figures;
  figures.cycles = static_cast<std::int64_t>(window.size());
  for (const net::Cycle* cycle : window) {
    figures.missed += detail::has_ballot(snapshot, cycle->number, partner.id) ? 0 : 1;
    if (const net::CycleOutcome* outcome = snapshot.find_outcome(cycle->number); outcome != nullptr) {
      WindowFigures cycle_figures =
          net::risk_window_of(*outcome, partner.id, snapshot.charter.fairness.max_deopt_share);
      cycle_figures.cycles = 0;  // counted above, with or without an outcome
      figures += cycle_figures;
    }
  }
  return figures;
}

//! The score's exact sum and the reasons of the factors that contributed to it.
struct RiskSum {
  core::Rational points;
  std::vector<std::string> reasons;
};

std::string reason_of(net::RiskFactor factor, const WindowFigures& w, const detail::PartnerTotals& totals,
                      std::int64_t k, const core::Rational& policy_share) {
  const std::string in_window = " in its last " + std::to_string(w.cycles) + " cycles";
  switch (factor) {
    case net::RiskFactor::kMissedBallots:
      return "missed " + std::to_string(w.missed) + " of " + std::to_string(w.cycles) + " ballots";
    case net::RiskFactor::kDrySpell:
      return "dry spell " + std::to_string(totals.current_dry_spell) + " of k=" + std::to_string(k);
    case net::RiskFactor::kNegativeNetValue:
      return "cumulative net value " + detail::decimal(totals.net_value);
    case net::RiskFactor::kSelection:
      return std::to_string(w.supported_selected) + " of " + std::to_string(w.supported) +
             " supported initiatives selected" + in_window;
    case net::RiskFactor::kDeoptShare:
      return "de-optimisation above the " + detail::percent_text(policy_share) + " policy share in " +
             std::to_string(w.over_share) + " of " + std::to_string(w.cycles) + " cycles";
    case net::RiskFactor::kLeadership:
      return "led none of the " + std::to_string(w.all_leads) + " initiatives led" + in_window;
  }
  return {};
}

//! The factors (core::network::retention_risk) with their reasons, in its order: missed ballots, dry
//! spell, net value, selection, de-optimisation, leadership.
RiskSum risk_of(const Snapshot& snapshot, const net::Partner& partner, const detail::PartnerTotals& totals) {
  const WindowFigures window = window_figures(snapshot, partner);
  const std::int64_t k = snapshot.charter.fairness.max_dry_spell;
  const core::Rational& share = snapshot.charter.fairness.max_deopt_share;
  RiskSum risk;
  for (const net::RiskContribution& c : net::retention_risk(window, totals.current_dry_spell, totals.net_value, k)) {
    risk.points += c.points;
    risk.reasons.push_back(reason_of(c.factor, window, totals, k, share));
  }
  return risk;
}

std::int64_t round_half_up(const core::Rational& value) {
  const core::Rational shifted = value + core::Rational(1, 2);
  core::Integer floor;
  mpz_fdiv_q(floor.get_mpz_t(), shifted.get_num_mpz_t(), shifted.get_den_mpz_t());
  return floor.get_si();
}

const char* band_of(std::int64_t score) {
  if (score >= kHighFrom) {
    return "high";
  }
  return score >= kMediumFrom ? "medium" : "low";
}

std::string joined(const std::vector<std::string>& reasons) {
  std::string result;
  for (const std::string& reason : reasons) {
    result += (result.empty() ? "" : "; ") + reason;
  }
  return result;
}

//! The notes; the one on delegation only when `delegation`, so that a network without it reads as it did.
std::vector<std::string> engagement_notes(bool delegation) {
  std::vector<std::string> notes = {
      "ballots_issued: cycles that reached voting while it was a member; ballots_missed: closed ones without its "
      "ballot (a cycle still voting is not missed yet).",
      "reviews: actuals recorded for it; leads: initiatives it was assigned to lead; delivered: the ones it led to "
      "delivery (delivered or reviewed), credited to it.",
      "risk_score (0-100, rounded half up) sums, over its last 3 closed cycles as a member (the window): 25 x missed "
      "ballots / window cycles; 25 x min(current dry spell, k) / k; 15 when its cumulative net value is negative; "
      "15 x unselected / supported when fewer than half the initiatives it supported in the window were selected; "
      "10 x window cycles with its de-optimisation share above the policy share / window cycles; 10 when it led "
      "nothing in the window while others led.",
      "risk_band: low below 30, medium from 30, high from 60. risk_reasons names each factor that contributed.",
  };
  if (delegation) {
    notes.emplace_back(
        "A ballot its proxy cast for it (a delegation) counts as cast; ballots_delegated: how many of its cast "
        "ballots a proxy cast.");
  }
  return notes;
}

//! One partner's row: its participation and its risk.
struct EngagementRow {
  const net::Partner* partner{nullptr};
  Participation participation;
  std::int64_t leads{0};
  detail::RetentionRisk risk;
  std::int64_t delivered{0};  //!< initiatives it led that are delivered or reviewed
};

//! How many initiatives `partner` led to delivery (delivered or reviewed).
std::int64_t delivered_by(const Snapshot& snapshot, net::PartnerId partner) {
  return std::count_if(snapshot.initiatives.begin(), snapshot.initiatives.end(), [&](const net::Initiative& i) {
    return i.lead == partner &&
           (i.status == net::InitiativeStatus::kDelivered || i.status == net::InitiativeStatus::kReviewed);
  });
}

ReportColumn<EngagementRow> count_column(std::string key, std::string title,
                                         std::int64_t (*count)(const EngagementRow&)) {
  return {std::move(key), std::move(title),
          [count](const EngagementRow& r) { return ReportCell::of_integer(count(r)); }};
}

//! The columns; ballots_delegated only when `delegation` (a proxy cast some ballot), so that a network without
//! delegation reads as it did.
std::vector<ReportColumn<EngagementRow>> engagement_columns(bool delegation) {
  using R = EngagementRow;
  std::vector<ReportColumn<EngagementRow>> columns = {
      count_column("partner", "Partner", [](const R& r) { return r.partner->id; }),
      {"name", "Name", [](const R& r) { return ReportCell::of_text(r.partner->name); }},
      {"status", "Status", [](const R& r) { return ReportCell::of_text(r.partner->left_cycle ? "left" : "member"); }},
      count_column("ballots_issued", "Ballots issued", [](const R& r) { return r.participation.issued; }),
      count_column("ballots_cast", "Ballots cast", [](const R& r) { return r.participation.cast; }),
      count_column("ballots_missed", "Ballots missed", [](const R& r) { return r.participation.missed; }),
      count_column("proposals", "Proposals", [](const R& r) { return r.participation.proposals; }),
      count_column("leads", "Leads", [](const R& r) { return r.leads; }),
      count_column("delivered", "Delivered as lead", [](const R& r) { return r.delivered; }),
      count_column("reviews", "Reviews", [](const R& r) { return r.participation.reviews; }),
      count_column("objectives", "Objectives", [](const R& r) { return r.participation.objectives; }),
      {"risk_score", "Risk score",
       [](const R& r) { return r.risk.score ? ReportCell::of_integer(*r.risk.score) : ReportCell::empty(); }},
      {"risk_band", "Risk band",
       [](const R& r) { return r.risk.band ? ReportCell::of_text(*r.risk.band) : ReportCell::empty(); }},
      {"risk_reasons", "Risk reasons", [](const R& r) { return ReportCell::of_text(r.risk.reasons); }},
  };
  if (delegation) {
    columns.insert(columns.begin() + 5, count_column("ballots_delegated", "Cast by a proxy",
                                                     [](const R& r) { return r.participation.delegated; }));
  }
  return columns;
}

}  // namespace

detail::RetentionRisk detail::retention_risk(const Snapshot& snapshot, const net::Partner& partner,
                                             const PartnerTotals& totals) {
  if (partner.left_cycle) {
    return {std::nullopt, std::nullopt, "left from cycle " + std::to_string(*partner.left_cycle)};
  }
  const RiskSum risk = risk_of(snapshot, partner, totals);
  const std::int64_t score = round_half_up(risk.points);
  return {score, std::string(band_of(score)), joined(risk.reasons)};
}

core::Result<Report> engagement_report(const Snapshot& snapshot) {
  const detail::NetworkTotals totals = detail::network_totals(snapshot);
  std::vector<EngagementRow> rows;
  std::int64_t cast = 0;
  std::int64_t delegated = 0;
  std::int64_t missed = 0;
  std::map<std::string, std::int64_t> bands{{"low", 0}, {"medium", 0}, {"high", 0}};
  for (const net::Partner* partner : detail::partners_in_order(snapshot)) {
    const detail::PartnerTotals& mine = totals.of(partner->id);
    EngagementRow& row = rows.emplace_back(EngagementRow{partner, participation_of(snapshot, *partner), mine.leads,
                                                         detail::retention_risk(snapshot, *partner, mine),
                                                         delivered_by(snapshot, partner->id)});
    cast += row.participation.cast;
    delegated += row.participation.delegated;
    missed += row.participation.missed;
    if (row.risk.band) {
      bands[*row.risk.band] += 1;
    }
  }
  Report report{"engagement", {}, {}};
  report.summary = {
      {"ballots_cast", ReportCell::of_integer(cast)},           {"ballots_missed", ReportCell::of_integer(missed)},
      {"turnout", detail::percent_of(cast, cast + missed)},     {"low_risk", ReportCell::of_integer(bands["low"])},
      {"medium_risk", ReportCell::of_integer(bands["medium"])}, {"high_risk", ReportCell::of_integer(bands["high"])}};
  if (delegated > 0) {  // shown once there is any, so that a network without delegation reads as it did
    report.summary.emplace_back("ballots_delegated", ReportCell::of_integer(delegated));
  }
  report.tables.push_back(table_of("partners", "Engagement and retention risk", engagement_columns(delegated > 0), rows,
                                   engagement_notes(delegated > 0)));
  return report;
}

}  // namespace covalue::program
