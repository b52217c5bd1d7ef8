#pragma once

// How threads read: who wrote what, what each reader may see of a comment, and who follows a subject.

#include <string>
#include <vector>

#include "covalue/program/discussion.hpp"
#include "covalue/program/snapshot.hpp"
#include "covalue/program/store.hpp"

namespace covalue::program::detail {

//! True when `actor` wrote `comment`: the same person, or, for a comment without one, the same actor.
[[nodiscard]] bool written_by(const Actor& actor, const Comment& comment);

//! The name a comment of `actor` is signed with: its person's, else its partner's, else the actor's own.
[[nodiscard]] std::string author_name_of(const Actor& actor, const Snapshot& snapshot,
                                         const std::vector<Person>& people);

//! What a subject is called ("Shared pallet pool", "cycle 3"); kNotFound naming "id" for an unknown initiative or
//! cycle. Charter proposals are not stored in this branch: any id from 1 is taken ("charter proposal 4").
[[nodiscard]] core::Result<std::string> subject_title(const Snapshot& snapshot, const Subject& subject);

//! `comment` as `actor` reads it (kVisible, deleted and hidden bodies, an objection's reason and name).
[[nodiscard]] core::Result<ThreadComment> view_comment(StoreSession& session, const Snapshot& snapshot,
                                                       const Actor& actor, const Comment& comment,
                                                       std::int64_t revisions);

//! A subject's thread as `actor` reads it, each parent before its replies: the `limit` comments that follow the
//! comment `after` in that order (0: from the first). kNotFound naming "after" when `after` is not in the thread.
[[nodiscard]] core::Result<Thread> read_thread(StoreSession& session, const Snapshot& snapshot, const Actor& actor,
                                               const Subject& subject, std::int64_t after = 0,
                                               std::int64_t limit = kMaxThreadComments);

//! Whether the actor's person follows `subject`: its own choice, else whether its partner follows it
//! automatically (an initiative it proposed, volunteered to lead or has a non-zero estimated impact in).
[[nodiscard]] core::Result<bool> follows_subject(StoreSession& session, const Snapshot& snapshot, const Actor& actor,
                                                 const Subject& subject);

//! The actor's person follows `subject` from now on, unless it chose before (nothing without a person).
[[nodiscard]] core::Status follow_by_default(StoreSession& session, const Actor& actor, const Subject& subject);

}  // namespace covalue::program::detail
