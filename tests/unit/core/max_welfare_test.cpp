#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "covalue/adapters/pabulib/pb_file.hpp"
#include "covalue/core/rules/max_welfare.hpp"
#include "covalue/core/rules/rule.hpp"
#include "covalue/core/verify.hpp"

namespace covalue::core::rules {
namespace {

struct Election {
  Instance instance;
  ApprovalProfile profile;
};

Election make_election(const std::vector<Rational>& costs, const Rational& budget,
                       const std::vector<std::vector<ProjectIndex>>& ballots, std::vector<Rational> weights = {}) {
  Election e;
  for (std::size_t i = 0; i < costs.size(); ++i) {
    EXPECT_TRUE(e.instance.add_project(Project{"p" + std::to_string(i), costs[i], {}, {}, {}}).ok());
  }
  e.instance.set_budget(budget);
  if (weights.empty()) {
    weights.assign(ballots.size(), Rational(1));
  }
  e.profile = ApprovalProfile::from_sets(ballots, weights, costs.size());
  return e;
}

std::vector<Rational> rationals(const std::vector<long>& numbers) { return {numbers.begin(), numbers.end()}; }

Result<std::vector<Outcome>> run_welfare(const Election& e, Satisfaction sat, TieRule tie = TieRule::kLexicographic,
                                         bool all = false, std::size_t max_outcomes = 1000) {
  const TieBreaker ties(tie, e.instance, e.profile);
  return max_welfare(e.instance, e.profile, sat, ties, all, max_outcomes);
}

std::vector<ProjectIndex> selection_of(const Result<std::vector<Outcome>>& result) {
  EXPECT_TRUE(result.ok()) << result.error().to_string();
  return result.ok() && !result->empty() ? result->front().sorted_selection() : std::vector<ProjectIndex>{};
}

TEST(MaxWelfare, PrefersTwoCheapProjectsToOneDearOne) {
  // Budget 10; p0 costs 6 (3 approvals), p1 and p2 cost 5 (2 approvals each).
  const auto e = make_election(rationals({6, 5, 5}), 10, {{0, 1}, {0, 2}, {0, 1, 2}});
  const auto cost = run_welfare(e, Satisfaction::kCost);
  EXPECT_EQ(selection_of(cost), (std::vector<ProjectIndex>{1, 2}));
  ASSERT_TRUE(cost.ok());
  const Outcome& o = cost->front();
  ASSERT_TRUE(o.welfare.has_value());
  EXPECT_EQ(o.welfare->welfare, Rational(20));  // 2*5 + 2*5 > 3*6
  EXPECT_EQ(o.welfare->upper_bound, o.welfare->welfare);
  EXPECT_EQ(o.total_cost, Rational(10));
  ASSERT_EQ(o.trace.size(), 2U);
  EXPECT_EQ(o.trace[0].phase, "maxwelfare");
  EXPECT_EQ(o.trace[0].value, Rational(10));
  EXPECT_EQ(selection_of(run_welfare(e, Satisfaction::kCardinality)), (std::vector<ProjectIndex>{1, 2}));  // 4 > 3
}

TEST(MaxWelfare, SolvesATextbookKnapsack) {
  // Approval counts are the values under cardinality satisfaction: 10, 40, 30, 50 for costs 5, 4, 6, 3.
  std::vector<std::vector<ProjectIndex>> ballots;
  const std::vector<int> approvals{10, 40, 30, 50};
  for (ProjectIndex p = 0; p < approvals.size(); ++p) {
    for (int v = 0; v < approvals[p]; ++v) {
      ballots.push_back({p});
    }
  }
  const auto e = make_election(rationals({5, 4, 6, 3}), 10, ballots);
  const auto result = run_welfare(e, Satisfaction::kCardinality);
  EXPECT_EQ(selection_of(result), (std::vector<ProjectIndex>{1, 3}));
  EXPECT_EQ(result->front().welfare->welfare, Rational(90));
}

TEST(MaxWelfare, BreaksTiesByRankAndCanRefuseOrListThem) {
  // Every project has two approvals; p0 (cost 9) fits with nothing else, while p1+p2, p1+p3 and
  // p2+p3 all give welfare 4: lexicographic ranks prefer p1+p2.
  const auto e = make_election(rationals({9, 4, 5, 5}), 10, {{0, 1}, {0, 2}, {1, 3}, {2, 3}});
  EXPECT_EQ(selection_of(run_welfare(e, Satisfaction::kCardinality)), (std::vector<ProjectIndex>{1, 2}));
  const auto refused = run_welfare(e, Satisfaction::kCardinality, TieRule::kRefuse);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kTieRefused);
  const auto all = run_welfare(e, Satisfaction::kCardinality, TieRule::kLexicographic, true);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3U);
  EXPECT_EQ((*all)[0].sorted_selection(), (std::vector<ProjectIndex>{1, 2}));
  EXPECT_EQ((*all)[2].sorted_selection(), (std::vector<ProjectIndex>{2, 3}));
  const auto too_many = run_welfare(e, Satisfaction::kCardinality, TieRule::kLexicographic, true, 2);
  ASSERT_FALSE(too_many.ok());
  EXPECT_EQ(too_many.error().kind, ErrorKind::kTimeLimit);
  // Under cost satisfaction p2+p3 (welfare 20) beats p1+p2 and p1+p3 (18): no tie left.
  EXPECT_EQ(selection_of(run_welfare(e, Satisfaction::kCost, TieRule::kRefuse)), (std::vector<ProjectIndex>{2, 3}));
}

