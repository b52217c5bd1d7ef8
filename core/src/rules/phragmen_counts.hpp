#pragma once

// Sequential Phragmén with the voters' weights counted in `Int` (int64 or GMP integers: integer_weights.hpp).
// sequential_phragmen() picks the one that fits; tests run both on the same election.

#include "covalue/core/outcome.hpp"
#include "covalue/core/tie_breaking.hpp"
#include "integer_weights.hpp"

namespace covalue::core::rules {

template <class Int>
[[nodiscard]] Result<Outcome> phragmen_run(const Instance& instance, const ApprovalProfile& profile,
                                           const TieBreaker& ties, TieResolver& resolver,
                                           IntegerWeightsOf<Int> weights);

}  // namespace covalue::core::rules
