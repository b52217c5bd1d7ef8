#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "covalue/core/approval_profile.hpp"
#include "covalue/core/enum_names.hpp"
#include "covalue/core/instance.hpp"
#include "covalue/core/outcome.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/core/result.hpp"
#include "covalue/core/tie_breaking.hpp"

#include "covalue/core/rules/tie_enumeration.hpp"

namespace covalue::core::rules {

//! Approval-based committee rules with abcvoting's semantics. A committee election of size k over m
//! candidates is an Instance of m projects costing 1 each and budget k.
enum class CommitteeRule {
  kAv,                    //!< "av": the k candidates with the most approvals
  kSeqPhragmen,           //!< "seqphragmen": sequential Phragmén, unapproved candidates last
  kEqualShares,           //!< "equal-shares": MES, then sequential Phragmén from the leftover budgets
  kEqualSharesAv,         //!< "equal-shares-with-av-completion": MES, then the most approved
  kEqualSharesIncrement,  //!< "equal-shares-with-increment-completion": MES with a growing budget
};

//! snake_case names; abcvoting's rule_ids ("equal-shares", ...) are accepted as old spellings.
constexpr auto enum_names(CommitteeRule /*tag*/) {
  using enum CommitteeRule;
  return core::NameTable{"committee rule",
                         std::to_array<core::EnumName<CommitteeRule>>(
                             {{kAv, "av"},
                              {kSeqPhragmen, "seqphragmen"},
                              {kEqualShares, "equal_shares", {"equal-shares"}},
                              {kEqualSharesAv, "equal_shares_with_av_completion", {"equal-shares-with-av-completion"}},
                              {kEqualSharesIncrement,
                               "equal_shares_with_increment_completion",
                               {"equal-shares-with-increment-completion"}}})};
}

//! How one committee rule is run.
struct CommitteeOptions {
  TieRule tie{TieRule::kLexicographic};  //!< resolute runs: how ties are broken
  bool irresolute{false};                //!< every committee some way of breaking ties yields
  std::size_t max_outcomes{10000};       //!< irresolute: kTimeLimit past this many committees
  std::size_t max_runs{200000};          //!< irresolute: kTimeLimit past this many tie-breaking paths
};

//! The committee size an instance encodes; kUsage unless every project costs 1 and the budget is a
//! whole number no larger than the number of projects.
[[nodiscard]] Result<std::size_t> committee_size(const Instance& instance);

//! Sequential Phragmén continuing from `initial` with one load per voter group, per unit of weight
//! (negative loads are unspent budget). Each step adds the approved candidate whose supporters'
//! new common load, (their weighted loads + 1) / their weight, is smallest and gives them that
//! load; once no approved candidate is left, unapproved ones fill the committee. Ties go to
//! `resolver`; ties among unapproved candidates are offered as combinations, not orders.
[[nodiscard]] Result<Outcome> committee_phragmen(const ApprovalProfile& profile, std::size_t size,
                                                 const TieBreaker& ties, TieResolver& resolver, Outcome initial,
                                                 std::vector<Rational> loads);

//! abcvoting's "equal-shares": MES (voters hold k / n each) until no candidate is affordable, then
//! committee_phragmen with each voter's leftover budget as a negative starting load.
[[nodiscard]] Result<Outcome> equal_shares_phragmen(const Instance& instance, const ApprovalProfile& profile,
                                                    const TieBreaker& ties, TieResolver& resolver);

//! abcvoting's "equal-shares-with-increment-completion": MES with voters holding k' / n for
//! k' = k, k + 1, ... (stopping each run once k members are in) until some run fills the committee;
//! when fewer than k candidates are approved at all, AV instead. Defined for resolute runs only.
[[nodiscard]] Result<Outcome> equal_shares_increment(const Instance& instance, const ApprovalProfile& profile,
                                                     const TieBreaker& ties, TieResolver& resolver);

//! Runs a committee rule: one committee (resolute) or all of them (irresolute, sorted).
[[nodiscard]] Result<std::vector<Outcome>> solve_committee(const Instance& instance, const ApprovalProfile& profile,
                                                           CommitteeRule rule, const CommitteeOptions& options);

}  // namespace covalue::core::rules
