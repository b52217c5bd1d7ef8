#include "covalue/core/rules/rule.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <set>
#include <string>
#include <utility>

#include "covalue/core/rules/equal_shares.hpp"
#include "covalue/core/rules/greedy.hpp"
#include "covalue/core/rules/max_welfare.hpp"
#include "covalue/core/rules/phragmen.hpp"

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

template <typename Enum, std::size_t N>
Result<Enum> parse_name(const std::array<std::pair<Enum, const char*>, N>& names, std::string_view text,
                        const char* what) {
  std::string expected;
  for (const auto& [value, name] : names) {
    if (text == name) {
      return value;
    }
    expected += expected.empty() ? name : std::string(", ") + name;
  }
  return make_error(ErrorKind::kUsage,
                    "unknown " + std::string(what) + " '" + std::string(text) + "' (expected " + expected + ")");
}

template <typename Enum, std::size_t N>
const char* name_of(const std::array<std::pair<Enum, const char*>, N>& names, Enum value) {
  for (const auto& [v, name] : names) {
    if (v == value) {
      return name;
    }
  }
  return names[0].second;
}

using RunOnce = std::function<Result<Outcome>(TieResolver&)>;

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

// Every outcome reachable by some way of breaking the ties: a depth-first walk over the choices.
Result<std::vector<Outcome>> enumerate(const RunOnce& run, std::size_t max_outcomes) {
  std::vector<Outcome> outcomes;
  std::set<std::vector<ProjectIndex>> seen;
  std::vector<std::size_t> script;
  while (true) {
    ScriptedResolver resolver(script);
    auto outcome = run(resolver);
    if (!outcome.ok()) {
      return outcome.error();
    }
    if (seen.insert(outcome->sorted_selection()).second) {
      if (outcomes.size() >= max_outcomes) {
        return make_error(ErrorKind::kTimeLimit,
                          "more than " + std::to_string(max_outcomes) + " tied outcomes; raise the limit");
      }
      outcomes.push_back(std::move(outcome).value());
    }
    script = resolver.taken();
    const auto& options = resolver.options();
    std::size_t depth = script.size();
    while (depth > 0 && script[depth - 1] + 1 >= options[depth - 1]) {
      --depth;
    }
    if (depth == 0) {
      break;
    }
    script.resize(depth);
    ++script[depth - 1];
  }
  std::sort(outcomes.begin(), outcomes.end(), [](const Outcome& a, const Outcome& b) {
    return a.sorted_selection() < b.sorted_selection();
  });
  return outcomes;
}

}  // namespace

const char* rule_kind_name(RuleKind kind) { return name_of(kRuleNames, kind); }
Result<RuleKind> parse_rule_kind(std::string_view name) { return parse_name(kRuleNames, name, "rule"); }
const char* completion_name(Completion completion) { return name_of(kCompletionNames, completion); }
Result<Completion> parse_completion(std::string_view name) {
  return parse_name(kCompletionNames, name, "completion");
}

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
  const RunOnce run = [&](TieResolver& resolver) { return run_once(instance, profile, options, ties, resolver); };
  if (options.irresolute) {
    return enumerate(run, options.max_outcomes);
  }
  ResoluteResolver resolver(options.tie == TieRule::kRefuse);
  auto outcome = run(resolver);
  if (!outcome.ok()) {
    return outcome.error();
  }
  return std::vector<Outcome>{std::move(outcome).value()};
}

}  // namespace covalue::core::rules
