// Maximum utilitarian welfare as an exact 0/1 knapsack.
//
// Value of a project: its approval weight times a supporter's satisfaction (its cost, or 1); weight:
// its cost; capacity: the budget. Definitions this rule commits to:
//  - Projects worth nothing (nobody approves them, or they cost nothing under cost satisfaction) are
//    never selected, even when they fit: they cannot change the welfare, and counting selections
//    that differ only by them would make almost every election a tie. "The optimal selections" are
//    therefore the optimal selections without zero-value projects.
//  - Supported projects that cost nothing under cardinality satisfaction are in every optimal
//    selection.
//  - Resolute tie-breaking: among optimal selections, the one whose projects, sorted by TieBreaker
//    rank, form the lexicographically smallest sequence (its best-ranked project is as good as
//    possible, then its second, ...). With TieRule::kRefuse, more than one optimal selection is
//    kTieRefused.
//  - Solver: dynamic programming over capacities when the table (capacity / gcd of costs times the
//    number of projects) is tiny; else depth-first branch-and-bound with the Dantzig bound, falling
//    back to the table when the search needs many nodes and the table fits in memory. All in exact
//    integers (costs scaled by the lcm of their denominators; int64 when it provably fits, GMP
//    otherwise). The search stops with kTimeLimit after kNodeLimit nodes.
#include "covalue/core/rules/max_welfare.hpp"

#include <algorithm>
#include <string>

#include "max_welfare_knapsack.hpp"

namespace covalue::core::rules {
namespace {

constexpr std::size_t kSmallTable = std::size_t{1} << 16;  // cells: always dynamic programming
constexpr std::size_t kLargeTable = std::size_t{1} << 22;  // cells: the fallback when search is slow
constexpr std::uint64_t kQuickNodeLimit = 200'000;         // search nodes before trying the table
constexpr std::uint64_t kNodeLimit = 20'000'000;

Rational project_value(const Instance& instance, const ApprovalProfile& profile, Satisfaction sat, ProjectIndex p) {
  return profile.approval_weight(p) * project_satisfaction(sat, instance.project(p));
}

// Turns a solver's selection (model items) into an outcome, re-checking cost and welfare exactly.
Result<Outcome> make_outcome(const Instance& instance, const ApprovalProfile& profile, Satisfaction sat,
                             const TieBreaker& ties, const WelfareModel& model, const KnapsackAnswer& answer,
                             const std::vector<std::uint32_t>& items) {
  Outcome outcome;
  outcome.selected = model.forced;
  for (const std::uint32_t i : items) {
    outcome.selected.push_back(model.projects[i]);
  }
  ties.order(outcome.selected);
  outcome.total_cost = instance.total_cost(outcome.selected);
  Rational welfare;
  Rational forced_welfare;
  for (const ProjectIndex p : outcome.selected) {
    Rational value = project_value(instance, profile, sat, p);
    welfare += value;
    outcome.trace.push_back(TraceStep{"maxwelfare", p, std::move(value), {}, {}});
  }
  for (const ProjectIndex p : model.forced) {
    forced_welfare += project_value(instance, profile, sat, p);
  }
  const Rational bound = Rational(answer.optimum) * model.value_unit + forced_welfare;
  if (outcome.total_cost > instance.budget() || welfare != bound) {
    return make_error(ErrorKind::kInternal, "maximum welfare: the solver's selection failed its exact re-check");
  }
  outcome.welfare = WelfareCertificate{std::move(welfare), bound, answer.nodes, answer.method};
  return outcome;
}

// Tiny tables are filled outright; otherwise branch-and-bound gets a first try (it is fast on real
// elections), then a table if one fits in memory, then the search with its full node limit.
Result<KnapsackAnswer> solve_model(const WelfareModel& model, KnapsackRequest request) {
  if (dp_applies(model, kSmallTable)) {
    return solve_by_dp(model, request);
  }
  request.node_limit = kQuickNodeLimit;
  auto quick = solve_by_search(model, request);
  if (quick.ok() || quick.error().kind != ErrorKind::kTimeLimit) {
    return quick;
  }
  if (dp_applies(model, kLargeTable)) {
    return solve_by_dp(model, request);
  }
  request.node_limit = kNodeLimit;
  return solve_by_search(model, request);
}

}  // namespace

Result<std::vector<Outcome>> max_welfare(const Instance& instance, const ApprovalProfile& profile, Satisfaction sat,
                                         const TieBreaker& ties, bool all_optimal, std::size_t max_outcomes) {
  auto model = build_welfare_model(instance, profile, sat, ties);
  if (!model.ok()) {
    return model.error();
  }
  KnapsackRequest request;
  if (all_optimal) {
    request.enumerate_limit = max_outcomes;
  } else if (ties.rule() == TieRule::kRefuse) {
    request.enumerate_limit = 1;
  }
  auto answer = solve_model(*model, request);
  if (!answer.ok()) {
    return answer.error();
  }
  if (answer->more) {
    if (all_optimal) {
      return make_error(ErrorKind::kTimeLimit,
                        "more than " + std::to_string(max_outcomes) + " optimal selections; raise the limit");
    }
    return make_error(ErrorKind::kTieRefused,
                      "several selections have the maximum welfare and tie-breaking was refused");
  }
  std::vector<Outcome> outcomes;
  for (const auto& items : answer->selections) {
    auto outcome = make_outcome(instance, profile, sat, ties, *model, *answer, items);
    if (!outcome.ok()) {
      return outcome.error();
    }
    outcomes.push_back(std::move(outcome).value());
  }
  std::sort(outcomes.begin(), outcomes.end(),
            [](const Outcome& a, const Outcome& b) { return a.sorted_selection() < b.sorted_selection(); });
  return outcomes;
}

}  // namespace covalue::core::rules
