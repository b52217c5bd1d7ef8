#include "mes_classes.hpp"

#include <algorithm>

#include "integer_weights.hpp"

namespace covalue::core::rules {

template <class Int>
BudgetClasses<Int>::BudgetClasses(const Rational& budget, std::size_t groups, const Int& total_weight, bool track)
    : track_(track), start_(budget), group_class_(groups, budget > 0 ? 1 : 0) {
  add_class(Rational(0), Rational(0), -1, -1);
  add_class(budget, Rational(1), -1, -1);
  population_[budget > 0 ? 1 : 0] = total_weight;
}

template <class Int>
std::uint32_t BudgetClasses<Int>::add_class(Rational budget, Rational slope, std::int64_t parent,
                                            std::int64_t purchase) {
  slope_.push_back(std::move(slope));
  beta_approx_.push_back(budget.get_d());
  beta_.push_back(std::move(budget));
  parent_.push_back(parent);
  via_.push_back(purchase);
  population_.emplace_back(0);
  rank_.push_back(0);
  weight_in_.emplace_back(0);
  return static_cast<std::uint32_t>(beta_.size() - 1);
}

template <class Int>
void BudgetClasses<Int>::sort() {
  std::vector<std::uint32_t> live;
  for (std::uint32_t c = 1; c < beta_.size(); ++c) {
    if (population_[c] > 0) {
      live.push_back(c);
    }
  }
  // Rounding to double is monotone, so the doubles order exactly but for equal doubles.
  std::sort(live.begin(), live.end(), [&](std::uint32_t a, std::uint32_t b) {
    return beta_approx_[a] != beta_approx_[b] ? beta_approx_[a] < beta_approx_[b] : beta_[a] < beta_[b];
  });
  for (std::uint32_t r = 0; r < live.size(); ++r) {
    rank_[live[r]] = r;
  }
}

template <class Int>
std::uint32_t BudgetClasses<Int>::split(std::uint32_t from, const Rational& cap, const Rational& cap_slope,
                                        std::uint32_t purchase) {
  if (caps_.size() <= purchase) {
    caps_.resize(purchase + 1);
    cap_slopes_.resize(purchase + 1);
  }
  caps_[purchase] = cap;
  if (track_) {
    cap_slopes_[purchase] = cap_slope;
  }
  if (beta_[from] <= cap) {
    return 0;
  }
  return add_class(Rational(beta_[from] - cap), track_ ? Rational(slope_[from] - cap_slope) : Rational(0), from,
                   purchase);
}

template <class Int>
void BudgetClasses<Int>::move(GroupIndex group, const Int& weight, std::uint32_t to) {
  population_[group_class_[group]] -= weight;
  population_[to] += weight;
  group_class_[group] = to;
}

// Sums the supporters' weight per class with budget left into weight_in_, and lists those classes
// in touched_ by budget.
template <class Int>
void BudgetClasses<Int>::gather(std::span<const GroupIndex> supporters, const std::vector<Int>& weights) {
  touched_.clear();
  for (const GroupIndex g : supporters) {
    const std::uint32_t c = group_class_[g];
    if (c == 0 || weights[g] == 0) {
      continue;
    }
    if (weight_in_[c] == 0) {
      touched_.push_back(c);
    }
    weight_in_[c] += weights[g];
  }
  std::sort(touched_.begin(), touched_.end(), [&](std::uint32_t a, std::uint32_t b) { return rank_[a] < rank_[b]; });
}

// Sum of weight * budget over the first `end` touched classes, exactly: each class's budget is start
// minus the caps on its lineage, so this is start * weight minus one product per purchase.
template <class Int>
Rational BudgetClasses<Int>::poor_sum(std::size_t end, Int& poor_weight) {
  per_purchase_.assign(caps_.size(), Int(0));
  poor_weight = 0;
  for (std::size_t i = 0; i < end; ++i) {
    const std::uint32_t c = touched_[i];
    const Int& n = weight_in_[c];
    poor_weight += n;
    for (std::int64_t k = c; via_[k] >= 0; k = parent_[k]) {
      per_purchase_[via_[k]] += n;
    }
  }
  Rational sum = start_ * Rational(poor_weight);
  for (std::size_t k = 0; k < per_purchase_.size(); ++k) {
    if (per_purchase_[k] != 0) {
      sum -= caps_[k] * Rational(per_purchase_[k]);
    }
  }
  return sum;
}

template <class Int>
std::optional<Rational> BudgetClasses<Int>::payment_cap(std::span<const GroupIndex> supporters,
                                                        const std::vector<Int>& weights, const Rational& cost,
                                                        double cost_approx, CapMotion* motion) {
  gather(supporters, weights);
  Int total = 0;
  for (const std::uint32_t c : touched_) {
    total += weight_in_[c];
  }
  std::optional<Rational> cap;
  if (total > 0) {
    // Find where the poor supporters end with doubles, then confirm both sides of that boundary exactly.
    double remaining = cost_approx;
    double weight = weight_to_double(total);
    std::size_t boundary = 0;
    for (; boundary < touched_.size(); ++boundary) {
      const std::uint32_t c = touched_[boundary];
      if (remaining <= beta_approx_[c] * weight) {
        break;
      }
      const double n = weight_to_double(weight_in_[c]);
      remaining -= n * beta_approx_[c];
      weight -= n;
    }
    Int poor_weight = 0;
    const Rational left = cost - poor_sum(boundary, poor_weight);
    const Rational rich(Int(total - poor_weight));
    const bool rich_ok = boundary < touched_.size() && left <= beta_[touched_[boundary]] * rich;
    bool poor_ok = boundary == 0;
    if (boundary > 0) {
      const std::uint32_t c = touched_[boundary - 1];
      const Rational n(weight_in_[c]);
      poor_ok = left + n * beta_[c] > beta_[c] * (rich + n);
    }
    if (rich_ok && poor_ok) {
      cap = Rational(left / rich);
    } else if (boundary == touched_.size() && poor_ok && left > 0) {
      cap = std::nullopt;  // everyone pays all they have and it is still not enough
    } else {
      cap = exact_cap(cost, total, boundary);  // too close to call in doubles: settle it exactly
    }
    if (motion != nullptr) {
      describe_motion(cap, cost, boundary, total, *motion);
    }
  } else if (motion != nullptr) {
    // Nobody with budget left supports it; while the history stays the same, nobody will.
    motion->affordable_at.reset();
    motion->boundary_tie = false;
  }
  for (const std::uint32_t c : touched_) {
    weight_in_[c] = 0;
  }
  return cap;
}

// The plain exact water-filling over the touched classes; `boundary` becomes the first class that
// does not pay all it has.
template <class Int>
std::optional<Rational> BudgetClasses<Int>::exact_cap(const Rational& cost, const Int& total, std::size_t& boundary) {
  Int rich = total;
  Rational left = cost;
  for (boundary = 0; boundary < touched_.size(); ++boundary) {
    const std::uint32_t c = touched_[boundary];
    const Int& n = weight_in_[c];
    if (left <= beta_[c] * Rational(rich)) {
      return Rational(left / Rational(rich));
    }
    left -= beta_[c] * Rational(n);
    rich -= n;
  }
  return std::nullopt;
}

// Sum of weight * slope over the classes poor_sum() last summed (its per-purchase weights).
template <class Int>
Rational BudgetClasses<Int>::poor_slope(const Int& poor_weight) const {
  Rational sum(poor_weight);
  for (std::size_t k = 0; k < per_purchase_.size(); ++k) {
    if (per_purchase_[k] != 0) {
      sum -= cap_slopes_[k] * Rational(per_purchase_[k]);
    }
  }
  return sum;
}

// The cap is (cost - poor budgets) / rich weight: its slope is -(poor budgets' slope) / rich weight.
template <class Int>
void BudgetClasses<Int>::describe_motion(const std::optional<Rational>& cap, const Rational& cost, std::size_t boundary,
                                         const Int& total, CapMotion& motion) {
  Int poor_weight = 0;
  const Rational poor = poor_sum(boundary, poor_weight);
  const Rational poor_moves = poor_slope(poor_weight);
  motion.boundary_tie = false;
  motion.affordable_at.reset();
  if (!cap) {
    if (poor_moves > 0) {
      motion.affordable_at = Rational((cost - poor) / poor_moves);
    }
    return;
  }
  motion.slope = -poor_moves / Rational(Int(total - poor_weight));
  // Poor classes hold strictly less than the cap; the cheapest rich class may hold exactly the cap.
  motion.boundary_tie = beta_[touched_[boundary]] == *cap;
}

template <class Int>
std::optional<Rational> BudgetClasses<Int>::partition_limit(std::span<const GroupIndex> supporters, const Rational& cap,
                                                            const Rational& slope) {
  std::optional<Rational> limit;
  const auto tighten = [&](Rational at) {
    if (!limit || at < *limit) {
      limit = std::move(at);
    }
  };
  for (const GroupIndex g : supporters) {
    const std::uint32_t c = group_class_[g];
    if (c == 0 || weight_in_[c] != 0) {
      continue;
    }
    weight_in_[c] = 1;  // visit each class once
    touched_.push_back(c);
    const int side = cmp(beta_[c], cap);
    const int moving = cmp(slope_[c], slope);
    if (side == 0) {
      if (moving != 0) {
        tighten(Rational(0));
      }
    } else if (side < 0 ? moving > 0 : moving < 0) {
      tighten(Rational((cap - beta_[c]) / (slope_[c] - slope)));
    }
  }
  for (const std::uint32_t c : touched_) {
    weight_in_[c] = 0;
  }
  touched_.clear();
  return limit;
}

template class BudgetClasses<std::int64_t>;
template class BudgetClasses<Integer>;

}  // namespace covalue::core::rules
