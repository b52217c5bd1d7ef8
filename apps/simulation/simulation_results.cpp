// `covalue simulate run`'s results: measures per network, intervals, paired tests, and their table and JSON.
#include "simulation/simulation_results.hpp"

#include <fmt/core.h>

#include "covalue/core/rational.hpp"

namespace covalue::simulation {
namespace {

namespace sim = core::sim;

double core_share(const sim::NetworkRun& run) {
  std::int64_t decided = 0;
  std::int64_t in_core = 0;
  for (const sim::CycleFigures& c : run.cycles) {
    decided += c.members >= 2 ? 1 : 0;
    in_core += c.members >= 2 && c.in_core ? 1 : 0;
  }
  return decided == 0 ? 0 : static_cast<double>(in_core) / static_cast<double>(decided);
}

double measure_of(const sim::NetworkRun& run, std::size_t m, std::int64_t partners) {
  const auto cycles = static_cast<double>(run.cycles.size());
  double per_member = 0;
  for (const sim::CycleFigures& c : run.cycles) {
    per_member += c.value_per_member;
  }
  switch (m) {
    case 0:
      return run.cycles.empty()
                 ? 1
                 : static_cast<double>(run.cycles.back().initial_members) / static_cast<double>(partners);
    case 1:
      return run.cycles.empty() ? 0 : static_cast<double>(run.cycles.back().members);
    case 2:
      return cycles == 0 ? 0 : run.total_value / cycles;
    case 3:
      return cycles == 0 ? 0 : per_member / cycles;
    case 4:
      return run.gini;
    case 5:
      return static_cast<double>(run.longest_dry_spell);
    case 6:
      return run.quota_compliance;
    default:
      return core_share(run);
  }
}

nlohmann::ordered_json interval_json(const sim::Interval& i) {
  return {{"mean", i.mean}, {"low", i.low}, {"high", i.high}};
}

nlohmann::ordered_json policy_json(const SimulationResults& r, std::size_t p) {
  const sim::Policy& policy = r.policies[p];
  const auto& c = policy.charter;
  nlohmann::ordered_json out;
  out["name"] = policy.name;
  out["charter"] = {{"rule", core::name_of(c.rule)},
                    {"sharing", core::name_of(c.sharing)},
                    {"weight_policy", core::name_of(c.fairness.weight_policy)},
                    {"weight_absence", core::name_of(c.fairness.weight_absence)},
                    {"max_dry_spell", c.fairness.max_dry_spell},
                    {"max_deopt_share", core::to_string(c.fairness.max_deopt_share)},
                    {"max_concurrent_leads", c.leadership.max_concurrent_leads},
                    {"ballots", core::name_of(policy.ballots)},
                    {"leads", core::name_of(policy.leads)},
                    {"object_to_losses", policy.object_to_losses}};
  for (std::size_t m = 0; m < kMeasures.size(); ++m) {
    out["measures"][kMeasures[m]] = interval_json(sim::mean_interval(r.measure(p, m)));
  }
  for (const bool survival : {true, false}) {
    nlohmann::ordered_json curve = nlohmann::ordered_json::array();
    for (const sim::Interval& i : r.curve(p, survival)) {
      curve.push_back(interval_json(i));
    }
    out["per_cycle"][survival ? "survival" : "network_value"] = std::move(curve);
  }
  return out;
}

}  // namespace

std::vector<double> SimulationResults::measure(std::size_t p, std::size_t m) const {
  std::vector<double> out;
  for (const sim::NetworkRun& run : runs[p]) {
    out.push_back(measure_of(run, m, model.partners));
  }
  return out;
}

std::vector<sim::Interval> SimulationResults::curve(std::size_t p, bool survival) const {
  std::vector<sim::Interval> out;
  for (std::int64_t t = 0; t < model.cycles; ++t) {
    std::vector<double> values;
    for (const sim::NetworkRun& run : runs[p]) {
      const sim::CycleFigures& c = run.cycles[static_cast<std::size_t>(t)];
      values.push_back(survival ? static_cast<double>(c.initial_members) / static_cast<double>(model.partners)
                                : c.network_value);
    }
    out.push_back(sim::mean_interval(values));
  }
  return out;
}

nlohmann::ordered_json results_json(const SimulationResults& r) {
  nlohmann::ordered_json out;
  out["simulation"] = {{"networks", r.networks}, {"cycles", r.model.cycles}, {"seed", r.seed}};
  if (r.start) {
    out["start"] = {{"network", r.start->network},
                    {"partners", r.start->partners},
                    {"closed_cycles", r.start->closed_cycles},
                    {"calibrated", r.start->calibrated}};
  }
  for (const sim::ParameterRow& row : sim::model_parameters()) {
    out["model"][std::string(row.name)] = row.integer != nullptr ? nlohmann::ordered_json(r.model.*row.integer)
                                                                 : nlohmann::ordered_json(r.model.*row.real);
  }
  out["policies"] = nlohmann::ordered_json::array();
  for (std::size_t p = 0; p < r.policies.size(); ++p) {
    out["policies"].push_back(policy_json(r, p));
  }
  out["paired"] = nlohmann::ordered_json::array();
  for (std::size_t p = 1; p < r.policies.size(); ++p) {
    for (std::size_t m = 0; m < kMeasures.size(); ++m) {
      const sim::PairedTest t = sim::paired_test(r.measure(0, m), r.measure(p, m));
      out["paired"].push_back({{"baseline", r.policies[0].name},
                               {"policy", r.policies[p].name},
                               {"measure", kMeasures[m]},
                               {"difference", interval_json(t.difference)},
                               {"t", t.t},
                               {"p_value", t.p_value},
                               {"wins", t.wins},
                               {"losses", t.losses},
                               {"ties", t.ties}});
    }
  }
  return out;
}

std::string results_table(const SimulationResults& r) {
  std::string out = fmt::format("simulate run: {} networks x {} cycles, {} partners at the start; seed {}\n",
                                r.networks, r.model.cycles, r.model.partners, r.seed);
  out += "mean [95% interval] per network\n";
  for (std::size_t m = 0; m < kMeasures.size(); ++m) {
    out += fmt::format("{:<18}", kMeasures[m]);
    for (std::size_t p = 0; p < r.policies.size(); ++p) {
      const sim::Interval i = sim::mean_interval(r.measure(p, m));
      out += fmt::format("  {}: {:.3f} [{:.3f}, {:.3f}]", r.policies[p].name, i.mean, i.low, i.high);
    }
    out += "\n";
  }
  for (std::size_t p = 1; p < r.policies.size(); ++p) {
    out += fmt::format("paired, {} - {} on the same seeds: difference [95% interval], p, wins/losses/ties\n",
                       r.policies[p].name, r.policies[0].name);
    for (std::size_t m = 0; m < kMeasures.size(); ++m) {
      const sim::PairedTest t = sim::paired_test(r.measure(0, m), r.measure(p, m));
      out += fmt::format("{:<18}  {:+.3f} [{:+.3f}, {:+.3f}]  p {:.3g}  {}/{}/{}\n", kMeasures[m], t.difference.mean,
                         t.difference.low, t.difference.high, t.p_value, t.wins, t.losses, t.ties);
    }
  }
  return out;
}

}  // namespace covalue::simulation
