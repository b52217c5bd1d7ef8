#include "covalue/core/network/lead_assignment.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

namespace covalue::core::network {
namespace {

using Lists = std::vector<std::vector<std::uint32_t>>;

LeadProblem problem_of(std::vector<std::int64_t> slots, std::vector<std::int64_t> past, Lists volunteers,
                       Lists eligible) {
  return LeadProblem{std::move(slots), std::move(past), std::move(volunteers), std::move(eligible)};
}

// (led, led by a volunteer, -rotation cost): larger is better, compared lexicographically.
using Score = std::tuple<std::int64_t, std::int64_t, std::int64_t>;

Score score_of(const LeadAssignmentResult& r) { return {r.assigned, r.volunteers_used, -r.rotation_cost}; }

bool volunteers_for(const LeadProblem& problem, std::size_t i, std::uint32_t p) {
  return std::find(problem.volunteers[i].begin(), problem.volunteers[i].end(), p) != problem.volunteers[i].end();
}

// Every assignment of each initiative to an eligible partner or nobody, within the free slots.
void best_by_brute_force(const LeadProblem& problem, std::size_t i, std::vector<std::int64_t>& taken, Score current,
                         Score& best) {
  if (i == problem.eligible.size()) {
    std::int64_t rotation = 0;
    for (std::size_t p = 0; p < taken.size(); ++p) {
      for (std::int64_t j = 1; j <= taken[p]; ++j) {
        rotation += problem.past_leads[p] + j;
      }
    }
    best = std::max(best, Score{std::get<0>(current), std::get<1>(current), -rotation});
    return;
  }
  best_by_brute_force(problem, i + 1, taken, current, best);
  for (const std::uint32_t p : problem.eligible[i]) {
    if (taken[p] < problem.free_slots[p]) {
      taken[p] += 1;
      const Score next{std::get<0>(current) + 1, std::get<1>(current) + (volunteers_for(problem, i, p) ? 1 : 0), 0};
      best_by_brute_force(problem, i + 1, taken, next, best);
      taken[p] -= 1;
    }
  }
}

// The result is an assignment of the problem and its totals are its own.
void expect_consistent(const LeadProblem& problem, const LeadAssignmentResult& r) {
  ASSERT_EQ(r.lead.size(), problem.eligible.size());
  ASSERT_EQ(r.by_volunteer.size(), problem.eligible.size());
  std::vector<std::int64_t> taken(problem.free_slots.size(), 0);
  std::int64_t assigned = 0;
  std::int64_t by_volunteer = 0;
  for (std::size_t i = 0; i < r.lead.size(); ++i) {
    if (!r.lead[i]) {
      EXPECT_FALSE(r.by_volunteer[i]);
      continue;
    }
    const std::uint32_t p = *r.lead[i];
    const auto& eligible = problem.eligible[i];
    EXPECT_NE(std::find(eligible.begin(), eligible.end(), p), eligible.end());
    EXPECT_EQ(r.by_volunteer[i], volunteers_for(problem, i, p));
    taken[p] += 1;
    assigned += 1;
    by_volunteer += r.by_volunteer[i] ? 1 : 0;
  }
  std::int64_t rotation = 0;
  for (std::size_t p = 0; p < taken.size(); ++p) {
    EXPECT_LE(taken[p], std::max<std::int64_t>(0, problem.free_slots[p]));
    rotation += taken[p] * problem.past_leads[p] + taken[p] * (taken[p] + 1) / 2;
  }
  EXPECT_EQ(r.assigned, assigned);
  EXPECT_EQ(r.volunteers_used, by_volunteer);
  EXPECT_EQ(r.rotation_cost, rotation);
}

TEST(LeadAssignment, EmptyProblemAssignsNothing) {
  auto r = assign_leads(LeadProblem{});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_TRUE(r->lead.empty());
  EXPECT_EQ(r->assigned, 0);
}

TEST(LeadAssignment, VolunteerIsPreferredOverALighterRotation) {
  const auto problem = problem_of({1, 1}, {0, 5}, {{1}}, {{0, 1}});
  auto r = assign_leads(problem);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->lead[0], std::optional<std::uint32_t>(1));
  EXPECT_TRUE(r->by_volunteer[0]);
  EXPECT_EQ(r->volunteers_used, 1);
  EXPECT_EQ(r->rotation_cost, 6);
}

TEST(LeadAssignment, MoreInitiativesLedComesBeforeVolunteers) {
  // Initiative 0 is volunteered for by partner 0, but only partner 0 can lead initiative 1.
  const auto problem = problem_of({1, 1}, {0, 0}, {{0}, {}}, {{0, 1}, {0}});
  auto r = assign_leads(problem);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->assigned, 2);
  EXPECT_EQ(r->lead[0], std::optional<std::uint32_t>(1));
  EXPECT_EQ(r->lead[1], std::optional<std::uint32_t>(0));
  EXPECT_EQ(r->volunteers_used, 0);
}

