#pragma once

#include <rapidcheck.h>

#include <string>
#include <vector>

#include "covalue/core/approval_profile.hpp"
#include "covalue/core/instance.hpp"
#include "covalue/core/profile.hpp"

namespace covalue::core::testing {

//! A small random election: instance and approval ballots (as sets of project indices).
struct SmallElection {
  Instance instance;
  std::vector<std::vector<ProjectIndex>> ballots;

  [[nodiscard]] ApprovalProfile profile() const {
    return ApprovalProfile::from_sets(ballots, std::vector<Rational>(ballots.size(), Rational(1)), instance.size());
  }
};

//! Builds an instance from costs; ids are "p0", "p1", ...
inline Instance make_instance(const std::vector<int>& costs, int budget) {
  Instance instance;
  for (std::size_t i = 0; i < costs.size(); ++i) {
    Project p;
    p.id = "p" + std::to_string(i);
    p.cost = costs[i];
    (void)instance.add_project(std::move(p));
  }
  instance.set_budget(Rational(budget));
  return instance;
}

//! rapidcheck generator of small elections (1-7 projects, 1-12 voters, integer costs 0-30).
inline rc::Gen<SmallElection> small_election() {
  return rc::gen::exec([] {
    const auto projects = *rc::gen::inRange<std::size_t>(1, 8);
    const auto costs = *rc::gen::container<std::vector<int>>(projects, rc::gen::inRange(0, 31));
    const int budget = *rc::gen::inRange(0, 80);
    const auto voters = *rc::gen::inRange<std::size_t>(1, 13);
    SmallElection e{make_instance(costs, budget), {}};
    for (std::size_t v = 0; v < voters; ++v) {
      std::vector<ProjectIndex> ballot;
      for (ProjectIndex p = 0; p < projects; ++p) {
        if (*rc::gen::inRange(0, 3) == 0) {
          ballot.push_back(p);
        }
      }
      e.ballots.push_back(std::move(ballot));
    }
    return e;
  });
}

}  // namespace covalue::core::testing
