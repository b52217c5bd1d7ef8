#include "covalue/core/perpetual/lackner2020.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

#include "../games/random.hpp"
#include "perpetual_engine.hpp"
#include "small_rational.hpp"

namespace covalue::core::perpetual {
namespace {

using detail::Participation;

// Influence is summed exactly in units of 1/lcm(1..voters); past this many voters the lcm leaves 64 bits.
constexpr std::size_t kExactInfluenceVoters = 40;
constexpr double kUnit = 0x1.0p-53;
constexpr int kMantissaShift = 11;

// The two groups of voters of the "eucl2" mode: a third around (-0.5,-0.5), the rest around (0.5,0.5).
constexpr double kCentre = 0.5;

class Stream {
 public:
  Stream(std::uint64_t seed, std::uint64_t index) : rng_(seed, index) {}
  // Uniform in [0, 1).
  double uniform() { return static_cast<double>(rng_.next() >> kMantissaShift) * kUnit; }
  // Standard normal (Box-Muller, one of the pair).
  double normal() {
    const double u = 1.0 - uniform();  // (0, 1]
    const double v = uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
  }

 private:
  games::detail::Xoshiro256 rng_;
};

struct Point {
  double x{0};
  double y{0};
};

// The winners of one rule over a history, on machine rationals when they suffice, else on Rational.
template <typename Num>
bool winners_on(PerpetualRule rule, const std::vector<Participation>& rounds, std::size_t voters,
                std::vector<std::uint32_t>& winners) {
  const PerpetualState initial = initial_state(rule, voters);
  detail::EngineState<Num> state;
  if (!initial.quantities.empty()) {
    const Num start = initial.quantities[0][0] == 1 ? Num(1) : Num(0);
    state.first.assign(voters, start);
  }
  if (initial.quantities.size() > 1) {
    state.second.assign(voters, Num(0));
  }
  std::vector<std::uint32_t> tied;
  winners.clear();
  for (const Participation& p : rounds) {
    winners.push_back(detail::run_round(rule, p, state, tied));
    state.check_all();
    if (state.overflow) {
      return false;
    }
  }
  return true;
}

std::int64_t lcm_up_to(std::size_t n) {
  std::int64_t l = 1;
  for (std::int64_t k = 2; k <= static_cast<std::int64_t>(n); ++k) {
    l = std::lcm(l, k);
  }
  return l;
}

double gini(std::vector<double> x) {
  std::sort(x.begin(), x.end());
  const double n = static_cast<double>(x.size());
  double weighted = 0;
  double total = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    weighted += (2.0 * static_cast<double>(i) - n + 1.0) * x[i];
    total += x[i];
  }
  return total == 0 ? 0.0 : weighted / n / total;
}

HistoryMeasures measure(const std::vector<Participation>& rounds, const std::vector<std::uint32_t>& winners) {
  const std::size_t n = rounds.front().num_voters;
  const std::int64_t unit = n <= kExactInfluenceVoters ? lcm_up_to(n) : 0;
  std::vector<std::int64_t> support(n, 0);
  std::vector<std::int64_t> wins(n, 0);
  std::vector<std::int64_t> influence(n, 0);
  std::vector<double> influence_approx(n, 0.0);
  std::int64_t compliant = 0;
  std::int64_t deviation = 0;  // in units of 1/n
  const auto voters = static_cast<std::int64_t>(n);
  for (std::size_t t = 0; t < rounds.size(); ++t) {
    const Participation& p = rounds[t];
    const std::vector<std::int64_t> best = detail::supports(p);
    std::int64_t satisfied = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
      satisfied += p.approved(i, winners[t]) ? 1 : 0;
    }
    for (std::size_t i = 0; i < p.size(); ++i) {
      const std::uint32_t v = p.voters[i];
      support[v] += best[i];
      if (p.approved(i, winners[t])) {
        ++wins[v];
        influence[v] += unit == 0 || satisfied == 0 ? 0 : unit / satisfied;  // satisfied > 0: v approves
        influence_approx[v] += 1.0 / static_cast<double>(satisfied);
      }
      const std::int64_t gap = support[v] - voters * wins[v];  // n x (quota - wins)
      compliant += gap < voters ? 1 : 0;
      deviation = std::max(deviation, gap);
    }
  }
  HistoryMeasures m;
  const double cells = static_cast<double>(n * rounds.size());
  m.quota_compliance = static_cast<double>(compliant) / cells;
  m.max_quota_deviation = static_cast<double>(deviation) / static_cast<double>(n);
  m.satisfaction = static_cast<double>(std::accumulate(wins.begin(), wins.end(), std::int64_t{0})) / cells;
  if (unit != 0) {
    std::vector<double> exact(n);
    std::transform(influence.begin(), influence.end(), exact.begin(),
                   [](std::int64_t value) { return static_cast<double>(value); });
    m.influence_gini = gini(std::move(exact));
  } else {
    m.influence_gini = gini(std::move(influence_approx));
  }
  return m;
}

