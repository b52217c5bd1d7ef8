// Maximum welfare: the certificate against the selection, and the optimality claim re-proved by an
// exact method other than the rule's (dynamic programming over costs or over values, or a
// Rational-arithmetic search for a strictly better selection).
#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <vector>

#include "verify_internal.hpp"

namespace covalue::core::verify_detail {
namespace {

constexpr std::uint64_t kDpOperationLimit = 30'000'000;
constexpr std::uint64_t kSearchNodeLimit = 2'000'000;
constexpr std::int64_t kInt64Limit = std::int64_t{1} << 62;

// The projects that can add welfare, as rationals; free ones (no cost) are always worth taking.
struct Knapsack {
  std::vector<Rational> value;
  std::vector<Rational> cost;
  Rational budget;
  Rational free_welfare;
};

Knapsack knapsack_of(const VerifyContext& ctx) {
  Knapsack k;
  k.budget = ctx.instance.budget();
  for (ProjectIndex p = 0; p < ctx.instance.size(); ++p) {
    const Rational value = ctx.total_satisfaction(p);
    const Rational& cost = ctx.instance.project(p).cost;
    if (value <= 0 || cost > k.budget) {
      continue;
    }
    if (cost == 0) {
      k.free_welfare += value;
      continue;
    }
    k.value.push_back(value);
    k.cost.push_back(cost);
  }
  return k;
}

// Integers proportional to `numbers` (times the lcm of their denominators, over the gcd), with that
// factor; nullopt when their sum does not fit in 62 bits.
std::optional<std::vector<std::int64_t>> as_integers(const std::vector<Rational>& numbers, Rational& factor) {
  Integer lcm = 1;
  for (const Rational& n : numbers) {
    mpz_lcm(lcm.get_mpz_t(), lcm.get_mpz_t(), n.get_den_mpz_t());
  }
  Integer gcd = 0;
  std::vector<Integer> scaled;
  for (const Rational& n : numbers) {
    scaled.emplace_back(n.get_num() * (lcm / n.get_den()));
    mpz_gcd(gcd.get_mpz_t(), gcd.get_mpz_t(), scaled.back().get_mpz_t());
  }
  factor = gcd == 0 ? Rational(lcm) : Rational(lcm, gcd);
  factor.canonicalize();
  std::vector<std::int64_t> out;
  Integer sum = 0;
  for (Integer& n : scaled) {
    n /= gcd == 0 ? Integer(1) : gcd;
    sum += n;
    if (sum >= kInt64Limit) {
      return std::nullopt;
    }
    out.push_back(n.get_si());
  }
  return out;
}

struct Proof {
  Rational optimum;  // the best welfare of the knapsack items (free projects excluded)
  std::string method;
};

// Dynamic programming over capacities: best value within each capacity.
std::optional<Proof> dp_over_costs(const Knapsack& k) {
  Rational value_factor;
  Rational cost_factor;
  const auto values = as_integers(k.value, value_factor);
  const auto costs = as_integers(k.cost, cost_factor);
  if (!values || !costs) {
    return std::nullopt;
  }
  const Rational scaled_budget = k.budget * cost_factor;
  const Integer capacity = scaled_budget.get_num() / scaled_budget.get_den();
  const std::int64_t total_cost = std::accumulate(costs->begin(), costs->end(), std::int64_t{0});
  const std::int64_t room = capacity < 0 ? 0 : capacity.fits_slong_p() ? capacity.get_si() : total_cost;
  const auto columns = static_cast<std::uint64_t>(std::min(room, total_cost)) + 1;
  if (columns * (values->size() + 1) > kDpOperationLimit) {
    return std::nullopt;
  }
  std::vector<std::int64_t> best(columns, 0);
  for (std::size_t i = 0; i < values->size(); ++i) {
    const auto w = static_cast<std::uint64_t>((*costs)[i]);
    for (std::uint64_t c = columns; c-- > w;) {
      best[c] = std::max(best[c], best[c - w] + (*values)[i]);
    }
  }
  return Proof{Rational(Integer(static_cast<long>(best.back()))) / value_factor, "dynamic programming over costs"};
}

// Dynamic programming over values: the least cost reaching each total value.
std::optional<Proof> dp_over_values(const Knapsack& k) {
  Rational value_factor;
  Rational cost_factor;
  const auto values = as_integers(k.value, value_factor);
  const auto costs = as_integers(k.cost, cost_factor);
  if (!values || !costs) {
    return std::nullopt;
  }
  const std::int64_t total_value = std::accumulate(values->begin(), values->end(), std::int64_t{0});
  const auto columns = static_cast<std::uint64_t>(total_value) + 1;
  if (columns * (values->size() + 1) > kDpOperationLimit) {
    return std::nullopt;
  }
  constexpr std::int64_t kUnreachable = std::numeric_limits<std::int64_t>::max();
  std::vector<std::int64_t> least(columns, kUnreachable);
  least[0] = 0;
  for (std::size_t i = 0; i < values->size(); ++i) {
    const auto v = static_cast<std::uint64_t>((*values)[i]);
    for (std::uint64_t t = columns; t-- > v;) {
      if (least[t - v] != kUnreachable) {
        least[t] = std::min(least[t], least[t - v] + (*costs)[i]);
      }
    }
  }
  const Rational budget = k.budget * cost_factor;
  std::uint64_t best = 0;
  for (std::uint64_t t = 0; t < columns; ++t) {
    if (least[t] != kUnreachable && Rational(Integer(static_cast<long>(least[t]))) <= budget) {
      best = t;
    }
  }
  return Proof{Rational(Integer(static_cast<unsigned long>(best))) / value_factor, "dynamic programming over values"};
}

// Depth-first search in rationals for a selection worth more than `claim`, excluding before
// including, pruned by the fractional relaxation; nullopt when the node limit stops it.
class BetterSelectionSearch {
 public:
  BetterSelectionSearch(const Knapsack& k, Rational claim) : k_(k), claim_(std::move(claim)) {
    order_.resize(k.value.size());
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    std::sort(order_.begin(), order_.end(),
              [&](std::size_t a, std::size_t b) { return k.value[a] * k.cost[b] > k.value[b] * k.cost[a]; });
    prefix_cost_.emplace_back(0);
    prefix_value_.emplace_back(0);
    for (const std::size_t i : order_) {
      prefix_cost_.push_back(prefix_cost_.back() + k.cost[i]);
      prefix_value_.push_back(prefix_value_.back() + k.value[i]);
    }
  }

