#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "covalue/core/sim/network_model.hpp"
#include "covalue/core/sim/statistics.hpp"

namespace covalue::simulation {

//! The scalar measures of one network's run, by name (in kMeasures' order).
inline constexpr std::array<const char*, 8> kMeasures = {"retention",         "members",        "network_value",
                                                         "value_per_partner", "gini",           "longest_dry_spell",
                                                         "quota_compliance",  "core_membership"};

//! The real network a run started from (`--from-db`).
struct SimulationStart {
  std::string network;
  std::int64_t partners{0};
  std::int64_t closed_cycles{0};
  std::vector<std::string> calibrated;  //!< the model parameters its history set
};

//! What `covalue simulate run` computed: every policy's runs, network by network.
struct SimulationResults {
  core::sim::ModelParameters model;
  std::optional<SimulationStart> start;                    //!< set by --from-db
  std::vector<core::sim::StartingPartner> start_partners;  //!< the real partners every network starts with
  std::int64_t networks{0};
  std::int64_t seed{0};
  std::vector<core::sim::Policy> policies;
  std::vector<std::vector<core::sim::NetworkRun>> runs;  //!< [policy][network]

  //! The measure `m` (an index into kMeasures) of every network under policy `p`.
  [[nodiscard]] std::vector<double> measure(std::size_t p, std::size_t m) const;
  //! Survival (share of the starting partners still members) or network value, per cycle, under `p`.
  [[nodiscard]] std::vector<core::sim::Interval> curve(std::size_t p, bool survival) const;
};

//! The results as JSON: per policy its charter, measures with intervals and curves; paired tests of every
//! policy against the first.
[[nodiscard]] nlohmann::ordered_json results_json(const SimulationResults& results);
//! The results as text tables.
[[nodiscard]] std::string results_table(const SimulationResults& results);
//! One self-contained HTML page with the tables and inline SVG charts.
[[nodiscard]] std::string results_html(const SimulationResults& results);

}  // namespace covalue::simulation
