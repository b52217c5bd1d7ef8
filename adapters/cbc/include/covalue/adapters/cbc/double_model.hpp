#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "covalue/core/ilp/binary_program.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/core/result.hpp"

namespace covalue::adapters::cbc {

//! One row as a solver sees it: lower <= sum values[k] * x[indices[k]] <= upper (infinite when open).
struct DoubleRow {
  std::vector<int> indices;    //!< distinct variables, ascending
  std::vector<double> values;  //!< nonzero coefficients, one per index
  double lower{0};
  double upper{0};
  bool exact{true};           //!< every number is an integer of at most 2^53: the doubles are the scaled row exactly
  std::size_t constraint{0};  //!< the index of the constraint this row comes from
  std::string untrusted;      //!< why a double solver cannot be trusted with the row; empty when it can
};

//! A BinaryProgram in doubles. Each row, and the objective, is multiplied by a positive rational (the
//! lcm of its denominators over the gcd of the resulting integers), so a solver sees small integers,
//! exactly, whenever they fit in 2^53; otherwise by a power of two that brings its largest magnitude
//! near 1, and the solver sees the nearest doubles. A row (right-hand side included) or objective whose
//! nonzero magnitudes lie more than 2^30 apart is marked untrusted: a double solver's tolerances would
//! swallow its smallest numbers.
struct DoubleModel {
  std::vector<double> objective;  //!< objective_scale times the program's objective; 0 for defined columns
  std::size_t binaries{0};        //!< the first `binaries` columns are binary, the rest free continuous
  core::Rational objective_scale{1};
  bool objective_exact{true};   //!< as DoubleRow::exact, for the objective
  std::vector<DoubleRow> rows;  //!< one per constraint that some binary point violates, in order
  std::string untrusted;        //!< the first reason a double solver cannot be trusted with it; empty when it can
};

//! Converts a program; kInvalidInput when a term names a variable the program does not have or the
//! program is too large for the solver's int indices.
[[nodiscard]] core::Result<DoubleModel> to_double_model(const core::ilp::BinaryProgram& program);

}  // namespace covalue::adapters::cbc
