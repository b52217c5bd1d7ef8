// Naive sequential Phragmén: loads per voter group, every candidate re-evaluated every step.
#include <algorithm>
#include <optional>
#include <vector>

#include "verify_internal.hpp"

namespace covalue::core::verify_detail {
namespace {

class Loads {
 public:
  explicit Loads(const VerifyContext& ctx)
      : ctx_(ctx),
        load_(ctx.profile.num_groups()),
        weighted_sum_(ctx.instance.size()),
        approvals_(ctx.instance.size()) {
    for (ProjectIndex p = 0; p < ctx.instance.size(); ++p) {
      for (const GroupIndex g : ctx.profile.supporters(p)) {
        approvals_[p] += ctx.profile.weight(g);
      }
    }
  }

  // (cost + sum of supporters' weight * load) / approval weight; nullopt (infinite) when unapproved.
  [[nodiscard]] std::optional<Rational> new_load(ProjectIndex p) const {
    if (approvals_[p] <= 0) {
      return std::nullopt;
    }
    return Rational((ctx_.instance.project(p).cost + weighted_sum_[p]) / approvals_[p]);
  }

  // Every supporter of `p` now carries `load`.
  void assign(ProjectIndex p, const Rational& load) {
    for (const GroupIndex g : ctx_.profile.supporters(p)) {
      const Rational change = ctx_.profile.weight(g) * (load - load_[g]);
      for (const ProjectIndex q : ctx_.profile.approvals(g)) {
        weighted_sum_[q] += change;
      }
      load_[g] = load;
    }
  }

 private:
  const VerifyContext& ctx_;
  std::vector<Rational> load_;
  std::vector<Rational> weighted_sum_;
  std::vector<Rational> approvals_;
};

int compare_loads(const std::optional<Rational>& a, const std::optional<Rational>& b) {
  if (!a || !b) {
    return static_cast<int>(!a) - static_cast<int>(!b);
  }
  return cmp(*a, *b);
}

std::string describe(const std::optional<Rational>& load) { return load ? text(*load) : "infinite"; }

// The candidates with the smallest new load, best rank first.
std::vector<ProjectIndex> smallest(const VerifyContext& ctx, const Loads& loads, const std::vector<bool>& open,
                                   std::optional<Rational>& best) {
  std::vector<ProjectIndex> tied;
  for (ProjectIndex p = 0; p < ctx.instance.size(); ++p) {
    if (!open[p]) {
      continue;
    }
    const auto load = loads.new_load(p);
    const int c = tied.empty() ? -1 : compare_loads(load, best);
    if (c < 0) {
      best = load;
      tied.assign(1, p);
    } else if (c == 0) {
      tied.push_back(p);
    }
  }
  ctx.ties.order(tied);
  return tied;
}

// True when the walk ends at this step: the naive rule stops (then so must the outcome), or the
// outcome stops while the rule goes on.
bool ends_here(const VerifyContext& ctx, const Outcome& outcome, std::size_t step,
               const std::vector<ProjectIndex>& tied, const std::optional<Rational>& best, const Rational& spent) {
  const auto too_dear = std::find_if(tied.begin(), tied.end(), [&](ProjectIndex p) {
    return spent + ctx.instance.project(p).cost > ctx.instance.budget();
  });
  if (tied.empty() || too_dear != tied.end()) {
    if (step < outcome.selected.size()) {
      ctx.fail("phragmen step " + std::to_string(step + 1) + ": " + ctx.name(outcome.selected[step]) +
               " is selected but the rule stops here" +
               (tied.empty() ? std::string(": no candidate is left")
                             : ": " + ctx.name(*too_dear) + " has the smallest new load (" + describe(best) +
                                   ") and does not fit"));
    }
    return true;
  }
  if (step >= outcome.selected.size()) {
    ctx.fail("phragmen: the outcome stops after " + std::to_string(step) + " projects but " + ctx.name(tied.front()) +
             " (new load " + describe(best) + ") is next and fits");
    return true;
  }
  return false;
}

// The outcome's project at this step has the smallest new load (and wins the tie when resolute).
bool chosen_correctly(const VerifyContext& ctx, std::size_t step, ProjectIndex chosen,
                      const std::vector<ProjectIndex>& tied, const std::optional<Rational>& best, const Loads& loads,
                      const std::vector<bool>& open) {
  const std::string at = "phragmen step " + std::to_string(step + 1) + ": ";
  if (std::find(tied.begin(), tied.end(), chosen) == tied.end()) {
    ctx.fail(at + ctx.name(chosen) + " is selected (new load " +
             (open[chosen] ? describe(loads.new_load(chosen)) : std::string("not a candidate")) + ") but " +
             ctx.name(tied.front()) + " has the smallest new load (" + describe(best) + ")");
    return false;
  }
  if (!ctx.options.irresolute && chosen != tied.front()) {
    ctx.fail(at + ctx.name(chosen) + " is selected but " + ctx.name(tied.front()) + " wins the tie at new load " +
             describe(best));
    return false;
  }
  return true;
}

}  // namespace

void verify_phragmen(const VerifyContext& ctx, const Outcome& outcome) {
  ctx.check(ctx.options.irresolute ? "phragmen: recomputed naively, any tied project allowed"
                                   : "phragmen: recomputed naively, ties by rank");
  Loads loads(ctx);
  std::vector<bool> open(ctx.instance.size());
  for (ProjectIndex p = 0; p < ctx.instance.size(); ++p) {
    open[p] = ctx.instance.project(p).cost <= ctx.instance.budget();
  }
  Rational spent;
  for (std::size_t step = 0;; ++step) {
    std::optional<Rational> best;
    const std::vector<ProjectIndex> tied = smallest(ctx, loads, open, best);
    if (ends_here(ctx, outcome, step, tied, best, spent)) {
      return;
    }
    const ProjectIndex chosen = outcome.selected[step];
    if (!chosen_correctly(ctx, step, chosen, tied, best, loads, open)) {
      return;
    }
    if (best) {
      loads.assign(chosen, *best);
    }
    open[chosen] = false;
    spent += ctx.instance.project(chosen).cost;
  }
}

}  // namespace covalue::core::verify_detail
