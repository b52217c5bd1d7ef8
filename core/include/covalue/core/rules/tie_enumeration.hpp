#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "covalue/core/outcome.hpp"
#include "covalue/core/result.hpp"
#include "covalue/core/tie_breaking.hpp"

namespace covalue::core::rules {

//! One run of a rule with its ties decided by the resolver given.
using TieRun = std::function<Result<Outcome>(TieResolver&)>;

//! Every distinct outcome (by selected set, sorted) that some way of breaking the ties yields: a
//! depth-first walk over the resolver's choices; kTimeLimit past `max_outcomes` outcomes or
//! `max_runs` runs.
[[nodiscard]] Result<std::vector<Outcome>> enumerate_tie_breakings(const TieRun& run, std::size_t max_outcomes,
                                                                   std::size_t max_runs);

//! A rule's outcomes: one run with the TieBreaker's choices (refusing ties under TieRule::kRefuse),
//! or with `irresolute` every distinct outcome as enumerate_tie_breakings gives them.
[[nodiscard]] Result<std::vector<Outcome>> run_tie_breaking(const TieRun& run, TieRule tie, bool irresolute,
                                                            std::size_t max_outcomes, std::size_t max_runs);

}  // namespace covalue::core::rules
