#include "covalue/core/approval_profile.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <span>
#include <type_traits>

namespace covalue::core {
namespace {

// Integer weights summing below this are kept as int64 (no sum of them can overflow).
constexpr std::int64_t kInt64WeightLimit = std::int64_t{1} << 62;

// The projects a ballot approves, sorted and without repeats: those given positive points when
// `by_points`, else all it lists. A list already increasing is returned in place, any other sorted in
// `scratch`.
std::span<const ProjectIndex> approval_set(std::span<const ProjectIndex> projects, const NumberSpan& points,
                                           bool by_points, std::vector<ProjectIndex>& scratch) {
  if (!by_points && std::adjacent_find(projects.begin(), projects.end(), std::greater_equal<>()) == projects.end()) {
    return projects;
  }
  scratch.clear();
  for (std::size_t i = 0; i < projects.size(); ++i) {
    if (by_points && i < points.size() && points.sign(i) <= 0) {
      continue;
    }
    scratch.push_back(projects[i]);
  }
  std::sort(scratch.begin(), scratch.end());
  scratch.erase(std::unique(scratch.begin(), scratch.end()), scratch.end());
  return scratch;
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

}  // namespace

// Numbers the distinct sets in order of first appearance and stores each once, as the groups'
// approvals: open addressing over group numbers, in a table sized by the groups (not the voters).
class ApprovalProfile::Builder {
 public:
  explicit Builder(ApprovalProfile& out) : out_(out), slots_(kFirstSlots, 0) {}

  //! Adds a voter whose approval set (sorted, no repeats) is `set`.
  void add(std::span<const ProjectIndex> set) {
    const std::uint64_t hash = hash_of(set);
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = static_cast<std::size_t>(hash) & mask;
    for (; slots_[slot] != 0; slot = (slot + 1) & mask) {
      const GroupIndex g = slots_[slot] - 1;
      const std::span<const ProjectIndex> theirs = out_.approvals(g);
      if (hashes_[g] == hash && std::equal(set.begin(), set.end(), theirs.begin(), theirs.end())) {
        out_.group_of_.push_back(g);
        return;
      }
    }
    const auto g = static_cast<GroupIndex>(hashes_.size());
    slots_[slot] = g + 1;
    hashes_.push_back(hash);
    out_.approvals_.insert(out_.approvals_.end(), set.begin(), set.end());
    out_.approval_offsets_.push_back(static_cast<std::uint32_t>(out_.approvals_.size()));
    out_.group_of_.push_back(g);
    if (hashes_.size() * 2 > slots_.size()) {
      grow();
    }
  }

 private:
  static constexpr std::size_t kFirstSlots = 64;

  void grow() {
    std::vector<std::uint32_t> slots(slots_.size() * 2, 0);
    const std::size_t mask = slots.size() - 1;
    for (GroupIndex g = 0; g < hashes_.size(); ++g) {
      std::size_t slot = static_cast<std::size_t>(hashes_[g]) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = g + 1;
    }
    slots_.swap(slots);
  }

