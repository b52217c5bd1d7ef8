#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "covalue/core/approval_profile.hpp"
#include "covalue/core/rational.hpp"

namespace covalue::core::rules {

//! Voters of MES grouped by remaining budget. Class 0 holds those with nothing left; class 1 starts
//! with everyone. Every purchase moves each paying class to a new class (or to class 0), so a
//! class's budget is the start budget minus the caps of the purchases on its lineage: sums of
//! budgets over many classes are then integer counts per purchase, and only a few exact products.
class BudgetClasses {
 public:
  //! Everyone in one class with `budget` per unit of weight; `project_weight` = supporters' weight.
  BudgetClasses(const Rational& budget, std::int64_t total_weight, const std::vector<std::int64_t>& project_weight);

  //! The payment cap t (what each supporter pays at most, per unit of weight) at which p's supporters
  //! buy p at `cost`, or nullopt when their remaining budgets add up to less than the cost. Call
  //! sort() after purchases first.
  [[nodiscard]] std::optional<Rational> payment_cap(ProjectIndex p, const Rational& cost, double cost_approx);

  //! Orders the classes with budget left by budget, ascending.
  void sort();

  //! Purchase number `purchase` with payment cap `cap`: the class a payer in `from` moves to.
  [[nodiscard]] std::uint32_t split(std::uint32_t from, const Rational& cap, std::uint32_t purchase);

  //! Moves weight `weight` approving `approvals` from class `from` to class `to`.
  void move(std::int64_t weight, std::span<const ProjectIndex> approvals, std::uint32_t from, std::uint32_t to);

  [[nodiscard]] const Rational& budget(std::uint32_t cls) const { return beta_[cls]; }
  [[nodiscard]] std::size_t size() const { return beta_.size(); }

 private:
  [[nodiscard]] std::int64_t count(std::uint32_t cls, ProjectIndex p) const { return counts_[cls * num_projects_ + p]; }
  [[nodiscard]] std::optional<Rational> exact_cap(ProjectIndex p, const Rational& cost);
  [[nodiscard]] Rational poor_sum(ProjectIndex p, std::size_t end, std::int64_t& poor_weight);
  std::uint32_t add_class(Rational budget, std::int64_t parent, std::int64_t purchase);

  std::size_t num_projects_;
  Rational start_;
  std::vector<Rational> beta_;                     // per class: budget per unit of integer weight
  std::vector<double> beta_approx_;                // per class: beta_ rounded (monotone) to double
  std::vector<std::int64_t> parent_;               // per class: the class it split from (-1: none)
  std::vector<std::int64_t> via_;                  // per class: the purchase that split it (-1: none)
  std::vector<std::int64_t> population_;           // per class: total weight
  std::vector<std::int64_t> counts_;               // per class, per project: supporters' weight (flat)
  std::vector<std::int64_t> positive_weight_;      // per project: supporters' weight with budget left
  std::vector<Rational> caps_;                     // per purchase: its payment cap
  std::vector<std::uint32_t> order_;               // classes with budget and members, by budget
  std::vector<std::int64_t> per_purchase_;         // scratch: weight per purchase on poor lineages
};

}  // namespace covalue::core::rules
