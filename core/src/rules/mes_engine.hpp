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

//! The Method of Equal Shares on grouped approval ballots, exact and fast: voters whose remaining
//! budgets are equal share a budget class, each project keeps an integer count of its supporters'
//! weight per class, and candidates are re-evaluated lazily (a project's price never falls).
class MesEngine {
 public:
  MesEngine(const Instance& instance, const ApprovalProfile& profile, Satisfaction sat, IntegerWeights weights,
            const TieBreaker& ties);

  //! One run of MES where every voter holds `budget_per_weight` per unit of integer weight; with
  //! `certify`, the outcome carries the priceability certificate.
  [[nodiscard]] Result<Outcome> run(const Rational& budget_per_weight, TieResolver& resolver, bool certify) const;

  //! True when no candidate left out of `outcome` fits in the budget.
  [[nodiscard]] bool exhaustive(const Outcome& outcome) const;

  //! Outcome holding only the supported zero-cost projects (what MES takes before any purchase).
  [[nodiscard]] Outcome free_projects() const;

  [[nodiscard]] const IntegerWeights& weights() const { return weights_; }

 private:
  friend class MesRun;

  const Instance& instance_;
  const ApprovalProfile& profile_;
  IntegerWeights weights_;
  const TieBreaker& ties_;
  std::vector<Rational> sat_;              // per project: a supporter's satisfaction
  std::vector<double> cost_approx_;        // per project: cost as a double (a first guess only)
  std::vector<ProjectIndex> candidates_;   // positive cost and positive total satisfaction
  std::vector<ProjectIndex> free_;         // zero cost and positive total satisfaction
  std::vector<Rational> initial_rho_;      // per project: cost / total satisfaction
  Rational scale_;                         // integer weight per unit of real weight
};

}  // namespace covalue::core::rules
