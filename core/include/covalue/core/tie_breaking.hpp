#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <vector>

#include "covalue/core/approval_profile.hpp"
#include "covalue/core/enum_names.hpp"
#include "covalue/core/instance.hpp"
#include "covalue/core/result.hpp"

namespace covalue::core {

//! How ties between projects are broken.
enum class TieRule {
  kLexicographic,  //!< smaller id first, ids compared as strings ("10" before "9"): the reference's default
  kMinCost,        //!< cheaper first, then lexicographic
  kMaxApprovals,   //!< more approval weight first, then lexicographic
  kRefuse,         //!< a real tie is an error (ErrorKind::kTieRefused)
};

//! `mincost` and `maxapprovals` are the spellings before issue 11.
constexpr auto enum_names(TieRule /*tag*/) {
  using enum TieRule;
  return core::NameTable{"tie-breaking",
                         std::to_array<core::EnumName<TieRule>>({{kLexicographic, "lex"},
                                                                 {kMinCost, "min_cost", {"mincost"}},
                                                                 {kMaxApprovals, "max_approvals", {"maxapprovals"}},
                                                                 {kRefuse, "refuse"}})};
}

//! A total order on projects derived from a TieRule: rank(p) < rank(q) means p wins a tie with q.
class TieBreaker {
 public:
  TieBreaker(TieRule rule, const Instance& instance, const ApprovalProfile& profile);

  [[nodiscard]] std::uint32_t rank(ProjectIndex project) const { return rank_[project]; }
  [[nodiscard]] TieRule rule() const { return rule_; }
  //! Sorts projects so that tie winners come first.
  void order(std::vector<ProjectIndex>& projects) const;

 private:
  TieRule rule_;
  std::vector<std::uint32_t> rank_;
};

//! Decides among projects tied in a rule's step. Rules call it only when two or more are tied,
//! with `tied` already sorted by the TieBreaker; it answers the position of the one to take.
class TieResolver {
 public:
  virtual ~TieResolver() = default;
  [[nodiscard]] virtual Result<std::size_t> choose(std::span<const ProjectIndex> tied) = 0;
};

//! Orders tied projects by the TieBreaker and, when there are several, asks the resolver which to
//! take; returns the position taken in the reordered `tied`.
[[nodiscard]] Result<std::size_t> pick_tied(std::vector<ProjectIndex>& tied, const TieBreaker& ties,
                                            TieResolver& resolver);

//! Resolute resolution: takes the TieBreaker's first, or refuses when the rule is kRefuse.
class ResoluteResolver final : public TieResolver {
 public:
  explicit ResoluteResolver(bool refuse) : refuse_(refuse) {}
  [[nodiscard]] Result<std::size_t> choose(std::span<const ProjectIndex> tied) override;

 private:
  bool refuse_;
};

//! Follows a script of choices and records how many options each tie had, so that a driver can
//! enumerate every way of breaking every tie (irresolute mode). Past the script it takes option 0.
class ScriptedResolver final : public TieResolver {
 public:
  explicit ScriptedResolver(std::vector<std::size_t> script) : script_(std::move(script)) {}
  [[nodiscard]] Result<std::size_t> choose(std::span<const ProjectIndex> tied) override;

  //! The choices taken, one per tie met.
  [[nodiscard]] const std::vector<std::size_t>& taken() const { return script_; }
  //! The number of options of each tie met.
  [[nodiscard]] const std::vector<std::size_t>& options() const { return options_; }

 private:
  std::vector<std::size_t> script_;
  std::vector<std::size_t> options_;
  std::size_t position_{0};
};

}  // namespace covalue::core
