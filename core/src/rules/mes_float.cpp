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
constexpr double kDown = 1.0 - 1e-6;
// Prices within this factor of a purchase's are recorded in bounds (MesFloat::Bounds), for later tries.
constexpr double kNear = 1.01;
constexpr double kTiny = 1e-290;
constexpr double kSmall = 1e-100;
constexpr double kHuge = 1e100;
constexpr double kMaxWeight = 1125899906842624.0;  // 2^50
constexpr std::size_t kMaxGroups = 100000000;
constexpr int kMaxPasses = 1000;
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
constexpr std::size_t kGiveUp = kNone - 1;

// a < b with a margin for the rounding of the operands' last operation; NaN and infinities fail.
bool below(double a, double b) { return a + 4 * kUnit * (std::fabs(a) + std::fabs(b)) < b; }

bool in_range(double x) { return x >= kSmall && x <= kHuge; }

// Appends class c to met[0, n) unless marked with `stamp`, and marks it. Without a branch: which group of a
// list meets a new class is random, and a mispredicted branch per new class cost more than the rest.
inline void meet(std::uint32_t c, std::uint32_t stamp, std::uint32_t* mark, std::uint32_t* met, std::size_t& n) {
  const bool fresh = mark[c] != stamp;
  mark[c] = stamp;
  met[n] = c;
  n += fresh ? 1 : 0;
}

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
    // Its supporters of positive weight, kept in a list of their own that runs shorten as they empty.
    supporters_from_.push_back(static_cast<std::uint32_t>(all_supporters_.size()));
    for (const GroupIndex g : engine.profile_.supporters(p)) {
      if (weight_[g] > 0) {
        all_supporters_.push_back(g);
      }
    }
    all_counts_.push_back(static_cast<std::uint32_t>(all_supporters_.size()) - supporters_from_.back());
  }
  find_twins();
  met_.resize(all_counts_.empty() ? 1 : *std::max_element(all_counts_.begin(), all_counts_.end()) + std::size_t{1});
  class_of_.resize(weight_.size());
  touched_.reserve(weight_.size() + 2);
  touched_budget_.reserve(weight_.size() + 2);
  touched_weight_.reserve(weight_.size() + 2);
  touched_err_.reserve(weight_.size() + 2);
}

Result<FloatSelection> MesFloat::run(const Rational& budget_per_weight, TieResolver* resolver, Bounds* bounds) {
  if (!usable_ || !start(budget_per_weight)) {
    return FloatSelection{};
  }
  recording_ = bounds != nullptr;
  if (bounds != nullptr) {
    bounds->budget = budget_per_weight;
    bounds->prices.clear();
    bounds->offsets.assign(1, 0);
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
      const Candidate& chosen = live_[*best];
      step_.project = chosen.project;
      if (bounds != nullptr) {
        note(*bounds, chosen);
        for (const std::size_t i : priced_) {
          if (i != *best && !live_[i].out) {
            note(*bounds, live_[i]);
          }
        }
        bounds->offsets.push_back(static_cast<std::uint32_t>(bounds->prices.size()));
      }
      ++purchases_;
      buy(chosen);
      selected.push_back(chosen.project);
      live_[*best].out = true;
    }
    std::erase_if(live_, [](const Candidate& c) { return c.out; });
    if (*best == kNone) {
      if (bounds != nullptr) {
        bounds->dropped = drops_;
      }
      return FloatSelection{std::move(selected)};
    }
  }
}

