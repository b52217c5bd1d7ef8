#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include "covalue/core/approval_profile.hpp"
#include "covalue/core/enum_names.hpp"
#include "covalue/core/instance.hpp"
#include "covalue/core/outcome.hpp"
#include "covalue/core/result.hpp"
#include "covalue/core/satisfaction.hpp"
#include "covalue/core/tie_breaking.hpp"

namespace covalue::core::rules {

//! The budgeting rules covalue offers.
enum class RuleKind {
  kGreedy,       //!< greedy utilitarian welfare (skips what does not fit)
  kEqualShares,  //!< Method of Equal Shares
  kPhragmen,     //!< sequential Phragmén (stops at the first best project that does not fit)
  kMaxWelfare,   //!< maximum utilitarian welfare, exact
};

//! How an MES outcome is completed when it leaves budget unspent.
enum class Completion {
  kNone,
  kGreedy,      //!< greedy (same satisfaction) from the MES outcome
  kAdd1,        //!< raise every voter's budget by the increment per round until exhaustive
  kAdd1Greedy,  //!< kAdd1, then greedy
};

//! `maxwelfare` is the spelling before issue 11.
constexpr auto enum_names(RuleKind /*tag*/) {
  using enum RuleKind;
  return core::NameTable{"rule",
                         std::to_array<core::EnumName<RuleKind>>({{kGreedy, "greedy"},
                                                                  {kEqualShares, "mes"},
                                                                  {kPhragmen, "phragmen"},
                                                                  {kMaxWelfare, "max_welfare", {"maxwelfare"}}})};
}

//! `add1+greedy` is the spelling before issue 11.
constexpr auto enum_names(Completion /*tag*/) {
  using enum Completion;
  return core::NameTable{
      "completion",
      std::to_array<core::EnumName<Completion>>(
          {{kNone, "none"}, {kGreedy, "greedy"}, {kAdd1, "add1"}, {kAdd1Greedy, "add1_greedy", {"add1+greedy"}}})};
}

//! Everything that parameterises one run of a rule.
struct RuleOptions {
  RuleKind rule{RuleKind::kEqualShares};
  Satisfaction sat{Satisfaction::kCost};
  Completion completion{Completion::kNone};
  TieRule tie{TieRule::kLexicographic};
  bool irresolute{false};           //!< return every outcome some tie-breaking yields
  std::size_t max_outcomes{10000};  //!< irresolute runs stop with an error past this many outcomes
  std::size_t max_runs{1000000};    //!< ... or past this many ways of breaking the ties
  Rational increment{1};            //!< add1: budget added per voter (per unit weight) each round
};

//! Runs a rule. Resolute runs return one outcome; irresolute runs every distinct outcome (sorted by
//! their sorted selections). Errors: kTieRefused (tie under TieRule::kRefuse), kUsage (an option
//! that does not apply to the rule), kTimeLimit (too many outcomes).
[[nodiscard]] Result<std::vector<Outcome>> solve(const Instance& instance, const ApprovalProfile& profile,
                                                 const RuleOptions& options);

}  // namespace covalue::core::rules