TEST(MaxWelfare, RanksDecideWhichOptimalSelectionWins) {
  // Four projects with one approval each and cost 1, budget 2: six optimal pairs.
  const auto e = make_election(rationals({1, 1, 1, 1}), 2, {{0}, {1}, {2}, {3}});
  EXPECT_EQ(selection_of(run_welfare(e, Satisfaction::kCardinality)), (std::vector<ProjectIndex>{0, 1}));
  // Max-approvals ranks: p3 has one more approval than the rest, so it leads.
  const auto more = make_election(rationals({1, 1, 1, 1}), 2, {{0}, {1}, {2}, {3}, {3}});
  EXPECT_EQ(selection_of(run_welfare(more, Satisfaction::kCardinality, TieRule::kMaxApprovals)),
            (std::vector<ProjectIndex>{0, 3}));
}

TEST(MaxWelfare, LeavesOutZeroValueProjectsAndTakesFreeOnes) {
  // p0 nobody approves; p1 costs nothing; p2 is approved and fits.
  const auto e = make_election(rationals({1, 0, 3}), 10, {{1, 2}, {2}});
  EXPECT_EQ(selection_of(run_welfare(e, Satisfaction::kCardinality)), (std::vector<ProjectIndex>{1, 2}));
  // Under cost satisfaction a free project is worth nothing: left out.
  EXPECT_EQ(selection_of(run_welfare(e, Satisfaction::kCost)), (std::vector<ProjectIndex>{2}));
  const auto unique = run_welfare(e, Satisfaction::kCost, TieRule::kRefuse);
  EXPECT_TRUE(unique.ok());  // zero-value projects do not make ties
}

TEST(MaxWelfare, HandlesFractionalCostsAndWeights) {
  const auto e = make_election({Rational(1, 3), Rational(1, 2), Rational(1, 4)}, Rational(5, 6), {{0}, {1}, {2}},
                               {Rational(1, 2), Rational(2, 3), Rational(3, 7)});
  // Cost welfare: p0 1/6, p1 1/3, p2 3/28; {p0,p1} costs 5/6 and is worth 1/2.
  const auto result = run_welfare(e, Satisfaction::kCost);
  EXPECT_EQ(selection_of(result), (std::vector<ProjectIndex>{0, 1}));
  EXPECT_EQ(result->front().welfare->welfare, Rational(1, 2));
  EXPECT_EQ(result->front().total_cost, Rational(5, 6));
}

TEST(MaxWelfare, EmptyAndNegativeBudgets) {
  const auto e = make_election(rationals({3, 4}), 0, {{0, 1}});
  const auto empty = run_welfare(e, Satisfaction::kCost);
  EXPECT_TRUE(selection_of(empty).empty());
  EXPECT_EQ(empty->front().welfare->welfare, Rational(0));
  auto negative = e;
  negative.instance.set_budget(-1);
  const auto infeasible = run_welfare(negative, Satisfaction::kCost);
  ASSERT_FALSE(infeasible.ok());
  EXPECT_EQ(infeasible.error().kind, ErrorKind::kInfeasible);
}

TEST(MaxWelfare, UsesBranchAndBoundOnLargeBudgetsAndBigIntegersBeyondInt64) {
  // Coprime costs in the millions: no small dynamic-programming table.
  const auto e = make_election(rationals({3000017, 2000003, 1500007, 999983, 4000037}), 6000000,
                               {{0, 1}, {1, 2}, {2, 3}, {0, 3, 4}, {4}, {1}});
  const auto result = run_welfare(e, Satisfaction::kCost);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->front().welfare->method, "branch-and-bound");
  EXPECT_EQ(result->front().sorted_selection(), (std::vector<ProjectIndex>{0, 1}));  // 2*3000017 + 3*2000003
  // Costs near 10^30 overflow 64 bits: the search runs in GMP integers.
  const Rational big("1000000000000000000000000000000");
  const auto huge = make_election({big * 3 + 1, big * 2 + 1, big * 2 + 3}, big * 4 + 4, {{0}, {1, 2}, {1, 2}});
  const auto r = run_welfare(huge, Satisfaction::kCardinality);
  EXPECT_EQ(selection_of(r), (std::vector<ProjectIndex>{1, 2}));
  EXPECT_EQ(r->front().welfare->method, "branch-and-bound");
}