bool MesFloat::holds(const Rational& budget_per_weight, std::span<const ProjectIndex> bought, const Bounds& from,
                     Bounds& to, bool twins_alike, double* aim) {
  double unused = 0;
  double& reach = aim != nullptr ? *aim : unused;
  reach = 0;
  double ahead = std::numeric_limits<double>::infinity();  // on success: where a gap would close
  if (!usable_ || from.offsets.size() != bought.size() + 1 || !start(budget_per_weight)) {
    return false;
  }
  const double growth = Rational(budget_per_weight - from.budget).get_d();
  if (!(growth > 0)) {
    return false;
  }
  growth_ = growth;
  to.budget = budget_per_weight;
  to.prices.clear();
  to.offsets.assign(1, 0);
  from_entry_.assign(all_.size(), -1);
  from_drop_.assign(all_.size(), -1);
  for (std::size_t e = 0; e < from.dropped.size(); ++e) {
    from_drop_[from.dropped[e].slot] = static_cast<std::int64_t>(e);
  }
  drop_source_ = &from;
  for (std::size_t r = 0; r < bought.size(); ++r) {
    const std::uint32_t first = from.offsets[r];
    const std::uint32_t end = from.offsets[r + 1];
    std::sort(live_.begin(), live_.end(), [](const Candidate& a, const Candidate& b) { return a.lo < b.lo; });
    const auto chosen =
        std::find_if(live_.begin(), live_.end(), [&](const Candidate& c) { return c.project == bought[r]; });
    if (first == end || chosen == live_.end() || from.prices[first].slot != chosen->slot ||
        evaluate(*chosen) != Verdict::kPriced) {
      return false;
    }
    const Bounds::Price& chosen_from = from.prices[first];
    bound_fall(chosen_from, *chosen, growth);
    for (std::uint32_t e = first + 1; e < end; ++e) {
      from_entry_[from.prices[e].slot] = e;
    }
    note(to, *chosen);
    const std::uint32_t twin = twin_[chosen->slot];
    bool alike = true;
    for (Candidate& c : live_) {
      if (below(chosen_from.hi * kNear, c.lo)) {
        break;  // it, and every later one, is dearer here than the bought one was at the lower budget
      }
      if (&c == &*chosen || (twins_alike && twin_[c.slot] == twin)) {
        continue;
      }
      if (below(chosen_from.hi, c.lo)) {  // certainly dearer: priced only for the bounds of the next try
        const Verdict verdict = evaluate(c);
        if (verdict == Verdict::kUnaffordable) {
          drop(c);
        } else if (verdict == Verdict::kPriced) {
          note(to, c);
        }
        continue;
      }
      const Verdict verdict = evaluate(c);
      if (verdict == Verdict::kUnaffordable) {
        drop(c);  // budgets only fall: it stays unaffordable
        continue;
      }
      if (verdict == Verdict::kTooClose) {
        reach = 0.5;
        alike = false;
        break;
      }
      note(to, c);
      const std::int64_t entry = from_entry_[c.slot];
      const Bounds::Price* other_from = entry >= 0 ? &from.prices[static_cast<std::size_t>(entry)] : nullptr;
      if (other_from != nullptr) {
        if (twins_alike && tied_throughout(chosen_from, *chosen, *other_from, c)) {
          continue;  // the same tie, resolved alike, at every budget on the way
        }
        bound_fall(*other_from, c, growth);
      }
      reach = apart(chosen_from, *chosen, other_from, c, growth);
      if (!(reach > 1 + 1e-9)) {
        if (other_from == nullptr) {
          reach = affordable_share(c, r);
        }
        alike = false;
        break;
      }
      if (other_from != nullptr) {  // where the gap would close if it kept closing as from a to here
        const double gap_a = other_from->lo - chosen_from.hi;
        const double gap_b = c.lo - chosen->hi;
        if (gap_b < gap_a) {
          ahead = std::min(ahead, 1 + gap_b / (gap_a - gap_b));
        }
      }
    }
    for (std::uint32_t e = first + 1; e < end; ++e) {
      from_entry_[from.prices[e].slot] = -1;
    }
    if (!alike) {
      return false;
    }
    to.offsets.push_back(static_cast<std::uint32_t>(to.prices.size()));
    ++purchases_;
    buy(*chosen);
    chosen->out = true;
    std::erase_if(live_, [](const Candidate& c) { return c.out; });
  }
  for (Candidate& c : live_) {
    if (evaluate(c) != Verdict::kUnaffordable) {
      reach = affordable_share(c, bought.size());
      return false;
    }
    drop(c);
  }
  to.dropped = drops_;
  reach = ahead;
  return true;
}

void MesFloat::drop(Candidate& candidate) {
  candidate.out = true;
  drops_.push_back(Bounds::Drop{candidate.slot, purchases_, candidate.money});
  if (log_ != nullptr) {
    step_.dropped.push_back(candidate.project);
  }
}

// Where, as a share of the growth from the lower budget to here, a candidate affordable here but not
// priced there in purchase `purchase` turned affordable, if its supporters' money grew evenly: a guess
// for the next try, 0.5 when there is nothing to go on.
double MesFloat::affordable_share(const Candidate& candidate, std::size_t purchase) const {
  constexpr double kUnknown = 0.5;
  const std::int64_t entry = from_drop_[candidate.slot];
  if (entry < 0 || drop_source_ == nullptr) {
    return kUnknown;
  }
  const Bounds::Drop& dropped = drop_source_->dropped[static_cast<std::size_t>(entry)];
  if (dropped.purchase > purchase || !(candidate.money > dropped.money)) {
    return kUnknown;
  }
  return std::clamp((candidate.cost - dropped.money) / (candidate.money - dropped.money), 0.0, 1.0);
}

