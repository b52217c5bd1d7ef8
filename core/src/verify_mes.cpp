// Method of Equal Shares: the priceability certificate replayed purchase by purchase, with every
// price recomputed naively over voter groups.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "verify_internal.hpp"
#include "verify_mes_wallets.hpp"

namespace covalue::core::verify_detail {
namespace {

constexpr std::size_t kFindingsPerPurchase = 3;

bool adds_increments(rules::Completion c) {
  return c == rules::Completion::kAdd1 || c == rules::Completion::kAdd1Greedy;
}

void check_voter_budget(const VerifyContext& ctx, const MesCertificate& cert) {
  ctx.check("mes: voter budget is the equal share of the budget (plus add1 increments)");
  const Rational& total = ctx.profile.total_weight();
  if (total <= 0) {
    ctx.fail("mes: the voters' total weight is not positive");
    return;
  }
  Rational expected = ctx.instance.budget() / total;
  if (adds_increments(ctx.options.completion)) {
    expected += Rational(cert.increments) * ctx.options.increment;
  } else if (cert.increments != 0) {
    ctx.fail("mes: the certificate counts " + std::to_string(cert.increments) + " add1 increments without add1");
  }
  if (cert.voter_budget != expected) {
    ctx.fail("mes: the voter budget is " + text(cert.voter_budget) + " per unit of weight but should be " +
             text(expected));
  }
}

// State of the replay: which projects MES may still buy, and the wallets.
struct Replay {
  std::vector<bool> open;       // positive cost, positive total satisfaction, not yet selected
  std::vector<Rational> total;  // per project: total satisfaction
  Wallets wallets;
};

// Supported zero-cost projects come first, without payments; returns how many there are.
std::size_t check_free_projects(const VerifyContext& ctx, const Outcome& outcome, Replay& replay) {
  ctx.check("mes: supported zero-cost projects are selected first");
  std::vector<ProjectIndex> free;
  for (ProjectIndex p = 0; p < ctx.instance.size(); ++p) {
    replay.total.push_back(ctx.total_satisfaction(p));
    const bool supported = replay.total[p] > 0;
    replay.open[p] = supported && ctx.instance.project(p).cost > 0;
    if (supported && ctx.instance.project(p).cost == 0) {
      free.push_back(p);
    }
  }
  const std::size_t head = std::min(free.size(), outcome.selected.size());
  const auto first = outcome.selected.begin();
  for (const ProjectIndex p : free) {
    if (std::find(first, first + static_cast<std::ptrdiff_t>(head), p) == first + static_cast<std::ptrdiff_t>(head)) {
      ctx.fail(ctx.name(p) + " costs nothing and is supported but is not among the first selected projects");
    }
  }
  return free.size();
}

// A payer as a finding names it: its voter group, and in a class-level certificate its budget class.
std::string payer(GroupIndex g, std::int64_t cls) {
  std::string out = "voter group " + std::to_string(g);
  return cls < 0 ? out : out + " (of budget class " + std::to_string(cls) + ")";
}

// The bought project had the smallest price among those still affordable, and won any tie.
void check_minimal(const VerifyContext& ctx, const Replay& replay, ProjectIndex bought, const Rational& rho) {
  for (ProjectIndex q = 0; q < ctx.instance.size(); ++q) {
    if (!replay.open[q] || q == bought) {
      continue;
    }
    const Rational sat = project_satisfaction(ctx.options.sat, ctx.instance.project(q));
    const Rational& cost = ctx.instance.project(q).cost;
    if (cost > rho * replay.total[q] || replay.wallets.money(q) < cost) {
      continue;  // even an equal split costs more than rho, or the supporters cannot afford it at all
    }
    const int c = replay.wallets.compare_price(q, sat, rho);
    if (c < 0) {
      ctx.fail(ctx.name(bought) + " is bought at rho " + text(rho) + " but " + ctx.name(q) +
               " was affordable at a lower rho (" + text(*replay.wallets.price(q, sat)) + ")");
      return;
    }
    if (c == 0 && !ctx.options.irresolute && ctx.ties.rank(q) < ctx.ties.rank(bought)) {
      ctx.fail(ctx.name(bought) + " is bought at rho " + text(rho) + " but " + ctx.name(q) +
               " has the same rho and wins the tie-break");
      return;
    }
  }
}

bool approves(const VerifyContext& ctx, GroupIndex g, ProjectIndex p) {
  const auto approved = ctx.profile.approvals(g);
  return std::binary_search(approved.begin(), approved.end(), p);
}

// One purchase's payments per voter group, and beside each its budget class (-1: none).
struct Paid {
  const std::vector<GroupPayment>& payments;
  const std::vector<std::int64_t>& classes;
};

// Payments: only supporters, nobody beyond their budget, each exactly min(budget, rho * sat), and
// together exactly the cost. Reports at most kFindingsPerPurchase faults of single payments.
class PaymentCheck {
 public:
  PaymentCheck(const VerifyContext& ctx, const Replay& replay, const ProjectPayments& purchase, const Paid& paid)
      : ctx_(ctx),
        replay_(replay),
        purchase_(purchase),
        paid_by_(paid),
        paid_(ctx.profile.num_groups(), nullptr),
        class_of_(ctx.profile.num_groups(), -1) {}

