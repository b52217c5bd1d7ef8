// Every rejected initiative's reason names the constraint that binds, checked by solving again with that
// constraint relaxed; the value forgone is what the best selection that includes it loses.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

#include "covalue/core/ilp/exact_search.hpp"
#include "network/decision_context.hpp"
#include "random_cycles.hpp"

namespace covalue::core::network {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace): the random cycles' helpers

bool in_selection_pool(DecisionReason reason) {
  return reason == DecisionReason::kSelected || reason == DecisionReason::kSelectedObjectionMet ||
         reason == DecisionReason::kNotChosen;
}

//! The fair model the final selection was made from: its candidates are those not excluded before it.
detail::FairModel final_model(const detail::DecisionContext& context, const CycleOutcome& outcome) {
  std::vector<bool> allowed;
  for (const InitiativeDecision& decision : outcome.decisions) {
    allowed.push_back(in_selection_pool(decision.reason));
  }
  return detail::build_fair_model(context, allowed);
}

ilp::BinaryProgram forcing(ilp::BinaryProgram program, std::uint32_t var) {
  program.constraints.push_back({"forced", {{var, Rational(1)}}, ilp::Constraint::Sense::kGreaterEqual, Rational(1)});
  return program;
}

//! The model without the rows whose binding keys are named.
ilp::BinaryProgram without(const detail::DecisionContext& context, const detail::FairModel& model,
                           const std::vector<std::string>& keys) {
  ilp::BinaryProgram program = model.program;
  program.constraints.clear();
  for (std::size_t k = 0; k < model.program.constraints.size(); ++k) {
    if (std::find(keys.begin(), keys.end(), detail::binding_key(context, model.rows[k])) == keys.end()) {
      program.constraints.push_back(model.program.constraints[k]);
    }
  }
  RC_ASSERT(program.constraints.size() + keys.size() == model.program.constraints.size());
  return program;
}

RC_GTEST_PROP(RejectionReasons, NetworkFairNamesTheConstraintThatBindsAndTheValueForgone, ()) {
  adapters::cbc::CbcSolver solver;
  const CycleInput input = random_input(SelectionRule::kNetworkFair, any_sharing());
  DecisionTools tools = tools_with(solver);
  tools.forgone_solves = input.candidates.size();  // every rejected initiative's value forgone
  Result<CycleOutcome> outcome = decide_cycle(input, tools);
  RC_ASSERT(outcome.ok());
  Result<detail::DecisionContext> context = detail::make_context(input);
  RC_ASSERT(context.ok());
  const detail::FairModel model = final_model(*context, *outcome);
  Result<ilp::ExactSearchResult> best = ilp::search_exactly(model.program);
  RC_ASSERT(best.ok() && best->status == ilp::SolveStatus::kOptimal);
  RC_ASSERT(best->objective == outcome->network_fair->objective);
  for (std::uint32_t v = 0; v < model.candidate_of.size(); ++v) {
    const InitiativeDecision& decision = outcome->decisions[model.candidate_of[v]];
    if (decision.selected) {
      continue;
    }
    RC_LOG() << input.candidates[model.candidate_of[v]].title << ": " << decision.explanation << "\n";
    if (decision.binding.empty()) {
      RC_ASSERT(input.candidates[model.candidate_of[v]].network_value() == 0);
      continue;
    }
    // Relaxing the named constraints lets it in at no loss.
    Result<ilp::ExactSearchResult> relaxed =
        ilp::search_exactly(forcing(without(*context, model, decision.binding), v));
    RC_ASSERT(relaxed.ok() && relaxed->status == ilp::SolveStatus::kOptimal);
    RC_ASSERT(relaxed->objective >= best->objective);
    // Without relaxing them, the best selection with it is worth exactly the value forgone less.
    Result<ilp::ExactSearchResult> forced = ilp::search_exactly(forcing(model.program, v));
    RC_ASSERT(forced.ok());
    if (forced->status == ilp::SolveStatus::kInfeasible) {
      RC_ASSERT(!decision.value_forgone.has_value());
      RC_ASSERT(decision.explanation.find("no selection") != std::string::npos);
    } else {
      RC_ASSERT(decision.value_forgone.has_value());
      RC_ASSERT(*decision.value_forgone == best->objective - forced->objective);
    }
  }
}

