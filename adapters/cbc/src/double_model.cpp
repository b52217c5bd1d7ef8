#include "covalue/adapters/cbc/double_model.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
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

constexpr double kRowInfinity = std::numeric_limits<double>::infinity();
// The widest ratio between the largest and the smallest nonzero magnitude of a row (its right-hand side
// included) or of the objective that the double solver is trusted with.
constexpr unsigned kMaxSpreadBits = 30;

// The integers are exactly representable as doubles up to 2^53.
bool fits_double(const Integer& value) {
  static const Integer limit = Integer(1) << 53;
  return abs(value) <= limit;
}

// numbers times a positive factor, as doubles. First the exact way: the factor (the lcm of the
// denominators over the gcd of the resulting integers, 1 when all are zero) makes them coprime
// integers, kept when every one fits in 2^53. Otherwise a power of two that brings the largest
// magnitude near 1: the doubles are then the nearest to the scaled numbers, never beyond what a
// solver can take (CLP asserts on objective coefficients from 1e25 on).
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

// About log2 |q| (within one) for a nonzero q.
long log2_of(const Rational& q) {
  return static_cast<long>(mpz_sizeinbase(q.get_num_mpz_t(), 2)) -
         static_cast<long>(mpz_sizeinbase(q.get_den_mpz_t(), 2));
}

Scaled power_of_two_doubles(const Numbers& numbers) {
  long top = LONG_MIN;
  for (const Rational* q : numbers) {
    if (sgn(*q) != 0) {
      top = std::max(top, log2_of(*q));
    }
  }
  Scaled out;
  out.exact = false;
  const auto shift = static_cast<mp_bitcnt_t>(std::labs(top == LONG_MIN ? 0 : top));
  Rational scaled;
  for (const Rational* q : numbers) {
    if (top >= 0) {
      mpq_div_2exp(scaled.get_mpq_t(), q->get_mpq_t(), shift);
    } else {
      mpq_mul_2exp(scaled.get_mpq_t(), q->get_mpq_t(), shift);
    }
    out.values.push_back(scaled.get_d());
  }
  if (top >= 0) {
    mpq_div_2exp(out.scale.get_mpq_t(), out.scale.get_mpq_t(), shift);
  } else {
    mpq_mul_2exp(out.scale.get_mpq_t(), out.scale.get_mpq_t(), shift);
  }
  return out;
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
      return power_of_two_doubles(numbers);
    }
    out.values.push_back(value.get_d());
  }
  out.scale = Rational(lcm, gcd);
  out.scale.canonicalize();
  return out;
}

// The text of a magnitude for a message ("1e-06").
std::string magnitude_text(const Rational& q) {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.3g", std::fabs(q.get_d()));
  return buffer.data();
}

// Empty when the nonzero numbers are within 2^kMaxSpreadBits of each other; else why they are not, naming
// `what`. Beyond that spread a double solver's tolerances (1e-6 to 1e-9 of the largest number) swallow
// the smallest numbers, so its answer could not be trusted.
std::string spread_problem(const Numbers& numbers, const std::string& what) {
  const Rational* smallest = nullptr;
  const Rational* largest = nullptr;
  for (const Rational* q : numbers) {
    if (sgn(*q) == 0) {
      continue;
    }
    if (smallest == nullptr || abs(*q) < abs(*smallest)) {
      smallest = q;
    }
    if (largest == nullptr || abs(*q) > abs(*largest)) {
      largest = q;
    }
  }
  static const Rational max_spread(Integer(1) << kMaxSpreadBits);
  if (smallest == nullptr || abs(*largest) <= max_spread * abs(*smallest)) {
    return {};
  }
  return what + " has numbers from " + magnitude_text(*smallest) + " to " + magnitude_text(*largest) +
         ", more than 2^" + std::to_string(kMaxSpreadBits) + " apart";
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
  row.untrusted = spread_problem(terms.coefs, "constraint '" + constraint.name + "'");
  row.lower = constraint.sense == Constraint::Sense::kLessEqual ? -kRowInfinity : rhs;
  row.upper = constraint.sense == Constraint::Sense::kGreaterEqual ? kRowInfinity : rhs;
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
    if (model.untrusted.empty()) {
      model.untrusted = row->untrusted;
    }
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
  model.untrusted = spread_problem(objective_numbers, "the objective");
  model.rows.reserve(program.constraints.size());
  for (std::size_t c = 0; c < program.constraints.size(); ++c) {
    auto row = to_row(program.constraints[c], c, program.num_columns());
    if (!row.ok()) {
      return row.error();
    }
    if (!always_holds(program.constraints[c], program.num_vars())) {
      row->constraint = c;
      if (model.untrusted.empty()) {
        model.untrusted = row->untrusted;
      }
      model.rows.push_back(std::move(row).value());
    }
  }
  return add_definitions(program, model);
}

}  // namespace covalue::adapters::cbc
