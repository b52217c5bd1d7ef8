// Discussion and activity: comments and their revisions, follows, the activity feed and last-seen marks.
#include <string>
#include <utility>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

using CM = program::Comment;
using CR = program::CommentRevision;
constexpr Columns<&CM::id, &CM::subject_kind, &CM::subject_id, &CM::parent, &CM::kind, &CM::author, &CM::partner,
                  &CM::author_name, &CM::actor, &CM::body, &CM::mentions, &CM::created_at, &CM::edited_at, &CM::state,
                  &CM::hidden_reason>
    kComment{};
constexpr Columns<&CR::comment, &CR::revision, &CR::body, &CR::replaced_at> kRevision{};

program::Follow read_follow(RowReader& row) {
  program::Follow follow;
  follow.person = row.integer(0);
  follow.subject.kind = row.name(1, core::parse_name<program::SubjectKind>);
  follow.subject.id = row.integer(2);
  follow.following = row.boolean(3);
  return follow;
}

program::Activity read_activity(RowReader& row) {
  program::Activity activity;
  activity.id = row.integer(0);
  activity.occurred_at = row.text(1);
  activity.kind = row.text(2);
  activity.subject.kind = row.name(3, core::parse_name<program::SubjectKind>);
  activity.subject.id = row.integer(4);
  activity.partner = row.optional_integer(5);
  activity.audience = row.name(6, core::parse_name<program::ActivityAudience>);
  activity.actor = row.text(7);
  activity.person = row.optional_integer(8);
  activity.payload = row.text(9);
  return activity;
}

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
  auto inserted = atomically([&]() -> core::Result<std::int64_t> {
    return in_network(sq::kInsertComment).bind_int(network_).bind_columns(kComment, comment, 1).single_int();
  });
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
  auto changed = atomically([&]() -> core::Result<std::int64_t> {
    return db_.prepare(sq::kUpdateComment)
        .bind_text(comment.body)
        .bind_text(comment.mentions)
        .bind_text(comment.edited_at)
        .bind(comment.state)
        .bind_text(comment.hidden_reason)
        .bind_int(network_)
        .bind_int(comment.id)
        .changed();
  });
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
  core::Status done = atomically([&]() -> core::Status {
    return in_network(sq::kInsertCommentRevision)
        .bind_int(revision.comment)
        .bind_int(network_)
        .bind_int(revision.comment)
        .bind_text(revision.body)
        .bind_text(revision.replaced_at)
        .run();
  });
  if (!done.ok()) {
    return explain(done.error(), {{"comment", sq::kCommentExists, revision.comment}});
  }
  return done;
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
  core::Status done = atomically([&]() -> core::Status {
    return in_network(sq::kPutFollow)
        .bind_int(follow.person)
        .bind(follow.subject.kind)
        .bind_int(follow.subject.id)
        .bind_bool(follow.following)
        .run();
  });
  if (!done.ok()) {
    return explain(done.error(), {person_ref(follow.person)});
  }
  return done;
}

core::Result<std::vector<program::Follow>> Session::follows(program::PersonId person) {
  return rows(sq::kFollows, "follows", read_follow, person);
}

core::Result<std::int64_t> Session::insert_activity(const program::Activity& activity) {
  return atomically([&]() -> core::Result<std::int64_t> {
    return in_network(sq::kInsertActivity)
        .bind_int(network_)
        .bind_text(activity.occurred_at)
        .bind_text(activity.kind)
        .bind(activity.subject.kind)
        .bind_int(activity.subject.id)
        .bind(activity.partner)
        .bind(activity.audience)
        .bind_text(activity.actor)
        .bind(activity.person)
        .bind_text(activity.payload)
        .single_int();
  });
}

core::Result<std::vector<program::Activity>> Session::feed(const program::FeedReader& reader, std::int64_t before,
                                                           std::int64_t limit) {
  Statement query = in_network(sq::kFeed);
  query.bind_int(before);
  bind_reader(query, reader);
  query.bind_int(limit);
  return read_rows(query, "activity", read_activity);
}

core::Result<std::int64_t> Session::feed_count_after(const program::FeedReader& reader, std::int64_t after) {
  Statement query = in_network(sq::kFeedCountAfter);
  query.bind_int(after);
  bind_reader(query, reader);
  query.bind_int(reader.person);
  return query.single_int();
}

core::Result<std::int64_t> Session::activity_seen(program::PersonId person) {
  Statement query = in_network(sq::kActivitySeen);
  query.bind_int(person);
  auto row = query.step();
  if (!row.ok()) {
    return row.error();
  }
  return *row ? query.int_at(0) : std::int64_t{0};
}

core::Status Session::set_activity_seen(program::PersonId person, std::int64_t last_seen) {
  core::Status done = atomically(
      [&]() -> core::Status { return in_network(sq::kPutActivitySeen).bind_int(person).bind_int(last_seen).run(); });
  if (!done.ok()) {
    return explain(done.error(), {person_ref(person)});
  }
  return done;
}

}  // namespace covalue::adapters::sql
