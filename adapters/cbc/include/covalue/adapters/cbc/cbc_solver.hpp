#pragma once

#include <string>
#include <utility>
#include <vector>

#include "covalue/core/ilp/binary_program.hpp"

namespace covalue::adapters::cbc {

//! Settings of CBC beyond SolverOptions, for tuning and experiments.
struct CbcSettings {
  //! Extra arguments in the syntax of the cbc command line, given after ours (so they win), e.g.
  //! {"-feas", "off"} or {"-cuts", "off"}. An argument CBC does not know is ignored, but CBC prints
  //! a complaint on stdout. {"-preprocess", "sos"} would bring back CBC's integer preprocessing,
  //! which this adapter turns off because it returns wrong optima (see cbc_solver.cpp).
  std::vector<std::string> arguments;
};

//! The BinarySolver port implemented with COIN-OR CBC (CbcMain1, as the cbc program solves).
//! Maximises; honours the time limit (wall clock), threads (CBC's repeatable parallel mode when
//! more than 1) and relative gap; prints nothing. Status: kOptimal only when CBC proved optimality;
//! kFeasible when it stopped with a point on a limit (time, or the relative gap: best_bound then shows
//! how close), kInfeasible when it proved there is none, else kNoSolutionFound. best_bound is CBC's
//! bound in the program's units (never below the point found), +infinity when CBC has none and
//! -infinity for an infeasible program; x is CBC's column values rounded (> 0.5). kOutOfRange, without
//! running CBC, when the program's numbers spread too far for its tolerances (DoubleModel::untrusted,
//! given as the answer's note). CBC keeps
//! process-wide state in CbcMain1, so solves are serialised by a process-wide mutex. Rows are scaled
//! to integers and rows no binary point can violate are left out (see double_model.hpp). Never trust
//! the answer: re-check it with core::ilp::check_point.
class CbcSolver final : public core::ilp::BinarySolver {
 public:
  //! A solver with CBC's default settings, except integer preprocessing (off).
  CbcSolver() = default;
  //! A solver with extra CBC settings.
  explicit CbcSolver(CbcSettings settings) : settings_(std::move(settings)) {}

  //! Solves with CBC; kInvalidInput for a malformed program or options (a term's variable out of
  //! range, a time limit <= 0, a negative gap), kInternal when CBC throws or cannot be run.
  [[nodiscard]] core::Result<core::ilp::SolverAnswer> solve(const core::ilp::BinaryProgram& program,
                                                            const core::ilp::SolverOptions& options) override;
  //! "CBC 2.10.8".
  [[nodiscard]] std::string name() const override;

 private:
  CbcSettings settings_;
};

}  // namespace covalue::adapters::cbc
