// A real network's current state as the start of simulated networks (docs/simulator.md, "Your own network").
#include "simulation/real_network.hpp"

#include <algorithm>
#include <map>

#include "covalue/core/rational.hpp"

namespace covalue::simulation {
namespace {

namespace net = core::network;
namespace sim = core::sim;

// Sets parameter `name` to `value`, kept within its row's range.
void set_within(sim::ModelParameters& model, const char* name, double value, std::vector<std::string>& set) {
  const sim::ParameterRow* row = sim::find_parameter(name);
  if (row == nullptr || row->real == nullptr || !(value > 0)) {
    return;
  }
  model.*row->real = std::clamp(value, row->min, row->max);
  set.emplace_back(name);
}

// The cycles, initiatives and their mean cost and value.
void read_scales(const program::Snapshot& snapshot, RealNetwork& real) {
  real.cycles = static_cast<std::int64_t>(snapshot.cycles.size());
  double costs = 0;
  double values = 0;
  std::int64_t valued = 0;
  for (const net::Initiative& initiative : snapshot.initiatives) {
    real.initiatives += 1;
    costs += core::to_double(initiative.cost);
    if (const double value = core::to_double(initiative.network_value()); value > 0) {
      values += value;
      valued += 1;
    }
  }
  real.mean_cost = real.initiatives > 0 ? costs / static_cast<double>(real.initiatives) : 0;
  real.mean_value = valued > 0 ? values / static_cast<double>(valued) : 0;
}

}  // namespace

core::Result<RealNetwork> real_network_of(const program::Snapshot& snapshot) {
  RealNetwork real;
  real.charter = snapshot.charter;
  real.name = real.charter.name;
  read_scales(snapshot, real);
  std::map<net::PartnerId, sim::StartingPartner> by_id;
  std::map<net::PartnerId, std::int64_t> missed;
  for (const net::Partner& partner : snapshot.partners) {
    if (!partner.left_cycle) {
      sim::StartingPartner start;
      start.name = partner.name;
      start.tier = partner.tier;
      by_id[partner.id] = std::move(start);
    }
  }
  if (by_id.empty()) {
    return core::make_error(core::ErrorKind::kInvalidInput,
                            "the network '" + real.name + "' has no partners to start from; add partners first");
  }
  for (const net::CycleOutcome& outcome : snapshot.outcomes.get()) {
    real.closed_cycles += 1;
    for (const net::PartnerResult& result : outcome.partners) {
      const auto found = by_id.find(result.partner);
      if (found == by_id.end()) {
        continue;
      }
      sim::StartingPartner& p = found->second;
      p.cycles_member += 1;
      p.dry_spell = result.dry_spell;  // outcomes come by cycle number: the last one stays
      p.cumulative += core::to_double(result.net_value);
      missed[result.partner] += result.voted ? 0 : 1;
    }
    for (const net::LeadAssignment& lead : outcome.leads) {
      if (lead.lead && by_id.contains(*lead.lead)) {
        by_id[*lead.lead].past_leads += 1;
      }
    }
  }
  for (auto& [id, partner] : by_id) {
    if (partner.cycles_member > 0) {
      partner.abstention = static_cast<double>(missed[id]) / static_cast<double>(partner.cycles_member);
    }
    real.partners.push_back(std::move(partner));
  }
  return real;
}

void calibrate(RealNetwork& real, sim::ModelParameters& model) {
  const auto members = static_cast<std::int64_t>(real.partners.size());
  model.partners = members;
  model.max_partners = std::max(model.max_partners, members);
  real.calibrated = {"partners"};
  set_within(model, "cost_mean", real.mean_cost, real.calibrated);
  set_within(model, "value_scale", real.mean_value, real.calibrated);
  set_within(model, "capacity_per_member", core::to_double(real.charter.capacity) / static_cast<double>(members),
             real.calibrated);
  if (real.cycles > 0) {
    set_within(model, "proposal_rate",
               static_cast<double>(real.initiatives) / static_cast<double>(members * real.cycles), real.calibrated);
  }
}

sim::Policy current_policy(const RealNetwork& real) {
  sim::Policy policy;
  policy.name = "current";
  policy.charter = real.charter;
  return policy;
}

}  // namespace covalue::simulation