// Best welfare by a plain table over capacities (integer costs and values).
long table_optimum(const std::vector<long>& costs, const std::vector<long>& values, long budget) {
  std::vector<long> best(static_cast<std::size_t>(budget) + 1, 0);
  for (std::size_t i = 0; i < costs.size(); ++i) {
    for (long c = budget; c >= costs[i]; --c) {
      const auto at = static_cast<std::size_t>(c);
      best[at] = std::max(best[at], best[at - static_cast<std::size_t>(costs[i])] + values[i]);
    }
  }
  return best.back();
}

TEST(MaxWelfare, FallsBackToATableWhenTheSearchIsSlow) {
  // Strongly correlated values (approvals = cost + 10) defeat the fractional bound: the search gives
  // up early and dynamic programming over capacities answers.
  std::vector<long> costs;
  std::vector<long> approvals;
  long total = 0;
  std::mt19937 numbers(1);  // fully specified by the standard: the same projects everywhere
  for (int p = 0; p < 60; ++p) {
    approvals.push_back(100 + static_cast<long>(numbers() % 101));
    costs.push_back(approvals.back() - 10);
    total += costs.back();
  }
  std::vector<std::vector<ProjectIndex>> ballots(200);
  for (std::size_t v = 0; v < ballots.size(); ++v) {
    for (ProjectIndex p = 0; p < costs.size(); ++p) {
      if (static_cast<long>(v) < approvals[p]) {
        ballots[v].push_back(p);
      }
    }
  }
  const auto e = make_election(rationals(costs), total / 2, ballots);
  const auto result = run_welfare(e, Satisfaction::kCardinality);
  ASSERT_TRUE(result.ok()) << result.error().to_string();
  EXPECT_EQ(result->front().welfare->method, "dynamic-programming");
  EXPECT_EQ(result->front().welfare->welfare, Rational(table_optimum(costs, approvals, total / 2)));
  EXPECT_LE(result->front().total_cost, e.instance.budget());
}

TEST(MaxWelfare, IsDispatchedBySolve) {
  const auto e = make_election(rationals({6, 5, 5}), 10, {{0, 1}, {0, 2}, {0, 1, 2}});
  RuleOptions options;
  options.rule = RuleKind::kMaxWelfare;
  const auto result = solve(e.instance, e.profile, options);
  EXPECT_EQ(selection_of(result), (std::vector<ProjectIndex>{1, 2}));
}

TEST(MaxWelfare, SolvesLargeRealElectionsAndPassesVerification) {
  for (const char* name : {"Poland_Lodz_2022.pb", "France_Toulouse_2022.pb"}) {
    const auto path = std::filesystem::path(COVALUE_DATA_DIR) / "pabulib" / name;
    ASSERT_TRUE(std::filesystem::exists(path)) << path << " is missing: ../shared/data must sit beside the checkout";
    const auto file = adapters::pabulib::read_pabulib_file(path);
    ASSERT_TRUE(file.ok()) << file.error().to_string();
    const auto profile = ApprovalProfile::from_profile(file->profile, file->instance.size());
    for (const auto sat : {Satisfaction::kCost, Satisfaction::kCardinality}) {
      RuleOptions options;
      options.rule = RuleKind::kMaxWelfare;
      options.sat = sat;
      const auto result = solve(file->instance, profile, options);
      ASSERT_TRUE(result.ok()) << name << ": " << result.error().to_string();
      const auto report = verify_outcome(file->instance, profile, result->front(), options);
      ASSERT_TRUE(report.ok());
      EXPECT_TRUE(report->ok) << name << ": " << report->findings.front();
    }
  }
}

// --- brute force comparison ---

struct BruteForce {
  Rational best{-1};
  std::vector<std::vector<ProjectIndex>> optimal;  // each sorted by project index
};

BruteForce brute_force(const Election& e, Satisfaction sat) {
  const std::size_t n = e.instance.size();
  BruteForce out;
  for (std::uint32_t mask = 0; mask < (1U << n); ++mask) {
    Rational cost;
    Rational welfare;
    bool zero_value = false;
    std::vector<ProjectIndex> set;
    for (ProjectIndex p = 0; p < n; ++p) {
      if ((mask >> p) & 1U) {
        const Rational value = e.profile.approval_weight(p) * project_satisfaction(sat, e.instance.project(p));
        zero_value = zero_value || value == 0;
        cost += e.instance.project(p).cost;
        welfare += value;
        set.push_back(p);
      }
    }
    if (zero_value || cost > e.instance.budget() || welfare < out.best) {
      continue;
    }
    if (welfare > out.best) {
      out.best = welfare;
      out.optimal.clear();
    }
    out.optimal.push_back(set);
  }
  std::sort(out.optimal.begin(), out.optimal.end());
  return out;
}