  ApprovalProfile& out_;
  std::vector<std::uint32_t> slots_;   // group + 1, 0 for an empty slot
  std::vector<std::uint64_t> hashes_;  // per group
};

ApprovalProfile ApprovalProfile::from_profile(const Profile& profile, std::size_t num_projects) {
  ApprovalProfile out;
  out.num_projects_ = num_projects;
  out.group_of_.reserve(profile.size());
  std::size_t listed = 0;  // bounds the groups' approvals: room never used is never touched
  for (std::size_t v = 0; v < profile.size(); ++v) {
    listed += profile.projects(v).size();
  }
  out.approvals_.reserve(listed);
  Builder builder(out);
  const bool by_points = profile.kind() == BallotKind::kCumulative || profile.kind() == BallotKind::kScoring;
  std::vector<ProjectIndex> scratch;
  for (std::size_t v = 0; v < profile.size(); ++v) {
    builder.add(approval_set(profile.projects(v), profile.points(v), by_points, scratch));
  }
  out.weigh(profile.unit_weights() ? nullptr : &profile.weights());
  return out;
}

ApprovalProfile ApprovalProfile::from_sets(const std::vector<std::vector<ProjectIndex>>& sets,
                                           const std::vector<Rational>& weights, std::size_t num_projects) {
  ApprovalProfile out;
  out.num_projects_ = num_projects;
  out.group_of_.reserve(sets.size());
  Builder builder(out);
  std::vector<ProjectIndex> scratch;
  for (const auto& set : sets) {
    builder.add(approval_set(set, NumberSpan{}, false, scratch));
  }
  if (std::all_of(weights.begin(), weights.end(), [](const Rational& w) { return w == 1; })) {
    out.weigh(nullptr);
    return out;
  }
  NumberColumn column;
  column.reserve(weights.size());
  for (const Rational& w : weights) {
    column.push_back(w);
  }
  out.weigh(&column);
  return out;
}

std::vector<std::uint32_t> ApprovalProfile::voters(GroupIndex group) const {
  std::vector<std::uint32_t> out;
  for (std::size_t v = 0; v < group_of_.size(); ++v) {
    if (group_of_[v] == group) {
      out.push_back(static_cast<std::uint32_t>(v));
    }
  }
  return out;
}

Rational ApprovalProfile::weight(GroupIndex group) const {
  Rational weight(integer_weight(group), weight_scale_);
  weight.canonicalize();
  return weight;
}

void ApprovalProfile::weigh(const NumberColumn* weights) {
  const std::size_t groups = num_groups();
  weight_scale_ = 1;
  small_weights_.clear();
  big_weights_.clear();
  if (weights == nullptr) {  // every voter weighs 1: a group weighs its size (fewer than 2^32 voters)
    small_weights_.assign(groups, 0);
    for (const GroupIndex g : group_of_) {
      ++small_weights_[g];
    }
    finish();
    return;
  }
  std::vector<Rational> sum(groups);
  for (std::size_t v = 0; v < group_of_.size(); ++v) {
    sum[group_of_[v]] += (*weights)[v];
  }
  // Integer weights: scale by the lcm of the denominators (1 for the usual integral weights).
  for (const Rational& w : sum) {
    if (w.get_den() != 1) {
      mpz_lcm(weight_scale_.get_mpz_t(), weight_scale_.get_mpz_t(), w.get_den_mpz_t());
    }
  }
  big_weights_.reserve(groups);
  Integer total = 0;
  bool fit = true;
  for (const Rational& w : sum) {
    big_weights_.emplace_back(weight_scale_ == 1 ? w.get_num() : Integer(w.get_num() * (weight_scale_ / w.get_den())));
    total += big_weights_.back();
    fit = fit && big_weights_.back() >= 0 && total < kInt64WeightLimit;
  }
  if (fit) {
    small_weights_.reserve(groups);
    for (const Integer& w : big_weights_) {
      small_weights_.push_back(w.get_si());
    }
    big_weights_ = {};
  }
  finish();
}

namespace {

// The projects' approval weights and the total, summed in `Int` (int64 when the weights fit).
template <class Int>
void sum_approvals(const ApprovalProfile& profile, std::span<const Int> weights, std::vector<Integer>& approval,
                   Integer& total) {
  std::vector<Int> sums(profile.num_projects(), Int(0));
  Int all(0);
  for (GroupIndex g = 0; g < weights.size(); ++g) {
    all += weights[g];
    for (const ProjectIndex p : profile.approvals(g)) {
      sums[p] += weights[g];
    }
  }
  const auto to_integer = [](const Int& n) {
    if constexpr (std::is_same_v<Int, std::int64_t>) {
      return Integer(static_cast<long>(n));  // NOLINT(google-runtime-int): GMP's type
    } else {
      return n;
    }
  };
  approval.clear();
  approval.reserve(sums.size());
  for (const Int& n : sums) {
    approval.push_back(to_integer(n));
  }
  total = to_integer(all);
}

}  // namespace

void ApprovalProfile::finish() {
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
  for (GroupIndex g = 0; g < num_groups(); ++g) {
    for (const ProjectIndex p : approvals(g)) {
      supporters_[fill[p]++] = g;
    }
  }
  std::vector<Integer> approval;
  Integer total;
  if (weights_fit_int64()) {
    sum_approvals(*this, std::span<const std::int64_t>(small_weights_), approval, total);
  } else {
    sum_approvals(*this, std::span<const Integer>(big_weights_), approval, total);
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