TEST(LeadAssignment, SlotLimitsAreRespected) {
  const auto problem = problem_of({2}, {0}, {{0}, {0}, {0}}, {{0}, {0}, {0}});
  auto r = assign_leads(problem);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->assigned, 2);
  expect_consistent(problem, *r);
}

TEST(LeadAssignment, RotationSpreadsLeadsTowardsThoseWhoLedLeast) {
  // Marginal costs: partner 0 pays 1, 2, 3, 4; partner 1 (2 past leads) pays 3, 4. The four cheapest
  // units are 1, 2, 3, 3: partner 0 leads three, partner 1 one, rotation cost 9.
  const auto problem = problem_of({9, 9}, {0, 2}, Lists(4), Lists(4, {0, 1}));
  auto r = assign_leads(problem);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->rotation_cost, 9);
  EXPECT_EQ(std::count(r->lead.begin(), r->lead.end(), std::optional<std::uint32_t>(0)), 3);
  expect_consistent(problem, *r);
}

TEST(LeadAssignment, UnassignableInitiativesAreLeftWithoutLead) {
  // Initiative 0 has nobody eligible; initiative 1 only partner 1, whose free slots are negative.
  const auto problem = problem_of({1, -2}, {0, 0}, {{}, {1}, {}}, {{}, {1}, {0}});
  auto r = assign_leads(problem);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->lead[0].has_value());
  EXPECT_FALSE(r->lead[1].has_value());
  EXPECT_EQ(r->lead[2], std::optional<std::uint32_t>(0));
  EXPECT_EQ(r->assigned, 1);
}

TEST(LeadAssignment, RejectsMalformedProblems) {
  const auto kind = [](const LeadProblem& p) {
    auto r = assign_leads(p);
    return r.ok() ? std::optional<ErrorKind>() : std::optional<ErrorKind>(r.error().kind);
  };
  EXPECT_EQ(kind(problem_of({1}, {0, 0}, {{}}, {{0}})), ErrorKind::kInvalidInput);           // partner sizes
  EXPECT_EQ(kind(problem_of({1}, {0}, {{}, {}}, {{0}})), ErrorKind::kInvalidInput);          // initiative sizes
  EXPECT_EQ(kind(problem_of({1}, {0}, {{}}, {{1}})), ErrorKind::kInvalidInput);              // partner out of range
  EXPECT_EQ(kind(problem_of({1}, {0}, {{3}}, {{0}})), ErrorKind::kInvalidInput);             // volunteer out of range
  EXPECT_EQ(kind(problem_of({1, 1}, {0, 0}, {{1}}, {{0}})), ErrorKind::kInvalidInput);       // volunteer not eligible
  EXPECT_EQ(kind(problem_of({1}, {-1}, {{}}, {{0}})), ErrorKind::kInvalidInput);             // negative past leads
  EXPECT_EQ(kind(problem_of({1}, {INT64_MAX / 2}, {{}}, {{0}})), ErrorKind::kInvalidInput);  // costs overflow
}