// With a the lower budget and b the higher, `growth` apart: the bought project's price is at most
// bought_from.hi at a and bought.hi at b; the other's is at least other.lo at b and (where known)
// other_from->lo at a; on the way each falls by at most its `fall` and at least its `least_fall` per unit.
// Take a split point s. Up to a + s the other costs at least lo(a) - fall t and the bought at most
// hi(a) - least_fall t (t the growth from a): apart while t stays below reach_a. From a + s on, the
// other costs at least lo(b) + least_fall (growth - t) and the bought at most hi(b) + fall (growth - t):
// apart while growth - t stays below reach_b. Such an s exists when the two reaches add up to the growth.
// Returns (reach_a + reach_b) / growth: apart all the way when above 1 (with a margin for rounding). Below
// 1 it estimates how much of the growth could be proven: where the gap would close if it closed evenly.
double MesFloat::apart(const Bounds::Price& bought_from, const Candidate& bought, const Bounds::Price* other_from,
                       const Candidate& other, double growth) {
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  if (below(bought_from.hi, other.lo)) {
    return kInfinity;  // s = growth: dearer at b than the bought one at a
  }
  if (other_from == nullptr) {
    return 0.5;
  }
  if (!below(bought_from.hi, other_from->lo)) {
    return 0;
  }
  const double gap_a = other_from->lo - bought_from.hi;
  if (!below(bought.hi, other.lo)) {
    return gap_a / (gap_a + bought.hi - other.lo);  // the gap closes on the way
  }
  // Each quotient carries a few roundings of its own (the gaps are differences of doubles that below()
  // keeps well apart, the rates are rounded outwards); the margin asked for covers them many times over.
  const auto reach = [](double gap, double closing) { return closing > 0 ? gap / closing : kInfinity; };
  const double reach_a = reach(gap_a, other.fall - bought.least_fall);
  const double reach_b = reach(other.lo - bought.hi, bought.fall - other.least_fall);
  return (reach_a + reach_b) / growth;
}

void MesFloat::note(Bounds& bounds, const Candidate& candidate) {
  bounds.prices.push_back(
      Bounds::Price{candidate.slot, candidate.all_rich, candidate.lo, candidate.hi, candidate.total});
}

// A candidate none of whose supporters pays all they have costs exactly cost / (total * sat), total the weight
// of its supporters with budget left. With the purchases fixed, budgets only grow on the way from the lower
// budget a to here, b: a supporter with budget left at a has some all the way, and one with none here had none
// all the way. So when the total is the same at a and here, it is the same all the way; the cap, cost / total,
// is too, and supporters rich at a stay rich. Two candidates so at both ends, at the same price here, are tied
// at the same price all the way: beside a resolver that picks from a tie by the tie alone, they are twins.
bool MesFloat::tied_throughout(const Bounds::Price& a_from, const Candidate& a, const Bounds::Price& b_from,
                               const Candidate& b) const {
  return a_from.all_rich && b_from.all_rich && a.all_rich && b.all_rich && a_from.total == a.total &&
         b_from.total == b.total && same_price(a, b);
}

