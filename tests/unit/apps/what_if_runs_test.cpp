// The simulations the CLI and the server share (apps/simulation): a real network's snapshot as the start, and a
// what-if run: the same seed gives the same results, each network is counted, a cancelled run stops, and a changed
// capacity changes what the simulated cycles can select.
#include <gtest/gtest.h>

#include <atomic>

#include "../program/roles_fixture.hpp"
#include "simulation/network_runs.hpp"
#include "simulation/real_network.hpp"
#include "simulation/simulation_results.hpp"

namespace covalue::program {
namespace {

namespace net = core::network;

class WhatIfRuns : public testing::RolesFixture {
 protected:
  simulation::WhatIf what_if(double capacity_scale = 1) {
    core::Result<Snapshot> snapshot = as(coordinator_).snapshot();
    EXPECT_TRUE(snapshot.ok());
    core::Result<simulation::RealNetwork> real = simulation::real_network_of(*snapshot);
    EXPECT_TRUE(real.ok()) << real.error().to_string();
    simulation::WhatIf w;
    w.real = *real;
    w.changed.name = "changed";
    w.changed.charter = real->charter;
    w.changed.charter.rule = net::SelectionRule::kGreedy;
    w.changed.capacity_scale = capacity_scale;
    w.networks = 12;
    w.cycles = 4;
    w.seed = 5;
    return w;
  }
};

TEST_F(WhatIfRuns, TheSameSeedGivesTheSameResultsAndEveryNetworkIsCounted) {
  std::atomic<bool> cancel{false};
  int counted = 0;
  core::Result<simulation::SimulationResults> first = simulation::run_what_if(
      what_if(), [&] { ++counted; }, cancel);
  ASSERT_TRUE(first.ok()) << first.error().to_string();
  EXPECT_EQ(counted, 24);
  ASSERT_EQ(first->policies.size(), 2U);
  EXPECT_EQ(first->policies[0].name, "current");
  EXPECT_EQ(first->policies[1].charter.rule, net::SelectionRule::kGreedy);
  EXPECT_EQ(first->model.partners, 3);
  ASSERT_TRUE(first->start.has_value());
  const nlohmann::ordered_json once = simulation::results_json(*first);
  EXPECT_EQ(once["policies"][0]["per_cycle"]["survival"].size(), 4U);
  core::Result<simulation::SimulationResults> again = simulation::run_what_if(what_if(), nullptr, cancel);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(simulation::results_json(*again).dump(), once.dump());
  simulation::WhatIf reseeded = what_if();
  reseeded.seed = 6;
  EXPECT_NE(simulation::results_json(*simulation::run_what_if(reseeded, nullptr, cancel))["policies"].dump(),
            once["policies"].dump());
}

TEST_F(WhatIfRuns, ACancelledRunStopsAndSaysSo) {
  std::atomic<bool> cancel{false};
  int counted = 0;
  core::Result<simulation::SimulationResults> run = simulation::run_what_if(
      what_if(),
      [&] {
        if (++counted == 3) {
          cancel = true;
        }
      },
      cancel);
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.error().kind, core::ErrorKind::kConflict);
  EXPECT_EQ(counted, 3) << "the networks after the cancel are skipped";
}

TEST_F(WhatIfRuns, AChangedCapacityScalesTheSimulatedCycles) {
  std::atomic<bool> cancel{false};
  const auto value_of = [&](double scale) {
    core::Result<simulation::SimulationResults> run = simulation::run_what_if(what_if(scale), nullptr, cancel);
    EXPECT_TRUE(run.ok());
    return simulation::results_json(*run)["policies"][1]["measures"]["network_value"].dump();
  };
  EXPECT_NE(value_of(0.25), value_of(1));
}

TEST_F(WhatIfRuns, ANetworkWithoutPartnersCannotBeAStart) {
  Snapshot empty = *as(coordinator_).snapshot();
  empty.partners.clear();
  const core::Result<simulation::RealNetwork> real = simulation::real_network_of(empty);
  ASSERT_FALSE(real.ok());
  EXPECT_NE(real.error().message.find("no partners"), std::string::npos);
}

}  // namespace
}  // namespace covalue::program
