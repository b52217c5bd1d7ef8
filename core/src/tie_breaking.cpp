#include "covalue/core/tie_breaking.hpp"

#include <algorithm>
#include <numeric>
#include <string>

namespace covalue::core {
TieBreaker::TieBreaker(TieRule rule, const Instance& instance, const ApprovalProfile& profile) : rule_(rule) {
  std::vector<ProjectIndex> order(instance.size());
  std::iota(order.begin(), order.end(), ProjectIndex{0});
  const auto& projects = instance.projects();
  const auto lex = [&](ProjectIndex a, ProjectIndex b) { return projects[a].id < projects[b].id; };
  switch (rule) {
    case TieRule::kMinCost:
      std::sort(order.begin(), order.end(), [&](ProjectIndex a, ProjectIndex b) {
        const int c = cmp(projects[a].cost, projects[b].cost);
        return c != 0 ? c < 0 : lex(a, b);
      });
      break;
    case TieRule::kMaxApprovals:
      std::sort(order.begin(), order.end(), [&](ProjectIndex a, ProjectIndex b) {
        const int c = cmp(profile.approval_weight(a), profile.approval_weight(b));
        return c != 0 ? c > 0 : lex(a, b);
      });
      break;
    case TieRule::kLexicographic:
    case TieRule::kRefuse:
      std::sort(order.begin(), order.end(), lex);
      break;
  }
  rank_.assign(instance.size(), 0);
  for (std::uint32_t r = 0; r < order.size(); ++r) {
    rank_[order[r]] = r;
  }
}

void TieBreaker::order(std::vector<ProjectIndex>& projects) const {
  std::sort(projects.begin(), projects.end(), [&](ProjectIndex a, ProjectIndex b) { return rank_[a] < rank_[b]; });
}

Result<std::size_t> pick_tied(std::vector<ProjectIndex>& tied, const TieBreaker& ties, TieResolver& resolver) {
  ties.order(tied);
  if (tied.size() <= 1) {
    return std::size_t{0};
  }
  return resolver.choose(tied);
}

Result<std::size_t> ResoluteResolver::choose(std::span<const ProjectIndex> tied) {
  if (refuse_ && tied.size() > 1) {
    return make_error(ErrorKind::kTieRefused,
                      std::to_string(tied.size()) + " projects are tied and tie-breaking was refused");
  }
  return std::size_t{0};
}

Result<std::size_t> ScriptedResolver::choose(std::span<const ProjectIndex> tied) {
  options_.push_back(tied.size());
  if (position_ < script_.size()) {
    return script_[position_++];
  }
  script_.push_back(0);
  ++position_;
  return std::size_t{0};
}

}  // namespace covalue::core
