// Discussion (issue 14 item 1): threaded comments, mentions, edits with history, deletion and moderation.
#include <algorithm>
#include <cctype>
#include <map>

#include "covalue/program/limits.hpp"
#include "covalue/program/program.hpp"
#include "discussion_view.hpp"
#include "outbox_writer.hpp"
#include "use_case.hpp"

#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace covalue::program {
namespace {

using nlohmann::json;

//! kForbidden for observers and administrators: they read threads, they do not write in them.
core::Status require_writer(const Actor& actor) {
  if (actor.role == Role::kObserver || actor.role == Role::kAdmin) {
    return core::make_error(
        core::ErrorKind::kForbidden,
        "an observer reads threads but cannot write in them; this token is a " + std::string(name_of(actor.role)),
        "role");
  }
  return {};
}

//! True when `c` may continue a name (so "@Ana," ends at the comma and "@Anax" is not "@Ana").
bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         });
}

//! Whom a body mentions: each `@name` at the start or after a space or an opening bracket names the partner or
//! present person with the longest matching name. kInvalidInput naming "body" for a name that matches none.
core::Result<json> resolve_mentions(const std::string& body, const std::vector<net::Partner>& partners,
                                    const std::vector<Person>& people) {
  json mentions = json::array();
  for (std::size_t at = 0; at < body.size(); ++at) {
    if (body[at] != '@' || (at > 0 && std::string_view(" \t\n([").find(body[at - 1]) == std::string_view::npos)) {
      continue;
    }
    const std::string_view rest = std::string_view(body).substr(at + 1);
    json best;
    std::size_t best_length = 0;
    const auto consider = [&](const std::string& name, const char* kind, std::int64_t id) {
      if (name.size() > best_length && starts_with_ci(rest, name) &&
          (rest.size() == name.size() || !name_char(rest[name.size()]))) {
        best = {{"kind", kind}, {"id", id}, {"name", name}};
        best_length = name.size();
      }
    };
    for (const net::Partner& partner : partners) {
      consider(partner.name, "partner", partner.id);
    }
    for (const Person& person : people) {
      if (!person.removed) {
        consider(person.name, "person", person.id);
      }
    }
    if (best_length == 0) {
      std::size_t end = 0;
      while (end < rest.size() && name_char(rest[end])) {
        ++end;
      }
      if (end == 0) {
        continue;  // a lone "@" mentions nobody
      }
      return detail::invalid("mentions '@" + std::string(rest.substr(0, std::min<std::size_t>(end, 60))) +
                                 "', but no partner or person of the network has that name",
                             "body");
    }
    if (std::find(mentions.begin(), mentions.end(), best) == mentions.end()) {
      mentions.push_back(best);
    }
    at += best_length;
  }
  return mentions;
}

//! The audit detail of a comment: its id, subject and author, never its text.
json comment_detail(const Comment& comment) {
  return {{"comment", comment.id},
          {"subject_kind", name_of(comment.subject_kind)},
          {"subject_id", comment.subject_id},
          {"author", comment.author_name}};
}

//! The first 200 characters (bytes, cut at a character's start) of a body, for notifications and feeds.
std::string excerpt(const std::string& body) {
  if (body.size() <= 200) {
    return body;
  }
  std::size_t cut = 200;
  while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return body.substr(0, cut) + "...";
}

//! The comment `id` (kNotFound naming "comment" when it names none).
core::Result<Comment> stored_comment(StoreSession& session, std::int64_t id) {
  core::Result<std::optional<Comment>> found = session.comment(id);
  if (!found) {
    return found.error();
  }
  if (!*found) {
    return detail::not_found("no comment with id " + std::to_string(id), "comment");
  }
  return **found;
}

//! kForbidden unless the actor wrote `comment`.
core::Status require_own(const Actor& actor, const Comment& comment, const std::string& what) {
  if (detail::written_by(actor, comment)) {
    return {};
  }
  return core::make_error(core::ErrorKind::kForbidden,
                          "only its author can " + what + " comment " + std::to_string(comment.id), "comment");
}

