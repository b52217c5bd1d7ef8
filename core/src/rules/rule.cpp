#include "covalue/core/rules/rule.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "covalue/core/rules/equal_shares.hpp"
#include "covalue/core/rules/greedy.hpp"
#include "covalue/core/rules/max_welfare.hpp"
#include "covalue/core/rules/phragmen.hpp"
#include "covalue/core/rules/tie_enumeration.hpp"
#include "covalue/core/text.hpp"

namespace covalue::core::rules {
namespace {

constexpr std::array<std::pair<RuleKind, const char*>, 4> kRuleNames{{
    {RuleKind::kGreedy, "greedy"},
    {RuleKind::kEqualShares, "mes"},
    {RuleKind::kPhragmen, "phragmen"},
    {RuleKind::kMaxWelfare, "maxwelfare"},
}};
constexpr std::array<std::pair<Completion, const char*>, 4> kCompletionNames{{
    {Completion::kNone, "none"},
    {Completion::kGreedy, "greedy"},
    {Completion::kAdd1, "add1"},
    {Completion::kAdd1Greedy, "add1+greedy"},
}};

template <typename Enum, std::size_t kSize>
Result<Enum> parse_name(const std::array<std::pair<Enum, const char*>, kSize>& names, std::string_view text,
                        const char* what) {
  std::string expected;
  for (const auto& [value, name] : names) {
    if (text == name) {
      return value;
    }
    expected += expected.empty() ? name : std::string(", ") + name;
  }
  return make_error(ErrorKind::kUsage,
                    "unknown " + std::string(what) + " " + quote_excerpt(text) + " (expected " + expected + ")");
}

template <typename Enum, std::size_t kSize>
const char* name_of(const std::array<std::pair<Enum, const char*>, kSize>& names, Enum value) {
  for (const auto& [v, name] : names) {
    if (v == value) {
      return name;
    }
  }
  return names[0].second;
}

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

const char* rule_kind_name(RuleKind kind) { return name_of(kRuleNames, kind); }
Result<RuleKind> parse_rule_kind(std::string_view name) { return parse_name(kRuleNames, name, "rule"); }
const char* completion_name(Completion completion) { return name_of(kCompletionNames, completion); }
Result<Completion> parse_completion(std::string_view name) { return parse_name(kCompletionNames, name, "completion"); }

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
