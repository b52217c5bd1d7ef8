#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "covalue/core/network/charter.hpp"
#include "covalue/core/network/cycle.hpp"
#include "covalue/core/network/cycle_outcome.hpp"
#include "covalue/core/network/initiative.hpp"
#include "covalue/core/network/objective.hpp"
#include "covalue/core/network/partner.hpp"
#include "covalue/core/network/partner_ballot.hpp"
#include "covalue/core/network/realised_value.hpp"
#include "covalue/core/result.hpp"

namespace covalue::program {

namespace net = core::network;

//! One unit of work on the store: every read and write of one use case, inside one transaction.
//! Implementations return kNotFound for an id that names nothing and kConflict for a broken
//! uniqueness rule (a duplicate partner name, ...); they never throw. A write that fails changes
//! nothing, even when the work goes on afterwards. tests/contract/ is the executable form of this contract.
class StoreSession {
 public:
  virtual ~StoreSession() = default;

  //! The charter, or nothing before `network init`.
  [[nodiscard]] virtual core::Result<std::optional<net::Charter>> charter() = 0;
  //! Creates or replaces the charter.
  [[nodiscard]] virtual core::Status save_charter(const net::Charter& charter) = 0;

  //! Stores a new partner (its id is ignored) and returns the id given to it.
  [[nodiscard]] virtual core::Result<net::PartnerId> insert_partner(const net::Partner& partner) = 0;
  //! Replaces a stored partner's fields (matched by id).
  [[nodiscard]] virtual core::Status update_partner(const net::Partner& partner) = 0;
  //! Every partner, by id.
  [[nodiscard]] virtual core::Result<std::vector<net::Partner>> partners() = 0;

  //! Stores a new objective (its id is ignored) and returns the id given to it.
  [[nodiscard]] virtual core::Result<net::ObjectiveId> insert_objective(const net::Objective& objective) = 0;
  //! Every objective, by id.
  [[nodiscard]] virtual core::Result<std::vector<net::Objective>> objectives() = 0;

  //! Stores a new initiative with its impacts, objectives and volunteers; returns its id.
  [[nodiscard]] virtual core::Result<net::InitiativeId> insert_initiative(const net::Initiative& initiative) = 0;
  //! Replaces a stored initiative's fields, impacts, objectives and volunteers (matched by id).
  [[nodiscard]] virtual core::Status update_initiative(const net::Initiative& initiative) = 0;
  //! Every initiative, by id.
  [[nodiscard]] virtual core::Result<std::vector<net::Initiative>> initiatives() = 0;

  //! Stores a new cycle; its number must be one more than the last one's.
  [[nodiscard]] virtual core::Status insert_cycle(const net::Cycle& cycle) = 0;
  //! Replaces a stored cycle's state, capacity and rule (matched by number).
  [[nodiscard]] virtual core::Status update_cycle(const net::Cycle& cycle) = 0;
  //! Every cycle, by number.
  [[nodiscard]] virtual core::Result<std::vector<net::Cycle>> cycles() = 0;

  //! Stores a partner's ballot for a cycle, replacing any earlier one of the same partner and cycle.
  [[nodiscard]] virtual core::Status put_ballot(const net::PartnerBallot& ballot) = 0;
  //! The ballots of one cycle, by partner id (none for a cycle that does not exist).
  [[nodiscard]] virtual core::Result<std::vector<net::PartnerBallot>> ballots(net::CycleNumber cycle) = 0;

  //! Stores the outcome record of a closed cycle (once per cycle).
  [[nodiscard]] virtual core::Status save_outcome(const net::CycleOutcome& outcome) = 0;
  //! Every stored outcome, by cycle number.
  [[nodiscard]] virtual core::Result<std::vector<net::CycleOutcome>> outcomes() = 0;

  //! Records (or replaces) the realised value of one initiative for one partner in one cycle.
  [[nodiscard]] virtual core::Status put_realised_value(const net::RealisedValue& value) = 0;
  //! Every realised value, by cycle, initiative and partner.
  [[nodiscard]] virtual core::Result<std::vector<net::RealisedValue>> realised_values() = 0;

  //! Records (or replaces) one objective's KPI value at the end of a cycle.
  [[nodiscard]] virtual core::Status put_kpi_measurement(const net::KpiMeasurement& measurement) = 0;
  //! Every KPI measurement, by cycle and objective.
  [[nodiscard]] virtual core::Result<std::vector<net::KpiMeasurement>> kpi_measurements() = 0;
};

//! The program's storage port. SQLite implements it now, PostgreSQL next; no database type leaks here.
class Store {
 public:
  virtual ~Store() = default;

  //! Runs `work` in one transaction: commits when it returns ok, rolls everything back when it returns
  //! an error (which is passed on) or throws (kInternal). Nothing is ever half-written. Transactions of
  //! one Store run one at a time (other threads wait); transact() from inside the work is kInternal.
  [[nodiscard]] virtual core::Status transact(const std::function<core::Status(StoreSession&)>& work) = 0;
};

}  // namespace covalue::program
