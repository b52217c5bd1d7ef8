#pragma once

// `covalue simulate run --from-db D [--network N]`: reads a database's network as the start of every simulated
// network (apps/simulation/real_network.hpp says what it takes from it).

#include <string>

#include "covalue/core/result.hpp"
#include "simulation/real_network.hpp"

namespace covalue::cli {

//! Reads the network `network` (name or id; empty for the only one) of the database `db`, which must exist.
//! kInvalidInput naming --from-db for a missing file or a network without partners.
[[nodiscard]] core::Result<simulation::RealNetwork> read_real_network(const std::string& db,
                                                                      const std::string& network);

}  // namespace covalue::cli
