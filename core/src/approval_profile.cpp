#include "covalue/core/approval_profile.hpp"

#include <algorithm>
#include <cstdint>
#include <span>

namespace covalue::core {
namespace {

// Appends the projects a ballot approves, sorted and without repeats, to `items`: those given positive
// points when `by_points`, else all it lists.
void append_approval_set(std::span<const ProjectIndex> projects, const NumberSpan& points, bool by_points,
                         std::vector<ProjectIndex>& items) {
  const std::size_t begin = items.size();
  for (std::size_t i = 0; i < projects.size(); ++i) {
    if (by_points && i < points.size() && points.sign(i) <= 0) {
      continue;
    }
    items.push_back(projects[i]);
  }
  const auto first = items.begin() + static_cast<std::ptrdiff_t>(begin);
  std::sort(first, items.end());
  items.erase(std::unique(first, items.end()), items.end());
}

// A hash of one voter's (sorted) set.
std::uint64_t hash_of(std::span<const ProjectIndex> set) {
  std::uint64_t hash = 0x9E3779B97F4A7C15ULL ^ set.size();
  for (const ProjectIndex p : set) {
    hash = (hash ^ p) * 0xFF51AFD7ED558CCDULL;
    hash ^= hash >> 29U;
  }
  return hash;
}

// The group of each voter: voters with equal sets share one, numbered in order of first appearance;
// `first_voter` receives each group's first voter. Open addressing over a table of group numbers.
std::vector<GroupIndex> number_sets(const std::vector<ProjectIndex>& items, const std::vector<std::uint32_t>& offsets,
                                    std::vector<std::size_t>& first_voter) {
  const std::size_t voters = offsets.size() - 1;
  const auto set = [&](std::size_t v) {
    return std::span<const ProjectIndex>(items.data() + offsets[v], items.data() + offsets[v + 1]);
  };
  std::size_t capacity = 16;
  while (capacity < voters * 2) {
    capacity *= 2;
  }
  std::vector<std::uint32_t> slots(capacity, 0);  // group + 1, 0 for an empty slot
  std::vector<std::uint64_t> group_hash;
  std::vector<GroupIndex> group_of(voters);
  for (std::size_t v = 0; v < voters; ++v) {
    const std::span<const ProjectIndex> mine = set(v);
    const std::uint64_t hash = hash_of(mine);
    std::size_t slot = hash & (capacity - 1);
    for (;; slot = (slot + 1) & (capacity - 1)) {
      if (slots[slot] == 0) {
        slots[slot] = static_cast<std::uint32_t>(first_voter.size() + 1);
        group_hash.push_back(hash);
        first_voter.push_back(v);
        break;
      }
      const GroupIndex g = slots[slot] - 1;
      const std::span<const ProjectIndex> theirs = set(first_voter[g]);
      if (group_hash[g] == hash && std::equal(mine.begin(), mine.end(), theirs.begin(), theirs.end())) {
        break;
      }
    }
    group_of[v] = slots[slot] - 1;
  }
  return group_of;
}

}  // namespace

ApprovalProfile ApprovalProfile::group(const SetList& sets, const NumberColumn* weights, std::size_t num_projects) {
  ApprovalProfile out;
  out.num_projects_ = num_projects;
  const std::size_t voters = sets.offsets.size() - 1;
  out.num_voters_ = voters;
  // Number the distinct sets in order of first appearance.
  std::vector<std::size_t> first_voter;
  const std::vector<GroupIndex> group_of = number_sets(sets.items, sets.offsets, first_voter);
  const std::size_t groups = first_voter.size();
  // Voters per group (counting sort keeps them ascending) and group weights.
  std::vector<std::uint32_t> size(groups + 1, 0);
  for (std::size_t v = 0; v < voters; ++v) {
    ++size[group_of[v] + 1];
  }
  out.voter_offsets_.resize(groups + 1);
  for (std::size_t g = 0; g < groups; ++g) {
    out.voter_offsets_[g + 1] = out.voter_offsets_[g] + size[g + 1];
  }
  out.voters_.resize(voters);
  std::vector<std::uint32_t> fill(out.voter_offsets_.begin(), out.voter_offsets_.end() - 1);
  for (std::size_t v = 0; v < voters; ++v) {
    out.voters_[fill[group_of[v]]++] = static_cast<std::uint32_t>(v);
  }
  if (weights == nullptr) {  // every voter weighs 1: a group weighs its size
    out.weights_.reserve(groups);
    for (std::size_t g = 0; g < groups; ++g) {
      out.weights_.emplace_back(static_cast<unsigned long>(size[g + 1]));  // NOLINT(google-runtime-int): GMP's type
    }
  } else {
    out.weights_.assign(groups, Rational(0));
    for (std::size_t v = 0; v < voters; ++v) {
      out.weights_[group_of[v]] += (*weights)[v];
    }
  }
  for (std::size_t g = 0; g < groups; ++g) {
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
  sets.offsets.reserve(profile.size() + 1);
  const bool by_points = profile.kind() == BallotKind::kCumulative || profile.kind() == BallotKind::kScoring;
  for (std::size_t v = 0; v < profile.size(); ++v) {
    append_approval_set(profile.projects(v), profile.points(v), by_points, sets.items);
    sets.offsets.push_back(static_cast<std::uint32_t>(sets.items.size()));
  }
  return group(sets, profile.unit_weights() ? nullptr : &profile.weights(), num_projects);
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
  if (std::all_of(weights.begin(), weights.end(), [](const Rational& w) { return w == 1; })) {
    return group(flat, nullptr, num_projects);
  }
  NumberColumn column;
  column.reserve(weights.size());
  for (const Rational& w : weights) {
    column.push_back(w);
  }
  return group(flat, &column, num_projects);
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