//! Records a `mentioned` event for each partner or person that `mentions` names and `before` (the previous
//! revision's mentions) did not, once per comment and name (the event's key): an edit that names someone anew tells
//! them, one that names them again (or again after dropping them) does not.
core::Status notify_mentions(detail::OutboxWriter& outbox, const Comment& comment, const json& mentions,
                             const json& before, const json& base) {
  for (const json& mention : mentions) {
    const std::int64_t id = mention["id"].get<std::int64_t>();
    const bool partner = mention["kind"] == "partner";
    if (!partner && comment.author == id) {
      continue;  // naming oneself tells nobody anything
    }
    const bool named_before = std::any_of(before.begin(), before.end(), [&](const json& earlier) {
      return earlier["kind"] == mention["kind"] && earlier["id"] == mention["id"];
    });
    if (named_before) {
      continue;
    }
    const std::string key =
        "mention:c" + std::to_string(comment.id) + ":" + mention["kind"].get<std::string>() + std::to_string(id);
    core::Result<bool> done =
        outbox.record({.kind = EventKind::kMentioned,
                       .partner = partner ? std::optional<net::PartnerId>(id) : std::nullopt,
                       .payload = base,
                       .key = key,
                       .audience = partner ? detail::Audience::kPartner : detail::Audience::kPerson,
                       .person = partner ? std::nullopt : std::optional<PersonId>(id)});
    if (!done) {
      return done.error();
    }
  }
  return {};
}

//! What a comment's notifications carry.
json comment_payload(const Comment& comment, const std::string& title) {
  return {{"comment", comment.id},
          {"subject_kind", name_of(comment.subject_kind)},
          {"subject_id", comment.subject_id},
          {"title", title},
          {"author_name", comment.author_name},
          {"excerpt", excerpt(comment.body)}};
}

//! Records the notifications of a new comment: its mentions, and a reply to the parent's author.
core::Status notify_comment(detail::OutboxWriter& outbox, const Comment& comment, const std::optional<Comment>& parent,
                            const json& mentions, const std::string& title) {
  const json base = comment_payload(comment, title);
  const auto record = [&](EventKind kind, detail::Audience audience, std::optional<net::PartnerId> partner,
                          std::optional<PersonId> person) -> core::Status {
    core::Result<bool> done =
        outbox.record({.kind = kind, .partner = partner, .payload = base, .audience = audience, .person = person});
    return done ? core::Status() : core::Status(done.error());
  };
  if (core::Status told = notify_mentions(outbox, comment, mentions, json::array(), base); !told) {
    return told;
  }
  if (parent && parent->author && parent->author != comment.author) {
    return record(EventKind::kCommentReply, detail::Audience::kPerson, std::nullopt, parent->author);
  }
  if (parent && parent->kind == CommentKind::kObjection && parent->partner) {
    return record(EventKind::kCommentReply, detail::Audience::kPartner, parent->partner, std::nullopt);
  }
  return {};
}

//! The comment as the actor sees it, read back in the same session.
core::Result<ThreadComment> shown(StoreSession& session, const Snapshot& snapshot, const Actor& actor,
                                  const Comment& comment) {
  core::Result<std::vector<CommentRevision>> revisions = session.comment_revisions(comment.id);
  if (!revisions) {
    return revisions.error();
  }
  return detail::view_comment(session, snapshot, actor, comment, static_cast<std::int64_t>(revisions->size()));
}

}  // namespace

core::Result<ThreadComment> Program::post_comment(const NewComment& request) {
  if (core::Status allowed = require_writer(actor_); !allowed) {
    return allowed.error();
  }
  if (core::Status body = check_text_field(request.body, kCommentField, "body", true); !body) {
    return body.error();
  }
  return detail::run_change_to<ThreadComment>(
      {store_, actor_, *clock_}, "post_comment", SnapshotParts{}, {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, ThreadComment& out) -> core::Status {
        core::Result<std::string> title = detail::subject_title(snapshot, request.subject);
        if (!title) {
          return title.error();
        }
        std::optional<Comment> parent;
        if (request.parent) {
          core::Result<Comment> found = stored_comment(session, *request.parent);
          if (!found) {
            return detail::not_found("no comment with id " + std::to_string(*request.parent), "parent");
          }
          if (found->subject_kind != request.subject.kind || found->subject_id != request.subject.id) {
            return detail::invalid("comment " + std::to_string(*request.parent) + " is in another thread", "parent");
          }
          parent = *found;
        }
        core::Result<std::vector<Person>> people = session.people();
        if (!people) {
          return people.error();
        }
        core::Result<json> mentions = resolve_mentions(request.body, snapshot.partners, *people);
        if (!mentions) {
          return mentions.error();
        }
        Comment comment;
        comment.subject_kind = request.subject.kind;
        comment.subject_id = request.subject.id;
        comment.parent = request.parent;
        comment.author = actor_.person;
        comment.partner = actor_.role == Role::kRepresentative ? actor_.partner : std::nullopt;
        comment.author_name = detail::author_name_of(actor_, snapshot, *people);
        comment.actor = actor_.name;
        comment.body = request.body;
        comment.mentions = mentions->dump();
        comment.created_at = clock_->now();
        core::Result<std::int64_t> id = session.insert_comment(comment);
        if (!id) {
          return id.error();
        }
        comment.id = *id;
        detail = comment_detail(comment);
        detail["parent"] = request.parent ? json(*request.parent) : json();
        detail["mentions"] = *mentions;
        detail::OutboxWriter outbox = detail::outbox_of(session, store_, *clock_);
        if (core::Status told = notify_comment(outbox, comment, parent, *mentions, *title); !told) {
          return told;
        }
        Activity activity;
        activity.occurred_at = comment.created_at;
        activity.kind = "comment";
        activity.subject = request.subject;
        activity.audience = ActivityAudience::kFollowers;
        activity.actor = comment.author_name;
        activity.person = actor_.person;
        activity.payload = json{{"comment", comment.id},
                                {"title", *title},
                                {"excerpt", excerpt(comment.body)},
                                {"reply", parent.has_value()}}
                               .dump();
        if (core::Result<std::int64_t> noted = session.insert_activity(activity); !noted) {
          return noted.error();
        }
        if (core::Status followed = detail::follow_by_default(session, actor_, request.subject); !followed) {
          return followed;
        }
        core::Result<ThreadComment> view = shown(session, snapshot, actor_, comment);
        if (!view) {
          return view.error();
        }
        out = std::move(*view);
        return {};
      });
}

