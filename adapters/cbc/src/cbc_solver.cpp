#include "covalue/adapters/cbc/cbc_solver.hpp"

#include <Cbc_C_Interface.h>
#include <CbcModel.hpp>
#include <CbcSolver.hpp>
#include <CoinError.hpp>
#include <CoinPackedMatrix.hpp>
#include <OsiClpSolverInterface.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <exception>
#include <limits>
#include <mutex>
#include <string>
#include <vector>

#include "covalue/adapters/cbc/double_model.hpp"

namespace covalue::adapters::cbc {
namespace {

using core::ErrorKind;
using core::make_error;
using core::Result;
using core::ilp::BinaryProgram;
using core::ilp::SolverAnswer;
using core::ilp::SolverOptions;
using core::ilp::SolveStatus;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// CbcMain0/CbcMain1 read and write process-wide variables (CbcOrClpRead_mode, ...): one solve at a time.
std::mutex& cbc_mutex() {
  static std::mutex mutex;
  return mutex;
}

// Locale-independent shortest text of a double, as the cbc command line reads it.
std::string number_text(double value) {
  std::array<char, 64> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return ec == std::errc() ? std::string(buffer.data(), end) : std::string("0");
}

core::Status check_options(const SolverOptions& options) {
  if (!(options.time_limit_seconds > 0)) {
    return make_error(ErrorKind::kInvalidInput, "the solver time limit must be positive");
  }
  if (!(options.relative_gap >= 0) || !std::isfinite(options.relative_gap)) {
    return make_error(ErrorKind::kInvalidInput, "the solver relative gap must be finite and >= 0");
  }
  return {};
}

// Arguments for CbcMain1: ours, then the caller's tuning, then solve. CBC 2.10.8's integer
// preprocessing (CglPreProcess, any mode but off) returns wrong "optimal" points on small binary
// programs (e.g. it reports 9 for min -x0 + 10 x1 - x2 s.t. 28 x0 - 72 x1 + 15 x2 <= 12,
// 2 x0 + 9 x1 <= 10, whose optimum is 0: test SolvesTheProgramThatCbcPreprocessingGetsWrong; the
// "strategy" mode even returned an infeasible point there), so it is off.
std::vector<std::string> cbc_arguments(const SolverOptions& options, const CbcSettings& settings) {
  std::vector<std::string> args = {"covalue", "-log", "0", "-slog", "0", "-timeMode", "elapsed", "-preprocess", "off"};
  if (std::isfinite(options.time_limit_seconds)) {
    args.insert(args.end(), {"-seconds", number_text(options.time_limit_seconds)});
  }
  args.insert(args.end(), {"-ratioGap", number_text(options.relative_gap)});
  if (options.threads > 1) {
    // 100 + n: n threads, repeatable search (the same answer every run).
    args.insert(args.end(), {"-threads", std::to_string(100 + options.threads)});
  }
  args.insert(args.end(), settings.arguments.begin(), settings.arguments.end());
  args.insert(args.end(), {"-solve", "-quit"});
  return args;
}

void load_model(OsiClpSolverInterface& solver, const DoubleModel& model) {
  const int n = static_cast<int>(model.objective.size());
  // The whole row-ordered matrix at once (appending row by row copies it once per row).
  std::vector<CoinBigIndex> starts = {0};
  std::vector<int> lengths;
  std::vector<int> indices;
  std::vector<double> values;
  std::vector<double> row_lower;
  std::vector<double> row_upper;
  for (const DoubleRow& row : model.rows) {
    indices.insert(indices.end(), row.indices.begin(), row.indices.end());
    values.insert(values.end(), row.values.begin(), row.values.end());
    lengths.push_back(static_cast<int>(row.indices.size()));
    starts.push_back(static_cast<CoinBigIndex>(indices.size()));
    row_lower.push_back(std::isinf(row.lower) ? -solver.getInfinity() : row.lower);
    row_upper.push_back(std::isinf(row.upper) ? solver.getInfinity() : row.upper);
  }
  const CoinPackedMatrix matrix(false, n, static_cast<int>(model.rows.size()), starts.back(), values.data(),
                                indices.data(), starts.data(), lengths.data());
  // Binary columns first, then the free continuous columns of defined variables.
  std::vector<double> col_lower(model.objective.size(), -solver.getInfinity());
  std::vector<double> col_upper(model.objective.size(), solver.getInfinity());
  std::fill_n(col_lower.begin(), model.binaries, 0.0);
  std::fill_n(col_upper.begin(), model.binaries, 1.0);
  solver.loadProblem(matrix, col_lower.data(), col_upper.data(), model.objective.data(), row_lower.data(),
                     row_upper.data());
  for (int i = 0; i < static_cast<int>(model.binaries); ++i) {
    solver.setInteger(i);
  }
  solver.setObjSense(-1.0);
  solver.messageHandler()->setLogLevel(0);
}

// CBC's secondary status when it stopped because the relative gap was reached.
constexpr int kStoppedOnGap = 2;

// CBC's answer in the program's units (the objective was scaled by objective_scale). Optimal only when
// CBC finished its search without stopping on the gap; a bound below the point found is raised to it.
SolverAnswer read_answer(CbcModel& model, const DoubleModel& double_model) {
  SolverAnswer answer;
  answer.nodes = static_cast<std::uint64_t>(std::max(0, model.getNodeCount()));
  const double* best = model.bestSolution();
  if (model.isProvenInfeasible()) {
    answer.status = SolveStatus::kInfeasible;
    answer.best_bound = -kInfinity;
    return answer;
  }
  const double scale = double_model.objective_scale.get_d();
  const double bound = model.getBestPossibleObjValue();
  answer.best_bound = std::fabs(bound) >= 1e30 ? kInfinity : bound / scale;
  if (best == nullptr) {
    answer.status = SolveStatus::kNoSolutionFound;
    return answer;
  }
  answer.x.resize(double_model.binaries);
  for (std::size_t i = 0; i < answer.x.size(); ++i) {
    answer.x[i] = best[i] > 0.5;
  }
  const bool proven = model.isProvenOptimal() && model.secondaryStatus() != kStoppedOnGap;
  answer.status = proven ? SolveStatus::kOptimal : SolveStatus::kFeasible;
  answer.best_bound = std::max(answer.best_bound, model.getObjValue() / scale);
  return answer;
}

Result<SolverAnswer> run_cbc(const DoubleModel& double_model, const SolverOptions& options,
                             const CbcSettings& settings) {
  OsiClpSolverInterface solver;
  load_model(solver, double_model);
  CbcModel model(solver);
  model.messageHandler()->setLogLevel(0);
  const std::vector<std::string> args = cbc_arguments(options, settings);
  std::vector<const char*> argv;
  argv.reserve(args.size());
  for (const std::string& arg : args) {
    argv.push_back(arg.c_str());
  }
  const std::lock_guard<std::mutex> lock(cbc_mutex());
  CbcSolverUsefulData data;
  data.noPrinting_ = true;
  data.useSignalHandler_ = false;
  CbcMain0(model, data);
  CbcMain1(static_cast<int>(argv.size()), argv.data(), model, nullptr, data);
  return read_answer(model, double_model);
}

// No variables: the empty point is the only one; CBC is not needed (nor keen on empty models).
SolverAnswer solve_empty(const BinaryProgram& program) {
  SolverAnswer answer;
  if (core::ilp::check_point(program, {}).ok()) {
    answer.status = SolveStatus::kOptimal;
    answer.best_bound = 0;
  } else {
    answer.status = SolveStatus::kInfeasible;
    answer.best_bound = -kInfinity;
  }
  return answer;
}

}  // namespace

Result<SolverAnswer> CbcSolver::solve(const BinaryProgram& program, const SolverOptions& options) {
  if (core::Status valid = check_options(options); !valid.ok()) {
    return valid.error();
  }
  auto double_model = to_double_model(program);
  if (!double_model.ok()) {
    return double_model.error();
  }
  if (program.num_vars() == 0) {
    return solve_empty(program);
  }
  if (!double_model->untrusted.empty()) {
    SolverAnswer answer;
    answer.status = SolveStatus::kOutOfRange;
    answer.best_bound = kInfinity;
    answer.note = double_model->untrusted;
    return answer;
  }
  try {
    return run_cbc(*double_model, options, settings_);
  } catch (const CoinError& error) {
    return make_error(ErrorKind::kInternal,
                      "CBC failed: " + error.className() + "::" + error.methodName() + ": " + error.message());
  } catch (const std::exception& error) {
    return make_error(ErrorKind::kInternal, std::string("CBC failed: ") + error.what());
  } catch (...) {
    return make_error(ErrorKind::kInternal, "CBC failed with an unknown exception");
  }
}

std::string CbcSolver::name() const { return std::string("CBC ") + Cbc_getVersion(); }

}  // namespace covalue::adapters::cbc
