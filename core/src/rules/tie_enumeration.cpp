#include "covalue/core/rules/tie_enumeration.hpp"

#include <algorithm>
#include <set>
#include <string>

namespace covalue::core::rules {
namespace {

// Moves `script` to the next unexplored path of choices; false when every path has been taken.
bool next_script(std::vector<std::size_t>& script, const std::vector<std::size_t>& options) {
  std::size_t depth = script.size();
  while (depth > 0 && script[depth - 1] + 1 >= options[depth - 1]) {
    --depth;
  }
  if (depth == 0) {
    return false;
  }
  script.resize(depth);
  ++script[depth - 1];
  return true;
}

}  // namespace

Result<std::vector<Outcome>> enumerate_tie_breakings(const TieRun& run, std::size_t max_outcomes,
                                                     std::size_t max_runs) {
  std::vector<Outcome> outcomes;
  std::set<std::vector<ProjectIndex>> seen;
  std::vector<std::size_t> script;
  for (std::size_t runs = 1;; ++runs) {
    if (runs > max_runs) {
      return make_error(ErrorKind::kTimeLimit, "more than " + std::to_string(max_runs) + " ways to break the ties");
    }
    ScriptedResolver resolver(script);
    auto outcome = run(resolver);
    if (!outcome.ok()) {
      return outcome.error();
    }
    if (seen.insert(outcome->sorted_selection()).second) {
      if (outcomes.size() >= max_outcomes) {
        return make_error(ErrorKind::kTimeLimit, "more than " + std::to_string(max_outcomes) + " tied outcomes");
      }
      outcomes.push_back(std::move(outcome).value());
    }
    script = resolver.taken();
    if (!next_script(script, resolver.options())) {
      break;
    }
  }
  std::sort(outcomes.begin(), outcomes.end(),
            [](const Outcome& a, const Outcome& b) { return a.sorted_selection() < b.sorted_selection(); });
  return outcomes;
}

Result<std::vector<Outcome>> run_tie_breaking(const TieRun& run, TieRule tie, bool irresolute, std::size_t max_outcomes,
                                              std::size_t max_runs) {
  if (irresolute) {
    return enumerate_tie_breakings(run, max_outcomes, max_runs);
  }
  ResoluteResolver resolver(tie == TieRule::kRefuse);
  auto outcome = run(resolver);
  if (!outcome.ok()) {
    return outcome.error();
  }
  return std::vector<Outcome>{std::move(outcome).value()};
}

}  // namespace covalue::core::rules
