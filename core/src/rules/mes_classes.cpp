#include "mes_classes.hpp"

#include <algorithm>
#include <cmath>

namespace covalue::core::rules {

BudgetClasses::BudgetClasses(const Rational& budget, std::int64_t total_weight,
                             const std::vector<std::int64_t>& project_weight)
    : num_projects_(project_weight.size()), start_(budget) {
  add_class(Rational(0), -1, -1);
  if (budget > 0) {
    add_class(budget, -1, -1);
    population_[1] = total_weight;
    std::copy(project_weight.begin(), project_weight.end(), counts_.begin() + static_cast<std::ptrdiff_t>(num_projects_));
    positive_weight_ = project_weight;
  } else {
    population_[0] = total_weight;
    std::copy(project_weight.begin(), project_weight.end(), counts_.begin());
    positive_weight_.assign(num_projects_, 0);
  }
}

std::uint32_t BudgetClasses::add_class(Rational budget, std::int64_t parent, std::int64_t purchase) {
  beta_approx_.push_back(budget.get_d());
  beta_.push_back(std::move(budget));
  parent_.push_back(parent);
  via_.push_back(purchase);
  population_.push_back(0);
  counts_.resize(counts_.size() + num_projects_, 0);
  return static_cast<std::uint32_t>(beta_.size() - 1);
}

void BudgetClasses::sort() {
  order_.clear();
  for (std::uint32_t c = 1; c < beta_.size(); ++c) {
    if (population_[c] > 0) {
      order_.push_back(c);
    }
  }
  // Rounding to double is monotone, so the doubles order exactly but for equal doubles.
  std::sort(order_.begin(), order_.end(), [&](std::uint32_t a, std::uint32_t b) {
    return beta_approx_[a] != beta_approx_[b] ? beta_approx_[a] < beta_approx_[b] : beta_[a] < beta_[b];
  });
}

std::uint32_t BudgetClasses::split(std::uint32_t from, const Rational& cap, std::uint32_t purchase) {
  if (caps_.size() <= purchase) {
    caps_.resize(purchase + 1);
  }
  caps_[purchase] = cap;
  if (beta_[from] <= cap) {
    return 0;
  }
  return add_class(Rational(beta_[from] - cap), from, purchase);
}

void BudgetClasses::move(std::int64_t weight, std::span<const ProjectIndex> approvals, std::uint32_t from,
                         std::uint32_t to) {
  population_[from] -= weight;
  population_[to] += weight;
  std::int64_t* source = counts_.data() + from * num_projects_;
  std::int64_t* target = counts_.data() + to * num_projects_;
  for (const ProjectIndex q : approvals) {
    source[q] -= weight;
    target[q] += weight;
    if (to == 0) {
      positive_weight_[q] -= weight;
    }
  }
}

// Sum of weight * budget over p's supporters in the first `end` classes of the order, exactly: each
// class's budget is start minus the caps on its lineage, so this is start * weight minus one product
// per purchase.
Rational BudgetClasses::poor_sum(ProjectIndex p, std::size_t end, std::int64_t& poor_weight) {
  per_purchase_.assign(caps_.size(), 0);
  poor_weight = 0;
  for (std::size_t i = 0; i < end; ++i) {
    const std::uint32_t c = order_[i];
    const std::int64_t n = count(c, p);
    if (n == 0) {
      continue;
    }
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

std::optional<Rational> BudgetClasses::payment_cap(ProjectIndex p, const Rational& cost, double cost_approx) {
  const std::int64_t total = positive_weight_[p];
  if (total == 0) {
    return std::nullopt;
  }
  // Find where the poor supporters end with doubles, then confirm both sides of that boundary exactly.
  double remaining = cost_approx;
  auto weight = static_cast<double>(total);
  std::size_t boundary = order_.size();
  std::size_t last_poor = order_.size();
  for (std::size_t i = 0; i < order_.size(); ++i) {
    const std::int64_t n = count(order_[i], p);
    if (n == 0) {
      continue;
    }
    if (remaining <= beta_approx_[order_[i]] * weight) {
      boundary = i;
      break;
    }
    remaining -= static_cast<double>(n) * beta_approx_[order_[i]];
    weight -= static_cast<double>(n);
    last_poor = i;
  }
  if (boundary == order_.size()) {  // unaffordable, or too close to call: settle it exactly
    std::int64_t all_weight = 0;
    if (poor_sum(p, order_.size(), all_weight) < cost) {
      return std::nullopt;
    }
    return exact_cap(p, cost);
  }
  std::int64_t poor_weight = 0;
  const Rational left = cost - poor_sum(p, boundary, poor_weight);
  const Rational rich(total - poor_weight);
  if (left > beta_[order_[boundary]] * rich) {
    return exact_cap(p, cost);
  }
  if (last_poor != order_.size()) {
    const std::uint32_t c = order_[last_poor];
    const Rational n(count(c, p));
    if (left + n * beta_[c] <= beta_[c] * (rich + n)) {
      return exact_cap(p, cost);
    }
  }
  return Rational(left / rich);
}

// The plain exact water-filling over all classes.
std::optional<Rational> BudgetClasses::exact_cap(ProjectIndex p, const Rational& cost) {
  std::int64_t rich = positive_weight_[p];
  Rational left = cost;
  for (const std::uint32_t c : order_) {
    const std::int64_t n = count(c, p);
    if (n == 0) {
      continue;
    }
    if (left <= beta_[c] * Rational(rich)) {
      return Rational(left / Rational(rich));
    }
    left -= beta_[c] * Rational(n);
    rich -= n;
    if (rich == 0) {
      break;
    }
  }
  return std::nullopt;
}

}  // namespace covalue::core::rules
