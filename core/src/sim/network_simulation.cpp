#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <optional>
#include <string>

#include "covalue/core/network/retention_risk.hpp"
#include "covalue/core/sim/network_model.hpp"
#include "sim_random.hpp"

namespace covalue::core::sim {
namespace {

namespace net = core::network;
using detail::Purpose;
using detail::Stream;

constexpr double kJoiningOptimism = 1.25;  // a partner joins expecting 25% more than its outside option
constexpr std::int64_t kHundredths = 100;
constexpr std::int64_t kTenths = 10;
constexpr std::int64_t kUnlimitedLeads = 1000000;
constexpr double kShirkedShare = 0.5;
constexpr double kHalf = 0.5;
constexpr double kLeastEffect = 0.1;  // the network effect never takes more than 90% of a proposal's value

//! One partner, its traits and its record.
struct Agent {
  net::Partner partner;
  bool minority{false};
  double capability{1};
  double outside{1};
  double abstention{0};
  double shirk{0};
  bool misreports{false};
  bool member{true};
  double smoothed{0};  // discounted net value per cycle
  double cumulative{0};
  std::int64_t dry_spell{0};
  std::int64_t longest_dry{0};
  std::int64_t past_leads{0};
  std::vector<Rational> perpetual_state;
  std::deque<net::RiskWindow> window;
  double quota{0};
  std::int64_t wins{0};
};

//! A proposal with what it really does to each partner.
struct Proposal {
  net::Initiative initiative;
  std::map<net::PartnerId, double> realised;
};

//! The state of one simulated network.
struct World {
  const ModelParameters* model{nullptr};
  const Policy* policy{nullptr};
  std::uint64_t seed{0};
  std::uint64_t index{0};
  std::vector<Agent> agents;  // by id - 1
  net::InitiativeId next_initiative{1};
  double smoothed_value{0};
  std::int64_t compliant{0};
  std::int64_t pairs{0};

