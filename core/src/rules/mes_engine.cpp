#include "mes_engine.hpp"

#include "mes_classes.hpp"

#include <algorithm>
#include <numeric>

namespace covalue::core::rules {

template <class Int>
MesEngineOf<Int>::MesEngineOf(const Instance& instance, const ApprovalProfile& profile, Satisfaction sat,
                              IntegerWeightsOf<Int> weights, const TieBreaker& ties)
    : instance_(instance),
      profile_(profile),
      weights_(std::move(weights)),
      ties_(ties),
      scale_(profile.weight_scale()) {
  sat_.reserve(instance.size());
  initial_rho_.resize(instance.size());
  for (ProjectIndex p = 0; p < instance.size(); ++p) {
    const Project& project = instance.project(p);
    sat_.push_back(project_satisfaction(sat, project));
    cost_approx_.push_back(project.cost.get_d());
    const Rational total = sat_[p] * weights_.project[p];
    if (total <= 0) {
      continue;
    }
    if (project.cost > 0) {
      candidates_.push_back(p);
      initial_rho_[p] = project.cost / total;
    } else {
      free_.push_back(p);
    }
  }
}

template <class Int>
Outcome MesEngineOf<Int>::free_projects() const {
  Outcome outcome;
  for (const ProjectIndex p : free_) {
    outcome.selected.push_back(p);
    outcome.trace.push_back(TraceStep{"zero-cost", p, Rational(0), {}, {}});
  }
  return outcome;
}

template <class Int>
bool MesEngineOf<Int>::exhaustive(const Outcome& outcome) const {
  std::vector<bool> taken(instance_.size(), false);
  for (const ProjectIndex p : outcome.selected) {
    taken[p] = true;
  }
  return std::none_of(candidates_.begin(), candidates_.end(), [&](ProjectIndex p) {
    return !taken[p] && outcome.total_cost + instance_.project(p).cost <= instance_.budget();
  });
}

//! The mutable state of one MES run: budget classes, prices, the payments made so far.
template <class Int>
class MesRun {
 public:
  MesRun(const MesEngineOf<Int>& engine, const Rational& budget, StableRange* stable)
      : e_(engine),
        stable_(stable),
        classes_(budget, engine.profile_.num_groups(), engine.weights_.total, stable != nullptr),
        rho_(engine.initial_rho_),
        rho_slope_(stable != nullptr ? engine.instance_.size() : 0),
        candidates_(engine.candidates_) {}

  Result<Outcome> run(TieResolver& resolver) {
    Outcome outcome = e_.free_projects();
    while (true) {
      classes_.sort();
      std::sort(candidates_.begin(), candidates_.end(), [&](ProjectIndex a, ProjectIndex b) {
        const int c = cmp(rho_[a], rho_[b]);
        return c != 0 ? c < 0 : e_.ties_.rank(a) < e_.ties_.rank(b);
      });
      std::vector<ProjectIndex> tied;
      std::vector<ProjectIndex> dropped;
      Rational best;
      for (const ProjectIndex p : candidates_) {
        if (!tied.empty() && rho_[p] > best) {
          break;  // prices never fall: p and everything after it cost more than the best
        }
        if (!evaluate(p)) {
          dropped.push_back(p);
          continue;
        }
        const int c = tied.empty() ? -1 : cmp(rho_[p], best);
        if (c < 0) {
          best = rho_[p];
          tied.assign(1, p);
        } else if (c == 0) {
          tied.push_back(p);
        }
      }
      remove(dropped);
      if (tied.empty()) {
        break;
      }
      auto pick = pick_tied(tied, e_.ties_, resolver);
      if (!pick.ok()) {
        return pick.error();
      }
      const ProjectIndex chosen = tied[*pick];
      tied.erase(tied.begin() + static_cast<std::ptrdiff_t>(*pick));
      if (stable_ != nullptr) {
        keep_chosen(chosen);
      }
      buy(chosen, best, outcome);
      outcome.trace.push_back(
          TraceStep{"mes", chosen, Rational(best * e_.scale_), std::move(tied), std::move(dropped)});
      remove({chosen});
    }
    outcome.total_cost = e_.instance_.total_cost(outcome.selected);
    return outcome;
  }

  //! The class-level priceability certificate of the run, in units of real voter weight.
  [[nodiscard]] MesCertificate certificate(const Rational& budget) {
    MesCertificate out{Rational(budget * e_.scale_), 0, {}};
    for (auto& purchase : purchases_) {
      purchase.rho *= e_.scale_;
      purchase.cap *= e_.scale_;
      out.purchases.push_back(std::move(purchase));
    }
    return out;
  }

