#include "verify_mes_wallets.hpp"

#include <algorithm>
#include <utility>

namespace covalue::core::verify_detail {

Wallets::Wallets(const VerifyContext& ctx, const Rational& voter_budget)
    : ctx_(ctx), budget_(ctx.profile.num_groups(), voter_budget) {
  money_.reserve(ctx.instance.size());
  for (ProjectIndex p = 0; p < ctx.instance.size(); ++p) {
    money_.push_back(supporters_money(p));
  }
}

void Wallets::pay(GroupIndex g, const Rational& amount) {
  budget_[g] -= amount;
  const Rational spent = ctx_.profile.weight(g) * amount;
  for (const ProjectIndex q : ctx_.profile.approvals(g)) {
    money_[q] -= spent;
  }
}

Rational Wallets::supporters_money(ProjectIndex p) const {
  Rational money;
  for (const GroupIndex g : ctx_.profile.supporters(p)) {
    money += ctx_.profile.weight(g) * budget_[g];
  }
  return money;
}

std::optional<Rational> Wallets::price(ProjectIndex p, const Rational& sat) const {
  std::vector<std::pair<Rational, Rational>> holders;  // (budget, weight), budget > 0
  Rational weight;
  for (const GroupIndex g : ctx_.profile.supporters(p)) {
    if (budget_[g] > 0 && ctx_.profile.weight(g) > 0) {
      holders.emplace_back(budget_[g], ctx_.profile.weight(g));
      weight += ctx_.profile.weight(g);
    }
  }
  std::sort(holders.begin(), holders.end());
  Rational due = ctx_.instance.project(p).cost;
  for (const auto& [budget, w] : holders) {
    // Everyone left paying the same share due / weight: possible when the poorest can pay it.
    if (budget * weight >= due) {
      return Rational(due / (weight * sat));
    }
    due -= w * budget;
    weight -= w;
  }
  return std::nullopt;
}

int Wallets::compare_price(ProjectIndex p, const Rational& sat, const Rational& rho) const {
  const Rational cap = rho * sat;
  Rational capped_weight;  // supporters holding at least the cap pay the cap
  Rational paid;           // the others pay all they hold
  for (const GroupIndex g : ctx_.profile.supporters(p)) {
    const Rational& w = ctx_.profile.weight(g);
    if (w <= 0 || budget_[g] <= 0) {
      continue;
    }
    if (budget_[g] >= cap) {
      capped_weight += w;
    } else {
      paid += w * budget_[g];
    }
  }
  const bool someone_capped = capped_weight > 0;  // then the payments grow with the cap
  paid += capped_weight * cap;
  const int c = cmp(paid, ctx_.instance.project(p).cost);
  if (c > 0) {
    return -1;
  }
  if (c < 0) {
    return 1;
  }
  return someone_capped ? 0 : -1;  // paid == cost: exactly at rho, or already everything below rho
}

}  // namespace covalue::core::verify_detail
