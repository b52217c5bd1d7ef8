#include "covalue/core/rules/rule.hpp"

#include <algorithm>
#include <string>

#include "covalue/core/rules/equal_shares.hpp"
#include "covalue/core/rules/greedy.hpp"
#include "covalue/core/rules/max_welfare.hpp"
#include "covalue/core/rules/phragmen.hpp"
#include "covalue/core/rules/tie_enumeration.hpp"
#include "covalue/core/text.hpp"

namespace covalue::core::rules {
namespace {

// One resolute run of the configured rule, with ties decided by `resolver`.
Result<Outcome> run_once(const Instance& instance, const ApprovalProfile& profile, const RuleOptions& options,
                         const TieBreaker& ties, TieResolver& resolver) {
  switch (options.rule) {
    case RuleKind::kGreedy:
      return greedy_welfare(instance, profile, options.sat, ties, resolver);
    case RuleKind::kPhragmen:
      return sequential_phragmen(instance, profile, ties, resolver);
    case RuleKind::kEqualShares: {
      const bool add1 = options.completion == Completion::kAdd1 || options.completion == Completion::kAdd1Greedy;
      auto mes = add1 ? equal_shares_add1(instance, profile, options.sat, ties, resolver, options.increment)
                      : equal_shares(instance, profile, options.sat, ties, resolver);
      if (!mes.ok()) {
        return mes;
      }
      if (options.completion == Completion::kGreedy || options.completion == Completion::kAdd1Greedy) {
        return greedy_welfare(instance, profile, options.sat, ties, resolver, *mes);
      }
      return mes;
    }
    case RuleKind::kMaxWelfare:
      break;
  }
  return make_error(ErrorKind::kInternal, "rule not dispatched");
}

}  // namespace

Result<std::vector<Outcome>> solve(const Instance& instance, const ApprovalProfile& profile,
                                   const RuleOptions& options) {
  if (options.completion != Completion::kNone && options.rule != RuleKind::kEqualShares) {
    return make_error(ErrorKind::kUsage, "a completion applies only to the mes rule");
  }
  if (options.increment <= 0) {
    return make_error(ErrorKind::kUsage, "the add1 increment must be positive");
  }
  const TieBreaker ties(options.tie, instance, profile);
  if (options.rule == RuleKind::kMaxWelfare) {
    return max_welfare(instance, profile, options.sat, ties, options.irresolute, options.max_outcomes);
  }
  const TieRun run = [&](TieResolver& resolver) { return run_once(instance, profile, options, ties, resolver); };
  return run_tie_breaking(run, options.tie, options.irresolute, options.max_outcomes, options.max_runs);
}

}  // namespace covalue::core::rules
