#include "covalue/core/rules/committee.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "covalue/core/rules/equal_shares.hpp"
#include "covalue/core/rules/greedy.hpp"
#include "covalue/core/rules/phragmen.hpp"

namespace covalue::core::rules {
namespace {

// MES, then the candidates with the most approvals (greedy on unit costs is AV).
Result<Outcome> equal_shares_av(const Instance& instance, const ApprovalProfile& profile, const TieBreaker& ties,
                                TieResolver& resolver) {
  auto mes = equal_shares(instance, profile, Satisfaction::kCost, ties, resolver);
  if (!mes.ok()) {
    return mes;
  }
  return greedy_welfare(instance, profile, Satisfaction::kCardinality, ties, resolver, *mes);
}

Result<Outcome> run_committee(const Instance& instance, const ApprovalProfile& profile, CommitteeRule rule,
                              const TieBreaker& ties, TieResolver& resolver) {
  switch (rule) {
    case CommitteeRule::kAv:
      return greedy_welfare(instance, profile, Satisfaction::kCardinality, ties, resolver);
    case CommitteeRule::kSeqPhragmen:
      return sequential_phragmen(instance, profile, ties, resolver);
    case CommitteeRule::kEqualShares:
      return equal_shares_phragmen(instance, profile, ties, resolver);
    case CommitteeRule::kEqualSharesAv:
      return equal_shares_av(instance, profile, ties, resolver);
    case CommitteeRule::kEqualSharesIncrement:
      return equal_shares_increment(instance, profile, ties, resolver);
  }
  return make_error(ErrorKind::kInternal, "committee rule not dispatched");
}

}  // namespace

Result<std::size_t> committee_size(const Instance& instance) {
  const bool unit_costs = std::all_of(instance.projects().begin(), instance.projects().end(),
                                      [](const Project& project) { return project.cost == 1; });
  const Rational& budget = instance.budget();
  if (!unit_costs || budget.get_den() != 1 || budget < 0 || budget > Rational(instance.size())) {
    return make_error(ErrorKind::kUsage,
                      "a committee election needs projects costing 1 and a whole budget up to their number");
  }
  return static_cast<std::size_t>(budget.get_num().get_ui());
}

Result<std::vector<Outcome>> solve_committee(const Instance& instance, const ApprovalProfile& profile,
                                             CommitteeRule rule, const CommitteeOptions& options) {
  auto size = committee_size(instance);
  if (!size.ok()) {
    return size.error();
  }
  if (options.irresolute && rule == CommitteeRule::kEqualSharesIncrement) {
    return make_error(ErrorKind::kUsage, std::string(name_of(rule)) + " is defined for resolute runs only");
  }
  const TieBreaker ties(options.tie, instance, profile);
  const TieRun run = [&](TieResolver& resolver) { return run_committee(instance, profile, rule, ties, resolver); };
  return run_tie_breaking(run, options.tie, options.irresolute, options.max_outcomes, options.max_runs);
}

}  // namespace covalue::core::rules
