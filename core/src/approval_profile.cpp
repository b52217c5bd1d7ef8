#include "covalue/core/approval_profile.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <string_view>
#include <unordered_map>

namespace covalue::core {
namespace {

// Appends the projects a ballot approves, sorted and without repeats, to `items`.
void append_approval_set(const Ballot& ballot, BallotKind kind, std::vector<ProjectIndex>& items) {
  const std::size_t begin = items.size();
  const bool by_points = kind == BallotKind::kCumulative || kind == BallotKind::kScoring;
  for (std::size_t i = 0; i < ballot.projects.size(); ++i) {
    if (by_points && i < ballot.points.size() && ballot.points[i] <= 0) {
      continue;
    }
    items.push_back(ballot.projects[i]);
  }
  const auto first = items.begin() + static_cast<std::ptrdiff_t>(begin);
  std::sort(first, items.end());
  items.erase(std::unique(first, items.end()), items.end());
}

}  // namespace

ApprovalProfile ApprovalProfile::group(const SetList& sets, const std::function<const Rational&(std::size_t)>& weight,
                                       std::size_t num_projects) {
  ApprovalProfile out;
  out.num_projects_ = num_projects;
  const std::size_t voters = sets.offsets.size() - 1;
  out.num_voters_ = voters;
  const auto key = [&](std::size_t v) {
    return std::string_view(reinterpret_cast<const char*>(sets.items.data() + sets.offsets[v]),  // NOLINT
                            (sets.offsets[v + 1] - sets.offsets[v]) * sizeof(ProjectIndex));
  };
  // Number the distinct sets in order of first appearance.
  std::unordered_map<std::string_view, GroupIndex> seen;
  seen.reserve(voters);
  std::vector<GroupIndex> group_of(voters);
  std::vector<std::size_t> first_voter;
  for (std::size_t v = 0; v < voters; ++v) {
    const auto [it, inserted] = seen.emplace(key(v), static_cast<GroupIndex>(first_voter.size()));
    if (inserted) {
      first_voter.push_back(v);
    }
    group_of[v] = it->second;
  }
  const std::size_t groups = first_voter.size();
  // Voters per group (counting sort keeps them ascending) and group weights.
  std::vector<std::uint32_t> size(groups + 1, 0);
  bool unit = true;
  for (std::size_t v = 0; v < voters; ++v) {
    ++size[group_of[v] + 1];
    unit = unit && weight(v) == 1;
  }
  out.voter_offsets_.resize(groups + 1);
  for (std::size_t g = 0; g < groups; ++g) {
    out.voter_offsets_[g + 1] = out.voter_offsets_[g] + size[g + 1];
  }
  out.voters_.resize(voters);
  std::vector<std::uint32_t> fill(out.voter_offsets_.begin(), out.voter_offsets_.end() - 1);
  out.weights_.assign(groups, Rational(0));
  for (std::size_t v = 0; v < voters; ++v) {
    out.voters_[fill[group_of[v]]++] = static_cast<std::uint32_t>(v);
    if (!unit) {
      out.weights_[group_of[v]] += weight(v);
    }
  }
  for (std::size_t g = 0; g < groups; ++g) {
    if (unit) {
      out.weights_[g] = size[g + 1];
    }
    const std::size_t v = first_voter[g];
    out.approvals_.insert(out.approvals_.end(), sets.items.begin() + sets.offsets[v],
                          sets.items.begin() + sets.offsets[v + 1]);
    out.approval_offsets_.push_back(static_cast<std::uint32_t>(out.approvals_.size()));
  }
  out.finish();
  return out;
}

ApprovalProfile ApprovalProfile::from_profile(const Profile& profile, std::size_t num_projects) {
  SetList sets;
  sets.offsets.reserve(profile.ballots.size() + 1);
  for (const auto& ballot : profile.ballots) {
    append_approval_set(ballot, profile.kind, sets.items);
    sets.offsets.push_back(static_cast<std::uint32_t>(sets.items.size()));
  }
  return group(
      sets, [&](std::size_t v) -> const Rational& { return profile.ballots[v].weight; }, num_projects);
}

ApprovalProfile ApprovalProfile::from_sets(const std::vector<std::vector<ProjectIndex>>& sets,
                                           const std::vector<Rational>& weights, std::size_t num_projects) {
  SetList flat;
  for (const auto& set : sets) {
    const auto begin = static_cast<std::ptrdiff_t>(flat.items.size());
    flat.items.insert(flat.items.end(), set.begin(), set.end());
    std::sort(flat.items.begin() + begin, flat.items.end());
    flat.items.erase(std::unique(flat.items.begin() + begin, flat.items.end()), flat.items.end());
    flat.offsets.push_back(static_cast<std::uint32_t>(flat.items.size()));
  }
  return group(
      flat, [&](std::size_t v) -> const Rational& { return weights[v]; }, num_projects);
}

void ApprovalProfile::finish() {
  // Integer weights: scale by the lcm of the denominators (1 for the usual integral weights).
  weight_scale_ = 1;
  for (const auto& w : weights_) {
    if (w.get_den() != 1) {
      mpz_lcm(weight_scale_.get_mpz_t(), weight_scale_.get_mpz_t(), w.get_den_mpz_t());
    }
  }
  integer_weights_.clear();
  integer_weights_.reserve(weights_.size());
  total_weight_ = 0;
  for (const auto& w : weights_) {
    integer_weights_.emplace_back(weight_scale_ == 1 ? w.get_num()
                                                     : Integer(w.get_num() * (weight_scale_ / w.get_den())));
  }
  // Supporters: the transpose of the approvals, ascending by group; approval weights summed as integers.
  std::vector<std::uint32_t> counts(num_projects_ + 1, 0);
  for (const ProjectIndex p : approvals_) {
    ++counts[p + 1];
  }
  supporter_offsets_.assign(num_projects_ + 1, 0);
  for (std::size_t p = 0; p < num_projects_; ++p) {
    supporter_offsets_[p + 1] = supporter_offsets_[p] + counts[p + 1];
  }
  supporters_.resize(approvals_.size());
  std::vector<std::uint32_t> fill(supporter_offsets_.begin(), supporter_offsets_.end() - 1);
  std::vector<Integer> approval(num_projects_, Integer(0));
  Integer total = 0;
  for (GroupIndex g = 0; g < weights_.size(); ++g) {
    total += integer_weights_[g];
    for (const ProjectIndex p : approvals(g)) {
      supporters_[fill[p]++] = g;
      approval[p] += integer_weights_[g];
    }
  }
  total_weight_ = Rational(total, weight_scale_);
  total_weight_.canonicalize();
  approval_weight_.clear();
  approval_weight_.reserve(num_projects_);
  for (const auto& a : approval) {
    Rational w(a, weight_scale_);
    w.canonicalize();
    approval_weight_.push_back(std::move(w));
  }
}

}  // namespace covalue::core
