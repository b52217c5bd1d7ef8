#include "covalue/core/verify.hpp"

#include <vector>

#include "verify_internal.hpp"

namespace covalue::core {
namespace verify_detail {

Rational VerifyContext::total_satisfaction(ProjectIndex p) const {
  Rational approvals;
  for (const GroupIndex g : profile.supporters(p)) {
    approvals += profile.weight(g);
  }
  return approvals * project_satisfaction(options.sat, instance.project(p));
}

std::string text(const Rational& value) { return to_decimal_string(value); }

}  // namespace verify_detail

namespace {

using verify_detail::text;
using verify_detail::VerifyContext;

// Selected projects exist and are distinct; false when an index is out of range (nothing else can
// be checked then).
bool check_selection(const VerifyContext& ctx, const Outcome& outcome) {
  ctx.check("selected projects exist and are distinct");
  std::vector<bool> seen(ctx.instance.size(), false);
  bool valid = true;
  for (const ProjectIndex p : outcome.selected) {
    if (p >= ctx.instance.size()) {
      ctx.fail("selected project index " + std::to_string(p) + " does not exist (the instance has " +
               std::to_string(ctx.instance.size()) + " projects)");
      valid = false;
      continue;
    }
    if (seen[p]) {
      ctx.fail(ctx.name(p) + " is selected more than once");
    }
    seen[p] = true;
  }
  return valid;
}

void check_costs(const VerifyContext& ctx, const Outcome& outcome) {
  ctx.check("total cost equals the sum of the selected costs");
  Rational sum;
  for (const ProjectIndex p : outcome.selected) {
    sum += ctx.instance.project(p).cost;
  }
  if (sum != outcome.total_cost) {
    ctx.fail("the total cost is given as " + text(outcome.total_cost) + " but the selected projects cost " + text(sum));
  }
  ctx.check("total cost within the budget");
  if (sum > ctx.instance.budget()) {
    ctx.fail("the selected projects cost " + text(sum) + ", more than the budget " + text(ctx.instance.budget()));
  }
}

}  // namespace

Result<VerifyReport> verify_outcome(const Instance& instance, const ApprovalProfile& profile, const Outcome& outcome,
                                    const rules::RuleOptions& options) {
  if (profile.num_projects() != instance.size()) {
    return make_error(ErrorKind::kInvalidInput, "the profile does not belong to the instance (" +
                                                    std::to_string(profile.num_projects()) + " projects vs " +
                                                    std::to_string(instance.size()) + ")");
  }
  if (options.completion != rules::Completion::kNone && options.rule != rules::RuleKind::kEqualShares) {
    return make_error(ErrorKind::kUsage, "a completion applies only to the mes rule");
  }
  VerifyReport report;
  const VerifyContext ctx{instance, profile, options, TieBreaker(options.tie, instance, profile), report};
  if (!check_selection(ctx, outcome)) {
    return report;
  }
  check_costs(ctx, outcome);
  switch (options.rule) {
    case rules::RuleKind::kGreedy:
      verify_detail::verify_greedy_pass(ctx, {}, outcome.selected, "greedy");
      break;
    case rules::RuleKind::kPhragmen:
      verify_detail::verify_phragmen(ctx, outcome);
      break;
    case rules::RuleKind::kEqualShares:
      verify_detail::verify_equal_shares(ctx, outcome);
      break;
    case rules::RuleKind::kMaxWelfare:
      verify_detail::verify_max_welfare(ctx, outcome);
      break;
  }
  return report;
}

}  // namespace covalue::core