  Stream stream(Purpose purpose, std::int64_t cycle, std::int64_t partner) const {
    return {seed, index, purpose, static_cast<std::uint64_t>(cycle), static_cast<std::uint64_t>(partner)};
  }
  std::vector<Agent*> members() {
    std::vector<Agent*> out;
    for (Agent& a : agents) {
      if (a.member) {
        out.push_back(&a);
      }
    }
    return out;
  }
  Agent& agent(net::PartnerId id) { return agents[static_cast<std::size_t>(id - 1)]; }
};

Rational rounded(double value, std::int64_t denominator) {
  Rational r(static_cast<long>(std::llround(value * static_cast<double>(denominator))), static_cast<long>(denominator));
  r.canonicalize();
  return r;
}

void add_agent(World& world, net::CycleNumber joined) {
  const auto id = static_cast<net::PartnerId>(world.agents.size() + 1);
  Stream s = world.stream(Purpose::kTraits, 0, id);
  const ModelParameters& m = *world.model;
  Agent a;
  a.partner.id = id;
  a.partner.name = "P" + std::to_string(id);
  a.partner.tier = static_cast<net::Tier>(s.below(static_cast<std::uint64_t>(net::Tier::kOther)));
  a.partner.joined_cycle = joined;
  a.minority = s.chance(m.minority_share);
  a.capability = s.log_normal(m.capability_sigma);
  a.outside = m.outside_mean * s.log_normal(m.outside_sigma);
  a.abstention = std::min(1.0, 2 * m.abstention * s.uniform());
  a.shirk = std::min(1.0, 2 * m.shirk * s.uniform());
  a.misreports = s.chance(m.misreport_share);
  a.smoothed = kJoiningOptimism * a.outside;
  world.agents.push_back(std::move(a));
}

// The partners an initiative of `proposer` touches besides it: each of its group with chance same_group.
std::vector<net::PartnerId> scope_of(const std::vector<Agent*>& members, const Agent& proposer, Stream& s,
                                     const ModelParameters& m) {
  std::vector<net::PartnerId> same;
  std::vector<net::PartnerId> other;
  for (const Agent* a : members) {
    if (a->partner.id != proposer.partner.id) {
      (a->minority == proposer.minority ? same : other).push_back(a->partner.id);
    }
  }
  const auto want = static_cast<std::size_t>(1 + s.below(static_cast<std::uint64_t>(m.max_scope)));
  std::vector<net::PartnerId> out;
  while (out.size() < want && !(same.empty() && other.empty())) {
    std::vector<net::PartnerId>& from = (s.chance(m.same_group) && !same.empty()) || other.empty() ? same : other;
    const auto k = static_cast<std::size_t>(s.below(from.size()));
    out.push_back(from[k]);
    from.erase(from.begin() + static_cast<std::ptrdiff_t>(k));
  }
  return out;
}

Proposal make_proposal(World& world, const std::vector<Agent*>& members, const Agent& proposer, Stream& s,
                       net::CycleNumber cycle) {
  const ModelParameters& m = *world.model;
  Proposal p;
  const double size = static_cast<double>(members.size()) / static_cast<double>(m.partners);
  const double effect = std::max(kLeastEffect, 1 + m.network_effect * std::log(size));
  const double gross = m.value_scale * effect * proposer.capability * s.uniform(kHalf, 1 + kHalf);
  p.realised[proposer.partner.id] = gross * s.uniform(0.3, 0.7);
  for (const net::PartnerId id : scope_of(members, proposer, s, m)) {
    const bool same = world.agent(id).minority == proposer.minority;
    const bool loses = s.chance(same ? m.deopt_same_group : m.deopt_other_group);
    p.realised[id] = loses ? -gross * m.deopt_depth * s.uniform(0.2, 1) : gross * s.uniform(0.1, kHalf);
  }
  net::Initiative& i = p.initiative;
  i.id = world.next_initiative++;
  i.title = "I" + std::to_string(i.id);
  i.proposer = proposer.partner.id;
  i.cycle = cycle;
  i.cost = std::max(Rational(1, kTenths), rounded(m.cost_mean * s.uniform(0.4, 1.6), kTenths));
  for (const auto& [id, value] : p.realised) {
    double estimate = value + m.estimate_noise * gross * s.normal();
    if (world.agent(id).misreports) {
      estimate *= 1 + m.misreport_bias;
    }
    i.impacts.push_back({id, rounded(estimate, kHundredths)});
  }
  if (world.policy->leads == LeadStyle::kProposer) {
    i.volunteers.push_back(proposer.partner.id);
  }
  return p;
}

std::vector<Proposal> proposals_of(World& world, const std::vector<Agent*>& members, net::CycleNumber cycle) {
  std::vector<Proposal> out;
  for (const Agent* a : members) {
    Stream s = world.stream(Purpose::kProposals, cycle, a->partner.id);
    const auto count = static_cast<std::int64_t>(std::floor(world.model->proposal_rate * a->capability + s.uniform()));
    for (std::int64_t k = 0; k < count; ++k) {
      out.push_back(make_proposal(world, members, *a, s, cycle));
    }
  }
  return out;
}

std::optional<net::PartnerBallot> ballot_of(const World& world, const Agent& a, const std::vector<Proposal>& proposals,
                                            net::CycleNumber cycle) {
  Stream s = world.stream(Purpose::kBallots, cycle, a.partner.id);
  if (s.chance(a.abstention)) {
    return std::nullopt;
  }
  net::PartnerBallot ballot;
  ballot.cycle = cycle;
  ballot.partner = a.partner.id;
  for (const Proposal& p : proposals) {
    const Rational own = p.initiative.impact_on(a.partner.id);
    bool approve = false;
    switch (world.policy->ballots) {
      case BallotStyle::kOwnGain:
        approve = own > 0;
        break;
      case BallotStyle::kNetwork:
        approve = own >= 0 && p.initiative.network_value() > 0;
        break;
      case BallotStyle::kRandom:
        approve = s.chance(kHalf);
        break;
    }
    if (approve) {
      ballot.entries.push_back({p.initiative.id, Rational(1)});
    }
    if (world.policy->object_to_losses && own < 0) {
      ballot.objections.push_back({p.initiative.id, "it harms us"});
    }
  }
  return ballot;
}

net::CycleInput input_of(const World& world, const std::vector<Agent*>& members, const std::vector<Proposal>& proposals,
                         net::CycleNumber cycle) {
  net::CycleInput in;
  in.charter = world.policy->charter;
  in.charter.capacity =
      rounded(world.model->capacity_per_member * world.policy->capacity_scale * static_cast<double>(members.size()),
              kHundredths);
  if (world.policy->leads == LeadStyle::kProposer) {
    in.charter.leadership.max_concurrent_leads = kUnlimitedLeads;
  }
  in.cycle.number = cycle;
  in.cycle.state = net::CycleState::kVoting;
  in.cycle.capacity = in.charter.capacity;
  in.cycle.rule = in.charter.rule;
  for (const Agent* a : members) {
    in.members.push_back(a->partner);
    in.standing.push_back({a->partner.id, a->dry_spell, 0, a->past_leads, a->perpetual_state});
    if (auto ballot = ballot_of(world, *a, proposals, cycle)) {
      in.ballots.push_back(std::move(*ballot));
    }
  }
  for (const Proposal& p : proposals) {
    in.candidates.push_back(p.initiative);
  }
  return in;
}

// Realised value of the selection per member, with transfers and coordination costs.
std::map<net::PartnerId, double> realised_net(World& world, const std::vector<Proposal>& proposals,
                                              const net::CycleOutcome& outcome, std::size_t members) {
  std::map<net::PartnerId, double> net_value;
  const double coordination = world.model->coordination_cost * static_cast<double>(members - 1);
  for (const net::PartnerResult& r : outcome.partners) {
    net_value[r.partner] = to_double(r.transfer) - coordination;
  }
  std::map<net::InitiativeId, bool> selected;
  for (const net::InitiativeDecision& d : outcome.decisions) {
    selected[d.initiative] = d.selected;
  }
  for (std::size_t c = 0; c < proposals.size(); ++c) {
    if (!selected[proposals[c].initiative.id]) {
      continue;
    }
    double factor = 1;
    for (const net::LeadAssignment& lead : outcome.leads) {
      if (lead.initiative == proposals[c].initiative.id && lead.lead) {
        Stream s = world.stream(Purpose::kExecution, outcome.cycle, lead.initiative);
        factor = s.chance(world.agent(*lead.lead).shirk) ? kShirkedShare : 1;
      }
    }
    for (const auto& [id, value] : proposals[c].realised) {
      if (net_value.contains(id)) {
        net_value[id] += factor * value;
      }
    }
  }
  return net_value;
}

// Lackner's perpetual quota per participant: support / N added, a satisfied cycle counts as a win.
void count_quota(World& world, const net::CycleInput& in, const net::CycleOutcome& outcome) {
  std::map<net::InitiativeId, std::int64_t> supporters;
  for (const net::PartnerBallot& b : in.ballots) {
    for (const net::InitiativeId id : b.supported()) {
      supporters[id] += 1;
    }
  }
  const auto voters = static_cast<double>(in.ballots.size());
  for (const net::PartnerBallot& b : in.ballots) {
    std::int64_t support = 0;
    for (const net::InitiativeId id : b.supported()) {
      support = std::max(support, supporters[id]);
    }
    Agent& a = world.agent(b.partner);
    a.quota += static_cast<double>(support) / voters;
    for (const net::PartnerResult& r : outcome.partners) {
      a.wins += r.partner == b.partner && r.supported_selected > 0 && r.net_value >= 0 ? 1 : 0;
    }
    world.compliant += a.quota - static_cast<double>(a.wins) < 1 ? 1 : 0;
    world.pairs += 1;
  }
}

void update_record(World& world, Agent& a, const net::PartnerResult& r, const net::CycleOutcome& outcome,
                   double value) {
  const ModelParameters& m = *world.model;
  a.dry_spell = r.dry_spell;
  a.longest_dry = std::max(a.longest_dry, r.dry_spell);
  a.perpetual_state = r.perpetual_state;
  net::RiskWindow w = net::risk_window_of(outcome, a.partner.id, world.policy->charter.fairness.max_deopt_share);
  w.missed = r.voted ? 0 : 1;
  a.past_leads += w.own_leads;
  a.window.push_back(w);
  if (a.window.size() > net::kRiskWindow) {
    a.window.pop_front();
  }
  a.cumulative += value;
  a.smoothed = m.discount * a.smoothed + (1 - m.discount) * value;
}

// Stays while its discounted net value, less what its retention risk costs it, beats its outside option.
bool stays(const World& world, const Agent& a, net::CycleNumber cycle) {
  const ModelParameters& m = *world.model;
  if (cycle - a.partner.joined_cycle + 1 < m.grace_cycles) {
    return true;
  }
  net::RiskWindow window;
  for (const net::RiskWindow& w : a.window) {
    window += w;
  }
  const double risk = to_double(net::risk_points(net::retention_risk(
      window, a.dry_spell, rounded(a.cumulative, kHundredths), world.policy->charter.fairness.max_dry_spell)));
  Stream s = world.stream(Purpose::kLeave, cycle, a.partner.id);
  return sim::stays(m, a.smoothed, risk, a.outside, s.normal());
}

void join_or_not(World& world, net::CycleNumber cycle, double value, NetworkRun& run) {
  const std::size_t members = world.members().size();
  const ModelParameters& m = *world.model;
  world.smoothed_value = m.discount * world.smoothed_value + (1 - m.discount) * value;
  const double p = join_probability(m, world.smoothed_value, static_cast<std::int64_t>(members));
  Stream s = world.stream(Purpose::kJoin, cycle, 0);
  if (p > 0 && s.chance(p)) {
    add_agent(world, cycle + 1);
    run.joined += 1;
  }
}

double gini_of(std::vector<double> x) {
  std::sort(x.begin(), x.end());
  const auto n = static_cast<double>(x.size());
  double mass = 0;
  double pairs = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    mass += std::abs(x[i]);
    pairs += (2 * static_cast<double>(i) - n + 1) * x[i];
  }
  return mass == 0 ? 0 : pairs / (n * mass);
}

Status run_cycle(World& world, net::CycleNumber cycle, const net::DecisionTools& tools, NetworkRun& run) {
  std::vector<Agent*> members = world.members();
  CycleFigures& figures = run.cycles.emplace_back();
  figures.members = static_cast<std::int64_t>(members.size());
  figures.initial_members = std::count_if(members.begin(), members.end(),
                                          [&](const Agent* a) { return a->partner.id <= world.model->partners; });
  if (members.size() < 2) {
    join_or_not(world, cycle, 0, run);
    return {};  // nothing left to decide
  }
  const std::vector<Proposal> proposals = proposals_of(world, members, cycle);
  figures.proposals = static_cast<std::int64_t>(proposals.size());
  const net::CycleInput in = input_of(world, members, proposals, cycle);
  Result<net::CycleOutcome> outcome = net::decide_cycle(in, tools);
  if (!outcome) {
    return make_error(outcome.error().kind, outcome.error().to_string(), "cycle " + std::to_string(cycle));
  }
  const std::map<net::PartnerId, double> value = realised_net(world, proposals, *outcome, members.size());
  figures.selected = std::count_if(outcome->decisions.begin(), outcome->decisions.end(),
                                   [](const net::InitiativeDecision& d) { return d.selected; });
  figures.in_core = outcome->sharing.in_core == "yes";
  count_quota(world, in, *outcome);
  for (const net::PartnerResult& r : outcome->partners) {
    update_record(world, world.agent(r.partner), r, *outcome, value.at(r.partner));
    figures.network_value += value.at(r.partner);
  }
  figures.value_per_member = figures.network_value / static_cast<double>(members.size());
  run.total_value += figures.network_value;
  for (Agent* a : members) {
    if (!stays(world, *a, cycle)) {
      a->member = false;
      a->partner.left_cycle = cycle + 1;
      run.left += 1;
    }
  }
  join_or_not(world, cycle, figures.network_value, run);
  return {};
}

}  // namespace

