#pragma once

// Discussion, following and activity (issue 14 items 1 and 2): threaded comments on initiatives, cycles and
// charter proposals, who follows what, and each person's activity feed.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/network/ids.hpp"
#include "covalue/program/access.hpp"

namespace covalue::program {

namespace net = core::network;

//! What a thread, a follow or an activity is about.
enum class SubjectKind { kInitiative, kCycle, kCharterProposal };

//! The names of subject kinds (paths: /api/threads/initiative/3).
constexpr auto enum_names(SubjectKind /*tag*/) {
  using enum SubjectKind;
  return core::NameTable{"subject kind",
                         std::to_array<core::EnumName<SubjectKind>>(
                             {{kInitiative, "initiative"}, {kCycle, "cycle"}, {kCharterProposal, "charter_proposal"}})};
}

//! A thing people discuss and follow: an initiative, a cycle (by number) or a charter proposal.
struct Subject {
  SubjectKind kind{SubjectKind::kInitiative};
  std::int64_t id{0};

  bool operator==(const Subject&) const = default;
};

//! A comment someone wrote, or the anchor of a ballot's objection in its initiative's thread (its reason is
//! read from the ballot, the one place it lives, so a re-cast ballot changes or withdraws it).
enum class CommentKind { kComment, kObjection };

//! The names of comment kinds.
constexpr auto enum_names(CommentKind /*tag*/) {
  using enum CommentKind;
  return core::NameTable{
      "comment kind", std::to_array<core::EnumName<CommentKind>>({{kComment, "comment"}, {kObjection, "objection"}})};
}

//! Where a comment stands: visible, deleted by its author (a tombstone), hidden by a coordinator (with a
//! reason), or, for an objection, withdrawn (the ballot no longer holds it).
enum class CommentState { kVisible, kDeleted, kHidden, kWithdrawn };

//! The names of comment states.
constexpr auto enum_names(CommentState /*tag*/) {
  using enum CommentState;
  return core::NameTable{
      "comment state",
      std::to_array<core::EnumName<CommentState>>(
          {{kVisible, "visible"}, {kDeleted, "deleted"}, {kHidden, "hidden"}, {kWithdrawn, "withdrawn"}})};
}

//! The longest comment, in characters.
inline constexpr std::size_t kMaxCommentChars = 10000;
//! How many comments a thread holds at most as one read (its oldest first); the server serves it in pages.
inline constexpr std::int64_t kMaxThreadComments = 100000;
//! How many comments one page of a thread holds at most, and by default.
inline constexpr std::int64_t kMaxThreadPage = 500;
inline constexpr std::int64_t kDefaultThreadPage = 200;

//! A comment as stored. `mentions` is the JSON array of whom the body names:
//! [{"kind":"partner","id":3,"name":"UrbanMart"}, {"kind":"person","id":2,"name":"Ana"}].
struct Comment {
  std::int64_t id{0};
  SubjectKind subject_kind{SubjectKind::kInitiative};
  std::int64_t subject_id{0};
  std::optional<std::int64_t> parent;  //!< the comment this one answers
  CommentKind kind{CommentKind::kComment};
  std::optional<PersonId> author;         //!< the person who wrote it (none: a token without a person)
  std::optional<net::PartnerId> partner;  //!< the partner it speaks for (an objection's objecting partner)
  std::string author_name;                //!< the person's name, else the actor's ("token 3 (coordinator)")
  std::string actor;                      //!< the actor that wrote it (whose own it is when it has no person)
  std::string body;
  std::string mentions{"[]"};
  std::string created_at;
  std::string edited_at;  //!< "" until edited
  CommentState state{CommentState::kVisible};
  std::string hidden_reason;  //!< why a coordinator hid it

  bool operator==(const Comment&) const = default;
};

//! One earlier text of an edited (or deleted) comment.
struct CommentRevision {
  std::int64_t comment{0};
  std::int64_t revision{0};  //!< 1, 2, ... oldest first
  std::string body;
  std::string replaced_at;  //!< when this text was replaced

  bool operator==(const CommentRevision&) const = default;
};

//! A person's own choice about a subject: follow it, or not (overriding what its partner follows).
struct Follow {
  PersonId person{0};
  Subject subject;
  bool following{true};

  bool operator==(const Follow&) const = default;
};

//! Who sees an activity: everyone of the network, the people of its partner, the coordinators, or those who
//! follow its subject (and the people of its partner).
enum class ActivityAudience { kEveryone, kPartner, kCoordinators, kFollowers };

//! The names of activity audiences.
constexpr auto enum_names(ActivityAudience /*tag*/) {
  using enum ActivityAudience;
  return core::NameTable{"activity audience",
                         std::to_array<core::EnumName<ActivityAudience>>({{kEveryone, "everyone"},
                                                                          {kPartner, "partner"},
                                                                          {kCoordinators, "coordinators"},
                                                                          {kFollowers, "followers"}})};
}

//! Something that changed, as an activity feed shows it. `kind` is a notification event kind's name
//! (cycle_opened, lead_named, ...) or one of the discussion's: comment, initiative_selected,
//! initiative_not_selected.
struct Activity {
  std::int64_t id{0};
  std::string occurred_at;
  std::string kind;
  Subject subject;
  std::optional<net::PartnerId> partner;  //!< the partner it concerns, if any
  ActivityAudience audience{ActivityAudience::kFollowers};
  std::string actor;               //!< who did it, in words ("Ana", "the coordinator")
  std::optional<PersonId> person;  //!< the person who did it, if one did (it is not new to them)
  std::string payload{"{}"};       //!< a JSON object: title, excerpt, comment id, ...

  bool operator==(const Activity&) const = default;
};

//! Whose feed to read: the person, its partner, whether it coordinates.
struct FeedReader {
  PersonId person{0};
  std::optional<net::PartnerId> partner;
  bool coordinator{false};
};

//! A page of a person's feed, newest first, with how many items are newer than its last visit.
struct ActivityPage {
  std::vector<Activity> items;
  std::int64_t last_seen{0};  //!< the newest activity id the person had seen (0: none)
  std::int64_t unseen{0};     //!< items of its feed with an id above last_seen
};

//! A comment as a reader sees it: the author's name withheld where the charter's disclosure says, a hidden
//! comment's body only for coordinators, an objection's reason from the ballot.
struct ThreadComment {
  Comment comment;
  std::int64_t depth{0};      //!< 0 for a top-level comment, 1 for a reply, ...
  bool own{false};            //!< written by this reader (it may edit or delete it)
  std::int64_t revisions{0};  //!< how many earlier texts it has
};

//! A thread: its comments, each parent before its replies (oldest first among siblings).
struct Thread {
  Subject subject;
  std::vector<ThreadComment> comments;
  bool following{false};       //!< whether the reader (a person) follows the subject
  std::int64_t total{0};       //!< how many comments the whole thread has (a page holds some of them)
  std::int64_t next_after{0};  //!< the last comment of this page when more follow it (the next page's `after`), else 0
};

//! A comment's history: its earlier texts, oldest first, then the current one.
struct CommentHistory {
  ThreadComment current;
  std::vector<CommentRevision> revisions;
};

//! What a caller sends to post a comment.
struct NewComment {
  Subject subject;
  std::optional<std::int64_t> parent;
  std::string body;
};

}  // namespace covalue::program
