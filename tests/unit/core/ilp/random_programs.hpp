#pragma once

// Random small binary programs for property tests of the solvers (CBC, the exact search), a brute-force
// optimum to compare them with, and the program as text for a failing case's report.

#include <rapidcheck.h>

#include <optional>
#include <string>
#include <vector>

#include "covalue/core/ilp/binary_program.hpp"

namespace covalue::testing {

//! A uniform integer in [low, high): rapidcheck's inRange favours small values at small sizes.
template <typename T>
T pick(T low, T high) {
  return *rc::gen::resize(100, rc::gen::inRange<T>(low, high));
}

//! How far the numbers of a random program spread.
enum class Magnitudes {
  kSmall,   //!< small fractions: p/q with |p| <= 25 and q <= 5
  kExtreme  //!< the same times 10^k for k in [-30, 30] per number, and denominators up to 10^12
};

inline core::Rational random_number(int low, int high, Magnitudes magnitudes) {
  core::Rational q(pick(low, high + 1), pick(1, 5));
  if (magnitudes == Magnitudes::kExtreme) {
    core::Integer power;
    mpz_ui_pow_ui(power.get_mpz_t(), 10, static_cast<unsigned long>(pick(0, 31)));
    q = pick(0, 2) == 0 ? core::Rational(q * power) : core::Rational(q / power);
    if (pick(0, 4) == 0) {
      q /= core::Rational(pick<long>(1, 1'000'000) * 1'000'003L + 1);
    }
  }
  q.canonicalize();
  return q;
}

//! A program of 1 to 12 binary variables and up to 4 rows of every sense; with `defined`, some rows
//! also use a defined variable (a sum of a few binaries).
inline core::ilp::BinaryProgram random_program(Magnitudes magnitudes = Magnitudes::kSmall, bool defined = false) {
  using Sense = core::ilp::Constraint::Sense;
  core::ilp::BinaryProgram p;
  const auto n = pick<std::uint32_t>(1, 13);
  for (std::uint32_t i = 0; i < n; ++i) {
    p.objective.push_back(random_number(-10, 20, magnitudes));
  }
  if (defined) {
    core::ilp::DefinedVariable y{"y", {}};
    for (std::uint32_t i = 0; i < n; ++i) {
      if (pick(0, 2) == 0) {
        y.terms.push_back({i, random_number(0, 6, magnitudes)});
      }
    }
    p.defined.push_back(std::move(y));
  }
  const int rows = pick(0, 5);
  for (int r = 0; r < rows; ++r) {
    core::ilp::Constraint c{"row" + std::to_string(r), {}, Sense::kLessEqual, random_number(-5, 25, magnitudes)};
    for (std::uint32_t i = 0; i < n; ++i) {
      if (pick(0, 3) != 0) {
        c.terms.push_back({i, random_number(-6, 12, magnitudes)});
      }
    }
    if (defined && pick(0, 2) == 0) {
      c.terms.push_back({n, random_number(-3, 3, magnitudes)});
    }
    const int sense = pick(0, 8);
    c.sense = sense == 0 ? Sense::kEqual : sense <= 2 ? Sense::kGreaterEqual : Sense::kLessEqual;
    if (c.sense != Sense::kLessEqual) {
      c.rhs = random_number(-8, 10, magnitudes);
    }
    p.constraints.push_back(std::move(c));
  }
  return p;
}

//! The optimum by enumerating every point; nothing when no point is feasible.
inline std::optional<core::Rational> brute_force_optimum(const core::ilp::BinaryProgram& p) {
  std::optional<core::Rational> best;
  const std::size_t n = p.num_vars();
  std::vector<bool> x(n);
  for (std::size_t mask = 0; mask < (std::size_t{1} << n); ++mask) {
    for (std::size_t i = 0; i < n; ++i) {
      x[i] = ((mask >> i) & 1U) != 0;
    }
    if (core::ilp::check_point(p, x).ok()) {
      const core::Rational value = core::ilp::objective_value(p, x);
      if (!best || value > *best) {
        best = value;
      }
    }
  }
  return best;
}

//! Asserts that `solver` answered `p` as the brute force did (`best`): infeasible without a point when no
//! point is feasible (then false), else optimal at a point that passes the exact check and is worth `best`.
inline bool rc_assert_brute_force_answer(const core::ilp::BinaryProgram& p, core::ilp::SolveStatus status,
                                         const std::vector<bool>& x, const std::optional<core::Rational>& best,
                                         const std::string& solver) {
  if (!best) {
    RC_ASSERT(status == core::ilp::SolveStatus::kInfeasible);
    RC_ASSERT(x.empty());
    return false;
  }
  RC_ASSERT(status == core::ilp::SolveStatus::kOptimal);
  const core::Status checked = core::ilp::check_point(p, x);
  if (!checked.ok()) {
    RC_FAIL(solver + "'s point fails the exact check: " + checked.error().to_string());
  }
  RC_ASSERT(core::ilp::objective_value(p, x) == *best);
  return true;
}

//! The program as text, for the report of a failing case.
inline std::string describe(const core::ilp::BinaryProgram& p) {
  using Sense = core::ilp::Constraint::Sense;
  std::string text = "max";
  for (std::size_t i = 0; i < p.num_vars(); ++i) {
    text += " + " + core::to_string(p.objective[i]) + " x" + std::to_string(i);
  }
  for (const core::ilp::DefinedVariable& y : p.defined) {
    text += "\n" + y.name + " =";
    for (const auto& term : y.terms) {
      text += " + " + core::to_string(term.coef) + " x" + std::to_string(term.var);
    }
  }
  for (const core::ilp::Constraint& c : p.constraints) {
    text += "\n" + c.name + ":";
    for (const auto& term : c.terms) {
      text += " + " + core::to_string(term.coef) + " x" + std::to_string(term.var);
    }
    text += c.sense == Sense::kLessEqual ? " <= " : c.sense == Sense::kGreaterEqual ? " >= " : " = ";
    text += core::to_string(c.rhs);
  }
  return text;
}

}  // namespace covalue::testing
