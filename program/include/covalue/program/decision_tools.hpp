#pragma once

#include "covalue/core/network/cycle_decision.hpp"
#include "covalue/core/settings.hpp"

namespace covalue::program {

//! The limits a cycle decision runs under, as the settings table (or a server's config) gives them.
struct DecisionSettings {
  double solver_time_limit_seconds{core::settings::seconds_default("solver.time_limit_seconds")};
  unsigned solver_threads{static_cast<unsigned>(core::settings::integer_default("solver.threads"))};
  unsigned shapley_threads{static_cast<unsigned>(core::settings::integer_default("shapley.threads"))};

  bool operator==(const DecisionSettings&) const = default;
};

//! The one place the shells' decision tools are made (the CLI's and the server's are the same, so a
//! close does not depend on where it was asked): `solver` with the given limits.
[[nodiscard]] core::network::DecisionTools make_decision_tools(core::ilp::BinarySolver* solver,
                                                               const DecisionSettings& settings = {});

}  // namespace covalue::program
