#pragma once

// The events the cycle and initiative use cases record in their own transactions (issue 13 item 3), and the
// reminders the scheduler records before voting closes.

#include <cstdint>
#include <string>
#include <vector>

#include "covalue/program/snapshot.hpp"
#include "outbox_writer.hpp"

namespace covalue::program::detail {

//! A cycle opened for proposals: to everyone.
[[nodiscard]] core::Status record_cycle_opened(OutboxWriter& outbox, const net::Cycle& cycle);
//! Voting opened: to everyone.
[[nodiscard]] core::Status record_voting_opened(OutboxWriter& outbox, const Snapshot& snapshot,
                                                const net::Cycle& cycle);
//! A cycle closed: each member partner's own result (to its people), the leads named, the dry spells that reached
//! the charter's limit, and a summary for the coordinators and webhooks.
[[nodiscard]] core::Status record_cycle_closed(OutboxWriter& outbox, const Snapshot& snapshot, const net::Cycle& cycle,
                                               const net::CycleOutcome& outcome);
//! Each member whose retention risk (the engagement report's score) enters the high band with this close: to the
//! coordinators and webhooks, with its score and reasons, once per partner and cycle. `snapshot` is the state read
//! before the close; it is brought up to date with `outcome` (the closed cycle's state and outcome) here.
[[nodiscard]] core::Status record_retention_risks(OutboxWriter& outbox, Snapshot& snapshot, const net::Cycle& cycle,
                                                  const net::CycleOutcome& outcome);
//! A proposal withdrawn by its proposer or pulled by a coordinator while its cycle votes: to everyone.
[[nodiscard]] core::Status record_withdrawn(OutboxWriter& outbox, const Snapshot& snapshot,
                                            const net::Initiative& initiative, const std::string& reason, bool pulled);
//! "Voting closes soon" to each member partner of the voting `cycle` that has not voted, once per lead time:
//! for the smallest of `lead_hours` whose moment (voting_closes_at minus it) has come at `now`, while voting is
//! still open. Returns how many reminders were recorded.
[[nodiscard]] core::Result<std::int64_t> record_reminders(OutboxWriter& outbox, const Snapshot& snapshot,
                                                          const net::Cycle& cycle,
                                                          const std::vector<std::int64_t>& lead_hours,
                                                          std::int64_t now);
//! A deadline passed and the charter leaves the move to the coordinator: to the coordinators, once per deadline.
[[nodiscard]] core::Result<bool> record_deadline_due(OutboxWriter& outbox, const net::Cycle& cycle,
                                                     const std::string& deadline, const std::string& at);

//! A partner delegated its ballot for a cycle: to the proxy's people.
[[nodiscard]] core::Status record_delegated(OutboxWriter& outbox, const Snapshot& snapshot,
                                            const Delegation& delegation);

}  // namespace covalue::program::detail
