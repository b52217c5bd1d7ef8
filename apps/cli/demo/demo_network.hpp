#pragma once

#include "covalue/program/program.hpp"

namespace covalue::cli {

//! Builds the demo network through the program's own use cases: 14 partners across the supply-chain
//! tiers with their objectives, 8 cycles of typical eCommerce supply-chain initiatives with ballots,
//! objections, closes, actuals and KPI measurements. Deterministic.
[[nodiscard]] core::Status build_demo_network(program::Program& program);

}  // namespace covalue::cli
