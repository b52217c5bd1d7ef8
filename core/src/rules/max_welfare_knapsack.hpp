#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "covalue/core/approval_profile.hpp"
#include "covalue/core/instance.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/core/result.hpp"
#include "covalue/core/satisfaction.hpp"
#include "covalue/core/tie_breaking.hpp"

namespace covalue::core::rules {

//! Maximum welfare as an integer 0/1 knapsack. Items are the projects that can matter: positive
//! value, positive cost, cost within the budget; they are listed in TieBreaker rank order, so a
//! selection written as ascending item indices is also sorted by rank. Supported zero-cost projects
//! (positive value, no cost) are in every optimal selection and kept apart in `forced`.
struct WelfareModel {
  std::vector<ProjectIndex> projects;  //!< per item: the project, in rank order
  std::vector<Integer> values;         //!< per item: value in units of `value_unit`
  std::vector<Integer> weights;        //!< per item: cost in integer units (scaled, gcd-reduced)
  Integer capacity;                    //!< the budget in the same units (at most the sum of weights)
  std::vector<ProjectIndex> forced;    //!< supported zero-cost projects with positive value
  Rational value_unit;                 //!< real welfare of a model value of 1
};

//! Builds the model; kInfeasible when the budget is negative (not even the empty selection fits).
[[nodiscard]] Result<WelfareModel> build_welfare_model(const Instance& instance, const ApprovalProfile& profile,
                                                       Satisfaction sat, const TieBreaker& ties);

//! What a knapsack solver is asked: the preferred optimal selection (lexicographically smallest
//! ascending item indices), or, with `enumerate_limit`, every optimal selection up to that many.
struct KnapsackRequest {
  std::optional<std::size_t> enumerate_limit;
  std::uint64_t node_limit{0};
};

//! A solver's answer: the optimum, the selections asked for (ascending item indices), whether more
//! optimal selections exist than were returned, and how much work proved it.
struct KnapsackAnswer {
  Integer optimum;
  std::vector<std::vector<std::uint32_t>> selections;
  bool more{false};
  std::uint64_t nodes{0};
  const char* method{""};
};

//! True when dynamic programming over capacities is small enough for this model (and exact in int64).
[[nodiscard]] bool dp_applies(const WelfareModel& model, std::size_t cell_limit);

//! Exact dynamic programming over capacities, items in rank order (call only when dp_applies).
[[nodiscard]] Result<KnapsackAnswer> solve_by_dp(const WelfareModel& model, const KnapsackRequest& request);

//! Exact depth-first branch-and-bound (items by value per cost, Dantzig bound computed exactly);
//! kTimeLimit when the node limit is reached first.
[[nodiscard]] Result<KnapsackAnswer> solve_by_search(const WelfareModel& model, const KnapsackRequest& request);

}  // namespace covalue::core::rules