  void run() {
    const ProjectIndex p = purchase_.project;
    const Rational sum = payers();
    const Rational cap = purchase_.rho * project_satisfaction(ctx_.options.sat, ctx_.instance.project(p));
    for (const GroupIndex g : ctx_.profile.supporters(p)) {
      const Rational expected = std::min(replay_.wallets[g], cap);
      const Rational actual = paid_[g] != nullptr ? *paid_[g] : Rational(0);
      if (actual != expected) {
        fail(payer(g, class_of_[g]) + " pays " + text(actual) + " but min(remaining " + text(replay_.wallets[g]) +
             ", rho * sat " + text(cap) + ") is " + text(expected));
      }
    }
    if (sum != ctx_.instance.project(p).cost) {
      ctx_.fail(ctx_.name(p) + ": payments sum to " + text(sum) + " but it costs " +
                text(ctx_.instance.project(p).cost));
    }
    if (faults_ > kFindingsPerPurchase) {
      ctx_.fail(ctx_.name(p) + ": " + std::to_string(faults_ - kFindingsPerPurchase) + " more payment faults");
    }
  }

 private:
  // Checks who pays; returns the weighted sum of the payments.
  Rational payers() {
    Rational sum;
    for (std::size_t i = 0; i < paid_by_.payments.size(); ++i) {
      const GroupPayment& payment = paid_by_.payments[i];
      const GroupIndex g = payment.group;
      const std::string who = payer(g, paid_by_.classes[i]);
      if (g >= ctx_.profile.num_groups()) {
        fail(who + " pays but does not exist");
        continue;
      }
      if (paid_[g] != nullptr) {
        fail(who + " pays twice");
      }
      paid_[g] = &payment.amount;
      class_of_[g] = paid_by_.classes[i];
      if (!approves(ctx_, g, purchase_.project)) {
        fail(who + " pays " + text(payment.amount) + " but does not approve it");
      } else if (payment.amount > replay_.wallets[g]) {
        fail(who + " pays " + text(payment.amount) + " but has only " + text(replay_.wallets[g]) + " left");
      }
      sum += ctx_.profile.weight(g) * payment.amount;
    }
    return sum;
  }

  void fail(const std::string& what) {
    if (faults_++ < kFindingsPerPurchase) {
      ctx_.fail(ctx_.name(purchase_.project) + ": " + what);
    }
  }