// Bounds how fast the just evaluated candidate's cap and price can fall, at most and at least, while every
// budget grows from a (where its price was at most at_a.hi) to here, b, `growth` higher, the purchases so
// far fixed. Budgets only grow and caps only fall on the way, so a supporter poor somewhere on the way was
// poor at a and is poor at every budget below one where it is; one rich at a stays rich. The cap,
// (cost - poor money) / rich weight, thus falls at most as fast as the money of those poor at a can grow,
// over the rich weight at a; and at least as fast as the money of those poor here must grow, over the rich
// weight here. A class with nothing left here had nothing all the way; a class here holding b~ (off by at
// most e), growing by at most r per unit, held at least b~ - e - r growth at a, so it was certainly rich at
// a when that reaches the cap at a.
void MesFloat::bound_fall(const Bounds::Price& at_a, Candidate& candidate, double growth) const {
  const double cap_at_a = at_a.hi * candidate.sat * (1 + 8 * kUnit);
  double rich_at_a = 0;
  double rise_poor_at_a = 0;
  double rich_here = 0;
  double rise_poor_here = 0;
  for (std::size_t i = 0; i < touched_budget_.size(); ++i) {
    const double weight = touched_weight_[i];
    if (below(cap_at_a, least_at_a(touched_budget_[i], touched_err_[i], touched_rise_[i], growth))) {
      rich_at_a += weight;
    } else {
      rise_poor_at_a += weight * touched_rise_[i];
    }
    if (touched_budget_[i] < candidate.cap) {  // certified by price(): poor here
      rise_poor_here += weight * touched_least_rise_[i];
    } else {
      rich_here += weight;
    }
  }
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  candidate.cap_fall = rich_at_a > 0 ? rise_poor_at_a / rich_at_a * kUp + kTiny : kInfinity;
  candidate.fall = rich_at_a > 0 ? candidate.cap_fall / candidate.sat * kUp + kTiny : kInfinity;
  candidate.cap_least_fall = rise_poor_here / rich_here * kDown;
  candidate.least_fall = candidate.cap_least_fall / candidate.sat * kDown;
  candidate.cap_at_a = cap_at_a;
}

double MesFloat::least_at_a(double budget, double err, double rise, double growth) {
  return budget - err - rise * growth * kUp;
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
  rise_.clear();
  least_rise_.clear();
  weight_in_.clear();
  mark_.clear();
  child_.clear();
  growth_ = 0;
  purchases_ = 0;
  drops_.clear();
  drop_source_ = nullptr;
  std::swap(before_, gathers_);
  gathers_.clear();
  alike_so_far_ = funded;
  add_class(0, 0, 0, 0);
  if (funded) {
    add_class(budget, 4 * kUnit * budget * kUp + kTiny, 1, 1);  // every budget grows by the growth
  }
  std::fill(class_of_.begin(), class_of_.end(), funded ? 1U : 0U);
  supporters_ = all_supporters_;
  counts_ = all_counts_;
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
  priced_.clear();
  std::size_t i = 0;
  for (; i < live_.size(); ++i) {
    Candidate& c = live_[i];
    if (best != kNone && below(live_[best].hi, c.lo)) {
      break;  // its price, and every later one's, is certainly above the best's
    }
    switch (evaluate(c)) {
      case Verdict::kTooClose:
        return std::size_t{kGiveUp};
      case Verdict::kUnaffordable:
        drop(c);  // budgets only fall: it stays unaffordable
        break;
      case Verdict::kPriced:
        priced_.push_back(i);
        if (best == kNone || c.rho < live_[best].rho) {
          best = i;
        }
        break;
    }
  }
  if (best == kNone) {
    return kNone;
  }
  if (recording_) {
    price_near(i, live_[best].hi);
  }
  return settle(best, resolver);
}