 private:
  // Recomputes rho_[p]; false when p's supporters can no longer afford it.
  bool evaluate(ProjectIndex p) {
    const Project& project = e_.instance_.project(p);
    typename BudgetClasses<Int>::CapMotion motion;
    auto cap = classes_.payment_cap(e_.profile_.supporters(p), e_.weights_.group, project.cost, e_.cost_approx_[p],
                                    stable_ != nullptr ? &motion : nullptr);
    if (stable_ != nullptr) {
      if (!cap && motion.affordable_at) {
        stable_->bound(*motion.affordable_at);  // it stays unaffordable below that
      } else if (cap) {
        if (motion.boundary_tie) {
          stable_->bound(Rational(0));
        }
        rho_slope_[p] = motion.slope / e_.sat_[p];
      }
    }
    if (!cap) {
      return false;
    }
    rho_[p] = *cap / e_.sat_[p];
    return true;
  }

  // The chosen project must stay the cheapest (its price is affine in delta; every other price is
  // convex, so it stays above its tangent: the last computed price and slope), and its supporters
  // must stay on their side of its cap.
  void keep_chosen(ProjectIndex chosen) {
    const Rational& price = rho_[chosen];
    const Rational& slope = rho_slope_[chosen];
    for (const ProjectIndex q : candidates_) {
      if (q != chosen) {
        const bool q_wins_ties = e_.ties_.rank(q) < e_.ties_.rank(chosen);
        stable_->keep_below(price, slope, rho_[q], rho_slope_[q], stable_->strict || q_wins_ties);
      }
    }
    const Rational cap = price * e_.sat_[chosen];
    const Rational cap_slope = slope * e_.sat_[chosen];
    if (auto limit = classes_.partition_limit(e_.profile_.supporters(chosen), cap, cap_slope)) {
      stable_->bound(*limit);
    }
  }

  // Every supporter pays min(own budget, rho * sat); classes split into payers and the rest. The
  // certificate names each paying class once: class c here is class c - 1 there (class 0 here holds
  // those with nothing left, and only classes of payers of the cap are added, in both in the same order).
  void buy(ProjectIndex p, const Rational& rho, Outcome& outcome) {
    const Rational cap = rho * e_.sat_[p];
    const Rational cap_slope = stable_ != nullptr ? Rational(rho_slope_[p] * e_.sat_[p]) : Rational(0);
    const auto number = static_cast<std::uint32_t>(purchases_.size());
    ProjectPayments purchase{p, rho, {}, cap, {}, {}};
    moved_to_.assign(classes_.size(), -1);
    for (const GroupIndex g : e_.profile_.supporters(p)) {
      const std::uint32_t from = classes_.class_of(g);
      if (from == 0) {
        continue;
      }
      if (moved_to_[from] < 0) {
        const std::uint32_t to = classes_.split(from, cap, cap_slope, number);
        moved_to_[from] = to;
        (to == 0 ? purchase.pay_all : purchase.pay_cap).push_back(from - 1);
      }
      classes_.move(g, e_.weights_.group[g], static_cast<std::uint32_t>(moved_to_[from]));
    }
    outcome.selected.push_back(p);
    purchases_.push_back(std::move(purchase));
  }

  void remove(const std::vector<ProjectIndex>& projects) {
    if (projects.empty()) {
      return;
    }
    std::erase_if(candidates_,
                  [&](ProjectIndex p) { return std::find(projects.begin(), projects.end(), p) != projects.end(); });
  }

  const MesEngineOf<Int>& e_;
  StableRange* stable_;
  BudgetClasses<Int> classes_;
  std::vector<Rational> rho_;        // per project: last computed price (a lower bound of the current one)
  std::vector<Rational> rho_slope_;  // per project: d(rho_)/d(delta) when it was computed
  std::vector<ProjectIndex> candidates_;
  std::vector<ProjectPayments> purchases_;  // per unit of integer weight until certificate()
  std::vector<std::int64_t> moved_to_;      // scratch of buy(): class a paying class moves to
};

void StableRange::keep_below(const Rational& x0, const Rational& x1, const Rational& y0, const Rational& y1,
                             bool strict_here) {
  const int now = cmp(x0, y0);
  const int moving = cmp(x1, y1);
  if (now > 0 || (now == 0 && (moving > 0 || (strict_here && moving == 0)))) {
    bound(Rational(0));
  } else if (now < 0 && moving > 0) {
    bound(Rational((y0 - x0) / (x1 - y1)));
  }
}

template <class Int>
Result<Outcome> MesEngineOf<Int>::run(const Rational& budget_per_weight, TieResolver& resolver, bool certify,
                                      StableRange* stable) const {
  MesRun<Int> state(*this, budget_per_weight, stable);
  auto outcome = state.run(resolver);
  if (outcome.ok() && certify) {
    outcome->mes = state.certificate(budget_per_weight);
  }
  return outcome;
}

template class MesEngineOf<std::int64_t>;
template class MesEngineOf<Integer>;

}  // namespace covalue::core::rules
