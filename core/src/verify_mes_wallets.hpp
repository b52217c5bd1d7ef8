#pragma once

#include <optional>
#include <vector>

#include "verify_internal.hpp"

namespace covalue::core::verify_detail {

//! Remaining budget of every voter group (per unit of weight) while MES purchases are replayed, with
//! naive price computations over a project's supporters.
class Wallets {
 public:
  Wallets(const VerifyContext& ctx, const Rational& voter_budget);

  [[nodiscard]] const Rational& operator[](GroupIndex g) const { return budget_[g]; }
  //! Takes `amount` (per unit of weight) from group g.
  void pay(GroupIndex g, const Rational& amount);

  //! Total money of a project's supporters, summed afresh: sum of weight * remaining budget.
  [[nodiscard]] Rational supporters_money(ProjectIndex p) const;
  //! The same total, kept up to date as groups pay (a quick filter before exact comparisons).
  [[nodiscard]] const Rational& money(ProjectIndex p) const { return money_[p]; }

  //! The smallest rho with sum over supporters of weight * min(budget, rho * sat) == cost, found by
  //! sorting the supporters by budget; nullopt when they cannot afford the project.
  [[nodiscard]] std::optional<Rational> price(ProjectIndex p, const Rational& sat) const;

  //! Compares p's price with `rho` without computing it: <0 when p is affordable below rho, 0 when
  //! its price is exactly rho, >0 when it costs more or is unaffordable.
  [[nodiscard]] int compare_price(ProjectIndex p, const Rational& sat, const Rational& rho) const;

 private:
  const VerifyContext& ctx_;
  std::vector<Rational> budget_;
  std::vector<Rational> money_;  // per project
};

}  // namespace covalue::core::verify_detail
