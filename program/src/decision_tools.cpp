#include "covalue/program/decision_tools.hpp"

namespace covalue::program {

core::network::DecisionTools make_decision_tools(core::ilp::BinarySolver* solver, const DecisionSettings& settings) {
  core::network::DecisionTools tools;
  tools.solver = solver;
  tools.solver_options.time_limit_seconds = settings.solver_time_limit_seconds;
  tools.solver_options.threads = settings.solver_threads;
  tools.shapley.threads = settings.shapley_threads;
  return tools;
}

}  // namespace covalue::program
