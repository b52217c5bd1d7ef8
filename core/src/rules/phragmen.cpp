#include "covalue/core/rules/phragmen.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "integer_weights.hpp"

namespace covalue::core::rules {
namespace {

// Loads take few distinct values (0 and the load set by each purchase), so each group holds a load
// class and each project a weighted count of supporters per class: updates are integer additions.
class PhragmenState {
 public:
  PhragmenState(const ApprovalProfile& profile, IntegerWeights weights)
      : profile_(profile), weights_(std::move(weights)), group_class_(profile.num_groups(), 0),
        load_sum_(profile.num_projects(), Rational(0)) {
    loads_.emplace_back(0);
  }

  // The new maximal load if `p` were bought now (in units of integer weight); nullopt if nobody approves it.
  [[nodiscard]] std::optional<Rational> new_load(ProjectIndex p, const Rational& cost) const {
    if (weights_.project[p] == 0) {
      return std::nullopt;
    }
    return Rational((cost + load_sum_[p]) / Rational(weights_.project[p]));
  }

  // Every supporter of `p` takes the load `load`.
  void buy(ProjectIndex p, const Rational& load) {
    const auto cls = static_cast<std::uint32_t>(loads_.size());
    loads_.push_back(load);
    // delta[q][k]: weight moving from class k to the new class among supporters of q.
    std::vector<std::vector<std::pair<std::uint32_t, std::int64_t>>> delta(profile_.num_projects());
    for (const GroupIndex g : profile_.supporters(p)) {
      const std::uint32_t old = group_class_[g];
      group_class_[g] = cls;
      for (const ProjectIndex q : profile_.approvals(g)) {
        auto& entries = delta[q];
        if (!entries.empty() && entries.back().first == old) {
          entries.back().second += weights_.group[g];
        } else {
          entries.emplace_back(old, weights_.group[g]);
        }
      }
    }
    for (ProjectIndex q = 0; q < delta.size(); ++q) {
      std::sort(delta[q].begin(), delta[q].end());
      for (std::size_t i = 0; i < delta[q].size();) {
        std::int64_t moved = 0;
        const std::uint32_t k = delta[q][i].first;
        for (; i < delta[q].size() && delta[q][i].first == k; ++i) {
          moved += delta[q][i].second;
        }
        load_sum_[q] += Rational(moved) * (load - loads_[k]);
      }
    }
  }

  [[nodiscard]] const IntegerWeights& weights() const { return weights_; }

 private:
  const ApprovalProfile& profile_;
  IntegerWeights weights_;
  std::vector<std::uint32_t> group_class_;
  std::vector<Rational> loads_;
  std::vector<Rational> load_sum_;  // per project: sum over supporters of weight * load
};

// Candidates with the smallest new load (nullopt = infinite), sorted by the tie-breaker.
std::vector<ProjectIndex> best_candidates(const Instance& instance, const PhragmenState& state,
                                          const std::vector<ProjectIndex>& candidates, std::optional<Rational>& best) {
  std::vector<ProjectIndex> tied;
  bool first = true;
  for (const ProjectIndex p : candidates) {
    auto load = state.new_load(p, instance.project(p).cost);
    const int c = first ? -1 : (!load ? (best ? 1 : 0) : (!best ? -1 : cmp(*load, *best)));
    if (c < 0) {
      best = std::move(load);
      tied.assign(1, p);
      first = false;
    } else if (c == 0) {
      tied.push_back(p);
    }
  }
  return tied;
}

}  // namespace

Result<Outcome> sequential_phragmen(const Instance& instance, const ApprovalProfile& profile, const TieBreaker& ties,
                                    TieResolver& resolver) {
  auto weights = IntegerWeights::from(profile);
  if (!weights.ok()) {
    return weights.error();
  }
  PhragmenState state(profile, std::move(weights).value());
  std::vector<ProjectIndex> candidates;
  for (ProjectIndex p = 0; p < instance.size(); ++p) {
    if (instance.project(p).cost <= instance.budget()) {
      candidates.push_back(p);
    }
  }
  Outcome outcome;
  const Rational scale(profile.weight_scale());
  while (!candidates.empty()) {
    std::optional<Rational> best;
    std::vector<ProjectIndex> tied = best_candidates(instance, state, candidates, best);
    const bool all_fit = std::all_of(tied.begin(), tied.end(), [&](ProjectIndex p) {
      return outcome.total_cost + instance.project(p).cost <= instance.budget();
    });
    if (!all_fit) {
      break;
    }
    ties.order(tied);
    std::size_t pick = 0;
    if (tied.size() > 1) {
      auto choice = resolver.choose(tied);
      if (!choice.ok()) {
        return choice.error();
      }
      pick = *choice;
    }
    const ProjectIndex chosen = tied[pick];
    if (best) {
      state.buy(chosen, *best);
    }
    TraceStep step{"phragmen", chosen, best ? Rational(*best * scale) : Rational(-1), {}, {}};
    for (const ProjectIndex p : tied) {
      if (p != chosen) {
        step.tied.push_back(p);
      }
    }
    outcome.trace.push_back(std::move(step));
    outcome.selected.push_back(chosen);
    outcome.total_cost += instance.project(chosen).cost;
    candidates.erase(std::find(candidates.begin(), candidates.end(), chosen));
  }
  return outcome;
}

}  // namespace covalue::core::rules
