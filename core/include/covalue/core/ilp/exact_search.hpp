#pragma once

#include <cstdint>
#include <vector>

#include "covalue/core/ilp/binary_program.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/core/result.hpp"

namespace covalue::core::ilp {

//! Limits of the exact search.
struct ExactSearchOptions {
  std::uint64_t node_limit{2'000'000};  //!< variables fixed, over the whole search
};

//! What the exact search found, every number exact.
struct ExactSearchResult {
  //! kOptimal: proven; kFeasible: the node limit stopped it with a point; kInfeasible: proven that no
  //! point exists; kNoSolutionFound: the node limit stopped it before any point.
  SolveStatus status{SolveStatus::kNoSolutionFound};
  std::vector<bool> x;  //!< the best point found (empty without one)
  Rational objective;   //!< its objective value
  Rational bound;       //!< an upper bound on the optimum, proven exactly (the objective when optimal)
  std::uint64_t nodes{0};
};

//! Solves a binary program exactly, by depth-first branch and bound in integer arithmetic (every row
//! and the objective scaled to integers): no tolerance, no double. Defined variables are substituted
//! into the rows that use them. Bounds at each node: the objective of the fixed variables plus, for
//! the free ones, the smaller of their positive coefficients' sum and the LP relaxation (Dantzig's
//! bound) of every packing row (all coefficients >= 0, <=); a node is cut when some row can no longer
//! hold at its smallest possible left-hand side. Meant for programs a floating-point solver cannot be
//! trusted with, and for checking one; exponential in the worst case, hence the node limit.
//! kInvalidInput when a term names a variable the program does not have.
[[nodiscard]] Result<ExactSearchResult> search_exactly(const BinaryProgram& program,
                                                       const ExactSearchOptions& options = {});

}  // namespace covalue::core::ilp
