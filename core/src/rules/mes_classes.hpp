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
//! Weights are counted in `Int` (int64, or GMP integers for weights too large for it: integer_weights.hpp).
template <class Int>
class BudgetClasses {
 public:
  //! How a payment cap moves when every voter's budget grows by delta (add1's parameter): the
  //! budgets of classes are affine in delta while the run's decisions stay the same.
  struct CapMotion {
    Rational slope;                         //!< d(cap)/d(delta), for an affordable project
    bool boundary_tie{false};               //!< a class holds exactly the cap: no stable slope
    std::optional<Rational> affordable_at;  //!< unaffordable project: the delta where it becomes affordable
  };

  //! Everyone (`groups` groups of total weight `total_weight`) in one class holding `budget`; with
  //! `track`, also how budgets move with delta.
  BudgetClasses(const Rational& budget, std::size_t groups, const Int& total_weight, bool track);

  //! The payment cap t (what each supporter pays at most, per unit of weight) at which the given
  //! supporters buy a project at `cost`, or nullopt when their remaining budgets add up to less than
  //! the cost. Call sort() after purchases first.
  [[nodiscard]] std::optional<Rational> payment_cap(std::span<const GroupIndex> supporters,
                                                    const std::vector<Int>& weights, const Rational& cost,
                                                    double cost_approx, CapMotion* motion = nullptr);

  //! The largest delta below which every supporter class keeps its side of the cap `cap` (moving
  //! with `slope`): those below stay below, those above stay above. nullopt: no limit.
  [[nodiscard]] std::optional<Rational> partition_limit(std::span<const GroupIndex> supporters, const Rational& cap,
                                                        const Rational& slope);

  //! Ranks the classes with budget left by budget, ascending.
  void sort();

  //! Purchase number `purchase` with payment cap `cap`: the class a payer in `from` moves to.
  [[nodiscard]] std::uint32_t split(std::uint32_t from, const Rational& cap, const Rational& cap_slope,
                                    std::uint32_t purchase);

  //! Moves group `group` of weight `weight` to class `to`.
  void move(GroupIndex group, const Int& weight, std::uint32_t to);

  [[nodiscard]] std::uint32_t class_of(GroupIndex group) const { return group_class_[group]; }
  [[nodiscard]] const Rational& budget(std::uint32_t cls) const { return beta_[cls]; }
  [[nodiscard]] std::size_t size() const { return beta_.size(); }

 private:
  void gather(std::span<const GroupIndex> supporters, const std::vector<Int>& weights);
  [[nodiscard]] std::optional<Rational> exact_cap(const Rational& cost, const Int& total, std::size_t& boundary);
  [[nodiscard]] Rational poor_sum(std::size_t end, Int& poor_weight);
  [[nodiscard]] Rational poor_slope(const Int& poor_weight) const;
  void describe_motion(const std::optional<Rational>& cap, const Rational& cost, std::size_t boundary, const Int& total,
                       CapMotion& motion);
  std::uint32_t add_class(Rational budget, Rational slope, std::int64_t parent, std::int64_t purchase);

  bool track_;
  Rational start_;
  std::vector<std::uint32_t> group_class_;
  std::vector<Rational> beta_;        // per class: budget per unit of integer weight
  std::vector<double> beta_approx_;   // per class: beta_ rounded (monotone) to double
  std::vector<std::int64_t> parent_;  // per class: the class it split from (-1: none)
  std::vector<std::int64_t> via_;     // per class: the purchase that split it (-1: none)
  std::vector<Int> population_;       // per class: total weight
  std::vector<std::uint32_t> rank_;   // per class: position by budget among live classes
  std::vector<Rational> slope_;       // per class: d(budget)/d(delta)
  std::vector<Rational> caps_;        // per purchase: its payment cap
  std::vector<Rational> cap_slopes_;  // per purchase: d(cap)/d(delta)
  // Scratch of payment_cap: the supporters' weight per class, and those classes by budget.
  std::vector<Int> weight_in_;
  std::vector<std::uint32_t> touched_;
  std::vector<Int> per_purchase_;
};

}  // namespace covalue::core::rules
