// The dashboard: the network and engagement reports' figures as typed series, per cycle and per partner.
#include <algorithm>
#include <map>

#include "../reports/report_support.hpp"
#include "covalue/program/queries.hpp"

namespace covalue::program {
namespace {

//! Fills the decided-cycle figures of one cycle and adds its net values to `cumulative`.
void add_cumulative_outcome(const net::CycleOutcome& outcome, std::map<net::PartnerId, core::Rational>& cumulative,
                            DashboardCycle& cycle) {
  std::int64_t voted = 0;
  std::int64_t max_dry = 0;
  for (const net::PartnerResult& result : outcome.partners) {
    cumulative[result.partner] += result.net_value;
    voted += result.voted ? 1 : 0;
    max_dry = std::max(max_dry, result.dry_spell);
  }
  std::vector<core::Rational> values;
  values.reserve(cumulative.size());
  for (const auto& [partner, value] : cumulative) {
    values.push_back(value);
  }
  cycle.participation_rate = outcome.partners.empty()
                                 ? core::Rational(0)
                                 : core::Rational(voted) / core::Rational(static_cast<long>(outcome.partners.size()));
  cycle.gini = gini(values);
  cycle.max_dry_spell = max_dry;
}

//! Appends one cycle's point to every partner's series.
void add_partner_points(const Snapshot& snapshot, const net::CycleOutcome* outcome,
                        const std::map<net::PartnerId, core::Rational>& cumulative,
                        std::map<net::PartnerId, DashboardPartner>& partners) {
  std::map<net::PartnerId, std::int64_t> dry;
  if (outcome != nullptr) {
    for (const net::PartnerResult& result : outcome->partners) {
      dry[result.partner] = result.dry_spell;
    }
  }
  for (const net::Partner& partner : snapshot.partners) {
    DashboardPartner& series = partners[partner.id];
    const auto value = cumulative.find(partner.id);
    series.cumulative_net_value.push_back(value == cumulative.end() ? core::Rational(0) : value->second);
    const auto spell = dry.find(partner.id);
    series.dry_spell.push_back(spell == dry.end() ? std::nullopt : std::optional<std::int64_t>(spell->second));
  }
}

}  // namespace

core::Result<Dashboard> dashboard_of(const Snapshot& snapshot) {
  Dashboard dashboard{snapshot.charter, {}, {}};
  std::map<net::PartnerId, DashboardPartner> partners;
  std::map<net::PartnerId, core::Rational> cumulative;
  for (const detail::CycleValues& values : detail::cycle_values(snapshot)) {
    DashboardCycle& cycle = dashboard.cycles.emplace_back();
    cycle.number = values.cycle->number;
    cycle.state = values.cycle->state;
    if (values.outcome != nullptr) {
      cycle.estimated_value = values.outcome->network_value;
      add_cumulative_outcome(*values.outcome, cumulative, cycle);
    }
    cycle.realised_value = values.realised.actual;
    cycle.cumulative_estimated = values.cumulative_estimated;
    cycle.cumulative_realised = values.cumulative_realised;
    add_partner_points(snapshot, values.outcome, cumulative, partners);
  }
  const detail::NetworkTotals totals = detail::network_totals(snapshot);
  for (const net::Partner& partner : snapshot.partners) {
    DashboardPartner& row = dashboard.partners.emplace_back(std::move(partners[partner.id]));
    row.partner = partner;
    detail::RetentionRisk risk = detail::retention_risk(snapshot, partner, totals.of(partner.id));
    row.risk_score = risk.score;
    row.risk_band = std::move(risk.band);
    row.risk_reasons = std::move(risk.reasons);
  }
  return dashboard;
}

}  // namespace covalue::program
