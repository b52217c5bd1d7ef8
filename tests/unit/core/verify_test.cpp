#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "covalue/core/rules/rule.hpp"
#include "covalue/core/verify.hpp"

namespace covalue::core {
namespace {

using rules::Completion;
using rules::RuleKind;
using rules::RuleOptions;

struct Election {
  Instance instance;
  ApprovalProfile profile;
};

Election make_election(const std::vector<long>& costs, long budget,
                       const std::vector<std::vector<ProjectIndex>>& ballots) {
  Election e;
  for (std::size_t i = 0; i < costs.size(); ++i) {
    EXPECT_TRUE(e.instance.add_project(Project{"p" + std::to_string(i), Rational(costs[i]), {}, {}, {}}).ok());
  }
  e.instance.set_budget(Rational(budget));
  e.profile = ApprovalProfile::from_sets(ballots, std::vector<Rational>(ballots.size(), Rational(1)), costs.size());
  return e;
}

// 6 voters want p0 and p1 (cost 50 each), 4 want p2 (cost 40), budget 100: MES buys p0 (rho 1/6) then
// p2 (rho 1/4); p1 is left unaffordable.
Election minority() {
  return make_election({50, 50, 40}, 100, {{0, 1}, {0, 1}, {0, 1}, {0, 1}, {0, 1}, {0, 1}, {2}, {2}, {2}, {2}});
}

RuleOptions options_for(RuleKind rule, Satisfaction sat = Satisfaction::kCost, Completion c = Completion::kNone) {
  RuleOptions o;
  o.rule = rule;
  o.sat = sat;
  o.completion = c;
  return o;
}

Outcome solve_one(const Election& e, const RuleOptions& o) {
  auto outcomes = rules::solve(e.instance, e.profile, o);
  EXPECT_TRUE(outcomes.ok()) << outcomes.error().to_string();
  return outcomes.ok() ? outcomes->front() : Outcome{};
}

VerifyReport verify(const Election& e, const Outcome& outcome, const RuleOptions& o) {
  auto report = verify_outcome(e.instance, e.profile, outcome, o);
  EXPECT_TRUE(report.ok()) << report.error().to_string();
  return report.ok() ? *report : VerifyReport{};
}

std::string joined(const VerifyReport& report) {
  std::string all;
  for (const auto& f : report.findings) {
    all += f + "\n";
  }
  return all;
}

// The report rejects the outcome with a finding containing every one of `parts`.
void expect_finding(const VerifyReport& report, const std::vector<std::string>& parts) {
  EXPECT_FALSE(report.ok);
  const bool found = std::any_of(report.findings.begin(), report.findings.end(), [&](const std::string& f) {
    return std::all_of(parts.begin(), parts.end(), [&](const std::string& part) { return f.find(part) != f.npos; });
  });
  EXPECT_TRUE(found) << "expected a finding with '" << parts.front() << "'; got:\n" << joined(report);
}

std::vector<RuleOptions> every_configuration() {
  std::vector<RuleOptions> all;
  for (const auto sat : {Satisfaction::kCost, Satisfaction::kCardinality}) {
    all.push_back(options_for(RuleKind::kGreedy, sat));
    all.push_back(options_for(RuleKind::kMaxWelfare, sat));
    for (const auto c : {Completion::kNone, Completion::kGreedy, Completion::kAdd1, Completion::kAdd1Greedy}) {
      all.push_back(options_for(RuleKind::kEqualShares, sat, c));
    }
  }
  all.push_back(options_for(RuleKind::kPhragmen));
  return all;
}

TEST(Verify, AcceptsWhatEveryRuleComputes) {
  const Election elections[] = {
      minority(),
      make_election({60, 50, 30, 20, 0}, 100, {{0, 1}, {0, 1}, {0, 2}, {1, 3}, {2, 3, 4}, {0}}),
      make_election({3, 3, 3, 7}, 10, {{0, 3}, {1, 3}, {2}, {3}}),
  };
  for (const Election& e : elections) {
    for (const RuleOptions& o : every_configuration()) {
      const VerifyReport report = verify(e, solve_one(e, o), o);
      EXPECT_TRUE(report.ok) << core::name_of(o.rule) << "/" << core::name_of(o.completion) << "/"
                             << core::name_of(o.sat) << ":\n"
                             << joined(report);
      EXPECT_FALSE(report.checks.empty());
    }
  }
}

TEST(Verify, AcceptsEveryIrresoluteOutcome) {
  const Election e = make_election({10, 10, 10, 5}, 20, {{0, 1}, {0, 1}, {2, 3}, {2}});
  for (RuleOptions o : every_configuration()) {
    o.irresolute = true;
    auto outcomes = rules::solve(e.instance, e.profile, o);
    ASSERT_TRUE(outcomes.ok()) << outcomes.error().to_string();
    for (const Outcome& outcome : *outcomes) {
      const VerifyReport report = verify(e, outcome, o);
      EXPECT_TRUE(report.ok) << core::name_of(o.rule) << ":\n" << joined(report);
    }
  }
}

TEST(Verify, RejectsAChangedPayment) {
  const Election e = minority();
  const auto o = options_for(RuleKind::kEqualShares);
  Outcome outcome = solve_one(e, o);
  ASSERT_TRUE(outcome.mes.has_value());
  ASSERT_EQ(outcome.mes->purchases.size(), 2U);
  ASSERT_EQ(outcome.mes->purchases[0].project, 0U);
  outcome.mes->purchases[0].cap -= Rational(1, 6);  // 6 voters pay 1/6 less: 49 in all
  const VerifyReport report = verify(e, outcome, o);
  expect_finding(report, {"project 'p0'", "payments sum to 49 but it costs 50"});
  expect_finding(report, {"project 'p0'", "voter group"});
}

TEST(Verify, RejectsASwappedProject) {
  const Election e = minority();
  const auto o = options_for(RuleKind::kEqualShares);
  Outcome outcome = solve_one(e, o);
  ASSERT_TRUE(outcome.mes.has_value());
  // Claim p1 was bought instead of p0, with p0's payments.
  outcome.mes->purchases[0].project = 1;
  std::replace(outcome.selected.begin(), outcome.selected.end(), ProjectIndex{0}, ProjectIndex{1});
  const VerifyReport report = verify(e, outcome, o);
  expect_finding(report, {"project 'p1'", "same rho and wins the tie-break"});
  // p0 paid at p2's cap: its 6 supporters pay 10 each.
  Outcome other = solve_one(e, o);
  std::swap(other.mes->purchases[0].cap, other.mes->purchases[1].cap);
  expect_finding(verify(e, other, o), {"project 'p0'", "payments sum to 60 but it costs 50"});
}

// Everyone holds 14. p0 (cost 30) and p1 (cost 12) tie at rho 1/3 and p0 wins: voters 0-2 (class 0)
// pay the cap 10 and form class 1. Then p1: voters 0 and 1 (class 1) pay all their 4, voter 3 (class 0)
// pays the cap 4 and forms class 2. p2 (cost 20) stays out of voter 3's reach.
Election three_classes() { return make_election({30, 12, 20}, 56, {{0, 1}, {0, 1}, {0}, {1, 2}}); }

TEST(Verify, RejectsATamperedClassLevelCertificate) {
  const Election e = three_classes();
  const auto o = options_for(RuleKind::kEqualShares);
  const Outcome outcome = solve_one(e, o);
  ASSERT_TRUE(outcome.mes.has_value());
  ASSERT_EQ(outcome.mes->purchases.size(), 2U);
  EXPECT_TRUE(verify(e, outcome, o).ok) << joined(verify(e, outcome, o));
  const ProjectPayments& p1 = outcome.mes->purchases[1];
  EXPECT_EQ(p1.cap, 4);
  EXPECT_EQ(p1.pay_cap, std::vector<std::uint32_t>{0});
  EXPECT_EQ(p1.pay_all, std::vector<std::uint32_t>{1});
  EXPECT_TRUE(p1.payments.empty());
  Outcome unknown = outcome;
  unknown.mes->purchases[0].pay_cap.push_back(9);
  expect_finding(verify(e, unknown, o), {"purchase 1: budget class 9 pays but only classes 0 to 0 exist by then"});
  Outcome twice = outcome;
  twice.mes->purchases[1].pay_all.push_back(0);
  expect_finding(verify(e, twice, o), {"purchase 2: budget class 0 is named twice"});
  Outcome claimed = outcome;  // p0's payers claim to pay all they have (14) instead of the cap 10
  std::swap(claimed.mes->purchases[0].pay_cap, claimed.mes->purchases[0].pay_all);
  expect_finding(verify(e, claimed, o), {"project 'p0'", "(of budget class 0) pays 14 but min(remaining 14"});
  // In minority(), class 1 (p0's payers) holds nobody who approves p2.
  const Election m = minority();
  Outcome stranger = solve_one(m, o);
  stranger.mes->purchases[1].pay_all.push_back(1);
  expect_finding(verify(m, stranger, o),
                 {"purchase 2: budget class 1 pays but none of its voter groups approves the project"});
}

TEST(Verify, AcceptsTheFormBeforeBudgetClassesAndRefusesAMix) {
  for (const Election& e : {minority(), three_classes()}) {
    for (const Satisfaction sat : {Satisfaction::kCost, Satisfaction::kCardinality}) {
      const auto o = options_for(RuleKind::kEqualShares, sat);
      const Outcome outcome = solve_one(e, o);
      const GroupPayments paid = group_payments(*outcome.mes, e.profile);
      EXPECT_TRUE(paid.faults.empty());
      Outcome per_group = outcome;
      for (std::size_t k = 0; k < per_group.mes->purchases.size(); ++k) {
        per_group.mes->purchases[k] = ProjectPayments{
            outcome.mes->purchases[k].project, outcome.mes->purchases[k].rho, paid.purchases[k], 0, {}, {}};
      }
      EXPECT_TRUE(verify(e, per_group, o).ok) << joined(verify(e, per_group, o));
      Outcome mixed = outcome;
      mixed.mes->purchases.back().payments = paid.purchases.back();
      expect_finding(verify(e, mixed, o), {"mixes payments per voter group with payments per budget class"});
    }
  }
}

TEST(Verify, RejectsAWrongRho) {
  const Election e = minority();
  const auto o = options_for(RuleKind::kEqualShares);
  Outcome outcome = solve_one(e, o);
  ASSERT_TRUE(outcome.mes.has_value());
  ASSERT_EQ(outcome.mes->purchases[1].rho, Rational(1, 4));
  outcome.mes->purchases[1].rho = Rational(1, 5);
  expect_finding(verify(e, outcome, o), {"project 'p2'", "the certificate gives rho 0.2", "price is 0.25"});
}

TEST(Verify, RejectsAPurchaseOutOfOrder) {
  const Election e = minority();
  const auto o = options_for(RuleKind::kEqualShares);
  Outcome outcome = solve_one(e, o);
  std::swap(outcome.mes->purchases[0], outcome.mes->purchases[1]);
  std::swap(outcome.selected[0], outcome.selected[1]);
  expect_finding(verify(e, outcome, o), {"project 'p2' is bought at rho 0.25", "project 'p0'", "lower rho"});
}

TEST(Verify, RejectsAnExtraProject) {
  const Election e = make_election({50, 50, 40, 5}, 100, {{0, 1}, {0, 1}, {0, 1}, {0, 1}, {0, 1}, {2}, {2}, {2}});
  const auto o = options_for(RuleKind::kEqualShares);
  Outcome outcome = solve_one(e, o);
  ASSERT_TRUE(std::find(outcome.selected.begin(), outcome.selected.end(), 3U) == outcome.selected.end());
  outcome.selected.push_back(3);
  outcome.total_cost += 5;
  const VerifyReport report = verify(e, outcome, o);
  expect_finding(report, {"project 'p3' is selected but MES did not buy it"});
  // Under the greedy completion the extra project must be what greedy adds.
  const auto greedy = options_for(RuleKind::kEqualShares, Satisfaction::kCost, Completion::kGreedy);
  Outcome completed = solve_one(e, greedy);
  EXPECT_TRUE(verify(e, completed, greedy).ok) << joined(verify(e, completed, greedy));
  completed.selected.push_back(3);
  completed.total_cost += 5;
  if (completed.total_cost <= e.instance.budget()) {
    expect_finding(verify(e, completed, greedy), {"greedy completion", "project 'p3'"});
  }
}

TEST(Verify, RejectsAWrongTotalCostAndOverspending) {
  const Election e = minority();
  for (const RuleOptions& o : every_configuration()) {
    Outcome outcome = solve_one(e, o);
    outcome.total_cost += 1;
    expect_finding(verify(e, outcome, o), {"the total cost is given as"});
  }
  const auto o = options_for(RuleKind::kGreedy);
  Outcome all;
  all.selected = {0, 1, 2};
  all.total_cost = 140;
  expect_finding(verify(e, all, o), {"more than the budget 100"});
  all.selected = {0, 7};
  expect_finding(verify(e, all, o), {"index 7 does not exist"});
}

TEST(Verify, RejectsAnEarlyStopAndAMissingCertificate) {
  const Election e = minority();
  const auto o = options_for(RuleKind::kEqualShares);
  Outcome outcome = solve_one(e, o);
  outcome.mes->purchases.pop_back();
  outcome.selected.pop_back();
  outcome.total_cost -= 40;
  expect_finding(verify(e, outcome, o), {"MES stops but project 'p2' is still affordable"});
  outcome.mes.reset();
  expect_finding(verify(e, outcome, o), {"no MES certificate"});
  Outcome budget = solve_one(e, o);
  budget.mes->voter_budget = 11;
  expect_finding(verify(e, budget, o), {"voter budget is 11", "should be 10"});
}

TEST(Verify, RejectsGreedyAndPhragmenDeviations) {
  const Election e = make_election({60, 50, 30, 20}, 100, {{0, 1}, {0, 1}, {0, 2}, {1, 3}, {2, 3}, {0}});
  const auto greedy = options_for(RuleKind::kGreedy);
  Outcome g = solve_one(e, greedy);  // p0, then p2 (p1 no longer fits)
  ASSERT_EQ(g.selected, (std::vector<ProjectIndex>{0, 2}));
  std::swap(g.selected[0], g.selected[1]);
  expect_finding(verify(e, g, greedy), {"greedy step 1", "project 'p2'", "selects project 'p0'"});
  g.selected = {0};
  g.total_cost = 60;
  expect_finding(verify(e, g, greedy), {"stops after 1 projects", "project 'p2'"});

  const auto phragmen = options_for(RuleKind::kPhragmen);
  Outcome p = solve_one(e, phragmen);
  ASSERT_FALSE(p.selected.empty());
  p.selected.erase(p.selected.begin());
  p.total_cost = e.instance.total_cost(p.selected);
  expect_finding(verify(e, p, phragmen), {"phragmen step 1"});
}

TEST(Verify, ChecksTheWelfareCertificateAndOptimality) {
  const Election e = make_election({6, 5, 5}, 10, {{0, 1}, {0, 2}, {0, 1, 2}});
  const auto o = options_for(RuleKind::kMaxWelfare);
  const Outcome best = solve_one(e, o);  // p1 + p2, welfare 20
  EXPECT_TRUE(verify(e, best, o).ok);
  Outcome worse = best;
  worse.selected = {0};
  worse.total_cost = 6;
  worse.welfare->welfare = 18;
  worse.welfare->upper_bound = 18;
  expect_finding(verify(e, worse, o), {"has welfare 20, not 18"});
  Outcome wrong = best;
  wrong.welfare->welfare = 21;
  expect_finding(verify(e, wrong, o), {"certificate gives welfare 21", "selection's welfare is 20"});
  Outcome loose = best;
  loose.welfare->upper_bound = 25;
  expect_finding(verify(e, loose, o), {"upper bound 25"});
  Outcome bare = best;
  bare.welfare.reset();
  expect_finding(verify(e, bare, o), {"no welfare certificate"});
}

TEST(Verify, ProvesOptimalityWithoutTheRulesMethod) {
  // Costs in the millions under cost satisfaction: too large for either table; a second search decides.
  const Election e = make_election({3000017, 2000003, 1500007, 999983, 4000037}, 6000000,
                                   {{0, 1}, {1, 2}, {2, 3}, {0, 3, 4}, {4}, {1}});
  const auto o = options_for(RuleKind::kMaxWelfare);
  Outcome best = solve_one(e, o);
  const VerifyReport report = verify(e, best, o);
  EXPECT_TRUE(report.ok) << joined(report);
  EXPECT_TRUE(std::any_of(report.checks.begin(), report.checks.end(),
                          [](const std::string& c) { return c.find("second exact search") != c.npos; }));
  best.selected = {1, 2, 3};
  best.total_cost = e.instance.total_cost(best.selected);
  best.welfare->welfare = best.welfare->upper_bound = Rational(10999989);
  expect_finding(verify(e, best, o), {"a selection within the budget has welfare", "more than 10999989"});
  // Under cardinality satisfaction the values are small: dynamic programming over values.
  const auto card = options_for(RuleKind::kMaxWelfare, Satisfaction::kCardinality);
  const VerifyReport by_values = verify(e, solve_one(e, card), card);
  EXPECT_TRUE(by_values.ok) << joined(by_values);
  EXPECT_TRUE(std::any_of(by_values.checks.begin(), by_values.checks.end(),
                          [](const std::string& c) { return c.find("over values") != c.npos; }));
}

// --- every rule's outcome passes on random elections ---

Election random_election() {
  const auto n = *rc::gen::inRange<std::size_t>(1, 8);
  std::vector<long> costs;
  long total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    costs.push_back(*rc::gen::inRange(0, 40));
    total += costs.back();
  }
  const long budget = *rc::gen::inRange<long>(0, total + 2);
  const auto voters = *rc::gen::inRange<std::size_t>(1, 12);
  std::vector<std::vector<ProjectIndex>> ballots(voters);
  for (auto& ballot : ballots) {
    for (ProjectIndex p = 0; p < n; ++p) {
      if (*rc::gen::inRange(0, 3) == 0) {
        ballot.push_back(p);
      }
    }
  }
  return make_election(costs, budget, ballots);
}

RC_GTEST_PROP(VerifyProperty, AcceptsEveryRulesOutcome, ()) {
  const Election e = random_election();
  for (RuleOptions o : every_configuration()) {
    // Irresolute add1 re-enumerates every round's ties (slow on some elections): resolute only.
    const bool add1 = o.completion == Completion::kAdd1 || o.completion == Completion::kAdd1Greedy;
    o.irresolute = !add1 && *rc::gen::inRange(0, 4) == 0;
    o.tie = *rc::gen::element(TieRule::kLexicographic, TieRule::kMinCost, TieRule::kMaxApprovals);
    auto outcomes = rules::solve(e.instance, e.profile, o);
    if (!outcomes.ok() && outcomes.error().kind == ErrorKind::kTimeLimit) {
      continue;
    }
    RC_ASSERT(outcomes.ok());
    for (const Outcome& outcome : *outcomes) {
      const auto report = verify_outcome(e.instance, e.profile, outcome, o);
      RC_ASSERT(report.ok());
      if (!report->ok) {
        RC_FAIL(std::string(core::name_of(o.rule)) + "/" + core::name_of(o.completion) + "/" + core::name_of(o.sat) +
                (o.irresolute ? " irresolute" : "") + ": " + report->findings.front());
      }
    }
  }
}

}  // namespace
}  // namespace covalue::core
