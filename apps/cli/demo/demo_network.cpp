#include "demo/demo_network.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "demo/demo_catalog.hpp"

namespace covalue::cli {
namespace {

namespace net = core::network;
using core::Rational;
using demo::kInitiatives;
using demo::kPartners;

constexpr int kCycles = 8;
constexpr int kPerCycle = 4;

//! A deterministic factor in [lo, hi] tenths for (a, b): the demo's stand-in for estimation noise.
Rational spread(std::size_t a, std::size_t b, int lo, int hi) {
  const std::size_t mix = (a * 7919 + b * 104729 + 31) % static_cast<std::size_t>(hi - lo + 1);
  Rational factor(lo + static_cast<int>(mix), 10);
  factor.canonicalize();
  return factor;
}

struct DemoState {
  program::Program& program;
  std::vector<net::PartnerId> partner_ids;      // by kPartners index
  std::vector<net::ObjectiveId> objective_ids;  // by kPartners index
};

Rational estimate(std::size_t partner, std::size_t initiative) {
  const int base = kInitiatives[initiative].tier_impact[static_cast<std::size_t>(kPartners[partner].tier)];
  return base * spread(partner, initiative, 8, 12);
}

struct KpiPlan {
  net::Kpi kpi;
  const char* unit;
  int baseline;
  int target;
};

KpiPlan kpi_for(net::Tier tier) {
  switch (tier) {
    case net::Tier::kRawMaterials:
      return {net::Kpi::kCostToServe, "EUR/t", 120, 100};
    case net::Tier::kManufacturer:
      return {net::Kpi::kPerfectOrderRate, "%", 88, 96};
    case net::Tier::kDistributor:
      return {net::Kpi::kStockOutRate, "%", 6, 2};
    case net::Tier::kLogistics:
      return {net::Kpi::kOnTimeDelivery, "%", 91, 98};
    case net::Tier::kRetailer:
      return {net::Kpi::kConsumerSatisfaction, "NPS", 32, 50};
    case net::Tier::kMarketplace:
      return {net::Kpi::kReturnRate, "%", 14, 9};
    case net::Tier::kLastMile:
      return {net::Kpi::kOrderCycleTime, "days", 3, 1};
    case net::Tier::kOther:
      break;
  }
  return {net::Kpi::kCustom, "days", 5, 1};
}

core::Status add_members(DemoState& state) {
  net::Charter charter;
  charter.name = "Fresh Chain Network";
  charter.capacity = 36;
  charter.rule = net::SelectionRule::kEqualShares;
  charter.sharing = net::SharingPolicy::kShapley;
  charter.fairness.max_dry_spell = 2;
  charter.fairness.max_deopt_share = Rational(1, 2);
  charter.leadership.max_concurrent_leads = 2;
  if (core::Status status = state.program.init_network(charter); !status) {
    return status;
  }
  for (const demo::DemoPartner& partner : kPartners) {
    auto added = state.program.add_partner(std::string(partner.name), partner.tier);
    if (!added) {
      return added.error();
    }
    state.partner_ids.push_back(added->id);
    const KpiPlan plan = kpi_for(partner.tier);
    net::Objective objective{
        0,         added->id,     plan.kpi,   plan.kpi == net::Kpi::kCustom ? "settlement time" : "",
        plan.unit, plan.baseline, plan.target};
    auto stored = state.program.add_objective(objective);
    if (!stored) {
      return stored.error();
    }
    state.objective_ids.push_back(stored->id);
  }
  return {};
}

//! PayFlow Payments (the last partner) leaves before cycle 7.
bool has_left(std::size_t partner, int cycle) { return partner + 1 == kPartners.size() && cycle >= 7; }

net::Initiative make_initiative(const DemoState& state, std::size_t index, int cycle) {
  const demo::DemoInitiative& item = kInitiatives[index];
  net::Initiative initiative;
  initiative.title = std::string(item.title);
  initiative.description = std::string(item.description);
  initiative.channel = item.channel;
  initiative.cost = item.cost;
  std::size_t best = 0;
  for (std::size_t p = 0; p < kPartners.size(); ++p) {
    const Rational value = has_left(p, cycle) ? Rational(0) : estimate(p, index);
    if (value != 0) {
      initiative.impacts.push_back({state.partner_ids[p], value});
    }
    if (value > estimate(best, index)) {
      best = p;
    }
    if (value > 0 && initiative.objectives.size() < 2) {
      initiative.objectives.push_back(state.objective_ids[p]);
    }
  }
  initiative.proposer = state.partner_ids[best];
  if (index % 3 != 0) {
    initiative.volunteers.push_back(state.partner_ids[best]);
  }
  return initiative;
}

bool skips(std::size_t partner, int cycle) {
  const std::string_view name = kPartners[partner].name;
  return (name == "GreenBike Couriers" && cycle >= 5) || (name == "Baltic Resins" && cycle % 2 == 1);
}

net::PartnerBallot make_ballot(const DemoState& state, std::size_t p, int cycle,
                               const std::vector<net::Initiative>& candidates) {
  net::PartnerBallot ballot;
  ballot.cycle = cycle;
  ballot.partner = state.partner_ids[p];
  ballot.format = p % 3 == 0 ? net::BallotFormat::kRanking : net::BallotFormat::kApprovals;
  std::vector<std::pair<Rational, net::InitiativeId>> liked;
  for (const net::Initiative& initiative : candidates) {
    const Rational own = initiative.impact_on(ballot.partner);
    if (own > 0) {
      liked.emplace_back(own, initiative.id);
    } else if (own <= -4) {
      ballot.objections.push_back({initiative.id, "de-optimises our operations by " + core::to_decimal_string(-own)});
    }
  }
  std::sort(liked.begin(), liked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; k < liked.size(); ++k) {
    ballot.entries.push_back(
        {liked[k].second, ballot.format == net::BallotFormat::kRanking ? Rational(k + 1) : Rational(1)});
  }
  return ballot;
}

core::Status vote(DemoState& state, int cycle) {
  if (auto started = state.program.start_voting(cycle); !started) {
    return started.error();
  }
  core::Result<std::vector<net::Initiative>> candidates = state.program.queries().initiatives(
      program::InitiativeFilter{.status = net::InitiativeStatus::kProposed, .cycle = cycle});
  if (!candidates) {
    return candidates.error();
  }
  for (std::size_t p = 0; p < kPartners.size(); ++p) {
    if (skips(p, cycle) || has_left(p, cycle)) {
      continue;
    }
    if (auto status = state.program.cast_ballot(make_ballot(state, p, cycle, *candidates)); !status) {
      return status.error();
    }
  }
  return {};
}

core::Status record_actuals(DemoState& state, int cycle, const net::CycleOutcome& outcome) {
  for (const net::InitiativeDecision& decision : outcome.decisions) {
    if (!decision.selected) {
      continue;
    }
    core::Result<net::Initiative> initiative = state.program.queries().initiative(decision.initiative);
    if (!initiative) {
      return initiative.error();
    }
    for (const net::Impact& impact : initiative->impacts) {
      const auto p = static_cast<std::size_t>(impact.partner);
      net::RealisedValue value{
          cycle,           initiative->id,
          impact.partner,  impact.estimate,
          impact.estimate, impact.estimate * spread(p, static_cast<std::size_t>(initiative->id), 6, 12)};
      if (core::Status status = state.program.record_realised_value(value); !status) {
        return status;
      }
    }
  }
  for (std::size_t p = 0; p < kPartners.size(); ++p) {
    const KpiPlan plan = kpi_for(kPartners[p].tier);
    Rational progress(cycle, kCycles);
    progress.canonicalize();
    progress *= spread(p, static_cast<std::size_t>(cycle), 5, 10);
    const Rational value = plan.baseline + (plan.target - plan.baseline) * progress;
    if (core::Status status = state.program.record_kpi({cycle, state.objective_ids[p], value}); !status) {
      return status;
    }
  }
  return {};
}

core::Status run_cycle(DemoState& state, int cycle) {
  if (cycle == 5) {
    core::Result<net::Charter> charter = state.program.queries().network();
    if (!charter) {
      return charter.error();
    }
    charter->rule = net::SelectionRule::kNetworkFair;  // the network switches to the fairness-constrained ILP
    if (core::Status status = state.program.update_charter(*charter); !status) {
      return status;
    }
  }
  if (cycle == 7) {
    auto left = state.program.leave_partner(state.partner_ids.back());  // PayFlow Payments leaves
    if (!left) {
      return left.error();
    }
  }
  if (auto opened = state.program.open_cycle(); !opened) {
    return opened.error();
  }
  for (int k = 0; k < kPerCycle; ++k) {
    const std::size_t index = static_cast<std::size_t>(cycle - 1) * kPerCycle + static_cast<std::size_t>(k);
    if (auto proposed = state.program.propose(make_initiative(state, index, cycle)); !proposed) {
      return proposed.error();
    }
  }
  if (core::Status status = vote(state, cycle); !status) {
    return status;
  }
  auto outcome = state.program.close_cycle(cycle);
  if (!outcome) {
    return outcome.error();
  }
  if (core::Status status = record_actuals(state, cycle, *outcome); !status) {
    return status;
  }
  if (cycle < kCycles) {
    if (auto reviewed = state.program.review_cycle(cycle); !reviewed) {
      return reviewed.error();
    }
  }
  return {};
}

}  // namespace

core::Status build_demo_network(program::Program& program) {
  DemoState state{program, {}, {}};
  if (core::Status status = add_members(state); !status) {
    return status;
  }
  for (int cycle = 1; cycle <= kCycles; ++cycle) {
    if (core::Status status = run_cycle(state, cycle); !status) {
      return core::make_error(
          status.error().kind, status.error().message,
          "demo cycle " + std::to_string(cycle) + (status.error().where.empty() ? "" : ", " + status.error().where));
    }
  }
  return {};
}

}  // namespace covalue::cli
