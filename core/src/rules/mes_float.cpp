#include "mes_float.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace covalue::core::rules {

// The error bound. Doubles are IEEE binary64 rounded to nearest (no fast-math, no contraction, no
// x87); u = 2^-53 is the unit roundoff. Every class's budget is the start budget minus the payment
// caps of the purchases on its lineage, and every cap is computed from the supporters' budgets and
// the cost. One worst-case margin for a whole run would have to let every error land on one voter:
// a cap's error is the poor classes' error (in money) divided by the rich weight, so per voter it
// can grow by the number of voters at each purchase. Instead each double carries its own bound,
// computed beside it (running error analysis), where e(x) bounds |x~ - x|:
//  - start budget b~ = mpq_get_d(b) truncates, off by under one ulp: e = 4u b~;
//  - a cost or satisfaction converted the same way is off by at most 2u of itself;
//  - a sum of k products n_i x~_i (n_i exact integer weights) is off from sum n_i x_i by at most
//    sum n_i e(x_i) + k u sum n_i x~_i, and each further add, subtract or divide adds u of its result;
//  - cap~ = fl((cost~ - poor~) / R), R the rich weight (exact): e(cap) <= (sum_poor n e +
//    (2k + 8) u (cost~ + poor~)) / R + 2u cap~, valid once the poor/rich partition is certified;
//  - a payer class's new budget fl(b~ - cap~) is off by at most e(b) + e(cap) + 2u of itself;
//  - rho~ = fl(cap~ / sat~) is off by at most (e(cap) + 4u cap~) / sat~ + 4u rho~.
// These formulas are evaluated in doubles too: each is a sum of at most k + 8 non-negative terms,
// k <= groups <= kMaxGroups, so its computed value falls short of its true value by a relative
// (k + 8) u < 1.2e-8 at most, which the factor kUp absorbs; kTiny absorbs underflow, which the
// magnitude guards (costs, satisfactions and a positive start budget in [kSmall, kHuge], total
// weight <= 2^50 so that weight sums are exact) keep many orders of magnitude below it. A decision
// is taken only when the two certified intervals are disjoint with a further relative margin of 4u
// for the rounding of the comparison itself (below()); anything closer (a class exactly at a cap, a
// project exactly affordable, two prices nearly or exactly equal) makes the run give up, and the
// caller runs the exact engine. The one exception is a tie proven exact without rounding: twins
// (same cost, satisfaction and supporters), or two prices each certified to have no supporter paying
// all they have, so that each is exactly cost / (weight * sat) and they compare in rationals.
namespace {

constexpr double kUnit = std::numeric_limits<double>::epsilon() / 2;
constexpr double kUp = 1.0 + 1e-6;
constexpr double kTiny = 1e-290;
constexpr double kSmall = 1e-100;
constexpr double kHuge = 1e100;
constexpr double kMaxWeight = 1125899906842624.0;  // 2^50
constexpr std::size_t kMaxGroups = 100000000;
constexpr int kMaxPasses = 1000;
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
constexpr std::size_t kGiveUp = kNone - 1;
constexpr std::uint32_t kUnset = std::numeric_limits<std::uint32_t>::max();

// a < b with a margin for the rounding of the operands' last operation; NaN and infinities fail.
bool below(double a, double b) { return a + 4 * kUnit * (std::fabs(a) + std::fabs(b)) < b; }

bool in_range(double x) { return x >= kSmall && x <= kHuge; }

}  // namespace

MesFloat::MesFloat(const MesEngine& engine) : engine_(engine) {
  const auto& weights = engine.weights_;
  weight_.reserve(weights.group.size());
  for (const std::int64_t w : weights.group) {
    weight_.push_back(static_cast<double>(w));
  }
  usable_ = static_cast<double>(weights.total) <= kMaxWeight && weight_.size() <= kMaxGroups;
  for (const ProjectIndex p : engine.candidates_) {
    const double cost = engine.instance_.project(p).cost.get_d();
    const double sat = engine.sat_[p].get_d();
    usable_ = usable_ && in_range(cost) && in_range(sat);
    Candidate candidate{p, static_cast<std::uint32_t>(all_.size()), cost, sat};
    candidate.lo = -std::numeric_limits<double>::infinity();
    all_.push_back(candidate);
    ratio_.emplace_back(engine.instance_.project(p).cost / engine.sat_[p]);
  }
  find_twins();
  class_of_.resize(weight_.size());
  touched_.reserve(weight_.size() + 2);
  touched_budget_.reserve(weight_.size() + 2);
  touched_weight_.reserve(weight_.size() + 2);
  touched_err_.reserve(weight_.size() + 2);
}