RC_GTEST_PROP(RejectionReasons, CapacityIsNamedOnlyWhenTheInitiativeDoesNotFitWhatIsLeft, ()) {
  adapters::cbc::CbcSolver solver;
  const CycleInput input = random_input(any_rule(), any_sharing());
  Result<CycleOutcome> outcome = decide_cycle(input, tools_with(solver));
  RC_ASSERT(outcome.ok());
  const Rational left = input.cycle.capacity - outcome->spent;
  const auto forgone = std::count_if(outcome->decisions.begin(), outcome->decisions.end(),
                                     [](const InitiativeDecision& d) { return d.value_forgone.has_value(); });
  RC_ASSERT(static_cast<std::size_t>(forgone) <= tools_with(solver).forgone_solves);
  for (std::size_t c = 0; c < outcome->decisions.size(); ++c) {
    const InitiativeDecision& decision = outcome->decisions[c];
    if (decision.reason != DecisionReason::kNotChosen) {
      RC_ASSERT(decision.binding.empty());
      continue;
    }
    RC_ASSERT(!decision.explanation.empty());
    const bool capacity =
        std::find(decision.binding.begin(), decision.binding.end(), "capacity") != decision.binding.end();
    RC_ASSERT(capacity == (input.candidates[c].cost > left) || input.cycle.rule == SelectionRule::kNetworkFair);
    if (capacity) {
      RC_ASSERT(input.candidates[c].cost > left);
    }
  }
}

TEST(RejectionReasons, ADeoptimisationShareNotTheCapacityKeepsAFittingInitiativeOut) {
  // Capacity 40; 'ours' (cost 7) fits beside 'theirs' (22), but it harms only partner b, which would then
  // carry 60% of the cycle's de-optimisation against the charter's 50%; alone it would carry all of it.
  adapters::cbc::CbcSolver solver;
  CycleInput input = fixed_input(SelectionRule::kNetworkFair, 40);
  input.charter.fairness.max_deopt_share = Rational(1, 2);
  input.charter.sharing = SharingPolicy::kShapley;
  input.members = {{1, "a", Tier::kRetailer, 1, std::nullopt},
                   {2, "b", Tier::kLastMile, 1, std::nullopt},
                   {3, "c", Tier::kDistributor, 1, std::nullopt},
                   {4, "d", Tier::kManufacturer, 1, std::nullopt}};
  input.candidates = {candidate(10, "theirs", 22, {{1, 20}, {3, -2}, {4, -2}}),
                      candidate(11, "ours", 7, {{1, 10}, {2, -6}})};
  input.ballots = {{1, 1, BallotFormat::kApprovals, {{10, 1}, {11, 1}}, {}}};
  Result<CycleOutcome> outcome = decide_cycle(input, tools_with(solver));
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  ASSERT_TRUE(outcome->decisions[0].selected);
  const InitiativeDecision& ours = outcome->decisions[1];
  ASSERT_FALSE(ours.selected);
  EXPECT_EQ(ours.binding, std::vector<std::string>{"deopt_share:2"});
  EXPECT_NE(ours.explanation.find("b's share of the cycle's de-optimisation at 60% (the charter allows 50%)"),
            std::string::npos)
      << ours.explanation;
  EXPECT_NE(ours.explanation.find("no selection"), std::string::npos) << ours.explanation;
  EXPECT_EQ(ours.explanation.find("capacity"), std::string::npos) << ours.explanation;
  EXPECT_FALSE(ours.value_forgone.has_value());
}

TEST(RejectionReasons, TheCapacityWithTheValueForgoneWhenItDoesNotFit) {
  adapters::cbc::CbcSolver solver;
  CycleInput input = fixed_input(SelectionRule::kNetworkFair, 30);
  input.members = {{1, "a", Tier::kRetailer, 1, std::nullopt}};
  input.candidates = {candidate(10, "big", 22, {{1, 16}}), candidate(11, "small", 7, {{1, 1}}),
                      candidate(12, "other", 12, {{1, 4}})};
  Result<CycleOutcome> outcome = decide_cycle(input, tools_with(solver));
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  ASSERT_TRUE(outcome->decisions[0].selected && outcome->decisions[1].selected);
  const InitiativeDecision& other = outcome->decisions[2];
  EXPECT_EQ(other.binding, std::vector<std::string>{"capacity"});
  EXPECT_NE(other.explanation.find("it costs 12 and only 1 of the 30 capacity units are left"), std::string::npos)
      << other.explanation;
  ASSERT_TRUE(other.value_forgone.has_value());
  EXPECT_EQ(*other.value_forgone, Rational(12));  // 'small' + 'other' (5) instead of 'big' + 'small' (17)
  EXPECT_NE(other.explanation.find("worth 12 less (5 instead of 17)"), std::string::npos) << other.explanation;
}

}  // namespace
}  // namespace covalue::core::network
