#include <utility>
#include <vector>

#include "covalue/core/rules/committee.hpp"
#include "covalue/core/rules/equal_shares.hpp"
#include "covalue/core/rules/greedy.hpp"

namespace covalue::core::rules {
namespace {

// Each group's unspent budget per unit of weight after an MES run that gave everyone `budget`.
std::vector<Rational> leftover_budgets(const ApprovalProfile& profile, const Outcome& mes, const Rational& budget) {
  std::vector<Rational> left(profile.num_groups(), budget);
  if (mes.mes) {
    for (const auto& purchase : group_payments(*mes.mes, profile).purchases) {
      for (const GroupPayment& payment : purchase) {
        left[payment.group] -= payment.amount;
      }
    }
  }
  return left;
}

// The outcome of an MES run cut back to its first `size` purchases, as a run that stops at a full
// committee would have left it.
Outcome first_members(Outcome outcome, std::size_t size) {
  const bool step_per_member = outcome.trace.size() == outcome.selected.size();
  outcome.selected.resize(size);
  outcome.total_cost = Rational(static_cast<unsigned long>(size));
  if (step_per_member) {
    outcome.trace.resize(size);
  }
  if (outcome.mes && outcome.mes->purchases.size() > size) {
    outcome.mes->purchases.resize(size);
  }
  return outcome;
}

std::size_t approved_candidates(const ApprovalProfile& profile) {
  std::size_t count = 0;
  for (ProjectIndex p = 0; p < profile.num_projects(); ++p) {
    count += profile.approval_weight(p) > 0 ? 1 : 0;
  }
  return count;
}

}  // namespace

Result<Outcome> equal_shares_phragmen(const Instance& instance, const ApprovalProfile& profile, const TieBreaker& ties,
                                      TieResolver& resolver) {
  auto size = committee_size(instance);
  if (!size.ok()) {
    return size.error();
  }
  if (profile.total_weight() <= 0) {
    return make_error(ErrorKind::kInvalidInput, "the profile has no voter with positive weight");
  }
  auto mes = equal_shares(instance, profile, Satisfaction::kCost, ties, resolver);
  if (!mes.ok() || mes->selected.size() >= *size) {
    return mes;
  }
  const Rational budget = instance.budget() / profile.total_weight();
  std::vector<Rational> loads = leftover_budgets(profile, *mes, budget);
  for (Rational& load : loads) {
    load = -load;
  }
  return committee_phragmen(profile, *size, ties, resolver, std::move(mes).value(), std::move(loads));
}

Result<Outcome> equal_shares_increment(const Instance& instance, const ApprovalProfile& profile, const TieBreaker& ties,
                                       TieResolver& resolver) {
  auto size = committee_size(instance);
  if (!size.ok()) {
    return size.error();
  }
  const Rational& total = profile.total_weight();
  if (total <= 0) {
    return make_error(ErrorKind::kInvalidInput, "the profile has no voter with positive weight");
  }
  if (approved_candidates(profile) < *size) {
    return greedy_welfare(instance, profile, Satisfaction::kCardinality, ties, resolver);
  }
  // Virtual committee sizes k, k + 1, ..., up to ceil(k * n + 1) exclusive, as abcvoting tries them.
  const Rational bound = instance.budget() * total + 1;
  Integer end;
  mpz_cdiv_q(end.get_mpz_t(), bound.get_num_mpz_t(), bound.get_den_mpz_t());
  for (Integer virtual_size(static_cast<unsigned long>(*size)); virtual_size < end; ++virtual_size) {
    auto mes = equal_shares(instance, profile, Satisfaction::kCost, ties, resolver, Rational(virtual_size) / total);
    if (!mes.ok()) {
      return mes;
    }
    if (mes->selected.size() >= *size) {
      return first_members(std::move(mes).value(), *size);
    }
  }
  return make_error(ErrorKind::kInternal, "equal shares with increment completion did not fill the committee");
}

}  // namespace covalue::core::rules