Result<FloatSelection> MesFloat::run(const Rational& budget_per_weight, TieResolver* resolver) {
  if (!usable_ || !start(budget_per_weight)) {
    return FloatSelection{};
  }
  if (log_ != nullptr) {
    log_->clear();
  }
  std::vector<ProjectIndex> selected;
  selected.reserve(engine_.free_.size() + all_.size());
  selected.insert(selected.end(), engine_.free_.begin(), engine_.free_.end());
  while (true) {
    auto best = next_purchase(resolver);
    if (!best.ok()) {
      return best.error();
    }
    if (*best == kGiveUp) {
      return FloatSelection{};
    }
    if (*best != kNone) {
      step_.project = live_[*best].project;
      buy(live_[*best]);
      selected.push_back(live_[*best].project);
      live_[*best].out = true;
    }
    std::erase_if(live_, [](const Candidate& c) { return c.out; });
    if (*best == kNone) {
      return FloatSelection{std::move(selected)};
    }
  }
}

// Candidates with the same cost, satisfaction and supporters are twins: in every state of every run
// their prices are equal. twin_ maps each to the first of its twins.
void MesFloat::find_twins() {
  const auto& instance = engine_.instance_;
  const auto& profile = engine_.profile_;
  for (std::uint32_t a = 0; a < all_.size(); ++a) {
    const ProjectIndex p = all_[a].project;
    std::uint32_t first = a;
    const auto ps = profile.supporters(p);
    for (std::uint32_t b = 0; b < a && first == a; ++b) {
      const ProjectIndex q = all_[b].project;
      const auto qs = profile.supporters(q);
      if (ps.size() == qs.size() && instance.project(p).cost == instance.project(q).cost &&
          engine_.sat_[p] == engine_.sat_[q] && std::equal(ps.begin(), ps.end(), qs.begin())) {
        first = twin_[b];
      }
    }
    twin_.push_back(first);
  }
}

// Everyone in one class holding the start budget (or in class 0 when it is not positive).
bool MesFloat::start(const Rational& budget_per_weight) {
  const double budget = budget_per_weight.get_d();
  const bool funded = sgn(budget_per_weight) > 0;
  if (funded && !(in_range(budget) && budget * static_cast<double>(engine_.weights_.total) <= kHuge)) {
    return false;
  }
  budget_.clear();
  err_.clear();
  weight_in_.clear();
  child_.clear();
  add_class(0, 0);
  if (funded) {
    add_class(budget, 4 * kUnit * budget * kUp + kTiny);
  }
  std::fill(class_of_.begin(), class_of_.end(), funded ? 1U : 0U);
  one_class_ = funded;
  live_ = all_;
  return true;
}

// The candidate to buy next, by lazy evaluation in order of the lower bounds of their prices;
// kNone when none is affordable, kGiveUp when the cheapest is not certainly the cheapest.
Result<std::size_t> MesFloat::next_purchase(TieResolver* resolver) {
  std::sort(live_.begin(), live_.end(), [](const Candidate& a, const Candidate& b) { return a.lo < b.lo; });
  step_.tied.clear();
  step_.dropped.clear();
  std::size_t best = kNone;
  for (std::size_t i = 0; i < live_.size(); ++i) {
    Candidate& c = live_[i];
    if (best != kNone && below(live_[best].hi, c.lo)) {
      break;  // its price, and every later one's, is certainly above the best's
    }
    switch (evaluate(c)) {
      case Verdict::kTooClose:
        return std::size_t{kGiveUp};
      case Verdict::kUnaffordable:
        c.out = true;  // budgets only fall: it stays unaffordable
        step_.dropped.push_back(c.project);
        break;
      case Verdict::kPriced:
        if (best == kNone || c.rho < live_[best].rho) {
          best = i;
        }
        break;
    }
  }
  if (best == kNone) {
    return kNone;
  }
  return settle(best, resolver);
}

