// Discussion and activity: comments and their revisions, follows, the activity feed and last-seen marks.
#include <string>
#include <utility>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

using CM = program::Comment;
using CR = program::CommentRevision;
using FL = program::Follow;
using AC = program::Activity;
using SJ = program::Subject;
constexpr Columns<&CM::id, &CM::subject_kind, &CM::subject_id, &CM::parent, &CM::kind, &CM::author, &CM::partner,
                  &CM::author_name, &CM::actor, &CM::body, &CM::mentions, &CM::created_at, &CM::edited_at, &CM::state,
                  &CM::hidden_reason>
    kComment{};
//! What an edit changes of a comment.
constexpr Columns<&CM::body, &CM::mentions, &CM::edited_at, &CM::state, &CM::hidden_reason> kCommentEdit{};
constexpr Columns<&CR::comment, &CR::revision, &CR::body, &CR::replaced_at> kRevision{};
constexpr Columns<&FL::person, Nested<&FL::subject, &SJ::kind>{}, Nested<&FL::subject, &SJ::id>{}, &FL::following>
    kFollow{};
constexpr Columns<&AC::id, &AC::occurred_at, &AC::kind, Nested<&AC::subject, &SJ::kind>{},
                  Nested<&AC::subject, &SJ::id>{}, &AC::partner, &AC::audience, &AC::actor, &AC::person, &AC::payload>
    kActivity{};

//! Binds what a feed's filter asks after the network and the id bound (statements.hpp, COVALUE_FEED_FILTER).
void bind_reader(Statement& query, const program::FeedReader& reader) {
  query.bind(reader.partner)
      .bind_int(reader.coordinator ? 1 : 0)
      .bind_int(reader.person)
      .bind_int(reader.person)
      .bind(reader.partner)
      .bind(reader.partner)
      .bind(reader.partner);
}

}  // namespace

core::Result<std::int64_t> Session::insert_comment(const program::Comment& comment) {
  auto inserted = insert_numbered(sq::kInsertComment, kComment, comment);
  if (!inserted.ok()) {
    std::vector<Reference> references;
    if (comment.parent) {
      references.push_back({"comment", sq::kCommentExists, *comment.parent});
    }
    if (comment.author) {
      references.push_back(person_ref(*comment.author));
    }
    if (comment.partner) {
      references.push_back(partner_ref(*comment.partner));
    }
    return explain(inserted.error(), references);
  }
  return inserted;
}

core::Status Session::update_comment(const program::Comment& comment) {
  auto changed = atomically([&] { return update_row(sq::kUpdateComment, kCommentEdit, comment, comment.id, 0); });
  return one_changed(changed,
                     make_error(ErrorKind::kNotFound, "no comment with id " + std::to_string(comment.id), "comment"));
}

core::Result<std::optional<program::Comment>> Session::comment(std::int64_t id) {
  return first_of(rows(sq::kCommentById, "comments", kComment, id));
}

core::Result<std::vector<program::Comment>> Session::comments(const program::Subject& subject, std::int64_t limit) {
  return rows(sq::kComments, "comments", kComment, subject.kind, subject.id, limit);
}

core::Status Session::insert_comment_revision(const program::CommentRevision& revision) {
  core::Status done = write(sq::kInsertCommentRevision, revision.comment, network_, revision.comment, revision.body,
                            revision.replaced_at);
  return done.ok() ? done : core::Status(explain(done.error(), {{"comment", sq::kCommentExists, revision.comment}}));
}

core::Result<std::vector<program::CommentRevision>> Session::comment_revisions(std::int64_t comment) {
  return rows(sq::kCommentRevisions, "comment_revisions", kRevision, comment);
}

core::Result<std::vector<std::pair<std::int64_t, std::int64_t>>> Session::revision_counts(
    const program::Subject& subject) {
  return rows(
      sq::kRevisionCounts, "comment_revisions",
      [](RowReader& row) { return std::pair(row.integer(0), row.integer(1)); }, subject.kind, subject.id);
}

core::Status Session::put_follow(const program::Follow& follow) {
  core::Status done = write_row(sq::kPutFollow, kFollow, follow);
  return done.ok() ? done : core::Status(explain(done.error(), {person_ref(follow.person)}));
}

core::Result<std::vector<program::Follow>> Session::follows(program::PersonId person) {
  return rows(sq::kFollows, "follows", kFollow, person);
}

core::Result<std::int64_t> Session::insert_activity(const program::Activity& activity) {
  return insert_numbered(sq::kInsertActivity, kActivity, activity);
}

core::Result<std::vector<program::Activity>> Session::feed(const program::FeedReader& reader, std::int64_t before,
                                                           std::int64_t limit) {
  Statement query = in_network(sq::kFeed);
  query.bind_int(before);
  bind_reader(query, reader);
  query.bind_int(limit);
  return read_rows(query, "activity", kActivity);
}

core::Result<std::int64_t> Session::feed_count_after(const program::FeedReader& reader, std::int64_t after) {
  Statement query = in_network(sq::kFeedCountAfter);
  query.bind_int(after);
  bind_reader(query, reader);
  query.bind_int(reader.person);
  return query.single_int();
}

core::Result<std::int64_t> Session::activity_seen(program::PersonId person) {
  auto seen = first_of(rows(
      sq::kActivitySeen, "activity_seen", [](RowReader& row) { return row.integer(0); }, person));
  return seen.ok() ? core::Result<std::int64_t>(seen->value_or(0)) : seen.error();
}

core::Status Session::set_activity_seen(program::PersonId person, std::int64_t last_seen) {
  core::Status done = write(sq::kPutActivitySeen, person, last_seen);
  return done.ok() ? done : core::Status(explain(done.error(), {person_ref(person)}));
}

}  // namespace covalue::adapters::sql