bool stays(const ModelParameters& model, double discounted_value, double risk_points, double outside,
           double normal_draw) {
  const double shock = model.decision_noise * model.outside_mean * normal_draw;
  return discounted_value - model.risk_cost * risk_points / 100 + shock >= outside;
}

double join_probability(const ModelParameters& model, double smoothed_network_value, std::int64_t members) {
  if (members >= model.max_partners || model.value_scale <= 0) {
    return 0;
  }
  return std::min(1.0, model.join_rate * std::max(0.0, smoothed_network_value) / model.value_scale);
}

Result<NetworkRun> simulate_network(const ModelParameters& model, const Policy& policy, std::uint64_t seed,
                                    std::uint64_t index, const net::DecisionTools& tools,
                                    std::span<const StartingPartner> start) {
  if (Status valid = model.validate(); !valid) {
    return valid.error();
  }
  if (!start.empty() && static_cast<std::int64_t>(start.size()) != model.partners) {
    return make_error(ErrorKind::kInvalidInput, "the model's partners must be the starting partners' number",
                      "partners");
  }
  World world;
  world.model = &model;
  world.policy = &policy;
  world.seed = seed;
  world.index = index;
  for (std::int64_t p = 0; p < model.partners; ++p) {
    if (start.empty()) {
      add_agent(world, 1);
      continue;
    }
    // A real partner: its latent traits drawn as any partner's, its record taken from the network's history.
    const StartingPartner& real = start[static_cast<std::size_t>(p)];
    add_agent(world, 1 - real.cycles_member);
    Agent& a = world.agents.back();
    a.partner.name = real.name;
    a.partner.tier = real.tier;
    a.dry_spell = real.dry_spell;
    a.longest_dry = real.dry_spell;
    a.cumulative = real.cumulative;
    a.past_leads = real.past_leads;
    if (real.abstention) {
      a.abstention = std::clamp(*real.abstention, 0.0, 1.0);
    }
    if (real.cycles_member > 0) {
      a.smoothed = real.cumulative / static_cast<double>(real.cycles_member);
    }
  }
  NetworkRun run;
  for (net::CycleNumber cycle = 1; cycle <= model.cycles; ++cycle) {
    if (Status done = run_cycle(world, cycle, tools, run); !done) {
      return done.error();
    }
  }
  std::vector<double> cumulative;
  for (const Agent& a : world.agents) {
    run.longest_dry_spell = std::max(run.longest_dry_spell, a.longest_dry);
    if (a.member) {
      cumulative.push_back(a.cumulative);
    }
  }
  run.gini = gini_of(cumulative);
  run.quota_compliance = world.pairs == 0 ? 1 : static_cast<double>(world.compliant) / static_cast<double>(world.pairs);
  return run;
}

}  // namespace covalue::core::sim
