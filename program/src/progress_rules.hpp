#pragma once

// The rules of delivery by the lead that the use cases and the reads share (issue 14 item 3).

#include <set>
#include <string>
#include <vector>

#include "covalue/program/access.hpp"
#include "covalue/program/home.hpp"
#include "covalue/program/progress.hpp"
#include "covalue/program/snapshot.hpp"

namespace covalue::program::detail {

//! True for an initiative its cycle selected: selected, in progress, blocked, delivered or reviewed.
[[nodiscard]] bool was_selected(const net::Initiative& initiative);

//! The selected initiative `id` that `actor` may report on (`what` completes "... can "): kNotFound for an
//! unknown id; kForbidden naming "initiative" unless the actor coordinates or represents its lead; kConflict
//! naming "initiative" unless it is being delivered or delivered.
[[nodiscard]] core::Result<const net::Initiative*> reported_initiative(const Snapshot& snapshot, const Actor& actor,
                                                                       net::InitiativeId id, const std::string& what);

//! True when `actor` may report on `initiative` (a coordinator or the operator, or its lead's representative).
[[nodiscard]] bool may_report(const Actor& actor, const net::Initiative& initiative);

//! The initiatives with an actual recorded: in the ledger (snapshot with its ledger part) or by their lead.
[[nodiscard]] std::set<net::InitiativeId> with_actuals(const Snapshot& snapshot,
                                                       const std::vector<LeadRealisedValue>& lead_values);

//! True when `initiative`'s actuals are due (kActualsDueCycles closed cycles after its own) and missing.
[[nodiscard]] bool actuals_due(const Snapshot& snapshot, const net::Initiative& initiative,
                               const std::set<net::InitiativeId>& recorded);

//! The coordinators' attention items for actuals due and missing: one per cycle that selected such initiatives,
//! with their count.
[[nodiscard]] std::vector<Attention> actuals_due_attention(const Snapshot& snapshot,
                                                           const std::vector<LeadRealisedValue>& lead_values);

//! kInvalidInput naming `where` unless `date` is a calendar date written YYYY-MM-DD (years 2000 to 9999).
[[nodiscard]] core::Status check_date(const std::string& date, const std::string& where);

}  // namespace covalue::program::detail
