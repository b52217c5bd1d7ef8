#pragma once

// What a simulation of a real network starts from (`covalue simulate run --from-db`, and the server's what-if
// simulations): the network's present partners with their history (how long they have been members, dry spells,
// net value, leads, missed ballots) and the model's scales taken from its initiatives and charter; the policy
// `current` is the network's own charter (docs/simulator.md, "Your own network").

#include <cstdint>
#include <string>
#include <vector>

#include "covalue/core/network/charter.hpp"
#include "covalue/core/result.hpp"
#include "covalue/core/sim/network_model.hpp"
#include "covalue/program/snapshot.hpp"

namespace covalue::simulation {

//! What a real network gives a simulation to start from.
struct RealNetwork {
  std::string name;
  core::network::Charter charter;
  std::vector<core::sim::StartingPartner> partners;  //!< its present partners, by id
  std::int64_t closed_cycles{0};
  std::int64_t cycles{0};               //!< cycles ever opened
  std::int64_t initiatives{0};          //!< initiatives ever proposed
  double mean_cost{0};                  //!< of those initiatives, in capacity units
  double mean_value{0};                 //!< their mean estimated network value, over those with a positive one
  std::vector<std::string> calibrated;  //!< the model parameters its history set ("cost_mean", ...)
};

//! The network a snapshot holds, as a simulation's start; kInvalidInput (no `where`: the caller names its input)
//! for a network without present partners.
[[nodiscard]] core::Result<RealNetwork> real_network_of(const program::Snapshot& snapshot);

//! Sets the model's starting partners to the real network's, and the scales its history shows (the mean cost
//! of its initiatives, its capacity per partner, proposals per partner and cycle, the mean value of an
//! initiative), each kept within its parameter's range; records which in `real.calibrated`.
void calibrate(RealNetwork& real, core::sim::ModelParameters& model);

//! The policy `current`: the real network's own charter, partners voting for the network and leads rotating.
[[nodiscard]] core::sim::Policy current_policy(const RealNetwork& real);

}  // namespace covalue::simulation