// For the bounds of a run (holds()), also prices the candidates from live_[from] on whose price may be
// near `price`: a later, higher budget may find them as cheap. Nothing is decided by them here.
void MesFloat::price_near(std::size_t from, double price) {
  for (std::size_t i = from; i < live_.size() && !below(price * kNear, live_[i].lo); ++i) {
    switch (evaluate(live_[i])) {
      case Verdict::kTooClose:
        break;
      case Verdict::kUnaffordable:
        drop(live_[i]);  // budgets only fall: it stays unaffordable
        break;
      case Verdict::kPriced:
        priced_.push_back(i);
        break;
    }
  }
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
  const double total = gather(candidate);
  candidate.money = 0;
  if (total == 0) {
    return Verdict::kUnaffordable;  // nobody with budget left supports it; its cost is positive
  }
  const PoorSums all = poor_below(std::numeric_limits<double>::infinity());
  candidate.money = all.money;
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
double MesFloat::gather(const Candidate& candidate) {
  const ProjectIndex project = candidate.project;
  touched_budget_.clear();
  touched_weight_.clear();
  touched_err_.clear();
  touched_rise_.clear();
  touched_least_rise_.clear();
  if (one_class_) {  // before the first purchase, every supporter is in class 1
    const auto weight = static_cast<double>(engine_.weights_.project[project]);
    touched_budget_.push_back(budget_[1]);
    touched_weight_.push_back(weight);
    touched_err_.push_back(err_[1]);
    touched_rise_.push_back(rise_[1]);
    touched_least_rise_.push_back(least_rise_[1]);
    return weight;
  }
  if (double total = 0; gather_again(candidate, total)) {
    return total;
  }
  // Supporters with nothing left keep nothing for the rest of the run: they leave the list. Consecutive
  // supporters are often in the same class: adding each into one sum per class would make every add wait
  // for the one before (through memory), so they go to kLanes sums per class in turn. The loop works on
  // local copies, which no store in it can alias.
  GroupIndex* const list = supporters_.data() + supporters_from_[candidate.slot];
  std::uint32_t count = counts_[candidate.slot];
  const std::int64_t* const weight = engine_.weights_.group.data();  // integers add with less latency
  const std::uint32_t* const class_of = class_of_.data();
  std::int64_t* const sums = weight_in_.data();
  std::uint32_t* const mark = mark_.data();
  const std::uint32_t stamp = next_stamp();
  std::uint32_t* const touched = met_.data();  // sized for the longest supporter list
  std::size_t met = 0;
  // Class 0 counts as met already, so that its supporters are dropped from the list without a branch
  // (its sums are cleared below, never read).
  mark[0] = stamp;
  std::uint32_t kept = 0;
  for (std::uint32_t i = 0; i < count; ++i) {
    const GroupIndex g = list[i];
    const std::uint32_t c = class_of[g];
    list[kept] = g;
    kept += c != 0 ? 1 : 0;
    meet(c, stamp, mark, touched, met);
    sums[std::size_t{c} * kLanes + (i % kLanes)] += weight[g];
  }
  std::fill_n(sums, kLanes, 0);
  count = kept;
  counts_[candidate.slot] = count;
  double total = 0;
  for (const std::uint32_t c : std::span(touched, met)) {
    std::int64_t* const lanes = weight_in_.data() + std::size_t{c} * kLanes;
    std::int64_t in = 0;
    for (std::size_t lane = 0; lane < kLanes; ++lane) {
      in += lanes[lane];
      lanes[lane] = 0;
    }
    touched_budget_.push_back(budget_[c]);
    touched_weight_.push_back(static_cast<double>(in));  // exact: at most 2^50
    touched_err_.push_back(err_[c]);
    touched_rise_.push_back(rise_[c]);
    touched_least_rise_.push_back(least_rise_[c]);
    total += static_cast<double>(in);
  }
  log_gather(candidate, std::span(touched, met));
  return total;
}

void MesFloat::GatherLog::clear() {
  at.clear();
  count.clear();
  classes.clear();
  weights.clear();
  path.clear();
  path_from.assign(1, 0);
}

bool MesFloat::gather_again(const Candidate& candidate, double& total) {
  const std::size_t key = purchases_ * all_.size() + candidate.slot;
  if (!alike_so_far_ || key >= before_.at.size() || before_.at[key] < 0) {
    return false;
  }
  const auto first = static_cast<std::size_t>(before_.at[key]);
  const std::span classes(before_.classes.data() + first, before_.count[key]);
  const double* const weights = before_.weights.data() + first;
  total = 0;
  for (std::size_t e = 0; e < classes.size(); ++e) {
    const std::uint32_t c = classes[e];
    touched_budget_.push_back(budget_[c]);
    touched_weight_.push_back(weights[e]);
    touched_err_.push_back(err_[c]);
    touched_rise_.push_back(rise_[c]);
    touched_least_rise_.push_back(least_rise_[c]);
    total += weights[e];
  }
  log_gather(candidate, classes);
  return true;
}

void MesFloat::log_gather(const Candidate& candidate, std::span<const std::uint32_t> classes) {
  const std::size_t key = purchases_ * all_.size() + candidate.slot;
  if (key >= gathers_.at.size()) {
    gathers_.at.resize((purchases_ + 1) * all_.size(), -1);
    gathers_.count.resize(gathers_.at.size(), 0);
  }
  gathers_.at[key] = static_cast<std::int64_t>(gathers_.classes.size());
  gathers_.count[key] = static_cast<std::uint32_t>(classes.size());
  gathers_.classes.insert(gathers_.classes.end(), classes.begin(), classes.end());
  gathers_.weights.insert(gathers_.weights.end(), touched_weight_.begin(), touched_weight_.end());
}

void MesFloat::log_split(const Candidate& candidate) {
  const std::size_t purchase = gathers_.path_from.size() - 1;
  const std::size_t start = gathers_.path.size();
  gathers_.path.push_back(candidate.slot);
  for (const std::uint32_t c : touched_) {
    gathers_.path.push_back(c);
    gathers_.path.push_back(child_[c]);
  }
  gathers_.path_from.push_back(static_cast<std::uint32_t>(gathers_.path.size()));
  if (alike_so_far_) {
    const auto& from = before_.path_from;
    alike_so_far_ = purchase + 1 < from.size() &&
                    std::equal(gathers_.path.begin() + static_cast<std::ptrdiff_t>(start), gathers_.path.end(),
                               before_.path.begin() + from[purchase], before_.path.begin() + from[purchase + 1]);
  }
}

// Lists in met_ the classes other than 0 of the groups list[0, count), in the order first met; returns how many.
std::size_t MesFloat::meet_classes(const GroupIndex* list, std::uint32_t count) {
  const std::uint32_t stamp = next_stamp();
  std::uint32_t* const mark = mark_.data();
  std::uint32_t* const met = met_.data();
  const std::uint32_t* const class_of = class_of_.data();
  mark[0] = stamp;
  std::size_t n = 0;
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::uint32_t c = class_of[list[i]];
    meet(c, stamp, mark, met, n);
  }
  return n;
}