core::Result<ThreadComment> Program::edit_comment(std::int64_t id, const std::string& body) {
  if (core::Status body_ok = check_text_field(body, kCommentField, "body", true); !body_ok) {
    return body_ok.error();
  }
  return detail::run_change_to<ThreadComment>(
      {store_, actor_, *clock_}, "edit_comment", SnapshotParts{}, {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, ThreadComment& out) -> core::Status {
        core::Result<Comment> comment = stored_comment(session, id);
        if (!comment) {
          return comment.error();
        }
        if (core::Status own = require_own(actor_, *comment, "edit"); !own) {
          return own;
        }
        if (comment->kind == CommentKind::kObjection || comment->state != CommentState::kVisible) {
          return detail::conflict("comment " + std::to_string(id) + " cannot be edited: it is " +
                                      (comment->kind == CommentKind::kObjection
                                           ? std::string("an objection (re-cast the ballot to change it)")
                                           : std::string(name_of(comment->state))),
                                  "comment");
        }
        core::Result<std::vector<Person>> people = session.people();
        if (!people) {
          return people.error();
        }
        core::Result<json> mentions = resolve_mentions(body, snapshot.partners, *people);
        if (!mentions) {
          return mentions.error();
        }
        const std::string now = clock_->now();
        if (core::Status kept = session.insert_comment_revision({id, 0, comment->body, now}); !kept) {
          return kept;
        }
        const json before = json::parse(comment->mentions, nullptr, false);
        comment->body = body;
        comment->mentions = mentions->dump();
        comment->edited_at = now;
        if (core::Status updated = session.update_comment(*comment); !updated) {
          return updated;
        }
        detail = comment_detail(*comment);
        detail["mentions"] = *mentions;
        core::Result<std::string> title = detail::subject_title(snapshot, {comment->subject_kind, comment->subject_id});
        if (!title) {
          return title.error();
        }
        detail::OutboxWriter outbox = detail::outbox_of(session, store_, *clock_);
        if (core::Status told = notify_mentions(outbox, *comment, *mentions, before.is_array() ? before : json::array(),
                                                comment_payload(*comment, *title));
            !told) {
          return told;
        }
        core::Result<ThreadComment> view = shown(session, snapshot, actor_, *comment);
        if (!view) {
          return view.error();
        }
        out = std::move(*view);
        return {};
      });
}

core::Result<ThreadComment> Program::delete_comment(std::int64_t id) {
  return detail::run_change_to<ThreadComment>(
      {store_, actor_, *clock_}, "delete_comment", SnapshotParts{}, {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, ThreadComment& out) -> core::Status {
        core::Result<Comment> comment = stored_comment(session, id);
        if (!comment) {
          return comment.error();
        }
        if (core::Status own = require_own(actor_, *comment, "delete"); !own) {
          return own;
        }
        if (comment->kind == CommentKind::kObjection || comment->state == CommentState::kDeleted) {
          return detail::conflict("comment " + std::to_string(id) + " cannot be deleted: it is " +
                                      (comment->kind == CommentKind::kObjection
                                           ? std::string("an objection (re-cast the ballot to withdraw it)")
                                           : std::string("deleted already")),
                                  "comment");
        }
        const std::string now = clock_->now();
        if (core::Status kept = session.insert_comment_revision({id, 0, comment->body, now}); !kept) {
          return kept;
        }
        comment->body.clear();
        comment->mentions = "[]";
        comment->edited_at = now;
        comment->state = CommentState::kDeleted;
        if (core::Status updated = session.update_comment(*comment); !updated) {
          return updated;
        }
        detail = comment_detail(*comment);
        core::Result<ThreadComment> view = shown(session, snapshot, actor_, *comment);
        if (!view) {
          return view.error();
        }
        out = std::move(*view);
        return {};
      });
}

