#pragma once

#include <optional>
#include <string>
#include <vector>

#include "covalue/core/network/cycle_decision.hpp"
#include "covalue/program/snapshot.hpp"
#include "covalue/program/store.hpp"

namespace covalue::program {

//! The use cases of the program, each one transaction on the store. Every failure comes back as an
//! Error naming the field or id at fault, and leaves the store unchanged.
class Program {
 public:
  //! `tools` is what cycle decisions may use (the ILP solver of the network-fair rule, Shapley limits).
  Program(Store& store, net::DecisionTools tools) : store_(store), tools_(tools) {}

  //! Creates the network with its charter; kConflict when one exists already.
  [[nodiscard]] core::Status init_network(const net::Charter& charter);
  //! Replaces the charter's policies (taking effect from the next cycle opened).
  [[nodiscard]] core::Status update_charter(const net::Charter& charter);

  //! Adds a partner, a member from the current (or next) cycle on.
  [[nodiscard]] core::Result<net::Partner> add_partner(const std::string& name, net::Tier tier);
  //! A partner leaves: it is no longer a member from the current cycle on (or the next one, once the
  //! current one is closed). Its proposals stay; its ballot in an open cycle no longer counts.
  [[nodiscard]] core::Result<net::Partner> leave_partner(net::PartnerId partner);

  //! States a partner's objective.
  [[nodiscard]] core::Result<net::Objective> add_objective(const net::Objective& objective);

  //! Proposes an initiative for the cycle being proposed (or the next one to open).
  [[nodiscard]] core::Result<net::Initiative> propose(const net::Initiative& initiative);
  //! Withdraws an initiative that has not been decided yet.
  [[nodiscard]] core::Result<net::Initiative> withdraw(net::InitiativeId initiative);

  //! Opens the next cycle (proposing); the previous one must be closed. Waiting and carried-over
  //! initiatives become its candidates; last cycle's selected initiatives move to in_progress.
  [[nodiscard]] core::Result<net::Cycle> open_cycle();
  //! Moves the current cycle from proposing to voting.
  [[nodiscard]] core::Result<net::Cycle> start_voting(net::CycleNumber cycle);
  //! Casts (or re-casts: the last one counts) a member's ballot in a cycle that is voting.
  [[nodiscard]] core::Status cast_ballot(const net::PartnerBallot& ballot);
  //! Closes a voting cycle: decides it (core::network::decide_cycle) and stores the outcome.
  [[nodiscard]] core::Result<net::CycleOutcome> close_cycle(net::CycleNumber cycle);
  //! Marks a closed cycle reviewed: its delivered initiatives become reviewed.
  [[nodiscard]] core::Result<net::Cycle> review_cycle(net::CycleNumber cycle);

  //! Records what an initiative selected in a closed cycle realised for a partner; marks it delivered.
  [[nodiscard]] core::Status record_realised_value(const net::RealisedValue& value);
  //! Records an objective's KPI value at the end of a closed cycle.
  [[nodiscard]] core::Status record_kpi(const net::KpiMeasurement& measurement);

  //! Everything stored, read in one transaction (for reports and listings).
  [[nodiscard]] core::Result<Snapshot> snapshot();

 private:
  Store& store_;
  net::DecisionTools tools_;
};

}  // namespace covalue::program