// The candidate to buy: the cheapest when every other price is certainly higher; else, given a
// resolver, when each price not certainly higher provably equals the cheapest's, the one the resolver
// picks among them, presented as MesEngine::run presents them (ordered by the tie-breaker); else
// kGiveUp. A price exactly equal to the cheapest's is never certainly higher, so the projects found
// are exactly the exact engine's tie.
Result<std::size_t> MesFloat::settle(std::size_t best, TieResolver* resolver) {
  tied_.assign(1, live_[best].project);
  for (std::size_t i = 0; i < live_.size(); ++i) {
    if (i == best || live_[i].out || below(live_[best].hi, live_[i].lo)) {
      continue;
    }
    if (resolver == nullptr || !same_price(live_[best], live_[i])) {
      return std::size_t{kGiveUp};
    }
    tied_.push_back(live_[i].project);
  }
  if (tied_.size() == 1) {
    return best;
  }
  engine_.ties_.order(tied_);
  auto choice = resolver->choose(tied_);
  if (!choice.ok()) {
    return choice.error();
  }
  const ProjectIndex chosen = tied_[*choice];
  step_.tied = tied_;
  step_.tied.erase(step_.tied.begin() + static_cast<std::ptrdiff_t>(*choice));
  const auto at = std::find_if(live_.begin(), live_.end(), [&](const Candidate& c) { return c.project == chosen; });
  return static_cast<std::size_t>(at - live_.begin());
}

// True when both prices are provably equal: twins always cost the same; and when no supporter of a
// project pays all they have, its price is exactly cost / (weight * sat), the weight an exact integer.
bool MesFloat::same_price(const Candidate& a, const Candidate& b) const {
  if (twin_[a.slot] == twin_[b.slot]) {
    return true;
  }
  if (!a.all_rich || !b.all_rich) {
    return false;
  }
  const Rational a_weight(static_cast<long>(a.total));
  const Rational b_weight(static_cast<long>(b.total));
  return ratio_[a.slot] * b_weight == ratio_[b.slot] * a_weight;
}

// Certifies whether the supporters can afford the candidate, and if so prices it.
MesFloat::Verdict MesFloat::evaluate(Candidate& candidate) {
  const double total = gather(candidate.project);
  if (total == 0) {
    return Verdict::kUnaffordable;  // nobody with budget left supports it; its cost is positive
  }
  const PoorSums all = poor_below(std::numeric_limits<double>::infinity());
  const auto terms = static_cast<double>(touched_budget_.size());
  const double err = (all.err + (2 * terms + 8) * kUnit * (candidate.cost + all.money)) * kUp + kTiny;
  if (below(all.money + err, candidate.cost)) {
    return Verdict::kUnaffordable;
  }
  if (!below(candidate.cost, all.money - err)) {
    return Verdict::kTooClose;
  }
  return price(candidate, total) ? Verdict::kPriced : Verdict::kTooClose;
}

// Water-filling: raise the trial cap until the classes below it (who pay all they have) stop
// changing; then certify that each class lies on its side of the cap, and bound the price.
bool MesFloat::price(Candidate& candidate, double total) {
  double cap = candidate.cost / total;
  double previous = -1;
  PoorSums poor;
  for (int pass = 0;; ++pass) {
    poor = poor_below(cap);
    if (poor.weight == previous) {
      break;  // cap was computed from exactly these poor classes
    }
    if (poor.weight >= total || pass == kMaxPasses) {
      return false;
    }
    cap = (candidate.cost - poor.money) / (total - poor.weight);
    if (!(cap > 0)) {
      return false;  // only rounding can bring the poor's money up to the cost
    }
    previous = poor.weight;
  }
  const auto terms = static_cast<double>(touched_budget_.size());
  const double numerator = poor.err + (2 * terms + 8) * kUnit * (candidate.cost + poor.money);
  const double cap_err = (numerator / (total - poor.weight) + 2 * kUnit * cap) * kUp + kTiny;
  const bool poor_ok = poor.weight == 0 || below(poor.top, cap - cap_err);
  if (!poor_ok || !below(cap + cap_err, poor.floor)) {
    return false;
  }
  const double rho = cap / candidate.sat;
  const double rho_err = ((cap_err + 4 * kUnit * cap) / candidate.sat + 4 * kUnit * rho) * kUp + kTiny;
  candidate.total = total;
  candidate.all_rich = poor.weight == 0;
  candidate.cap = cap;
  candidate.cap_err = cap_err;
  candidate.rho = rho;
  candidate.lo = rho - rho_err;
  candidate.hi = rho + rho_err;
  return true;
}