TEST(LeadAssignment, IsDeterministicAndIgnoresListOrderAndRepeats) {
  const auto a = problem_of({2, 2, 2}, {1, 0, 1}, {{}, {2}, {}, {}}, {{0, 1, 2}, {1, 2}, {0, 2}, {0, 1, 2}});
  const auto b = problem_of({2, 2, 2}, {1, 0, 1}, {{}, {2, 2}, {}, {}}, {{2, 1, 0}, {2, 1}, {2, 0, 0}, {1, 2, 0}});
  auto first = assign_leads(a);
  auto again = assign_leads(a);
  auto permuted = assign_leads(b);
  ASSERT_TRUE(first.ok() && again.ok() && permuted.ok());
  EXPECT_EQ(first->lead, again->lead);
  EXPECT_EQ(first->lead, permuted->lead);
}

// A uniform integer in [low, high): rapidcheck's inRange favours small values at small sizes.
template <typename T>
T pick_between(T low, T high) {
  return *rc::gen::resize(100, rc::gen::inRange<T>(low, high));
}

LeadProblem random_problem(std::size_t max_initiatives, std::size_t max_partners) {
  const auto m = pick_between<std::size_t>(0, max_initiatives + 1);
  const auto n = pick_between<std::size_t>(1, max_partners + 1);
  LeadProblem problem;
  problem.free_slots =
      *rc::gen::container<std::vector<std::int64_t>>(n, rc::gen::resize(100, rc::gen::inRange<std::int64_t>(-1, 4)));
  problem.past_leads =
      *rc::gen::container<std::vector<std::int64_t>>(n, rc::gen::resize(100, rc::gen::inRange<std::int64_t>(0, 6)));
  for (std::size_t i = 0; i < m; ++i) {
    std::vector<std::uint32_t> eligible;
    std::vector<std::uint32_t> volunteers;
    for (std::uint32_t p = 0; p < n; ++p) {
      const int roll = pick_between(0, 4);
      if (roll >= 1) {
        eligible.push_back(p);
      }
      if (roll == 3) {
        volunteers.push_back(p);
      }
    }
    problem.eligible.push_back(eligible);
    problem.volunteers.push_back(volunteers);
  }
  return problem;
}

RC_GTEST_PROP(LeadAssignmentProperties, MatchesBruteForceOnSmallProblems, ()) {
  const LeadProblem problem = random_problem(7, 4);
  auto r = assign_leads(problem);
  RC_ASSERT(r.ok());
  std::vector<std::int64_t> taken(problem.free_slots.size(), 0);
  Score best{-1, -1, 0};
  best_by_brute_force(problem, 0, taken, Score{0, 0, 0}, best);
  RC_ASSERT(score_of(*r) == best);
  expect_consistent(problem, *r);
  RC_ASSERT(!::testing::Test::HasFailure());
}

// An independent optimality certificate. Costs are pairs (non-volunteer leads, rotation cost)
// compared lexicographically. In the residual network of an assignment (source -> initiative ->
// partner -> sink, a partner's k-th new lead costing past_leads + k), the assignment leads the most
// initiatives when no path reaches the sink, and has the least cost among those when no cycle is negative.
using Cost = std::pair<std::int64_t, std::int64_t>;

struct ResidualArc {
  std::size_t from;
  std::size_t to;
  Cost cost;
};