// A mark for mark_ that no class holds yet.
std::uint32_t MesFloat::next_stamp() {
  if (++gather_mark_ == 0) {
    std::fill(mark_.begin(), mark_.end(), 0);
    gather_mark_ = 1;
  }
  return gather_mark_;
}

// Every supporter pays min(own budget, cap): classes below the (certified) cap empty, the others
// move to a new class holding what is left.
void MesFloat::buy(const Candidate& candidate) {
  one_class_ = false;
  // Its supporters with budget left, in the profile's order (gather() keeps it), so that new classes are
  // numbered as the exact engine numbers them: the classes they are in first, in the order met, then each
  // supporter to where its class's payers go. Supporters with nothing left stay in class 0.
  const GroupIndex* const list = supporters_.data() + supporters_from_[candidate.slot];
  const std::uint32_t count = counts_[candidate.slot];
  std::uint32_t* const class_of = class_of_.data();
  const std::size_t met = meet_classes(list, count);
  touched_.assign(met_.begin(), met_.begin() + static_cast<std::ptrdiff_t>(met));
  for (const std::uint32_t c : touched_) {
    child_[c] = split(c, candidate);
  }
  child_[0] = 0;
  log_split(candidate);
  const std::uint32_t* const child = child_.data();
  for (std::uint32_t i = 0; i < count; ++i) {
    class_of[list[i]] = child[class_of[list[i]]];
  }
  if (log_ != nullptr) {
    step_.splits.clear();
    for (const std::uint32_t c : touched_) {
      step_.splits.emplace_back(c, child_[c]);
    }
    log_->push_back(step_);
  }
}

// In holds(), a payer's budget, max(0, budget - cap), grows at most by its rate plus the cap's fall; and,
// when it was certainly rich at a (so paid the cap all the way), at least by its least rate plus the cap's
// least fall. Plain runs leave the rates as they are.
std::uint32_t MesFloat::split(std::uint32_t from, const Candidate& candidate) {
  if (budget_[from] < candidate.cap) {
    return 0;
  }
  const double rest = budget_[from] - candidate.cap;
  const double err = (err_[from] + candidate.cap_err + 2 * kUnit * rest) * kUp + kTiny;
  if (growth_ == 0) {
    return add_class(rest, err, rise_[from], least_rise_[from]);
  }
  const bool rich_at_a = below(candidate.cap_at_a, least_at_a(budget_[from], err_[from], rise_[from], growth_));
  return add_class(rest, err, (rise_[from] + candidate.cap_fall) * kUp,
                   rich_at_a ? (least_rise_[from] + candidate.cap_least_fall) * kDown : 0);
}

std::uint32_t MesFloat::add_class(double budget, double err, double rise, double least_rise) {
  budget_.push_back(budget);
  err_.push_back(err);
  rise_.push_back(rise);
  least_rise_.push_back(least_rise);
  weight_in_.insert(weight_in_.end(), kLanes, 0);
  mark_.push_back(0);
  child_.push_back(0);  // set by buy() before it is read
  return static_cast<std::uint32_t>(budget_.size() - 1);
}

Result<FloatSelection> certified_float_run(const MesEngine& engine, const Rational& budget_per_weight,
                                           TieResolver* resolver) {
  MesFloat run(engine);
  return run.run(budget_per_weight, resolver);
}

}  // namespace covalue::core::rules
