#pragma once

// Random cycles for property tests of the cycle decision: partners, initiatives with mixed impacts,
// ballots that support what helps the voter and object to what hurts it badly.

#include <rapidcheck.h>

#include <string>
#include <utility>
#include <vector>

#include "covalue/adapters/cbc/cbc_solver.hpp"
#include "covalue/core/network/cycle_decision.hpp"

namespace covalue::core::network::testing {

//! A random cycle under `rule` and `sharing`.
inline CycleInput random_input(SelectionRule rule, SharingPolicy sharing) {
  CycleInput input;
  input.charter.name = "test";
  input.charter.rule = rule;
  input.charter.sharing = sharing;
  input.charter.fairness.max_dry_spell = *rc::gen::inRange(1, 4);
  input.charter.fairness.max_deopt_share = Rational(*rc::gen::inRange(2, 11), 10);
  input.charter.fairness.max_deopt_share.canonicalize();
  input.charter.capacity = *rc::gen::inRange(8, 30);
  input.cycle = {1, CycleState::kVoting, input.charter.capacity, rule, {}, {}, {}};
  const int partners = *rc::gen::inRange(2, 8);
  const int initiatives = *rc::gen::inRange(1, 12);
  for (int p = 0; p < partners; ++p) {
    input.members.push_back({p + 1, "partner-" + std::to_string(p), Tier::kOther, 1, std::nullopt});
    input.standing.push_back({p + 1, *rc::gen::inRange(0, 4), *rc::gen::inRange(0, 3), *rc::gen::inRange(0, 5), {}});
  }
  for (int i = 0; i < initiatives; ++i) {
    Initiative initiative;
    initiative.id = 100 + i;
    initiative.title = "initiative-" + std::to_string(i);
    initiative.cost = *rc::gen::inRange(1, 12);
    initiative.cycle = 1;
    for (int p = 0; p < partners; ++p) {
      const int value = *rc::gen::inRange(-6, 9);
      if (value != 0 && *rc::gen::inRange(0, 3) != 0) {
        Rational estimate(value, *rc::gen::inRange(1, 4));
        estimate.canonicalize();
        initiative.impacts.push_back({p + 1, estimate});
      }
    }
    if (*rc::gen::inRange(0, 2) == 0) {
      initiative.volunteers.push_back(*rc::gen::inRange(1, partners + 1));
    }
    input.candidates.push_back(std::move(initiative));
  }
  for (int p = 0; p < partners; ++p) {
    if (*rc::gen::inRange(0, 5) == 0) {
      continue;  // abstains
    }
    PartnerBallot ballot{1, p + 1, BallotFormat::kApprovals, {}, {}};
    for (const Initiative& initiative : input.candidates) {
      const Rational own = initiative.impact_on(p + 1);
      if (own > 0) {
        ballot.entries.push_back({initiative.id, 1});
      } else if (own <= -3 && *rc::gen::inRange(0, 2) == 0) {
        ballot.objections.push_back({initiative.id, "hurts us"});
      }
    }
    input.ballots.push_back(std::move(ballot));
  }
  return input;
}

//! A hand-written cycle 1, voting under `rule` with `capacity` (the charter's too, named "n"); the test
//! adds the members, candidates and ballots.
inline CycleInput fixed_input(SelectionRule rule, const Rational& capacity) {
  CycleInput input;
  input.charter.name = "n";
  input.charter.rule = rule;
  input.charter.capacity = capacity;
  input.cycle = {1, CycleState::kVoting, capacity, rule, {}, {}, {}};
  return input;
}

//! A proposed candidate of cycle 1 in the sales channel, proposed by partner `proposer`.
inline Initiative candidate(InitiativeId id, std::string title, const Rational& cost, std::vector<Impact> impacts,
                            PartnerId proposer = 1, std::vector<PartnerId> volunteers = {}) {
  Initiative initiative;
  initiative.id = id;
  initiative.title = std::move(title);
  initiative.channel = Channel::kSales;
  initiative.proposer = proposer;
  initiative.cost = cost;
  initiative.impacts = std::move(impacts);
  initiative.volunteers = std::move(volunteers);
  initiative.status = InitiativeStatus::kProposed;
  initiative.cycle = 1;
  return initiative;
}

inline DecisionTools tools_with(adapters::cbc::CbcSolver& solver) {
  DecisionTools tools;
  tools.solver = &solver;
  tools.solver_options.time_limit_seconds = 20;
  return tools;
}

inline SelectionRule any_rule() {
  return *rc::gen::element(SelectionRule::kEqualShares, SelectionRule::kPhragmen, SelectionRule::kGreedy,
                           SelectionRule::kNetworkFair, SelectionRule::kConsensus);
}

inline SharingPolicy any_sharing() {
  return *rc::gen::element(SharingPolicy::kNone, SharingPolicy::kShapley, SharingPolicy::kProportional);
}

}  // namespace covalue::core::network::testing
