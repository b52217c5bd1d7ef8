// Discussion, follow and activity over HTTP (issue 14 items 1 and 2): threads and their comments, follows,
// and the signed-in person's activity feed.
#include "covalue/adapters/json/program_json.hpp"
#include "handler_support.hpp"
#include "handlers.hpp"

namespace covalue::server {
namespace {

using nlohmann::json;

//! A program error naming a body member or a path parameter, named as the request names it.
core::Error named(core::Error error) {
  if (error.where == "body" || error.where == "parent" || error.where == "reason") {
    error.where = error.where == "body" ? "body.body" : "body." + error.where;
  } else if (error.where == "id") {
    error.where = "path.id";
  } else if (error.where == "comment") {
    error.where = "path.comment";
  }
  return error;
}

json comment_to_json(const program::ThreadComment& view) {
  const program::Comment& c = view.comment;
  json mentions = json::parse(c.mentions, nullptr, false);
  return {{"id", c.id},
          {"subject_kind", program::name_of(c.subject_kind)},
          {"subject_id", c.subject_id},
          {"parent", c.parent ? json(*c.parent) : json()},
          {"kind", program::name_of(c.kind)},
          {"author", c.author ? json(*c.author) : json()},
          {"partner", c.partner ? json(*c.partner) : json()},
          {"author_name", c.author_name},
          {"body", c.body},
          {"mentions", mentions.is_array() ? mentions : json::array()},
          {"created_at", c.created_at},
          {"edited_at", text_or_null(c.edited_at)},
          {"state", program::name_of(c.state)},
          {"hidden_reason", text_or_null(c.hidden_reason)},
          {"depth", view.depth},
          {"own", view.own},
          {"revisions", view.revisions}};
}

json activity_to_json(const program::Activity& a) {
  json payload = json::parse(a.payload, nullptr, false);
  return {{"id", a.id},
          {"occurred_at", a.occurred_at},
          {"kind", a.kind},
          {"subject_kind", program::name_of(a.subject.kind)},
          {"subject_id", a.subject.id},
          {"partner", a.partner ? json(*a.partner) : json()},
          {"actor", a.actor},
          {"details", payload.is_object() ? payload : json::object()}};
}

//! The subject of the path: /api/threads/{subject}/{id}/comments, /api/follows/{subject}/{id}.
core::Result<program::Subject> subject_of(RouteCall& call) {
  const auto kind = call.params.find("subject");
  core::Result<program::SubjectKind> parsed =
      core::parse_name<program::SubjectKind>(kind != call.params.end() ? kind->second : std::string());
  if (!parsed) {
    return invalid(parsed.error().message, "path.subject");
  }
  core::Result<std::int64_t> id = call.id("id");
  if (!id) {
    return id.error();
  }
  return program::Subject{*parsed, *id};
}

//! The one string member `key` of a body that has no other members; errors name "body.<key>".
core::Result<std::string> only_text(const json& body, const char* key, bool required) {
  if (!body.is_object()) {
    return invalid("expected an object", "body");
  }
  if (core::Status known = adapters::json::reject_unknown_members(body, "body", {key}); !known) {
    return known.error();
  }
  if (!body.contains(key)) {
    if (required) {
      return invalid("is required", std::string("body.") + key);
    }
    return std::string();
  }
  if (!body[key].is_string()) {
    return invalid("expected a string", std::string("body.") + key);
  }
  return body[key].get<std::string>();
}

core::Result<Reply> comment_reply(core::Result<program::ThreadComment> result, unsigned status = 200) {
  if (!result) {
    return named(result.error());
  }
  return json_reply(comment_to_json(*result), status);
}

}  // namespace

core::Result<Reply> handle_thread(RouteCall& call) {
  core::Result<program::Subject> subject = subject_of(call);
  if (!subject) {
    return subject.error();
  }
  core::Result<std::int64_t> after = call.query_integer("after", 0);
  core::Result<std::int64_t> limit = call.query_integer("limit", program::kDefaultThreadPage);
  if (!after || !limit) {
    return after ? limit.error() : after.error();
  }
  core::Result<program::Thread> thread = call.program.thread_page(*subject, *after, *limit);
  if (!thread) {
    core::Error error = thread.error();
    if (error.where == "limit" || error.where == "after") {
      error.where = "query." + error.where;
      return error;
    }
    return named(error);
  }
  return json_reply({{"subject_kind", program::name_of(thread->subject.kind)},
                     {"subject_id", thread->subject.id},
                     {"following", thread->following},
                     {"total", thread->total},
                     {"next_after", thread->next_after != 0 ? json(thread->next_after) : json()},
                     {"comments", json_list(thread->comments, comment_to_json)}});
}

core::Result<Reply> handle_comment_post(RouteCall& call) {
  core::Result<program::Subject> subject = subject_of(call);
  if (!subject) {
    return subject.error();
  }
  const json& body = call.body;
  if (!body.is_object()) {
    return invalid("expected an object", "body");
  }
  if (core::Status known = adapters::json::reject_unknown_members(body, "body", {"body", "parent"}); !known) {
    return known.error();
  }
  program::NewComment comment{*subject, std::nullopt, ""};
  if (!body.contains("body") || !body["body"].is_string()) {
    return invalid("expected the comment's text as a string", "body.body");
  }
  comment.body = body["body"].get<std::string>();
  if (body.contains("parent") && !body["parent"].is_null()) {
    if (!body["parent"].is_number_integer() || body["parent"].get<std::int64_t>() < 1) {
      return invalid("expected the id of a comment of this thread", "body.parent");
    }
    comment.parent = body["parent"].get<std::int64_t>();
  }
  return comment_reply(call.program.post_comment(comment), 201);
}

core::Result<Reply> handle_comment_edit(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("comment");
  if (!id) {
    return id.error();
  }
  core::Result<std::string> text = only_text(call.body, "body", true);
  if (!text) {
    return text.error();
  }
  return comment_reply(call.program.edit_comment(*id, *text));
}

core::Result<Reply> handle_comment_delete(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("comment");
  if (!id) {
    return id.error();
  }
  return comment_reply(call.program.delete_comment(*id));
}

core::Result<Reply> handle_comment_hide(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("comment");
  if (!id) {
    return id.error();
  }
  core::Result<std::string> reason = only_text(call.body, "reason", true);
  if (!reason) {
    return reason.error();
  }
  return comment_reply(call.program.hide_comment(*id, *reason));
}

core::Result<Reply> handle_comment_history(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("comment");
  if (!id) {
    return id.error();
  }
  core::Result<program::CommentHistory> history = call.program.comment_history(*id);
  if (!history) {
    return named(history.error());
  }
  json revisions = json::array();
  for (const program::CommentRevision& r : history->revisions) {
    revisions.push_back({{"revision", r.revision}, {"body", r.body}, {"replaced_at", r.replaced_at}});
  }
  return json_reply({{"comment", comment_to_json(history->current)}, {"revisions", revisions}});
}

core::Result<Reply> handle_follow(RouteCall& call) {
  core::Result<program::Subject> subject = subject_of(call);
  if (!subject) {
    return subject.error();
  }
  core::Result<bool> following = call.program.follow(*subject, true);
  if (!following) {
    return named(following.error());
  }
  return json_reply(
      {{"subject_kind", program::name_of(subject->kind)}, {"subject_id", subject->id}, {"following", *following}});
}

core::Result<Reply> handle_unfollow(RouteCall& call) {
  core::Result<program::Subject> subject = subject_of(call);
  if (!subject) {
    return subject.error();
  }
  core::Result<bool> following = call.program.follow(*subject, false);
  if (!following) {
    return named(following.error());
  }
  return json_reply(
      {{"subject_kind", program::name_of(subject->kind)}, {"subject_id", subject->id}, {"following", *following}});
}

core::Result<Reply> handle_activity(RouteCall& call) {
  core::Result<std::int64_t> before = call.query_integer("before", 0);
  core::Result<std::int64_t> limit = call.query_integer("limit", 30);
  if (!before || !limit) {
    return before ? limit.error() : before.error();
  }
  core::Result<program::ActivityPage> page = call.program.activity(*before, *limit);
  if (!page) {
    core::Error error = page.error();
    if (error.where == "limit" || error.where == "before") {
      error.where = "query." + error.where;
    }
    return error;
  }
  const bool more = std::ssize(page->items) == *limit;
  return json_reply({{"last_seen", page->last_seen},
                     {"unseen", page->unseen},
                     {"items", json_list(page->items, activity_to_json)},
                     {"next_before", more ? json(page->items.back().id) : json()}});
}

core::Result<Reply> handle_activity_seen(RouteCall& call) {
  core::Result<std::int64_t> mark = call.program.mark_activity_seen();
  if (!mark) {
    return mark.error();
  }
  return json_reply({{"last_seen", *mark}, {"unseen", 0}});
}

}  // namespace covalue::server
