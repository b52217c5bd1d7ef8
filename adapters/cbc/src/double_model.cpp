#include "covalue/adapters/cbc/double_model.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <deque>
#include <limits>
#include <numeric>
#include <string>
#include <utility>

namespace covalue::adapters::cbc {
namespace {

using core::Integer;
using core::Rational;
using core::ilp::BinaryProgram;
using core::ilp::Constraint;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// The integers are exactly representable as doubles up to 2^53.
bool fits_double(const Integer& value) {
  static const Integer limit = Integer(1) << 53;
  return abs(value) <= limit;
}

// numbers times a positive factor, as doubles: the factor (the lcm of the denominators over the gcd
// of the resulting integers, 1 when all are zero) makes them coprime integers, exact when every one
// fits in 2^53; otherwise the plain doubles of the numbers and factor 1.
struct Scaled {
  std::vector<double> values;
  Rational scale{1};
  bool exact{true};
};

using Numbers = std::vector<const Rational*>;

// out = q * lcm, an integer as lcm is a multiple of q's denominator.
void times_lcm(Integer& out, const Rational& q, const Integer& lcm) {
  if (q.get_den() == 1) {
    out = q.get_num() * lcm;
    return;
  }
  mpz_divexact(out.get_mpz_t(), lcm.get_mpz_t(), q.get_den_mpz_t());
  out *= q.get_num();
}

Scaled scale_to_doubles(const Numbers& numbers) {
  Integer lcm(1);
  for (const Rational* q : numbers) {
    if (q->get_den() != 1) {
      mpz_lcm(lcm.get_mpz_t(), lcm.get_mpz_t(), q->get_den_mpz_t());
    }
  }
  Integer gcd(0);
  Integer value;
  for (const Rational* q : numbers) {
    times_lcm(value, *q, lcm);
    mpz_gcd(gcd.get_mpz_t(), gcd.get_mpz_t(), value.get_mpz_t());
  }
  gcd = sgn(gcd) == 0 ? Integer(1) : gcd;
  Scaled out;
  out.values.reserve(numbers.size());
  for (const Rational* q : numbers) {
    times_lcm(value, *q, lcm);
    mpz_divexact(value.get_mpz_t(), value.get_mpz_t(), gcd.get_mpz_t());
    if (!fits_double(value)) {
      out.exact = false;
      break;
    }
    out.values.push_back(value.get_d());
  }
  if (out.exact) {
    out.scale = Rational(lcm, gcd);
    out.scale.canonicalize();
    return out;
  }
  out.values.clear();
  for (const Rational* q : numbers) {
    out.values.push_back(q->get_d());
  }
  return out;
}

// A constraint's terms merged by variable (ascending), zero sums dropped; the coefficients point
// into the constraint, or into `sums` for variables that repeat.
struct MergedTerms {
  std::vector<int> indices;
  Numbers coefs;
  std::deque<Rational> sums;
};

bool ascending_and_nonzero(const Constraint& constraint) {
  for (std::size_t k = 0; k < constraint.terms.size(); ++k) {
    if (sgn(constraint.terms[k].coef) == 0 || (k > 0 && constraint.terms[k - 1].var >= constraint.terms[k].var)) {
      return false;
    }
  }
  return true;
}

void merge_terms(const Constraint& constraint, MergedTerms& out) {
  const auto& terms = constraint.terms;
  std::vector<std::size_t> order(terms.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  if (ascending_and_nonzero(constraint)) {
    for (const std::size_t k : order) {
      out.indices.push_back(static_cast<int>(terms[k].var));
      out.coefs.push_back(&terms[k].coef);
    }
    return;
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return terms[a].var < terms[b].var; });
  for (std::size_t k = 0; k < order.size();) {
    Rational sum = terms[order[k]].coef;
    std::size_t next = k + 1;
    for (; next < order.size() && terms[order[next]].var == terms[order[k]].var; ++next) {
      sum += terms[order[next]].coef;
    }
    if (sgn(sum) != 0) {
      out.indices.push_back(static_cast<int>(terms[order[k]].var));
      out.coefs.push_back(&out.sums.emplace_back(std::move(sum)));
    }
    k = next;
  }
}

core::Result<DoubleRow> to_row(const Constraint& constraint, std::size_t index, std::size_t num_vars) {
  for (const core::ilp::Term& term : constraint.terms) {
    if (term.var >= num_vars) {
      return core::make_error(core::ErrorKind::kInvalidInput,
                              "constraint " + std::to_string(index) + " '" + constraint.name + "' uses variable " +
                                  std::to_string(term.var) + " of only " + std::to_string(num_vars));
    }
  }
  MergedTerms terms;
  merge_terms(constraint, terms);
  terms.coefs.push_back(&constraint.rhs);
  Scaled scaled = scale_to_doubles(terms.coefs);
  const double rhs = scaled.values.back();
  scaled.values.pop_back();
  DoubleRow row;
  row.indices = std::move(terms.indices);
  row.values = std::move(scaled.values);
  row.exact = scaled.exact;
  row.lower = constraint.sense == Constraint::Sense::kLessEqual ? -kInfinity : rhs;
  row.upper = constraint.sense == Constraint::Sense::kGreaterEqual ? kInfinity : rhs;
  return row;
}

// True when no binary point can violate the constraint: its largest (smallest) possible left-hand
// side, the sum of its positive (negative) coefficients, already satisfies a <= (>=) row exactly.
bool always_holds(const Constraint& constraint, std::size_t binaries) {
  const bool uses_defined = std::any_of(constraint.terms.begin(), constraint.terms.end(),
                                        [&](const core::ilp::Term& term) { return term.var >= binaries; });
  if (constraint.sense == Constraint::Sense::kEqual || uses_defined) {
    return false;
  }
  const int wanted = constraint.sense == Constraint::Sense::kLessEqual ? 1 : -1;
  Rational extreme(0);
  for (const core::ilp::Term& term : constraint.terms) {
    if (sgn(term.coef) == wanted) {
      extreme += term.coef;
    }
  }
  return constraint.sense == Constraint::Sense::kLessEqual ? extreme <= constraint.rhs : extreme >= constraint.rhs;
}

// Each defined variable becomes a free column y with the row sum(terms) - y = 0.
core::Result<DoubleModel> add_definitions(const BinaryProgram& program, DoubleModel& model) {
  model.binaries = program.num_vars();
  model.objective.resize(program.num_columns(), 0.0);
  for (std::size_t k = 0; k < program.defined.size(); ++k) {
    Constraint definition{program.defined[k].name, program.defined[k].terms, Constraint::Sense::kEqual, 0};
    for (const core::ilp::Term& term : definition.terms) {
      if (term.var >= program.num_vars()) {
        return core::make_error(core::ErrorKind::kInvalidInput,
                                "defined variable '" + definition.name + "' uses a variable that is not binary");
      }
    }
    definition.terms.push_back({static_cast<std::uint32_t>(program.num_vars() + k), Rational(-1)});
    auto row = to_row(definition, program.constraints.size() + k, program.num_columns());
    if (!row.ok()) {
      return row.error();
    }
    row->constraint = program.constraints.size() + k;
    model.rows.push_back(std::move(row).value());
  }
  return std::move(model);
}

}  // namespace

core::Result<DoubleModel> to_double_model(const BinaryProgram& program) {
  if (program.num_vars() > static_cast<std::size_t>(INT_MAX) ||
      program.constraints.size() > static_cast<std::size_t>(INT_MAX)) {
    return core::make_error(core::ErrorKind::kInvalidInput, "the program is too large for the solver");
  }
  DoubleModel model;
  Numbers objective_numbers;
  for (const Rational& q : program.objective) {
    objective_numbers.push_back(&q);
  }
  Scaled objective = scale_to_doubles(objective_numbers);
  model.objective = std::move(objective.values);
  model.objective_scale = objective.scale;
  model.objective_exact = objective.exact;
  model.rows.reserve(program.constraints.size());
  for (std::size_t c = 0; c < program.constraints.size(); ++c) {
    auto row = to_row(program.constraints[c], c, program.num_columns());
    if (!row.ok()) {
      return row.error();
    }
    if (!always_holds(program.constraints[c], program.num_vars())) {
      row->constraint = c;
      model.rows.push_back(std::move(row).value());
    }
  }
  return add_definitions(program, model);
}

}  // namespace covalue::adapters::cbc