double median(std::vector<double> values) {
  if (values.empty()) {
    return 0;
  }
  std::sort(values.begin(), values.end());
  const std::size_t half = values.size() / 2;
  return values.size() % 2 == 1 ? values[half] : (values[half - 1] + values[half]) / 2;
}

double mean(const std::vector<double>& values) {
  double total = 0;
  for (double value : values) {
    total += value;
  }
  return values.empty() ? 0 : total / static_cast<double>(values.size());
}

}  // namespace

std::vector<RoundBallots> lackner2020_history(const Lackner2020Setup& setup, std::uint64_t seed, std::uint64_t index) {
  Stream stream(seed, index);
  std::vector<Point> voter(setup.voters);
  for (std::size_t v = 0; v < setup.voters; ++v) {
    const double centre = v < setup.voters / 3 ? -kCentre : kCentre;
    voter[v].x = centre + setup.sigma * stream.normal();
    voter[v].y = centre + setup.sigma * stream.normal();
  }
  std::vector<RoundBallots> history(setup.rounds);
  std::vector<Point> candidate(setup.candidates);
  std::vector<double> distance(setup.candidates);
  for (RoundBallots& round : history) {
    for (Point& c : candidate) {
      c.x = -1.0 + 2.0 * stream.uniform();
      c.y = -1.0 + 2.0 * stream.uniform();
    }
    round.num_candidates = setup.candidates;
    round.approvals.assign(setup.voters, {});
    round.present.assign(setup.voters, true);
    for (std::size_t v = 0; v < setup.voters; ++v) {
      for (std::uint32_t c = 0; c < setup.candidates; ++c) {
        distance[c] = std::hypot(voter[v].x - candidate[c].x, voter[v].y - candidate[c].y);
      }
      const double nearest = *std::min_element(distance.begin(), distance.end());
      for (std::uint32_t c = 0; c < setup.candidates; ++c) {
        if (distance[c] <= setup.threshold * nearest) {
          round.approvals[v].push_back(c);
        }
      }
    }
  }
  return history;
}

double mean_approval_size(const std::vector<RoundBallots>& history) {
  std::size_t approvals = 0;
  std::size_t ballots = 0;
  for (const RoundBallots& round : history) {
    for (const auto& ballot : round.approvals) {
      approvals += ballot.size();
      ++ballots;
    }
  }
  return ballots == 0 ? 0.0 : static_cast<double>(approvals) / static_cast<double>(ballots);
}

std::array<HistoryMeasures, kExperimentRules> lackner2020_measures(const std::vector<RoundBallots>& history) {
  std::array<HistoryMeasures, kExperimentRules> out{};
  if (history.empty()) {
    return out;
  }
  std::vector<Participation> rounds;
  rounds.reserve(history.size());
  for (const RoundBallots& round : history) {
    rounds.push_back(detail::participation(AbsenceMode::kIgnore, round));
  }
  const std::size_t voters = history.front().approvals.size();
  std::vector<std::uint32_t> winners;
  for (const PerpetualRule rule : all_of<PerpetualRule>()) {
    if (!winners_on<detail::SmallRational>(rule, rounds, voters, winners)) {
      winners_on<Rational>(rule, rounds, voters, winners);
    }
    out[static_cast<std::size_t>(rule)] = measure(rounds, winners);
  }
  return out;
}

std::vector<RuleSummary> summarise_lackner2020(
    const std::vector<std::array<HistoryMeasures, kExperimentRules>>& histories) {
  std::vector<RuleSummary> out;
  const auto av = static_cast<std::size_t>(PerpetualRule::kAv);
  for (const PerpetualRule rule : all_of<PerpetualRule>()) {
    const auto r = static_cast<std::size_t>(rule);
    std::vector<double> compliance;
    std::vector<double> deviation;
    std::vector<double> satisfaction;
    std::vector<double> gini_values;
    for (const auto& h : histories) {
      compliance.push_back(h[r].quota_compliance);
      deviation.push_back(h[r].max_quota_deviation);
      satisfaction.push_back(h[av].satisfaction == 0 ? 0 : h[r].satisfaction / h[av].satisfaction);
      gini_values.push_back(h[r].influence_gini);
    }
    out.push_back({rule, median(compliance), mean(compliance), median(deviation), mean(deviation), median(satisfaction),
                   mean(satisfaction), median(gini_values), mean(gini_values)});
  }
  return out;
}

}  // namespace covalue::core::perpetual
