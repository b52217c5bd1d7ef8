#pragma once

// Delivery by the lead (issue 14 item 3): the progress updates, milestones and realised value a selected
// initiative's lead keeps, and the views of an initiative's and a cycle's delivery made from them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "covalue/core/network/initiative.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/program/access.hpp"

namespace covalue::program {

namespace net = core::network;

using MilestoneId = std::int64_t;

//! A selected initiative's actuals are due once this many cycles after the one that selected it have closed
//! (1: by the close of the next cycle). Until then nothing is flagged; after it, an initiative with no actual
//! recorded by its lead (nor by a coordinator) is flagged on the cycle page and the coordinators' home, and its
//! lead's people get one `actuals_due` notification from the scheduler.
inline constexpr std::int64_t kActualsDueCycles = 1;

//! A progress update a lead (or a coordinator) posted on an initiative; a change of its delivery status is an
//! update too, carrying the new status (and, for blocked, the reason as its text).
struct InitiativeUpdate {
  std::int64_t id{0};
  net::InitiativeId initiative{0};
  std::string text;
  std::string posted_at;                        //!< UTC
  std::optional<net::PartnerId> partner;        //!< the author's partner (none for a coordinator)
  std::optional<PersonId> person;               //!< the author, when a person posted it
  std::string author;                           //!< the actor's name ("token 3 (representative)", "cli")
  std::optional<net::InitiativeStatus> status;  //!< the status it moved the initiative to, if it did

  bool operator==(const InitiativeUpdate&) const = default;
};

//! A milestone of a selected initiative's delivery.
struct Milestone {
  MilestoneId id{0};
  net::InitiativeId initiative{0};
  std::string title;
  std::string due_date;  //!< YYYY-MM-DD
  bool done{false};
  std::string done_at;  //!< UTC, when it was marked done ("" while open)

  bool operator==(const Milestone&) const = default;
};

//! A change to a milestone: absent members stay as they are.
struct MilestoneChange {
  std::optional<std::string> title;
  std::optional<std::string> due_date;
  std::optional<bool> done;
};

//! What an initiative's lead recorded it realised for one partner: target, forecast and actual (each optional,
//! at least one given). Only once a coordinator confirms it does its actual count (it then becomes the
//! partner's realised value in the ledger); a coordinator's own record is confirmed at once.
struct LeadRealisedValue {
  net::CycleNumber cycle{0};  //!< the cycle that selected the initiative
  net::InitiativeId initiative{0};
  net::PartnerId partner{0};
  std::optional<core::Rational> target;
  std::optional<core::Rational> forecast;
  std::optional<core::Rational> actual;
  std::string recorded_at;  //!< UTC
  std::string recorded_by;  //!< the actor's name
  bool confirmed{false};
  std::string confirmed_at;  //!< UTC ("" until confirmed)

  bool operator==(const LeadRealisedValue&) const = default;
};

//! One partner's line of an initiative's value: estimated against realised.
struct PartnerValueLine {
  net::PartnerId partner{0};
  std::string partner_name;
  core::Rational estimate;                    //!< the proposal's estimated impact (0 when not listed)
  std::optional<core::Rational> target;       //!< the latest target recorded
  std::optional<core::Rational> forecast;     //!< the latest forecast recorded
  std::optional<core::Rational> actual;       //!< the confirmed actual (what counts in the reports)
  std::optional<core::Rational> unconfirmed;  //!< the lead's actual awaiting a coordinator's confirmation
};

//! An initiative's delivery: status, milestones, updates and value, as its page shows them.
struct InitiativeProgress {
  net::Initiative initiative;
  std::string lead_name;                  //!< "" when it has no lead
  std::string blocked_reason;             //!< the reason of the latest move to blocked, while blocked
  std::vector<Milestone> milestones;      //!< by due date
  std::vector<InitiativeUpdate> updates;  //!< newest first
  std::vector<PartnerValueLine> values;   //!< by partner id: every partner with an estimate or a record
  bool actuals_due{false};                //!< its actuals are due (kActualsDueCycles) and none was recorded
  bool may_report{false};   //!< the reader may post updates, keep milestones, move the status, record value
  bool may_confirm{false};  //!< the reader may confirm the lead's values (a coordinator), and some await it
};

//! One selected initiative of a cycle, for its delivery progress.
struct DeliveryRow {
  net::InitiativeId initiative{0};
  std::string title;
  std::optional<net::PartnerId> lead;
  std::string lead_name;
  net::InitiativeStatus status{net::InitiativeStatus::kSelected};
  std::int64_t milestones_done{0};
  std::int64_t milestones_total{0};
  bool actuals_recorded{false};  //!< an actual was recorded (by the lead or a coordinator)
  bool actuals_due{false};       //!< due (kActualsDueCycles) and none recorded
};

//! The delivery progress of a cycle's selected initiatives ("3 of 5 delivered, 1 blocked").
struct CycleProgress {
  net::CycleNumber cycle{0};
  std::int64_t selected{0};
  std::int64_t delivered{0};  //!< delivered or reviewed
  std::int64_t blocked{0};
  std::int64_t in_progress{0};  //!< selected or in progress
  std::int64_t milestones_done{0};
  std::int64_t milestones_total{0};
  std::int64_t actuals_due{0};
  std::vector<DeliveryRow> initiatives;  //!< by id
};

//! What a partner leads and has delivered, with the value realised (its page's recognition).
struct LeadRecord {
  net::InitiativeId initiative{0};
  std::string title;
  net::CycleNumber cycle{0};
  net::InitiativeStatus status{net::InitiativeStatus::kSelected};
  core::Rational estimated;  //!< the initiative's estimated network value
  core::Rational realised;   //!< the confirmed actuals of every partner
};

}  // namespace covalue::program
