#pragma once

// What the other use cases add to the discussion: each notification event becomes an activity of the feeds, a
// close records which initiatives were selected, and a ballot's objections get their anchors in the threads.

#include <string>

#include "covalue/program/snapshot.hpp"
#include "covalue/program/store.hpp"
#include "outbox_writer.hpp"

namespace covalue::program::detail {

//! Records the activity of a notification event as drafted (what it is about: the payload's initiative, else
//! its cycle; who sees it: as the event's audience says). Mentions and replies record none: the comment's own
//! activity is the change.
[[nodiscard]] core::Status record_activity_of(StoreSession& session, const EventDraft& draft, const std::string& at);

//! Records, for the followers of each initiative a close decided, that it was selected (with its lead) or not.
[[nodiscard]] core::Status record_decisions(StoreSession& session, const Snapshot& snapshot,
                                            const net::CycleOutcome& outcome, const std::string& at);

//! Gives each objection of `ballot` its anchor in its initiative's thread (once per initiative and partner):
//! the reason itself stays in the ballot, read when the thread is shown.
[[nodiscard]] core::Status record_objection_anchors(StoreSession& session, const Snapshot& snapshot,
                                                    const net::PartnerBallot& ballot, const std::string& at);

}  // namespace covalue::program::detail
