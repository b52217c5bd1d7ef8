#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "covalue/core/approval_profile.hpp"
#include "covalue/core/instance.hpp"
#include "covalue/core/outcome.hpp"
#include "covalue/core/satisfaction.hpp"
#include "covalue/core/tie_breaking.hpp"
#include "integer_weights.hpp"

namespace covalue::core::rules {

//! How far every voter's budget can grow (delta, per unit of integer weight) before a run of MES
//! could decide anything differently: each decision compares prices and budgets that are affine in
//! delta (or, for projects not bought, convex), so the run records where the first could flip.
struct StableRange {
  bool strict{false};             //!< ties must not appear either (the caller refuses ties)
  std::optional<Rational> limit;  //!< decisions hold for delta in [0, limit); none: no limit found

  //! Decisions hold only for delta below `at`.
  void bound(const Rational& at) {
    if (!limit || at < *limit) {
      limit = at;
    }
  }
  //! Requires x0 + x1 d to stay below y0 + y1 d (at or below unless `strict_here`) for d > 0.
  void keep_below(const Rational& x0, const Rational& x1, const Rational& y0, const Rational& y1, bool strict_here);
};

//! The Method of Equal Shares on grouped approval ballots, exact and fast: voters whose remaining
//! budgets are equal share a budget class, each project keeps an integer count of its supporters'
//! weight per class, and candidates are re-evaluated lazily (a project's price never falls). Weights are
//! counted in `Int`: int64, or GMP integers when they do not fit (integer_weights.hpp).
template <class Int>
class MesEngineOf {
 public:
  MesEngineOf(const Instance& instance, const ApprovalProfile& profile, Satisfaction sat, IntegerWeightsOf<Int> weights,
              const TieBreaker& ties);

  //! One run of MES where every voter holds `budget_per_weight` per unit of integer weight; with
  //! `certify`, the outcome carries the priceability certificate.
  //! With `stable`, also finds how far the budget can grow before any decision could change.
  [[nodiscard]] Result<Outcome> run(const Rational& budget_per_weight, TieResolver& resolver, bool certify,
                                    StableRange* stable = nullptr) const;

  //! True when no candidate left out of `outcome` fits in the budget.
  [[nodiscard]] bool exhaustive(const Outcome& outcome) const;

  //! Outcome holding only the supported zero-cost projects (what MES takes before any purchase).
  [[nodiscard]] Outcome free_projects() const;

  [[nodiscard]] const IntegerWeightsOf<Int>& weights() const { return weights_; }

 private:
  template <class>
  friend class MesRun;
  friend class MesFloat;
  friend class MesReplay;

  const Instance& instance_;
  const ApprovalProfile& profile_;
  IntegerWeightsOf<Int> weights_;
  const TieBreaker& ties_;
  std::vector<Rational> sat_;             // per project: a supporter's satisfaction
  std::vector<double> cost_approx_;       // per project: cost as a double (a first guess only)
  std::vector<ProjectIndex> candidates_;  // positive cost and positive total satisfaction
  std::vector<ProjectIndex> free_;        // zero cost and positive total satisfaction
  std::vector<Rational> initial_rho_;     // per project: cost / total satisfaction
  Rational scale_;                        // integer weight per unit of real weight
};

//! The engine with 64-bit weights (the fast path; MesFloat runs on it).
using MesEngine = MesEngineOf<std::int64_t>;

}  // namespace covalue::core::rules