std::vector<ResidualArc> residual_arcs(const LeadProblem& problem, const LeadAssignmentResult& r) {
  const std::size_t m = problem.eligible.size();
  const std::size_t n = problem.free_slots.size();
  const std::size_t sink = m + n + 1;
  std::vector<ResidualArc> arcs;
  std::vector<std::int64_t> used(n, 0);
  for (std::size_t i = 0; i < m; ++i) {
    if (r.lead[i]) {
      used[*r.lead[i]] += 1;
      arcs.push_back({1 + i, 0, {0, 0}});
    } else {
      arcs.push_back({0, 1 + i, {0, 0}});
    }
    for (const std::uint32_t p : problem.eligible[i]) {
      const std::int64_t other = volunteers_for(problem, i, p) ? 0 : 1;
      if (r.lead[i] == std::optional<std::uint32_t>(p)) {
        arcs.push_back({1 + m + p, 1 + i, {-other, 0}});
      } else {
        arcs.push_back({1 + i, 1 + m + p, {other, 0}});
      }
    }
  }
  for (std::size_t p = 0; p < n; ++p) {
    if (used[p] < problem.free_slots[p]) {
      arcs.push_back({1 + m + p, sink, {0, problem.past_leads[p] + used[p] + 1}});
    }
    if (used[p] > 0) {
      arcs.push_back({sink, 1 + m + p, {0, -(problem.past_leads[p] + used[p])}});
    }
  }
  return arcs;
}

bool source_reaches_sink(const std::vector<ResidualArc>& arcs, std::size_t nodes) {
  std::vector<bool> seen(nodes, false);
  seen[0] = true;
  for (bool grew = true; grew;) {
    grew = false;
    for (const ResidualArc& arc : arcs) {
      if (seen[arc.from] && !seen[arc.to] && arc.from != nodes - 1) {
        seen[arc.to] = grew = true;
      }
    }
  }
  return seen[nodes - 1];
}

// Bellman-Ford from every node at once: a distance still falling after `nodes` rounds means a negative cycle.
bool has_negative_cycle(const std::vector<ResidualArc>& arcs, std::size_t nodes) {
  std::vector<Cost> dist(nodes, Cost{0, 0});
  for (std::size_t round = 0; round <= nodes; ++round) {
    bool changed = false;
    for (const ResidualArc& arc : arcs) {
      const Cost via{dist[arc.from].first + arc.cost.first, dist[arc.from].second + arc.cost.second};
      if (via < dist[arc.to]) {
        dist[arc.to] = via;
        changed = true;
      }
    }
    if (!changed) {
      return false;
    }
  }
  return true;
}

RC_GTEST_PROP(LeadAssignmentProperties, MediumProblemsPassAnIndependentOptimalityCheck, ()) {
  const LeadProblem problem = random_problem(40, 12);
  auto r = assign_leads(problem);
  RC_ASSERT(r.ok());
  expect_consistent(problem, *r);
  RC_ASSERT(!::testing::Test::HasFailure());
  const std::size_t nodes = problem.eligible.size() + problem.free_slots.size() + 2;
  const auto arcs = residual_arcs(problem, *r);
  RC_ASSERT(!source_reaches_sink(arcs, nodes));
  RC_ASSERT(!has_negative_cycle(arcs, nodes));
}

TEST(LeadAssignment, LargeDenseProblemIsConsistent) {
  LeadProblem problem;
  const std::size_t m = 120;
  const std::size_t n = 40;
  for (std::size_t p = 0; p < n; ++p) {
    problem.free_slots.push_back(static_cast<std::int64_t>(p % 4));
    problem.past_leads.push_back(static_cast<std::int64_t>((p * 7) % 5));
  }
  for (std::size_t i = 0; i < m; ++i) {
    problem.eligible.emplace_back();
    problem.volunteers.emplace_back();
    for (std::uint32_t p = 0; p < n; ++p) {
      problem.eligible.back().push_back(p);
      if ((i * 31 + p * 17) % 23 == 0) {
        problem.volunteers.back().push_back(p);
      }
    }
  }
  auto r = assign_leads(problem);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->assigned, 60);  // sum of free slots: 10 * (0 + 1 + 2 + 3)
  expect_consistent(problem, *r);
}

}  // namespace
}  // namespace covalue::core::network
