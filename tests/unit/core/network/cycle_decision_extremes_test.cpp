// A close never aborts: extreme but valid magnitudes (tiny and huge rationals, large denominators, mixed
// signs) under every rule and sharing policy, with the outcome re-checked.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "../ilp/random_programs.hpp"
#include "covalue/adapters/cbc/cbc_solver.hpp"
#include "covalue/core/network/cycle_decision.hpp"
#include "random_cycles.hpp"

namespace covalue::core::network {
namespace {

using covalue::testing::Magnitudes;
using covalue::testing::pick;
using covalue::testing::random_number;
using testing::fixed_input;

//! A positive amount anywhere from 10^-31 to 10^31, with denominators up to about 10^12.
Rational extreme_positive() {
  Rational q = abs(random_number(1, 20, Magnitudes::kExtreme));
  return sgn(q) == 0 ? Rational(1) : q;
}

CycleInput extreme_input(SelectionRule rule, SharingPolicy sharing) {
  CycleInput input;
  input.charter.name = "extreme";
  input.charter.rule = rule;
  input.charter.sharing = sharing;
  input.charter.fairness.max_dry_spell = pick(1, 4);
  input.charter.fairness.max_deopt_share = Rational(pick(1, 11), 10);
  input.charter.fairness.max_deopt_share.canonicalize();
  input.charter.capacity = extreme_positive();
  input.cycle = {1, CycleState::kVoting, input.charter.capacity, rule, {}, {}, {}};
  const int partners = pick(2, 7);
  for (int p = 0; p < partners; ++p) {
    input.members.push_back({p + 1, "partner-" + std::to_string(p), Tier::kOther, 1, std::nullopt});
    input.standing.push_back({p + 1, pick(0, 5), pick(0, 3), pick(0, 5), {}});
  }
  const int initiatives = pick(1, 10);
  for (int i = 0; i < initiatives; ++i) {
    Initiative initiative;
    initiative.id = 100 + i;
    initiative.title = "initiative-" + std::to_string(i);
    // Costs near the capacity, far below or far above it.
    initiative.cost = pick(0, 3) == 0 ? input.charter.capacity / pick(1, 5) : extreme_positive();
    initiative.cycle = 1;
    for (int p = 0; p < partners; ++p) {
      if (pick(0, 3) != 0) {
        const Rational estimate = random_number(-12, 20, Magnitudes::kExtreme);
        if (sgn(estimate) != 0) {
          initiative.impacts.push_back({p + 1, estimate});
        }
      }
    }
    if (pick(0, 3) == 0) {
      initiative.volunteers.push_back(pick(1, partners + 1));
    }
    input.candidates.push_back(std::move(initiative));
  }
  const BallotFormat format =
      *rc::gen::element(BallotFormat::kApprovals, BallotFormat::kRanking, BallotFormat::kScores, BallotFormat::kPoints);
  for (int p = 0; p < partners; ++p) {
    if (pick(0, 5) == 0) {
      continue;
    }
    PartnerBallot ballot{1, p + 1, format, {}, {}};
    std::int64_t rank = 1;
    for (const Initiative& initiative : input.candidates) {
      const Rational own = initiative.impact_on(p + 1);
      if (own > 0) {
        const Rational value = format == BallotFormat::kApprovals ? Rational(1)
                               : format == BallotFormat::kRanking ? Rational(rank++)
                                                                  : extreme_positive();
        ballot.entries.push_back({initiative.id, value});
      } else if (own < 0 && pick(0, 2) == 0) {
        ballot.objections.push_back({initiative.id, "hurts us"});
      }
    }
    input.ballots.push_back(std::move(ballot));
  }
  return input;
}

RC_GTEST_PROP(CycleDecisionExtremes, EveryRuleClosesAndItsOutcomeHolds, ()) {
  adapters::cbc::CbcSolver solver;
  const SelectionRule rule =
      *rc::gen::element(SelectionRule::kEqualShares, SelectionRule::kPhragmen, SelectionRule::kGreedy,
                        SelectionRule::kNetworkFair, SelectionRule::kConsensus);
  const SharingPolicy sharing =
      *rc::gen::element(SharingPolicy::kNone, SharingPolicy::kShapley, SharingPolicy::kProportional);
  const CycleInput input = extreme_input(rule, sharing);
  DecisionTools tools;
  tools.solver = &solver;
  tools.solver_options.time_limit_seconds = 20;
  Result<CycleOutcome> outcome = decide_cycle(input, tools);
  if (!outcome) {
    RC_FAIL(outcome.error().to_string());
  }
  Rational spent;
  Rational transfers;
  Rational total_deopt;
  for (std::size_t c = 0; c < outcome->decisions.size(); ++c) {
    if (outcome->decisions[c].selected) {
      spent += input.candidates[c].cost;
      RC_ASSERT(input.candidates[c].network_value() >= 0);
    }
  }
  RC_ASSERT(spent == outcome->spent);
  RC_ASSERT(spent <= input.cycle.capacity);
  for (const PartnerResult& result : outcome->partners) {
    transfers += result.transfer;
    total_deopt += result.deoptimisation;
    RC_ASSERT(result.net_value == result.estimated_value + result.transfer);
  }
  RC_ASSERT(transfers == 0);
  if (rule == SelectionRule::kNetworkFair) {
    RC_ASSERT(outcome->network_fair.has_value());
    RC_ASSERT(outcome->network_fair->rechecked);
    RC_ASSERT(outcome->network_fair->gap >= 0);
    for (const PartnerResult& result : outcome->partners) {
      const Rational& share = input.charter.fairness.max_deopt_share;
      RC_ASSERT(share >= 1 || result.deoptimisation <= share * total_deopt);
    }
  }
}

TEST(CycleDecisionExtremes, TheHugeEstimateThatAbortedCbcClosesByTheExactSearch) {
  // The reported case: one estimate of 1e26 under network-fair made CLP assert (|objective| < 1e25).
  adapters::cbc::CbcSolver solver;
  CycleInput input = fixed_input(SelectionRule::kNetworkFair, 40);
  input.members = {{1, "a", Tier::kRetailer, 1, std::nullopt}, {10, "b", Tier::kLastMile, 1, std::nullopt}};
  Rational huge;
  mpz_ui_pow_ui(huge.get_num_mpz_t(), 10, 26);
  Initiative hostile;
  hostile.id = 7;
  hostile.title = "hostile";
  hostile.cost = 7;
  hostile.cycle = 1;
  hostile.impacts = {{10, huge}};
  Initiative modest = hostile;
  modest.id = 8;
  modest.title = "modest";
  modest.impacts = {{1, Rational(3, 1000000)}};
  input.candidates = {hostile, modest};
  input.ballots = {{1, 10, BallotFormat::kApprovals, {{7, 1}}, {}}};
  DecisionTools tools;
  tools.solver = &solver;
  Result<CycleOutcome> outcome = decide_cycle(input, tools);
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  ASSERT_TRUE(outcome->network_fair.has_value());
  EXPECT_EQ(outcome->network_fair->solver, "covalue exact search");
  EXPECT_NE(outcome->network_fair->note.find("not used"), std::string::npos) << outcome->network_fair->note;
  EXPECT_EQ(outcome->network_fair->status, "optimal");
  EXPECT_TRUE(outcome->decisions[0].selected);
  EXPECT_TRUE(outcome->decisions[1].selected);
}

}  // namespace
}  // namespace covalue::core::network