  //! The welfare of a better selection if one exists (nullopt otherwise); `complete` false on a stop.
  std::optional<Rational> run(bool& complete) {
    dfs(0, Rational(0), k_.budget);
    complete = nodes_ <= kSearchNodeLimit;
    return found_;
  }

 private:
  void dfs(std::size_t i, const Rational& value, const Rational& room) {
    if (found_ || ++nodes_ > kSearchNodeLimit) {
      return;
    }
    const Rational reach = prefix_cost_[i] + room;
    const auto end = std::upper_bound(prefix_cost_.begin() + static_cast<std::ptrdiff_t>(i), prefix_cost_.end(), reach);
    const auto fit = static_cast<std::size_t>(end - prefix_cost_.begin()) - 1;
    Rational bound = value + prefix_value_[fit] - prefix_value_[i];
    if (fit == order_.size()) {
      if (bound > claim_) {
        found_ = bound;
      }
      return;
    }
    const std::size_t split = order_[fit];
    bound += k_.value[split] * (reach - prefix_cost_[fit]) / k_.cost[split];
    if (bound <= claim_) {
      return;
    }
    const std::size_t item = order_[i];
    dfs(i + 1, value, room);
    if (k_.cost[item] <= room) {
      dfs(i + 1, value + k_.value[item], room - k_.cost[item]);
    }
  }

  const Knapsack& k_;
  Rational claim_;
  std::vector<std::size_t> order_;
  std::vector<Rational> prefix_cost_;
  std::vector<Rational> prefix_value_;
  std::uint64_t nodes_{0};
  std::optional<Rational> found_;
};

void check_optimality(const VerifyContext& ctx, const Rational& welfare, const std::string& rule_method) {
  const Knapsack k = knapsack_of(ctx);
  std::optional<Proof> proof;
  if (rule_method != "dynamic-programming") {
    proof = dp_over_costs(k);
  }
  if (!proof) {
    proof = dp_over_values(k);
  }
  if (proof) {
    ctx.check("maxwelfare: optimality re-proved by " + proof->method);
    const Rational optimum = proof->optimum + k.free_welfare;
    if (optimum != welfare) {
      ctx.fail("the best selection within the budget has welfare " + text(optimum) + ", not " + text(welfare));
    }
    return;
  }
  ctx.check("maxwelfare: optimality re-proved by a second exact search (rational arithmetic, exclusion first)");
  bool complete = false;
  const auto better = BetterSelectionSearch(k, welfare - k.free_welfare).run(complete);
  if (better) {
    ctx.fail("a selection within the budget has welfare " + text(*better + k.free_welfare) + ", more than " +
             text(welfare));
  } else if (!complete) {
    ctx.fail("optimality could not be re-proved within " + std::to_string(kSearchNodeLimit) + " search nodes");
  }
}

}  // namespace

void verify_max_welfare(const VerifyContext& ctx, const Outcome& outcome) {
  ctx.check("maxwelfare: certificate present");
  if (!outcome.welfare) {
    ctx.fail("the outcome carries no welfare certificate");
    return;
  }
  const WelfareCertificate& cert = *outcome.welfare;
  ctx.check("maxwelfare: certified welfare is the selection's welfare");
  Rational welfare;
  for (const ProjectIndex p : outcome.selected) {
    welfare += ctx.total_satisfaction(p);
  }
  if (cert.welfare != welfare) {
    ctx.fail("the certificate gives welfare " + text(cert.welfare) + " but the selection's welfare is " +
             text(welfare));
  }
  ctx.check("maxwelfare: upper bound equals the welfare");
  if (cert.upper_bound != cert.welfare) {
    ctx.fail("the certificate's upper bound " + text(cert.upper_bound) + " differs from its welfare " +
             text(cert.welfare) + ": optimality is not proved");
  }
  check_optimality(ctx, welfare, cert.method);
}

}  // namespace covalue::core::verify_detail
