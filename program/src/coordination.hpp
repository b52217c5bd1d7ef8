#pragma once

// The coordination rotation (issue 14 item 4): when a cycle opens, the next willing partner's term may begin.

#include <nlohmann/json.hpp>

#include "covalue/program/snapshot.hpp"
#include "covalue/program/store.hpp"
#include "covalue/program/utc_time.hpp"

namespace covalue::program::detail {

//! Under the charter's rotation, when `cycle` opens and the current term is over (or none began), starts the term of
//! the next willing member partner after the current one (by id, wrapping) and notes it in the audit `detail`.
//! Under election, opens the term's election instead (open_coordinator_election). Nothing without willing member
//! partners, or under fixed coordination.
[[nodiscard]] core::Status rotate_coordination(StoreSession& session, const Store& store, Clock& clock,
                                               const Snapshot& snapshot, net::CycleNumber cycle,
                                               nlohmann::json& detail);

//! Under the charter's election, when `cycle` opens and the current term is over (or none began) and no election is
//! open, opens the election of the next term's coordinating partner for the charter's amendment window (the
//! previous coordinator stays until it is decided), tells everyone, and notes it in the audit `detail`. Nothing
//! without willing member partners.
[[nodiscard]] core::Status open_coordinator_election(StoreSession& session, const Store& store, Clock& clock,
                                                     const Snapshot& snapshot, net::CycleNumber cycle,
                                                     nlohmann::json& detail);

//! The end of a window of `hours` (exact) opened at `now`: whole seconds, at least one.
[[nodiscard]] std::string window_end(UtcSeconds now, const core::Rational& hours);

//! Now, by `clock`, in seconds (0 when the clock's text is not a moment).
[[nodiscard]] UtcSeconds seconds_now(Clock& clock);

}  // namespace covalue::program::detail
