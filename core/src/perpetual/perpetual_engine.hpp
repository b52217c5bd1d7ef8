#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include "covalue/core/perpetual/perpetual_rule.hpp"
#include "exact_number.hpp"

// The perpetual rules on one number type: Rational for the public functions, and a machine rational that
// marks its own overflow for the experiment's hot loop (which then decides the history again in Rational).
// Inputs are valid here (perpetual_rule.cpp checks them): candidates in range, the state's shape right.
namespace covalue::core::perpetual::detail {

//! The state of one rule on one number type: `first` is the rule's first quantity (weight, satisfaction,
//! load, quota), `second` the quota rules' satisfaction.
template <typename Num>
struct EngineState {
  std::vector<Num> first;
  std::vector<Num> second;
  bool overflow{false};  //!< a machine rational did not fit: decide again in Rational

  //! Marks the state when `value` overflowed (never for Rational).
  void check(const Num& value) { overflow = overflow || overflowed(value); }
  //! Marks the state when any quantity overflowed.
  void check_all() {
    for (const Num& value : first) {
      check(value);
    }
    for (const Num& value : second) {
      check(value);
    }
  }
};

//! The voters taking part in a round, in the library's order, and who approves what.
struct Participation {
  std::vector<std::uint32_t> voters;  //!< P: present voters by index, then (kEmpty) the absent ones
  std::size_t num_voters{0};          //!< every voter of the history, present or not
  std::uint32_t num_candidates{0};
  std::vector<std::uint8_t> approves;  //!< approves[i * m + c]: participant i approves candidate c

  [[nodiscard]] bool approved(std::size_t i, std::uint32_t c) const { return approves[i * num_candidates + c] != 0; }
  [[nodiscard]] std::size_t size() const { return voters.size(); }
};

//! P and its approvals for a round under an absence mode.
[[nodiscard]] Participation participation(AbsenceMode absence, const RoundBallots& ballots);

//! The winner is the first candidate whose score no other beats; `tied` every candidate equal to it.
//! `better(a, b)` is a strict order, `same(a, b)` equality.
template <typename Score, typename Better, typename Same>
std::uint32_t pick_first_best(const std::vector<Score>& scores, Better better, Same same,
                              std::vector<std::uint32_t>& tied) {
  std::uint32_t best = 0;
  for (std::uint32_t c = 1; c < scores.size(); ++c) {
    if (better(scores[c], scores[best])) {
      best = c;
    }
  }
  tied.clear();
  for (std::uint32_t c = 0; c < scores.size(); ++c) {
    if (same(scores[c], scores[best])) {
      tied.push_back(c);
    }
  }
  return best;
}

template <typename Num>
std::uint32_t pick_max(const std::vector<Num>& scores, std::vector<std::uint32_t>& tied) {
  return pick_first_best(
      scores, [](const Num& a, const Num& b) { return a > b; }, [](const Num& a, const Num& b) { return a == b; },
      tied);
}

//! Sum-of-weights rules (per_pav, per_reset, per_unitcost, per_consensus, av with weight 1).
template <typename Num>
std::uint32_t weighted_approval(PerpetualRule rule, const Participation& p, std::vector<Num>& weight,
                                EngineState<Num>& state, std::vector<std::uint32_t>& tied) {
  const bool positive_only = rule == PerpetualRule::kConsensus;
  std::vector<Num> score(p.num_candidates, Num(0));
  for (std::size_t i = 0; i < p.size(); ++i) {
    const Num& w = weight[p.voters[i]];
    if (positive_only && !(w > Num(0))) {
      continue;
    }
    for (std::uint32_t c = 0; c < p.num_candidates; ++c) {
      if (p.approved(i, c)) {
        score[c] += w;
      }
    }
  }
  for (const Num& s : score) {
    state.check(s);
  }
  const std::uint32_t winner = pick_max(score, tied);
  const auto n = static_cast<std::int64_t>(p.size());
  std::int64_t supporters = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    supporters += p.approved(i, winner) && weight[p.voters[i]] > Num(0) ? 1 : 0;
  }
  for (std::size_t i = 0; i < p.size(); ++i) {
    Num& w = weight[p.voters[i]];
    const bool approves = p.approved(i, winner);
    switch (rule) {
      case PerpetualRule::kPav:
        if (approves) {
          w = w / (w + Num(1));  // 1/x -> 1/(x+1)
        }
        break;
      case PerpetualRule::kReset:
        w = approves ? Num(1) : w + Num(1);
        break;
      case PerpetualRule::kUnitCost:
        w = approves ? w : w + Num(1);
        break;
      case PerpetualRule::kConsensus:
        if (approves && w > Num(0)) {
          w -= Num(n) / Num(supporters);
        }
        w += Num(1);
        break;
      default:
        break;
    }
  }
  return winner;
}