  const VerifyContext& ctx_;
  const Replay& replay_;
  const ProjectPayments& purchase_;
  const Paid& paid_by_;
  std::vector<const Rational*> paid_;
  std::vector<std::int64_t> class_of_;
  std::size_t faults_{0};
};

// One purchase: affordable, at the right and minimal price, paid correctly; then the wallets pay.
void replay_purchase(const VerifyContext& ctx, Replay& replay, const ProjectPayments& purchase, const Paid& paid) {
  const ProjectIndex p = purchase.project;
  const Rational sat = project_satisfaction(ctx.options.sat, ctx.instance.project(p));
  if (!replay.open[p]) {
    ctx.fail(ctx.name(p) + " is bought by MES but is already selected, costs nothing or nobody gains from it");
  }
  const auto rho = replay.wallets.price(p, sat);
  if (!rho) {
    ctx.fail(ctx.name(p) + " is bought but its supporters hold only " + text(replay.wallets.supporters_money(p)) +
             " and it costs " + text(ctx.instance.project(p).cost));
  } else {
    if (purchase.rho != *rho) {
      ctx.fail(ctx.name(p) + ": the certificate gives rho " + text(purchase.rho) + " but its supporters' price is " +
               text(*rho));
    }
    check_minimal(ctx, replay, p, *rho);
  }
  PaymentCheck(ctx, replay, purchase, paid).run();
  const Rational cap = rho.value_or(purchase.rho) * sat;
  for (const GroupIndex g : ctx.profile.supporters(p)) {
    replay.wallets.pay(g, std::min(replay.wallets[g], cap));
  }
  replay.open[p] = false;
}

void check_exhaustive(const VerifyContext& ctx, const Replay& replay) {
  ctx.check("mes: no project left is affordable by its supporters");
  for (ProjectIndex q = 0; q < ctx.instance.size(); ++q) {
    if (!replay.open[q]) {
      continue;
    }
    const Rational money = replay.wallets.supporters_money(q);
    if (money >= ctx.instance.project(q).cost) {
      ctx.fail("MES stops but " + ctx.name(q) + " is still affordable: its supporters hold " + text(money) +
               " and it costs " + text(ctx.instance.project(q).cost));
    }
  }
}

// The purchases match the selection, in order, right after the zero-cost projects.
void check_alignment(const VerifyContext& ctx, const Outcome& outcome, std::size_t free) {
  ctx.check("mes: purchases are the selected projects, in buying order");
  const auto& purchases = outcome.mes->purchases;
  for (std::size_t k = 0; k < purchases.size(); ++k) {
    const ProjectIndex p = purchases[k].project;
    if (p >= ctx.instance.size()) {
      ctx.fail("purchase " + std::to_string(k + 1) + " names project index " + std::to_string(p) +
               ", which does not exist");
      continue;
    }
    const std::size_t at = free + k;
    if (at >= outcome.selected.size() || outcome.selected[at] != p) {
      ctx.fail("purchase " + std::to_string(k + 1) + " buys " + ctx.name(p) + " but selection position " +
               std::to_string(at + 1) + " holds " +
               (at < outcome.selected.size() ? ctx.name(outcome.selected[at]) : std::string("nothing")));
    }
  }
}

void check_completion(const VerifyContext& ctx, const Outcome& outcome, std::size_t mes_end) {
  const std::span<const ProjectIndex> all(outcome.selected);
  const std::size_t end = std::min(mes_end, all.size());
  const auto rest = all.subspan(end);
  const auto c = ctx.options.completion;
  if (c == rules::Completion::kGreedy || c == rules::Completion::kAdd1Greedy) {
    verify_greedy_pass(ctx, all.first(end), rest, "greedy completion");
    return;
  }
  ctx.check("mes: nothing selected beyond the purchases");
  for (const ProjectIndex p : rest) {
    ctx.fail(ctx.name(p) + " is selected but MES did not buy it");
  }
}

}  // namespace

void verify_equal_shares(const VerifyContext& ctx, const Outcome& outcome) {
  ctx.check("mes: certificate present");
  if (!outcome.mes) {
    ctx.fail("the outcome carries no MES certificate (payments)");
    return;
  }
  const MesCertificate& cert = *outcome.mes;
  check_voter_budget(ctx, cert);
  Replay replay{std::vector<bool>(ctx.instance.size(), false), {}, Wallets(ctx, cert.voter_budget)};
  const std::size_t free = check_free_projects(ctx, outcome, replay);
  check_alignment(ctx, outcome, free);
  ctx.check("mes: class-level payments name budget classes that exist and hold supporters");
  const GroupPayments paid = group_payments(cert, ctx.profile);
  for (const std::string& fault : paid.faults) {
    ctx.fail(fault);
  }
  ctx.check("mes: payments, prices and their minimality replayed naively");
  Rational mes_cost;
  for (std::size_t k = 0; k < cert.purchases.size(); ++k) {
    const ProjectPayments& purchase = cert.purchases[k];
    if (purchase.project < ctx.instance.size()) {
      replay_purchase(ctx, replay, purchase, Paid{paid.purchases[k], paid.classes[k]});
      mes_cost += ctx.instance.project(purchase.project).cost;
    }
  }
  check_exhaustive(ctx, replay);
  ctx.check("mes: the MES phase is within the budget");
  if (mes_cost > ctx.instance.budget()) {
    ctx.fail("the MES purchases cost " + text(mes_cost) + ", more than the budget " + text(ctx.instance.budget()));
  }
  check_completion(ctx, outcome, free + cert.purchases.size());
}

}  // namespace covalue::core::verify_detail
