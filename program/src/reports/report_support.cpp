#include "report_support.hpp"

#include <algorithm>
#include <set>
#include <type_traits>
#include <utility>

namespace covalue::program::detail {
namespace {

void add_result(PartnerTotals& totals, const net::PartnerResult& result) {
  totals.estimated += result.estimated_value;
  totals.transfers += result.transfer;
  totals.net_value += result.net_value;
  totals.deoptimisation += result.deoptimisation;
  totals.supported += result.supported;
  totals.supported_selected += result.supported_selected;
  totals.longest_dry_spell = std::max(totals.longest_dry_spell, result.dry_spell);
  totals.current_dry_spell = result.dry_spell;
  totals.protected_cycles += result.protected_partner ? 1 : 0;
  totals.cycles += 1;
}

template <typename T, typename Key>
std::vector<const T*> ordered(const std::vector<T>& items, Key key) {
  std::vector<const T*> result;
  result.reserve(items.size());
  for (const T& item : items) {
    result.push_back(&item);
  }
  std::stable_sort(result.begin(), result.end(), [&](const T* a, const T* b) { return key(*a) < key(*b); });
  return result;
}

//! Estimation totals of the recorded actuals, grouped by `group_of` their initiative (actuals of
//! initiatives the snapshot does not know are left out).
template <typename GroupOf>
auto estimation_grouped(const Snapshot& snapshot, GroupOf group_of) {
  using Group = std::invoke_result_t<GroupOf, const net::Initiative&>;
  std::map<Group, EstimationTotals> result;
  std::map<Group, std::set<net::InitiativeId>> initiatives;
  for (const net::RealisedValue& value : snapshot.realised) {
    const net::Initiative* initiative = snapshot.find_initiative(value.initiative);
    if (initiative == nullptr) {
      continue;
    }
    const core::Rational estimate = initiative->impact_on(value.partner);
    const Group group = group_of(*initiative);
    EstimationTotals& totals = result[group];
    totals.pairs += 1;
    totals.estimate += estimate;
    totals.actual += value.actual;
    totals.absolute_error += abs(value.actual - estimate);
    totals.absolute_estimate += abs(estimate);
    initiatives[group].insert(initiative->id);
  }
  for (auto& [group, totals] : result) {
    totals.initiatives = static_cast<std::int64_t>(initiatives[group].size());
  }
  return result;
}

}  // namespace

const PartnerTotals& NetworkTotals::of(net::PartnerId partner) const {
  static const PartnerTotals zeros;
  auto it = partners.find(partner);
  return it == partners.end() ? zeros : it->second;
}

NetworkTotals network_totals(const Snapshot& snapshot) {
  NetworkTotals totals;
  for (const net::Partner& partner : snapshot.partners) {
    totals.partners[partner.id];
  }
  for (const net::CycleOutcome* outcome : outcomes_in_order(snapshot)) {
    for (const net::PartnerResult& result : outcome->partners) {
      add_result(totals.partners[result.partner], result);
      totals.deoptimisation += result.deoptimisation;
    }
    for (const net::LeadAssignment& lead : outcome->leads) {
      if (lead.lead) {
        totals.partners[*lead.lead].leads += 1;
        totals.leads += 1;
      }
    }
  }
  return totals;
}

ReportCell EstimationTotals::error_cell() const { return percent_of(absolute_error, absolute_estimate); }

ReportCell EstimationTotals::bias_cell() const {
  return pairs == 0 ? ReportCell::empty() : ReportCell::of_number(actual - estimate);
}

std::map<net::PartnerId, EstimationTotals> estimation_by_proposer(const Snapshot& snapshot) {
  return estimation_grouped(snapshot, [](const net::Initiative& initiative) { return initiative.proposer; });
}

EstimationTotals estimation_overall(const Snapshot& snapshot) {
  const std::map<int, EstimationTotals> all = estimation_grouped(snapshot, [](const net::Initiative&) { return 0; });
  return all.empty() ? EstimationTotals{} : all.begin()->second;
}

std::map<net::CycleNumber, CycleRealised> realised_by_cycle(const Snapshot& snapshot) {
  std::map<net::CycleNumber, CycleRealised> result;
  for (const net::RealisedValue& value : snapshot.realised) {
    result[value.cycle].actual += value.actual;
    result[value.cycle].records += 1;
  }
  return result;
}

std::vector<const net::Cycle*> cycles_in_order(const Snapshot& snapshot) {
  return ordered(snapshot.cycles, [](const net::Cycle& c) { return c.number; });
}

std::vector<const net::CycleOutcome*> outcomes_in_order(const Snapshot& snapshot) {
  return ordered(*snapshot.outcomes, [](const net::CycleOutcome& o) { return o.cycle; });
}

std::vector<const net::Partner*> partners_in_order(const Snapshot& snapshot) {
  return ordered(snapshot.partners, [](const net::Partner& p) { return p.id; });
}

bool reached_voting(const net::Cycle& cycle) { return cycle.state != net::CycleState::kProposing; }

bool is_closed(const net::Cycle& cycle) {
  return cycle.state == net::CycleState::kClosed || cycle.state == net::CycleState::kReviewed;
}

bool has_ballot(const Snapshot& snapshot, net::CycleNumber cycle, net::PartnerId partner) {
  return std::any_of(snapshot.ballots.begin(), snapshot.ballots.end(),
                     [&](const net::PartnerBallot& b) { return b.cycle == cycle && b.partner == partner; });
}

core::Rational total_deoptimisation(const net::CycleOutcome& outcome) {
  core::Rational total;
  for (const net::PartnerResult& result : outcome.partners) {
    total += result.deoptimisation;
  }
  return total;
}

std::vector<net::PartnerId> over_deopt_share(const net::CycleOutcome& outcome, const core::Rational& policy_share) {
  std::vector<net::PartnerId> result;
  const core::Rational total = total_deoptimisation(outcome);
  if (total == 0) {
    return result;
  }
  for (const net::PartnerResult& partner : outcome.partners) {
    if (partner.deoptimisation / total > policy_share) {
      result.push_back(partner.partner);
    }
  }
  return result;
}

std::int64_t selected_count(const net::CycleOutcome& outcome) {
  return std::count_if(outcome.decisions.begin(), outcome.decisions.end(),
                       [](const net::InitiativeDecision& d) { return d.selected; });
}

std::int64_t leads_in(const net::CycleOutcome& outcome, net::PartnerId partner) {
  return std::count_if(outcome.leads.begin(), outcome.leads.end(),
                       [&](const net::LeadAssignment& lead) { return lead.lead == partner; });
}

std::string partner_name(const Snapshot& snapshot, net::PartnerId partner) {
  const net::Partner* found = snapshot.find_partner(partner);
  return found == nullptr ? "#" + std::to_string(partner) : found->name;
}

std::string partner_names(const Snapshot& snapshot, const std::vector<net::PartnerId>& partners) {
  std::string result;
  for (const net::PartnerId partner : partners) {
    result += (result.empty() ? "" : ", ") + partner_name(snapshot, partner);
  }
  return result;
}

std::vector<CycleValues> cycle_values(const Snapshot& snapshot) {
  const std::map<net::CycleNumber, CycleRealised> realised = realised_by_cycle(snapshot);
  std::vector<CycleValues> values;
  core::Rational estimated;
  core::Rational actual;
  for (const net::Cycle* cycle : cycles_in_order(snapshot)) {
    CycleValues row{cycle, snapshot.find_outcome(cycle->number), {}, {}, {}};
    if (auto it = realised.find(cycle->number); it != realised.end()) {
      row.realised = it->second;
    }
    estimated += row.outcome == nullptr ? core::Rational(0) : row.outcome->network_value;
    actual += row.realised.actual;
    row.cumulative_estimated = estimated;
    row.cumulative_realised = actual;
    values.push_back(std::move(row));
  }
  return values;
}

std::map<net::InitiativeId, std::int64_t> support_counts(const Snapshot& snapshot, net::CycleNumber cycle) {
  std::map<net::InitiativeId, std::int64_t> counts;
  for (const net::PartnerBallot& ballot : snapshot.ballots) {
    if (ballot.cycle != cycle) {
      continue;
    }
    for (net::InitiativeId id : ballot.supported()) {
      ++counts[id];
    }
  }
  return counts;
}

const std::vector<ReportColumn<net::PartnerResult>>& result_catalogue() {
  using R = net::PartnerResult;
  static const std::vector<ReportColumn<R>> columns{
      {"weight", "Weight", [](const R& r) { return ReportCell::of_number(r.weight); }},
      {"estimated_value", "Estimated value", [](const R& r) { return ReportCell::of_number(r.estimated_value); }},
      {"deoptimisation", "De-optimisation", [](const R& r) { return ReportCell::of_number(r.deoptimisation); }},
      {"allocation", "Allocation", [](const R& r) { return ReportCell::of_number(r.allocation); }},
      {"transfer", "Transfer", [](const R& r) { return ReportCell::of_number(r.transfer); }},
      {"net_value", "Net value", [](const R& r) { return ReportCell::of_number(r.net_value); }},
      {"voted", "Voted", [](const R& r) { return yes_no(r.voted); }},
      {"supported", "Supported", [](const R& r) { return ReportCell::of_integer(r.supported); }},
      {"supported_selected", "Supported and selected",
       [](const R& r) { return ReportCell::of_integer(r.supported_selected); }},
      {"dry", "Dry", [](const R& r) { return yes_no(r.dry); }},
      {"dry_spell", "Dry spell", [](const R& r) { return ReportCell::of_integer(r.dry_spell); }},
      {"protected", "Protected", [](const R& r) { return yes_no(r.protected_partner); }},
  };
  return columns;
}

std::vector<ReportColumn<PartnerTotals>> totals_catalogue(const NetworkTotals& network) {
  using R = PartnerTotals;
  return {
      {"estimated_value", "Estimated value", [](const R& r) { return ReportCell::of_number(r.estimated); }},
      {"transfers", "Transfers", [](const R& r) { return ReportCell::of_number(r.transfers); }},
      {"net_value", "Net value", [](const R& r) { return ReportCell::of_number(r.net_value); }},
      {"longest_dry_spell", "Longest dry spell",
       [](const R& r) { return ReportCell::of_integer(r.longest_dry_spell); }},
      {"current_dry_spell", "Current dry spell",
       [](const R& r) { return ReportCell::of_integer(r.current_dry_spell); }},
      {"deopt_share", "De-optimisation share",
       [&network](const R& r) { return percent_of(r.deoptimisation, network.deoptimisation); }},
      {"leads", "Leads", [](const R& r) { return ReportCell::of_integer(r.leads); }},
      {"lead_share", "Lead share", [&network](const R& r) { return percent_of(r.leads, network.leads); }},
      {"approvals_selected", "Approvals selected",
       [](const R& r) { return percent_of(r.supported_selected, r.supported); }},
      {"protected_cycles", "Protected cycles", [](const R& r) { return ReportCell::of_integer(r.protected_cycles); }},
  };
}

ReportCell title_cell(const net::Initiative& initiative) { return ReportCell::of_text(initiative.title); }

ReportCell cost_cell(const net::Initiative& initiative) { return ReportCell::of_number(initiative.cost); }

ReportCell network_value_cell(const net::Initiative& initiative) {
  return ReportCell::of_number(initiative.network_value());
}

ReportCell yes_no(bool value) { return ReportCell::of_text(value ? "yes" : "no"); }

ReportCell percent_of(const core::Rational& part, const core::Rational& whole) {
  return whole == 0 ? ReportCell::empty() : ReportCell::of_percent(part / whole);
}

std::string decimal(const core::Rational& value) { return core::to_decimal_string(value); }

std::string percent_text(const core::Rational& fraction) { return decimal(fraction * 100) + "%"; }

}  // namespace covalue::program::detail
