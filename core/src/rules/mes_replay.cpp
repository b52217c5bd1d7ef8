#include "mes_replay.hpp"

#include <algorithm>
#include <limits>
#include <utility>

namespace covalue::core::rules {
namespace {

constexpr std::uint32_t kUnset = std::numeric_limits<std::uint32_t>::max();

}  // namespace

MesReplay::MesReplay(const MesEngine& engine) : engine_(engine) {}

std::optional<Outcome> MesReplay::run(const Rational& budget_per_weight, const std::vector<FloatPurchase>& log) {
  const auto& weights = engine_.weights_.group;
  if (std::find(weights.begin(), weights.end(), 0) != weights.end()) {
    return std::nullopt;  // groups without weight pay along, but the run in doubles does not follow them
  }
  const bool funded = sgn(budget_per_weight) > 0;
  start_ = budget_per_weight;
  class_of_.assign(weights.size(), funded ? 1 : 0);
  parent_.assign(2, -1);
  via_.assign(2, -1);
  weight_in_.assign(2, 0);
  moved_to_.assign(2, kUnset);
  caps_.clear();
  certificate_ = MesCertificate{Rational(budget_per_weight * engine_.scale_), 0, {}};
  Outcome outcome = engine_.free_projects();
  for (std::size_t k = 0; k < log.size(); ++k) {
    if (!funded || !purchase(k, log[k], outcome)) {
      return std::nullopt;
    }
  }
  outcome.total_cost = engine_.instance_.total_cost(outcome.selected);
  outcome.mes = std::move(certificate_);
  return outcome;
}

bool MesReplay::purchase(std::size_t k, const FloatPurchase& bought, Outcome& outcome) {
  const ProjectIndex p = bought.project;
  if (p >= engine_.instance_.size()) {
    return false;
  }
  const auto supporters = engine_.profile_.supporters(p);
  std::int64_t total = 0;
  for (const GroupIndex g : supporters) {
    weight_in_[class_of_[g]] += engine_.weights_.group[g];
    total += class_of_[g] != 0 ? engine_.weights_.group[g] : 0;
  }
  // The description fits when it names each class holding supporters once, and numbers new classes on.
  bool fits = true;
  std::int64_t named = 0;
  std::int64_t rich = 0;
  auto next = static_cast<std::uint32_t>(parent_.size());
  for (const auto& [from, to] : bought.splits) {
    if (from == 0 || from >= parent_.size() || moved_to_[from] != kUnset || weight_in_[from] <= 0 ||
        (to != 0 && to != next)) {
      fits = false;
      break;
    }
    moved_to_[from] = to;
    named += weight_in_[from];
    rich += to != 0 ? weight_in_[from] : 0;
    next += to != 0 ? 1 : 0;
  }
  std::int64_t poor_weight = 0;
  const Rational poor = fits ? poor_money(bought, poor_weight) : Rational(0);
  const Rational& cost = engine_.instance_.project(p).cost;
  fits = fits && named == total && rich > 0 && poor < cost;
  Rational cap = fits ? Rational((cost - poor) / Rational(rich)) : Rational(0);
  for (const GroupIndex g : supporters) {
    const std::uint32_t c = class_of_[g];
    weight_in_[c] = 0;
    if (fits && c != 0) {
      class_of_[g] = moved_to_[c];
    }
  }
  ProjectPayments payments{p, Rational(cap / engine_.sat_[p]), {}, std::move(cap), {}, {}};
  for (const auto& [from, to] : bought.splits) {
    if (from < moved_to_.size()) {
      moved_to_[from] = kUnset;
    }
    if (fits) {
      (to == 0 ? payments.pay_all : payments.pay_cap).push_back(from - 1);
      if (to != 0) {
        parent_.push_back(from);
        via_.push_back(static_cast<std::int64_t>(k));
        weight_in_.push_back(0);
        moved_to_.push_back(kUnset);
      }
    }
  }
  if (!fits) {
    return false;
  }
  caps_.push_back(payments.cap);
  payments.rho *= engine_.scale_;
  payments.cap *= engine_.scale_;
  outcome.selected.push_back(p);
  outcome.trace.push_back(TraceStep{"mes", p, payments.rho, bought.tied, bought.dropped});
  certificate_.purchases.push_back(std::move(payments));
  return true;
}

// The classes paying all they have hold the start budget less the caps on their lineages: their money
// is start * weight less, per earlier purchase, its cap times the weight whose lineage holds it.
Rational MesReplay::poor_money(const FloatPurchase& bought, std::int64_t& poor_weight) {
  per_purchase_.assign(caps_.size(), 0);
  poor_weight = 0;
  for (const auto& [from, to] : bought.splits) {
    if (to != 0) {
      continue;
    }
    const std::int64_t n = weight_in_[from];
    poor_weight += n;
    for (std::int64_t c = from; via_[c] >= 0; c = parent_[c]) {
      per_purchase_[via_[c]] += n;
    }
  }
  Rational sum = start_ * Rational(poor_weight);
  Rational term;
  for (std::size_t j = 0; j < per_purchase_.size(); ++j) {
    if (per_purchase_[j] != 0) {
      term = Rational(per_purchase_[j]);
      term *= caps_[j];
      sum -= term;
    }
  }
  return sum;
}

std::optional<Result<Outcome>> certified_equal_shares(const MesEngine& engine, const Rational& budget_per_weight,
                                                      TieResolver& resolver, bool strict) {
  if (dynamic_cast<ScriptedResolver*>(&resolver) != nullptr) {
    return std::nullopt;  // an irresolute run branches on every tie: only the exact engine enumerates them
  }
  MesFloat fast(engine);
  std::vector<FloatPurchase> log;
  fast.record(&log);
  const bool ask = !strict && dynamic_cast<ResoluteResolver*>(&resolver) != nullptr;
  auto selection = fast.run(budget_per_weight, ask ? &resolver : nullptr);
  if (!selection.ok()) {
    return Result<Outcome>(selection.error());
  }
  if (!*selection) {
    return std::nullopt;
  }
  MesReplay replay(engine);
  auto outcome = replay.run(budget_per_weight, log);
  if (!outcome) {
    return std::nullopt;
  }
  return Result<Outcome>(std::move(*outcome));
}

}  // namespace covalue::core::rules
