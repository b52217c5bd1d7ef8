#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/core/result.hpp"
#include "covalue/core/settings.hpp"

namespace covalue::core::ilp {

//! One coefficient of a linear expression.
struct Term {
  std::uint32_t var{0};
  Rational coef;
};

//! A linear constraint sum(terms) <sense> rhs, with a name used in error messages.
struct Constraint {
  enum class Sense { kLessEqual, kGreaterEqual, kEqual };
  std::string name;
  std::vector<Term> terms;
  Sense sense{Sense::kLessEqual};
  Rational rhs;
};

//! A continuous variable defined as a linear expression of the binary variables: y = sum(terms). It
//! lets constraints share a long expression (one dense row instead of many); solvers see a free column
//! with its defining equality, exact checks compute y from x.
struct DefinedVariable {
  std::string name;
  std::vector<Term> terms;  //!< over binary variables only
};

//! maximise objective . x subject to constraints, x in {0,1}^n. Constraint terms may also use the
//! defined variables, numbered num_vars(), num_vars() + 1, ... Exact data; solvers see doubles.
struct BinaryProgram {
  std::vector<std::string> var_names;
  std::vector<Rational> objective;  //!< one coefficient per binary variable
  std::vector<Constraint> constraints;
  std::vector<DefinedVariable> defined;

  [[nodiscard]] std::size_t num_vars() const { return objective.size(); }
  //! Binary and defined variables together.
  [[nodiscard]] std::size_t num_columns() const { return objective.size() + defined.size(); }
};

//! What a solver claims about its answer (separate from whether the call worked).
enum class SolveStatus {
  kOptimal,
  kFeasible,
  kInfeasible,
  kNoSolutionFound,
  kOutOfRange  //!< the program's numbers are beyond what this solver can be trusted with: not solved
};

//! The names of solve status values.
constexpr auto enum_names(SolveStatus /*tag*/) {
  using enum SolveStatus;
  return core::NameTable{"solve status",
                         std::to_array<core::EnumName<SolveStatus>>({{kOptimal, "optimal"},
                                                                     {kFeasible, "feasible"},
                                                                     {kInfeasible, "infeasible"},
                                                                     {kNoSolutionFound, "no_solution_found"},
                                                                     {kOutOfRange, "out_of_range"}})};
}

//! A solver's answer: its status, the point, its bound on the optimum and effort.
struct SolverAnswer {
  SolveStatus status{SolveStatus::kNoSolutionFound};
  std::vector<bool> x;   //!< empty unless kOptimal or kFeasible
  double best_bound{0};  //!< the solver's upper bound on the optimum
  std::uint64_t nodes{0};
  std::string note;  //!< why it did not solve, when kOutOfRange
};

//! Limits handed to a solver.
struct SolverOptions {
  double time_limit_seconds{settings::seconds_default("solver.time_limit_seconds")};
  unsigned threads{static_cast<unsigned>(settings::integer_default("solver.threads"))};
  double relative_gap{0};  //!< stop when proven within this relative gap (0: prove optimality)
};

//! The port through which the core asks an outside ILP solver (COIN-OR CBC) for an answer.
class BinarySolver {
 public:
  virtual ~BinarySolver() = default;
  //! Solves the program; errors only when the solver could not be run at all (kInternal).
  [[nodiscard]] virtual Result<SolverAnswer> solve(const BinaryProgram& program, const SolverOptions& options) = 0;
  //! The solver's name and version, for certificates ("CBC 2.10.8").
  [[nodiscard]] virtual std::string name() const = 0;
};

//! Re-checks a point exactly: binary, the right size, and every constraint holds in exact arithmetic.
//! kInvalidInput when the size differs, a term names a missing variable, or a constraint fails; the
//! error names the first violated constraint (index and name), its lhs, sense, rhs and by how much.
//! A solver answer that fails here is the caller's to report (as kInternal: the solver erred).
[[nodiscard]] Status check_point(const BinaryProgram& program, const std::vector<bool>& x);

//! The indices of every constraint the point violates, checked exactly (x must have num_vars() values and
//! the program's terms must name its variables, as check_point requires).
[[nodiscard]] std::vector<std::size_t> violated_constraints(const BinaryProgram& program, const std::vector<bool>& x);

//! The exact objective value of a point (x must have num_vars() values).
[[nodiscard]] Rational objective_value(const BinaryProgram& program, const std::vector<bool>& x);

//! An upper bound on the optimum proven exactly: the LP relaxation of maximising the objective
//! under the given single knapsack constraint alone (values, weights >= 0), solved greedily by ratio.
//! Valid for any program that contains that constraint. Negative objective coefficients count 0;
//! items of weight 0 and positive value are taken whole; a negative weight counts 0 and its size is
//! added to the capacity (a relaxation, so the bound stays valid); a capacity that stays negative
//! (no feasible point) counts 0. values and weights must have the same size.
[[nodiscard]] Rational knapsack_relaxation_bound(const std::vector<Rational>& values,
                                                 const std::vector<Rational>& weights, const Rational& capacity);

}  // namespace covalue::core::ilp