//! per_nash: the product of s+1 (approvers), s (others with s > 0) and 1/2^N (others with s = 0), kept as
//! an integer product and a count of 1/2^N factors; satisfaction counts are integers.
template <typename Num>
std::uint32_t nash(const Participation& p, std::vector<Num>& satisfaction, std::vector<std::uint32_t>& tied) {
  struct NashScore {
    Integer product{1};
    unsigned long tiny{0};  // factors 1/2^N
  };
  const auto n = static_cast<unsigned long>(p.size());
  std::vector<NashScore> score(p.num_candidates);
  for (std::size_t i = 0; i < p.size(); ++i) {
    const Integer s = exact_value(satisfaction[p.voters[i]]).get_num();
    for (std::uint32_t c = 0; c < p.num_candidates; ++c) {
      if (p.approved(i, c)) {
        score[c].product *= s + 1;
      } else if (s == 0) {
        ++score[c].tiny;
      } else {
        score[c].product *= s;
      }
    }
  }
  // a.product / 2^(N a.tiny) against b's: compare a.product * 2^(N b.tiny) with b.product * 2^(N a.tiny).
  auto compare = [n](const NashScore& a, const NashScore& b) {
    Integer left = a.product;
    Integer right = b.product;
    const unsigned long common = std::min(a.tiny, b.tiny);
    mpz_mul_2exp(left.get_mpz_t(), left.get_mpz_t(), n * (b.tiny - common));
    mpz_mul_2exp(right.get_mpz_t(), right.get_mpz_t(), n * (a.tiny - common));
    return cmp(left, right);
  };
  const std::uint32_t winner = pick_first_best(
      score, [&](const NashScore& a, const NashScore& b) { return compare(a, b) > 0; },
      [&](const NashScore& a, const NashScore& b) { return compare(a, b) == 0; }, tied);
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p.approved(i, winner)) {
      satisfaction[p.voters[i]] += Num(1);
    }
  }
  return winner;
}

//! per_phragmen: each candidate's smallest maximal load; the least loaded wins; approvers below it rise to it.
template <typename Num>
std::uint32_t phragmen(const Participation& p, EngineState<Num>& state, std::vector<std::uint32_t>& tied) {
  std::vector<Num>& load = state.first;
  std::vector<std::optional<Num>> level(p.num_candidates);  // nullopt: +infinity (no approver)
  for (std::uint32_t c = 0; c < p.num_candidates; ++c) {
    std::vector<std::uint32_t> paying;
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (p.approved(i, c)) {
        paying.push_back(p.voters[i]);
      }
    }
    if (paying.empty()) {
      continue;
    }
    while (true) {
      Num sum(1);
      Num highest = load[paying.front()];
      for (std::uint32_t v : paying) {
        sum += load[v];
        highest = load[v] > highest ? load[v] : highest;
      }
      const Num average = sum / Num(static_cast<std::int64_t>(paying.size()));
      state.check(average);
      if (average >= highest) {
        level[c] = average;
        break;
      }
      std::vector<std::uint32_t> lower;
      for (std::size_t i = 0; i < p.size(); ++i) {
        if (p.approved(i, c) && load[p.voters[i]] <= average) {
          lower.push_back(p.voters[i]);
        }
      }
      paying = std::move(lower);
    }
  }
  const std::uint32_t winner = pick_first_best(
      level, [](const std::optional<Num>& a, const std::optional<Num>& b) { return a && (!b || *a < *b); },
      [](const std::optional<Num>& a, const std::optional<Num>& b) {
        return a.has_value() == b.has_value() && (!a || *a == *b);
      },
      tied);
  if (level[winner]) {
    for (std::size_t i = 0; i < p.size(); ++i) {
      Num& l = load[p.voters[i]];
      if (p.approved(i, winner) && l < *level[winner]) {
        l = *level[winner];
      }
    }
  }
  return winner;
}

//! Each participant's support: the most participants approving one of its candidates (0: empty ballot).
std::vector<std::int64_t> supports(const Participation& p);

//! per_quota: quotas rise by support/N first; the score sums max(0, quota - satisfaction) over approvers.
template <typename Num>
std::uint32_t quota(const Participation& p, EngineState<Num>& state, std::vector<std::uint32_t>& tied) {
  const std::vector<std::int64_t> support = supports(p);
  const Num n(static_cast<std::int64_t>(p.size()));
  for (std::size_t i = 0; i < p.size(); ++i) {
    state.first[p.voters[i]] += Num(support[i]) / n;
  }
  std::vector<Num> score(p.num_candidates, Num(0));
  for (std::size_t i = 0; i < p.size(); ++i) {
    const Num gap = state.first[p.voters[i]] - state.second[p.voters[i]];
    state.check(gap);
    if (!(gap > Num(0))) {
      continue;
    }
    for (std::uint32_t c = 0; c < p.num_candidates; ++c) {
      if (p.approved(i, c)) {
        score[c] += gap;
      }
    }
  }
  for (const Num& s : score) {
    state.check(s);
  }
  const std::uint32_t winner = pick_max(score, tied);
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p.approved(i, winner)) {
      state.second[p.voters[i]] += Num(1);
    }
  }
  return winner;
}