core::Result<ThreadComment> Program::hide_comment(std::int64_t id, const std::string& reason) {
  if (core::Status allowed = detail::require_coordinator(actor_, "hide comments"); !allowed) {
    return allowed.error();
  }
  if (core::Status reason_ok = check_text_field(reason, kReasonField, "reason", true); !reason_ok) {
    return reason_ok.error();
  }
  return detail::run_change_to<ThreadComment>(
      {store_, actor_, *clock_}, "hide_comment", SnapshotParts{}, {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, ThreadComment& out) -> core::Status {
        core::Result<Comment> comment = stored_comment(session, id);
        if (!comment) {
          return comment.error();
        }
        if (comment->state != CommentState::kVisible || comment->kind == CommentKind::kObjection) {
          return detail::conflict("comment " + std::to_string(id) + " cannot be hidden: it is " +
                                      (comment->kind == CommentKind::kObjection ? std::string("a ballot's objection")
                                                                                : std::string(name_of(comment->state))),
                                  "comment");
        }
        comment->state = CommentState::kHidden;
        comment->hidden_reason = reason;
        if (core::Status updated = session.update_comment(*comment); !updated) {
          return updated;
        }
        detail = comment_detail(*comment);
        detail["reason"] = reason;
        core::Result<ThreadComment> view = shown(session, snapshot, actor_, *comment);
        if (!view) {
          return view.error();
        }
        out = std::move(*view);
        return {};
      });
}

core::Result<Thread> Program::thread(const Subject& subject) {
  return detail::read_in<Thread>(store_, [&](StoreSession& session) -> core::Result<Thread> {
    core::Result<Snapshot> snapshot = read_snapshot(session, SnapshotParts{});
    if (!snapshot) {
      return snapshot.error();
    }
    if (core::Result<std::string> title = detail::subject_title(*snapshot, subject); !title) {
      return title.error();
    }
    return detail::read_thread(session, *snapshot, actor_, subject);
  });
}

core::Result<Thread> Program::thread_page(const Subject& subject, std::int64_t after, std::int64_t limit) {
  if (limit < 1 || limit > kMaxThreadPage) {
    return detail::invalid(
        "a page holds 1 to " + std::to_string(kMaxThreadPage) + " comments; got " + std::to_string(limit), "limit");
  }
  if (after < 0) {
    return detail::invalid("expected the id of the last comment of the previous page, or 0", "after");
  }
  return detail::read_in<Thread>(store_, [&](StoreSession& session) -> core::Result<Thread> {
    core::Result<Snapshot> snapshot = read_snapshot(session, SnapshotParts{});
    if (!snapshot) {
      return snapshot.error();
    }
    if (core::Result<std::string> title = detail::subject_title(*snapshot, subject); !title) {
      return title.error();
    }
    return detail::read_thread(session, *snapshot, actor_, subject, after, limit);
  });
}

core::Result<CommentHistory> Program::comment_history(std::int64_t id) {
  return detail::read_in<CommentHistory>(store_, [&](StoreSession& session) -> core::Result<CommentHistory> {
    core::Result<Comment> comment = stored_comment(session, id);
    if (!comment) {
      return comment.error();
    }
    const bool allowed = comment->state == CommentState::kVisible || actor_.coordinates() ||
                         (comment->state == CommentState::kDeleted && detail::written_by(actor_, *comment));
    if (!allowed) {
      return core::make_error(core::ErrorKind::kForbidden,
                              "the history of a " + std::string(name_of(comment->state)) +
                                  " comment is for coordinators" +
                                  (comment->state == CommentState::kDeleted ? " and its author" : ""),
                              "comment");
    }
    core::Result<Snapshot> snapshot = read_snapshot(session, SnapshotParts{});
    if (!snapshot) {
      return snapshot.error();
    }
    core::Result<std::vector<CommentRevision>> revisions = session.comment_revisions(id);
    if (!revisions) {
      return revisions.error();
    }
    core::Result<ThreadComment> current =
        detail::view_comment(session, *snapshot, actor_, *comment, static_cast<std::int64_t>(revisions->size()));
    if (!current) {
      return current.error();
    }
    return CommentHistory{std::move(*current), std::move(*revisions)};
  });
}

}  // namespace covalue::program