// The optimal selection whose rank-sorted sequence is lexicographically smallest.
std::vector<ProjectIndex> preferred(const BruteForce& brute, const TieBreaker& ties) {
  std::vector<std::vector<std::uint32_t>> ranked;
  ranked.reserve(brute.optimal.size());
  for (const auto& set : brute.optimal) {
    std::vector<std::uint32_t> ranks;
    ranks.reserve(set.size());
    for (const ProjectIndex p : set) {
      ranks.push_back(ties.rank(p));
    }
    std::sort(ranks.begin(), ranks.end());
    ranked.push_back(ranks);
  }
  const auto best = std::min_element(ranked.begin(), ranked.end()) - ranked.begin();
  return brute.optimal[static_cast<std::size_t>(best)];
}

Rational fraction(int numerator, int denominator) {
  Rational q(numerator, denominator);
  q.canonicalize();
  return q;
}

Rational random_cost(int mode) {
  switch (mode) {
    case 0:
      return *rc::gen::inRange(0, 8);
    case 1:
      return *rc::gen::inRange(1, 1000000000);
    case 2: {
      const int numerator = *rc::gen::inRange(0, 20);
      return fraction(numerator, *rc::gen::inRange(1, 7));
    }
    default: {
      Rational big("100000000000000000000");
      return big * *rc::gen::inRange(1, 50) + *rc::gen::inRange(0, 1000);
    }
  }
}

Election random_election() {
  const auto n = *rc::gen::inRange<std::size_t>(0, 10);
  const int mode = *rc::gen::inRange(0, 4);
  std::vector<Rational> costs;
  Rational total;
  for (std::size_t i = 0; i < n; ++i) {
    costs.push_back(random_cost(mode));
    total += costs.back();
  }
  const Rational budget = total * fraction(*rc::gen::inRange(0, 11), 10);
  const auto voters = *rc::gen::inRange<std::size_t>(1, 8);
  std::vector<std::vector<ProjectIndex>> ballots(voters);
  std::vector<Rational> weights;
  const bool weighted = *rc::gen::inRange(0, 3) == 0;
  for (auto& ballot : ballots) {
    for (ProjectIndex p = 0; p < n; ++p) {
      if (*rc::gen::inRange(0, 3) == 0) {
        ballot.push_back(p);
      }
    }
    const int numerator = weighted ? *rc::gen::inRange(1, 5) : 1;
    weights.push_back(fraction(numerator, weighted ? *rc::gen::inRange(1, 4) : 1));
  }
  return make_election(costs, budget, ballots, weights);
}

RC_GTEST_PROP(MaxWelfareProperty, AgreesWithEnumerationOfAllSubsets, ()) {
  const Election e = random_election();
  const auto sat = *rc::gen::element(Satisfaction::kCost, Satisfaction::kCardinality);
  const auto tie = *rc::gen::element(TieRule::kLexicographic, TieRule::kMinCost, TieRule::kMaxApprovals);
  const BruteForce brute = brute_force(e, sat);
  const TieBreaker ties(tie, e.instance, e.profile);

  const auto one = max_welfare(e.instance, e.profile, sat, ties, false, 1000);
  if (!one.ok()) {
    RC_FAIL(one.error().to_string());
  }
  RC_ASSERT(one->size() == 1U);
  const Outcome& o = one->front();
  RC_ASSERT(o.welfare->welfare == brute.best);
  RC_ASSERT(o.welfare->upper_bound == brute.best);
  RC_ASSERT(o.total_cost <= e.instance.budget());
  RC_ASSERT(o.sorted_selection() == preferred(brute, ties));
  RC_ASSERT(std::is_sorted(o.selected.begin(), o.selected.end(),
                           [&](ProjectIndex a, ProjectIndex b) { return ties.rank(a) < ties.rank(b); }));

  const auto all = max_welfare(e.instance, e.profile, sat, ties, true, 1000);
  RC_ASSERT(all.ok());
  std::vector<std::vector<ProjectIndex>> sets;
  for (const Outcome& each : *all) {
    sets.push_back(each.sorted_selection());
    RC_ASSERT(each.welfare->welfare == brute.best);
  }
  RC_ASSERT(sets == brute.optimal);

  const TieBreaker refuse(TieRule::kRefuse, e.instance, e.profile);
  const auto refused = max_welfare(e.instance, e.profile, sat, refuse, false, 1000);
  RC_ASSERT(refused.ok() == (brute.optimal.size() == 1U));
  if (!refused.ok()) {
    RC_ASSERT(refused.error().kind == ErrorKind::kTieRefused);
  }
}

}  // namespace
}  // namespace covalue::core::rules