//! A per_quota_new score as the library's Python computes it: exact while every term is rational; once a
//! double epsilon is added, a double, to which later rational terms are added rounded to double.
template <typename Num>
struct MixedScore {
  bool is_double{false};
  Num exact{0};
  double approx{0.0};

  void add(const Num& term) {
    if (is_double) {
      approx += nearest_double(exact_value(term));
    } else {
      exact += term;
    }
  }
  void add(double term) {
    if (!is_double) {
      approx = nearest_double(exact_value(exact));
      is_double = true;
    }
    approx += term;
  }
};

//! Exact comparison of two mixed scores: -1, 0, 1.
template <typename Num>
int compare(const MixedScore<Num>& a, const MixedScore<Num>& b) {
  if (a.is_double && b.is_double) {
    return a.approx < b.approx ? -1 : (a.approx > b.approx ? 1 : 0);
  }
  if (a.is_double) {
    return compare_exact(a.approx, exact_value(b.exact));
  }
  if (b.is_double) {
    return -compare_exact(b.approx, exact_value(a.exact));
  }
  return a.exact < b.exact ? -1 : (a.exact > b.exact ? 1 : 0);
}

//! The library's epsilon: the smallest positive difference of the quotas' fractional parts (in double)
//! over N, or exactly 1/N when there is none.
template <typename Num>
std::optional<double> quota_epsilon(const Participation& p, const std::vector<Num>& quota) {
  std::vector<double> fraction(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) {
    double whole = 0.0;
    fraction[i] = std::modf(nearest_double(exact_value(quota[p.voters[i]])), &whole);
  }
  std::optional<double> smallest;
  for (std::size_t i = 0; i < p.size(); ++i) {
    for (std::size_t j = i + 1; j < p.size(); ++j) {
      const double difference = std::fabs(fraction[i] - fraction[j]);
      if (difference > 0 && (!smallest || difference < *smallest)) {
        smallest = difference;
      }
    }
  }
  if (smallest) {
    return *smallest / static_cast<double>(p.size());
  }
  return std::nullopt;
}

//! per_quota_new: epsilon-floored gaps, decided before the quotas rise.
template <typename Num>
std::uint32_t quota_new(const Participation& p, EngineState<Num>& state, std::vector<std::uint32_t>& tied) {
  const std::vector<std::int64_t> support = supports(p);
  const Num n(static_cast<std::int64_t>(p.size()));
  const std::optional<double> epsilon = quota_epsilon(p, state.first);
  const Num exact_epsilon = Num(1) / n;
  std::vector<MixedScore<Num>> score(p.num_candidates);
  for (std::size_t i = 0; i < p.size(); ++i) {
    const Num gap = state.first[p.voters[i]] - state.second[p.voters[i]];
    state.check(gap);
    const bool above = epsilon ? compare_exact(*epsilon, exact_value(gap)) < 0 : gap > exact_epsilon;
    for (std::uint32_t c = 0; c < p.num_candidates; ++c) {
      if (!p.approved(i, c)) {
        continue;
      }
      if (above) {
        score[c].add(gap);
      } else if (epsilon) {
        score[c].add(*epsilon);
      } else {
        score[c].add(exact_epsilon);
      }
    }
  }
  for (const MixedScore<Num>& s : score) {
    state.check(s.exact);
  }
  const std::uint32_t winner = pick_first_best(
      score, [](const MixedScore<Num>& a, const MixedScore<Num>& b) { return compare(a, b) > 0; },
      [](const MixedScore<Num>& a, const MixedScore<Num>& b) { return compare(a, b) == 0; }, tied);
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p.approved(i, winner)) {
      state.second[p.voters[i]] += Num(1);
    }
    state.first[p.voters[i]] += Num(support[i]) / n;
  }
  return winner;
}

//! One round of `rule` on valid input: updates `state` and returns the winner (ties in `tied`).
template <typename Num>
std::uint32_t run_round(PerpetualRule rule, const Participation& p, EngineState<Num>& state,
                        std::vector<std::uint32_t>& tied) {
  switch (rule) {
    case PerpetualRule::kAv: {
      std::vector<Num> ones(p.num_voters, Num(1));
      return weighted_approval(rule, p, ones, state, tied);
    }
    case PerpetualRule::kPav:
    case PerpetualRule::kReset:
    case PerpetualRule::kUnitCost:
    case PerpetualRule::kConsensus:
      return weighted_approval(rule, p, state.first, state, tied);
    case PerpetualRule::kNash:
      return nash(p, state.first, tied);
    case PerpetualRule::kPhragmen:
      return phragmen(p, state, tied);
    case PerpetualRule::kQuota:
      return quota(p, state, tied);
    case PerpetualRule::kQuotaNew:
      return quota_new(p, state, tied);
  }
  return 0;
}

}  // namespace covalue::core::perpetual::detail
