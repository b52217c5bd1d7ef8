#include "covalue/core/perpetual/cycle_weights.hpp"

#include <algorithm>
#include <string>

namespace covalue::core::perpetual {
namespace {

bool supports(const CycleRecord& cycle, std::uint32_t member, std::uint32_t candidate) {
  const auto& mine = cycle.supported[member];
  return std::find(mine.begin(), mine.end(), candidate) != mine.end();
}

// P: the voters in index order, then (kEmpty) the others.
std::vector<std::uint32_t> participants(const CycleRecord& cycle, WeightAbsence absence) {
  std::vector<std::uint32_t> p;
  for (std::uint32_t m = 0; m < cycle.voted.size(); ++m) {
    if (cycle.voted[m]) {
      p.push_back(m);
    }
  }
  if (absence == WeightAbsence::kEmpty) {
    for (std::uint32_t m = 0; m < cycle.voted.size(); ++m) {
      if (!cycle.voted[m]) {
        p.push_back(m);
      }
    }
  }
  return p;
}

// A member of P takes part in a selected candidate's round when it voted, supported it and was not harmed.
bool backs(const CycleRecord& cycle, std::uint32_t member, std::uint32_t candidate) {
  return cycle.voted[member] && !cycle.harmed[member] && supports(cycle, member, candidate);
}

Status check_shapes(WeightPolicy policy, const PerpetualState& before, const CycleRecord& cycle,
                    std::uint32_t num_candidates) {
  const std::size_t n = cycle.voted.size();
  if (cycle.supported.size() != n || cycle.harmed.size() != n) {
    return make_error(ErrorKind::kInvalidInput, "a cycle record needs voted, supported and harmed per member");
  }
  if (before.quantities.size() != quantity_names(library_rule(policy)).size()) {
    return make_error(ErrorKind::kInvalidInput, std::string("a state of the wrong shape for ") + name_of(policy));
  }
  for (const auto& quantity : before.quantities) {
    if (quantity.size() != n) {
      return make_error(ErrorKind::kInvalidInput, "the state and the cycle differ in their number of members");
    }
  }
  auto out_of_range = [&](std::uint32_t c) { return c >= num_candidates; };
  if (std::any_of(cycle.selected.begin(), cycle.selected.end(), out_of_range)) {
    return make_error(ErrorKind::kInvalidInput, "a selected candidate out of range");
  }
  for (const auto& mine : cycle.supported) {
    if (std::any_of(mine.begin(), mine.end(), out_of_range)) {
      return make_error(ErrorKind::kInvalidInput, "a supported candidate out of range");
    }
  }
  return {};
}

void consensus_after(const CycleRecord& cycle, const std::vector<std::uint32_t>& p, std::vector<Rational>& weight) {
  const std::vector<Rational> start = weight;
  const Rational n(static_cast<long>(p.size()));
  const Rational share = cycle.selected.empty() ? Rational(0) : n / static_cast<long>(cycle.selected.size());
  for (std::uint32_t c : cycle.selected) {
    long k = 0;
    for (std::uint32_t m : p) {
      k += backs(cycle, m, c) && start[m] > 0 ? 1 : 0;
    }
    for (std::uint32_t m : p) {
      if (backs(cycle, m, c) && start[m] > 0) {
        weight[m] -= share / k;
      }
    }
  }
  for (std::uint32_t m : p) {
    weight[m] += 1;
  }
}

void phragmen_after(const CycleRecord& cycle, std::vector<Rational>& load) {
  for (std::uint32_t c : cycle.selected) {
    std::vector<std::uint32_t> paying;
    for (std::uint32_t m = 0; m < cycle.voted.size(); ++m) {
      if (backs(cycle, m, c)) {
        paying.push_back(m);
      }
    }
    if (paying.empty()) {
      continue;
    }
    Rational level;
    while (true) {
      Rational sum(1);
      Rational highest = load[paying.front()];
      for (std::uint32_t m : paying) {
        sum += load[m];
        highest = std::max(highest, load[m]);
      }
      level = sum / static_cast<long>(paying.size());
      if (level >= highest) {
        break;
      }
      std::vector<std::uint32_t> lower;
      for (std::uint32_t m : paying) {
        if (load[m] <= level) {
          lower.push_back(m);
        }
      }
      paying = std::move(lower);
    }
    for (std::uint32_t m = 0; m < cycle.voted.size(); ++m) {
      if (backs(cycle, m, c) && load[m] < level) {
        load[m] = level;
      }
    }
  }
}

// Each member of P's support: the most members of P supporting one of its candidates.
std::vector<std::int64_t> member_support(const CycleRecord& cycle, const std::vector<std::uint32_t>& p,
                                         std::uint32_t num_candidates) {
  std::vector<std::int64_t> backers(num_candidates, 0);
  for (std::uint32_t m : p) {
    if (cycle.voted[m]) {
      for (std::uint32_t c : cycle.supported[m]) {
        ++backers[c];
      }
    }
  }
  std::vector<std::int64_t> support(cycle.voted.size(), 0);
  for (std::uint32_t m : p) {
    if (cycle.voted[m]) {
      for (std::uint32_t c : cycle.supported[m]) {
        support[m] = std::max(support[m], backers[c]);
      }
    }
  }
  return support;
}

}  // namespace

PerpetualRule library_rule(WeightPolicy policy) {
  switch (policy) {
    case WeightPolicy::kNone:
      return PerpetualRule::kAv;
    case WeightPolicy::kReset:
      return PerpetualRule::kReset;
    case WeightPolicy::kPav:
      return PerpetualRule::kPav;
    case WeightPolicy::kUnitCost:
      return PerpetualRule::kUnitCost;
    case WeightPolicy::kConsensus:
      return PerpetualRule::kConsensus;
    case WeightPolicy::kQuota:
      return PerpetualRule::kQuota;
    case WeightPolicy::kPhragmen:
      return PerpetualRule::kPhragmen;
    case WeightPolicy::kNash:
      return PerpetualRule::kNash;
  }
  return PerpetualRule::kAv;
}

std::int64_t cycle_wins(const CycleRecord& cycle, std::uint32_t member) {
  if (cycle.harmed[member] || !cycle.voted[member]) {
    return 0;
  }
  std::int64_t wins = 0;
  for (std::uint32_t c : cycle.selected) {
    wins += supports(cycle, member, c) ? 1 : 0;
  }
  return wins;
}

Result<PerpetualState> weights_state_after(WeightPolicy policy, WeightAbsence absence, const PerpetualState& before,
                                           const CycleRecord& cycle, std::uint32_t num_candidates) {
  if (Status status = check_shapes(policy, before, cycle, num_candidates); !status) {
    return status.error();
  }
  PerpetualState after = before;
  const std::vector<std::uint32_t> p = participants(cycle, absence);
  switch (policy) {
    case WeightPolicy::kNone:
      break;
    case WeightPolicy::kReset:
    case WeightPolicy::kUnitCost:
    case WeightPolicy::kPav:
    case WeightPolicy::kNash:
      for (std::uint32_t m : p) {
        const std::int64_t u = cycle_wins(cycle, m);
        Rational& x = after.quantities[0][m];
        if (policy == WeightPolicy::kReset) {
          x = u > 0 ? Rational(1) : x + 1;
        } else if (policy == WeightPolicy::kUnitCost) {
          x = u > 0 ? x : x + 1;
        } else if (policy == WeightPolicy::kPav) {
          const Rational denominator = 1 + static_cast<long>(u) * x;
          x = Rational(x / denominator);
        } else {
          x += static_cast<long>(u);
        }
      }
      break;
    case WeightPolicy::kConsensus:
      consensus_after(cycle, p, after.quantities[0]);
      break;
    case WeightPolicy::kPhragmen:
      phragmen_after(cycle, after.quantities[0]);
      break;
    case WeightPolicy::kQuota: {
      const std::vector<std::int64_t> support = member_support(cycle, p, num_candidates);
      for (std::uint32_t m : p) {
        after.quantities[0][m] += Rational(static_cast<long>(support[m])) / static_cast<long>(p.size());
        after.quantities[1][m] += static_cast<long>(cycle_wins(cycle, m));
      }
      break;
    }
  }
  return after;
}

std::vector<Rational> voting_weights(WeightPolicy policy, const PerpetualState& state,
                                     const std::optional<std::vector<std::int64_t>>& support,
                                     std::int64_t participants) {
  if (policy == WeightPolicy::kNone || state.quantities.empty()) {
    return {};
  }
  std::vector<Rational> weight = state.quantities[0];
  for (std::size_t m = 0; m < weight.size(); ++m) {
    Rational& w = weight[m];
    switch (policy) {
      case WeightPolicy::kConsensus:
        w = std::max(w, Rational(0));
        break;
      case WeightPolicy::kQuota:
        if (support && participants > 0 && m < support->size()) {
          w += Rational(static_cast<long>((*support)[m])) / static_cast<long>(participants);
        }
        w = std::max(Rational(w - state.quantities[1][m]), Rational(0));
        break;
      case WeightPolicy::kNash:
      case WeightPolicy::kPhragmen:
        w = Rational(1 / (1 + w));
        break;
      default:
        break;
    }
  }
  return weight;
}

}  // namespace covalue::core::perpetual
