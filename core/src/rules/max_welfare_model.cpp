#include <algorithm>
#include <vector>

#include "max_welfare_knapsack.hpp"

namespace covalue::core::rules {
namespace {

// The least common multiple of the cost denominators: costs times it are integers.
Integer cost_scale(const Instance& instance) {
  Integer scale = 1;
  for (const Project& project : instance.projects()) {
    mpz_lcm(scale.get_mpz_t(), scale.get_mpz_t(), project.cost.get_den_mpz_t());
  }
  return scale;
}

// Total integer weight of a project's supporters.
Integer integer_approvals(const ApprovalProfile& profile, ProjectIndex p) {
  Integer total = 0;
  for (const GroupIndex g : profile.supporters(p)) {
    total += profile.integer_weight(g);
  }
  return total;
}

// Divides every entry by their common divisor and returns that divisor (1 when empty).
Integer divide_by_gcd(std::vector<Integer>& numbers) {
  Integer divisor = 0;
  for (const Integer& n : numbers) {
    mpz_gcd(divisor.get_mpz_t(), divisor.get_mpz_t(), n.get_mpz_t());
  }
  if (divisor == 0) {
    return 1;
  }
  for (Integer& n : numbers) {
    mpz_divexact(n.get_mpz_t(), n.get_mpz_t(), divisor.get_mpz_t());
  }
  return divisor;
}

// Sorts every project into the model: an item, forced, or left out (worth nothing, or too dear).
void add_items(WelfareModel& model, const Instance& instance, const ApprovalProfile& profile, Satisfaction sat,
               const TieBreaker& ties, const Integer& scale, const Integer& capacity) {
  std::vector<ProjectIndex> order(instance.size());
  for (ProjectIndex p = 0; p < instance.size(); ++p) {
    order[p] = p;
  }
  ties.order(order);
  for (const ProjectIndex p : order) {
    const Rational scaled_cost = instance.project(p).cost * Rational(scale);
    const Integer& weight = scaled_cost.get_num();  // an integer: scale clears every denominator
    const Integer approvals = integer_approvals(profile, p);
    Integer value = sat == Satisfaction::kCost ? Integer(approvals * weight) : approvals;
    if (value <= 0 || weight > capacity) {
      continue;
    }
    if (weight == 0) {
      model.forced.push_back(p);
      continue;
    }
    model.projects.push_back(p);
    model.values.push_back(std::move(value));
    model.weights.push_back(weight);
  }
}

}  // namespace

Result<WelfareModel> build_welfare_model(const Instance& instance, const ApprovalProfile& profile, Satisfaction sat,
                                         const TieBreaker& ties) {
  if (instance.budget() < 0) {
    return make_error(ErrorKind::kInfeasible, "the budget is negative: no selection fits");
  }
  const Integer scale = cost_scale(instance);
  const Rational scaled_budget = instance.budget() * Rational(scale);
  Integer capacity = scaled_budget.get_num() / scaled_budget.get_den();  // floor, as it is non-negative
  WelfareModel model;
  add_items(model, instance, profile, sat, ties, scale, capacity);
  const Integer value_divisor = divide_by_gcd(model.values);
  const Integer weight_divisor = divide_by_gcd(model.weights);
  capacity /= weight_divisor;
  Integer total_weight = 0;
  for (const Integer& w : model.weights) {
    total_weight += w;
  }
  model.capacity = std::min(capacity, total_weight);
  const Integer unit_denominator =
      sat == Satisfaction::kCost ? Integer(profile.weight_scale() * scale) : profile.weight_scale();
  model.value_unit = Rational(value_divisor, unit_denominator);
  model.value_unit.canonicalize();
  return model;
}

}  // namespace covalue::core::rules
