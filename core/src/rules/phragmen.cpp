#include "covalue/core/rules/phragmen.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

#include "phragmen_counts.hpp"

namespace covalue::core::rules {
namespace {

// Loads take few distinct values (0 and the load set by each purchase), so each group holds a load
// class and each project an integer count of its supporters' weight per class. New loads are first
// estimated in doubles; only the candidates within rounding distance of the smallest are computed
// exactly, so the choice is exact while most of the arithmetic is not rational. Weights are counted in `Int`
// (int64, or GMP integers when they do not fit: integer_weights.hpp).
template <class Int>
class PhragmenState {
 public:
  PhragmenState(const Instance& instance, const ApprovalProfile& profile, IntegerWeightsOf<Int> weights)
      : instance_(instance),
        profile_(profile),
        weights_(std::move(weights)),
        group_class_(profile.num_groups(), 0),
        counts_(weights_.project) {
    loads_.emplace_back(0);
    loads_approx_.push_back(0);
  }

  // The new maximal load if `p` were bought now (per unit of integer weight); nullopt if nobody approves it.
  [[nodiscard]] std::optional<Rational> new_load(ProjectIndex p) const {
    const Int& total = weights_.project[p];
    if (total == 0) {
      return std::nullopt;
    }
    Rational sum = instance_.project(p).cost;
    for (std::size_t k = 1; k < loads_.size(); ++k) {
      const Int& n = counts_[k * profile_.num_projects() + p];
      if (n != 0) {
        sum += loads_[k] * Rational(n);
      }
    }
    return Rational(sum / Rational(total));
  }

  // A double close to new_load(p) (relative error far below 1e-12); infinity if nobody approves p.
  [[nodiscard]] double new_load_approx(ProjectIndex p) const {
    const Int& total = weights_.project[p];
    if (total == 0) {
      return std::numeric_limits<double>::infinity();
    }
    double sum = instance_.project(p).cost.get_d();
    for (std::size_t k = 1; k < loads_.size(); ++k) {
      sum += weight_to_double(counts_[k * profile_.num_projects() + p]) * loads_approx_[k];
    }
    return sum / weight_to_double(total);
  }

  // Every supporter of `p` takes the load `load`.
  void buy(ProjectIndex p, const Rational& load) {
    const std::size_t projects = profile_.num_projects();
    const std::size_t cls = loads_.size();
    loads_.push_back(load);
    loads_approx_.push_back(load.get_d());
    counts_.resize(counts_.size() + projects, Int(0));
    for (const GroupIndex g : profile_.supporters(p)) {
      const std::size_t old = group_class_[g];
      group_class_[g] = static_cast<std::uint32_t>(cls);
      const Int& w = weights_.group[g];
      for (const ProjectIndex q : profile_.approvals(g)) {
        counts_[old * projects + q] -= w;
        counts_[cls * projects + q] += w;
      }
    }
  }

 private:
  const Instance& instance_;
  const ApprovalProfile& profile_;
  IntegerWeightsOf<Int> weights_;
  std::vector<std::uint32_t> group_class_;
  std::vector<Rational> loads_;       // per class
  std::vector<double> loads_approx_;  // per class, rounded
  std::vector<Int> counts_;           // per class, per project: supporters' weight (flat)
};

// Candidates with the smallest new load (nullopt = infinite), sorted by the tie-breaker.
template <class Int>
std::vector<ProjectIndex> best_candidates(const PhragmenState<Int>& state, const std::vector<ProjectIndex>& candidates,
                                          std::optional<Rational>& best) {
  constexpr double kMargin = 1e-9;  // far above the estimate's rounding error
  double smallest = std::numeric_limits<double>::infinity();
  std::vector<double> approx(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    approx[i] = state.new_load_approx(candidates[i]);
    smallest = std::min(smallest, approx[i]);
  }
  std::vector<ProjectIndex> tied;
  bool first = true;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (std::isfinite(smallest) ? approx[i] > smallest * (1 + kMargin) : std::isfinite(approx[i])) {
      continue;
    }
    const ProjectIndex p = candidates[i];
    auto load = state.new_load(p);
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

template <class Int>
Result<Outcome> phragmen_run(const Instance& instance, const ApprovalProfile& profile, const TieBreaker& ties,
                             TieResolver& resolver, IntegerWeightsOf<Int> weights) {
  PhragmenState<Int> state(instance, profile, std::move(weights));
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
    std::vector<ProjectIndex> tied = best_candidates(state, candidates, best);
    const bool all_fit = std::all_of(tied.begin(), tied.end(), [&](ProjectIndex p) {
      return outcome.total_cost + instance.project(p).cost <= instance.budget();
    });
    if (!all_fit) {
      break;
    }
    auto pick = pick_tied(tied, ties, resolver);
    if (!pick.ok()) {
      return pick.error();
    }
    const ProjectIndex chosen = tied[*pick];
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

template Result<Outcome> phragmen_run(const Instance&, const ApprovalProfile&, const TieBreaker&, TieResolver&,
                                      IntegerWeightsOf<std::int64_t>);
template Result<Outcome> phragmen_run(const Instance&, const ApprovalProfile&, const TieBreaker&, TieResolver&,
                                      IntegerWeightsOf<Integer>);

Result<Outcome> sequential_phragmen(const Instance& instance, const ApprovalProfile& profile, const TieBreaker& ties,
                                    TieResolver& resolver) {
  return with_integer_weights(
      profile, [&](auto weights) { return phragmen_run(instance, profile, ties, resolver, std::move(weights)); });
}

}  // namespace covalue::core::rules