// Sums over the gathered classes whose budget is below `cap` (all of them for an infinite cap).
MesFloat::PoorSums MesFloat::poor_below(double cap) const {
  PoorSums sums{0, 0, 0, 0, std::numeric_limits<double>::infinity()};
  const std::size_t n = touched_budget_.size();
  for (std::size_t i = 0; i < n; ++i) {
    const double budget = touched_budget_[i];
    const double weight = touched_weight_[i];
    if (budget < cap) {
      sums.weight += weight;
      sums.money += weight * budget;
      sums.err += weight * touched_err_[i];
      sums.top = std::max(sums.top, budget + touched_err_[i]);
    } else {
      sums.floor = std::min(sums.floor, budget - touched_err_[i]);
    }
  }
  return sums;
}

// Lists the classes of the project's supporters that have budget left, with the supporters' weight
// in each; returns that weight's total.
double MesFloat::gather(ProjectIndex project) {
  touched_budget_.clear();
  touched_weight_.clear();
  touched_err_.clear();
  if (one_class_) {  // before the first purchase, every supporter is in class 1
    const auto weight = static_cast<double>(engine_.weights_.project[project]);
    touched_budget_.push_back(budget_[1]);
    touched_weight_.push_back(weight);
    touched_err_.push_back(err_[1]);
    return weight;
  }
  touched_.clear();
  for (const GroupIndex g : engine_.profile_.supporters(project)) {
    const std::uint32_t c = class_of_[g];
    if (c == 0 || weight_[g] == 0) {
      continue;
    }
    if (weight_in_[c] == 0) {
      touched_.push_back(c);
    }
    weight_in_[c] += weight_[g];
  }
  double total = 0;
  for (const std::uint32_t c : touched_) {
    touched_budget_.push_back(budget_[c]);
    touched_weight_.push_back(weight_in_[c]);
    touched_err_.push_back(err_[c]);
    total += weight_in_[c];
    weight_in_[c] = 0;
  }
  return total;
}

// Every supporter pays min(own budget, cap): classes below the (certified) cap empty, the others
// move to a new class holding what is left.
void MesFloat::buy(const Candidate& candidate) {
  one_class_ = false;
  touched_.clear();
  for (const GroupIndex g : engine_.profile_.supporters(candidate.project)) {
    const std::uint32_t from = class_of_[g];
    if (from == 0 || weight_[g] == 0) {
      continue;
    }
    if (child_[from] == kUnset) {
      const std::uint32_t to = split(from, candidate.cap, candidate.cap_err);
      child_[from] = to;
      touched_.push_back(from);
    }
    class_of_[g] = child_[from];
  }
  if (log_ != nullptr) {
    step_.splits.clear();
    for (const std::uint32_t c : touched_) {
      step_.splits.emplace_back(c, child_[c]);
    }
    log_->push_back(step_);
  }
  for (const std::uint32_t c : touched_) {
    child_[c] = kUnset;
  }
}

std::uint32_t MesFloat::split(std::uint32_t from, double cap, double cap_err) {
  if (budget_[from] < cap) {
    return 0;
  }
  const double rest = budget_[from] - cap;
  return add_class(rest, (err_[from] + cap_err + 2 * kUnit * rest) * kUp + kTiny);
}

std::uint32_t MesFloat::add_class(double budget, double err) {
  budget_.push_back(budget);
  err_.push_back(err);
  weight_in_.push_back(0);
  child_.push_back(kUnset);
  return static_cast<std::uint32_t>(budget_.size() - 1);
}

Result<FloatSelection> certified_float_run(const MesEngine& engine, const Rational& budget_per_weight,
                                           TieResolver* resolver) {
  MesFloat run(engine);
  return run.run(budget_per_weight, resolver);
}

}  // namespace covalue::core::rules
