#pragma once

#include <string_view>
#include <vector>

#include "covalue/core/result.hpp"
#include "covalue/core/sim/network_model.hpp"

namespace covalue::core::sim {

//! The named policies (docs/simulator.md): inward, outward, greedy, random, then one per weight policy
//! of the charter (none, reset, pav, unitcost, consensus, quota, phragmen, nash) under the default charter.
[[nodiscard]] std::vector<Policy> named_policies();

//! The policy of that name; kInvalidInput naming the known ones otherwise.
[[nodiscard]] Result<Policy> named_policy(std::string_view name);

}  // namespace covalue::core::sim
