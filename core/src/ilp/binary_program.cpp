#include "covalue/core/ilp/binary_program.hpp"

#include <algorithm>
#include <cassert>
#include <numeric>
#include <string>
#include <vector>

namespace covalue::core::ilp {
namespace {

const char* sense_symbol(Constraint::Sense sense) {
  switch (sense) {
    case Constraint::Sense::kLessEqual:
      return "<=";
    case Constraint::Sense::kGreaterEqual:
      return ">=";
    case Constraint::Sense::kEqual:
      return "=";
  }
  return "?";
}

bool holds(Constraint::Sense sense, const Rational& lhs, const Rational& rhs) {
  switch (sense) {
    case Constraint::Sense::kLessEqual:
      return lhs <= rhs;
    case Constraint::Sense::kGreaterEqual:
      return lhs >= rhs;
    case Constraint::Sense::kEqual:
      return lhs == rhs;
  }
  return false;
}

std::string constraint_label(const Constraint& constraint, std::size_t index) {
  return "constraint " + std::to_string(index) + " '" + constraint.name + "'";
}

// The exact left-hand side at the column values; an error when a term names a variable the program does
// not have.
Result<Rational> left_hand_side(const Constraint& constraint, std::size_t index, const std::vector<Rational>& values) {
  Rational lhs(0);
  for (const Term& term : constraint.terms) {
    if (term.var >= values.size()) {
      return make_error(ErrorKind::kInvalidInput, constraint_label(constraint, index) + " uses variable " +
                                                      std::to_string(term.var) + " of only " +
                                                      std::to_string(values.size()));
    }
    if (sgn(values[term.var]) != 0) {
      lhs += term.coef * values[term.var];
    }
  }
  return lhs;
}

// Every column's exact value at x: the binaries, then the defined variables computed from them.
Result<std::vector<Rational>> column_values(const BinaryProgram& program, const std::vector<bool>& x) {
  std::vector<Rational> values(program.num_columns());
  for (std::size_t i = 0; i < x.size(); ++i) {
    values[i] = x[i] ? 1 : 0;
  }
  for (std::size_t k = 0; k < program.defined.size(); ++k) {
    for (const Term& term : program.defined[k].terms) {
      if (term.var >= x.size()) {
        return make_error(ErrorKind::kInvalidInput, "defined variable '" + program.defined[k].name +
                                                        "' uses variable " + std::to_string(term.var) +
                                                        ", which is not binary");
      }
      if (x[term.var]) {
        values[x.size() + k] += term.coef;
      }
    }
  }
  return values;
}

}  // namespace

Status check_point(const BinaryProgram& program, const std::vector<bool>& x) {
  if (x.size() != program.num_vars()) {
    return make_error(ErrorKind::kInvalidInput, "the point has " + std::to_string(x.size()) + " values, the program " +
                                                    std::to_string(program.num_vars()) + " variables");
  }
  auto values = column_values(program, x);
  if (!values.ok()) {
    return values.error();
  }
  for (std::size_t c = 0; c < program.constraints.size(); ++c) {
    const Constraint& constraint = program.constraints[c];
    auto lhs = left_hand_side(constraint, c, *values);
    if (!lhs.ok()) {
      return lhs.error();
    }
    if (!holds(constraint.sense, *lhs, constraint.rhs)) {
      const Rational excess = abs(*lhs - constraint.rhs);
      return make_error(ErrorKind::kInvalidInput, constraint_label(constraint, c) + " violated: lhs " +
                                                      to_string(*lhs) + " " + sense_symbol(constraint.sense) + " rhs " +
                                                      to_string(constraint.rhs) + " fails by " + to_string(excess));
    }
  }
  return {};
}

std::vector<std::size_t> violated_constraints(const BinaryProgram& program, const std::vector<bool>& x) {
  std::vector<std::size_t> violated;
  auto values = column_values(program, x);
  if (!values.ok() || x.size() != program.num_vars()) {
    return violated;
  }
  for (std::size_t c = 0; c < program.constraints.size(); ++c) {
    auto lhs = left_hand_side(program.constraints[c], c, *values);
    if (lhs.ok() && !holds(program.constraints[c].sense, *lhs, program.constraints[c].rhs)) {
      violated.push_back(c);
    }
  }
  return violated;
}

Rational objective_value(const BinaryProgram& program, const std::vector<bool>& x) {
  assert(x.size() == program.num_vars());
  Rational value(0);
  const std::size_t n = std::min(x.size(), program.num_vars());
  for (std::size_t i = 0; i < n; ++i) {
    if (x[i]) {
      value += program.objective[i];
    }
  }
  return value;
}

// The relaxation solved is: maximise sum v_i y_i, sum w_i y_i <= capacity, 0 <= y_i <= 1, after two
// steps that only enlarge the feasible set or drop items that cannot help, so the result bounds the
// original optimum: an item with v_i <= 0 is left out (y_i = 0 is never worse when w_i >= 0, and a
// negative weight is credited to the capacity below), and an item with w_i < 0 gets weight 0 while
// the capacity grows by |w_i| (every point satisfying the original row satisfies the relaxed one).
// Items of weight 0 and positive value are taken whole; the rest greedily by exact ratio v_i / w_i,
// the last one fractionally (Dantzig's bound, the exact LP optimum of a single knapsack row).
Rational knapsack_relaxation_bound(const std::vector<Rational>& values, const std::vector<Rational>& weights,
                                   const Rational& capacity) {
  assert(values.size() == weights.size());
  const std::size_t n = std::min(values.size(), weights.size());
  Rational room = capacity;
  for (std::size_t i = 0; i < n; ++i) {
    if (sgn(weights[i]) < 0) {
      room -= weights[i];
    }
  }
  Rational bound(0);
  std::vector<std::size_t> items;
  for (std::size_t i = 0; i < n; ++i) {
    if (sgn(values[i]) <= 0) {
      continue;
    }
    if (sgn(weights[i]) <= 0) {
      bound += values[i];
    } else {
      items.push_back(i);
    }
  }
  if (sgn(room) <= 0) {
    return bound;
  }
  // v_a / w_a > v_b / w_b  <=>  v_a * w_b > v_b * w_a, as both weights are positive.
  std::stable_sort(items.begin(), items.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] * weights[b] > values[b] * weights[a]; });
  for (const std::size_t i : items) {
    if (weights[i] <= room) {
      bound += values[i];
      room -= weights[i];
    } else {
      bound += values[i] * room / weights[i];
      break;
    }
  }
  return bound;
}

}  // namespace covalue::core::ilp
