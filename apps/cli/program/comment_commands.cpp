// `covalue comment list|add|hide`: an operator reads a thread, posts in it (as the operator) and hides a comment
// with a reason (issue 14 item 1). People discuss in the web UI and over HTTP.
#include <fmt/core.h>

#include <memory>

#include "command_handlers.hpp"
#include "program/program_args.hpp"
#include "program/program_session.hpp"

namespace covalue::cli {
namespace {

using program::ReportCell;
using program::ThreadComment;

//! What a reader sees of a comment's text: the text, or why there is none.
std::string shown_text(const program::Comment& c) {
  switch (c.state) {
    case program::CommentState::kDeleted:
      return "(deleted by its author)";
    case program::CommentState::kWithdrawn:
      return "(objection withdrawn)";
    case program::CommentState::kHidden:
      return "(hidden by the coordinator: " + c.hidden_reason + ") " + c.body;
    default:
      return c.body;
  }
}

const std::vector<program::ReportColumn<ThreadComment>>& comment_columns() {
  static const std::vector<program::ReportColumn<ThreadComment>> columns = {
      {"id", "Id", [](const ThreadComment& t) { return ReportCell::of_integer(t.comment.id); }},
      {"parent", "Reply to",
       [](const ThreadComment& t) {
         return t.comment.parent ? ReportCell::of_integer(*t.comment.parent) : ReportCell::of_text("");
       }},
      {"depth", "Depth", [](const ThreadComment& t) { return ReportCell::of_integer(t.depth); }},
      {"kind", "Kind", [](const ThreadComment& t) { return ReportCell::of_text(program::name_of(t.comment.kind)); }},
      {"author", "Author", [](const ThreadComment& t) { return ReportCell::of_text(t.comment.author_name); }},
      {"state", "State", [](const ThreadComment& t) { return ReportCell::of_text(program::name_of(t.comment.state)); }},
      {"created_at", "Posted at", [](const ThreadComment& t) { return ReportCell::of_text(t.comment.created_at); }},
      {"body", "Text", [](const ThreadComment& t) { return ReportCell::of_text(shown_text(t.comment)); }},
  };
  return columns;
}

struct ThreadArgs {
  ProgramFlags flags;
  std::string kind;
  std::string id;
  std::string body;
  std::string parent;
};

//! The subject named by KIND and ID.
core::Result<program::Subject> subject_of(const ThreadArgs& args) {
  core::Result<program::SubjectKind> kind = core::parse_name<program::SubjectKind>(args.kind);
  if (!kind) {
    return core::make_error(core::ErrorKind::kInvalidInput, kind.error().message, "KIND");
  }
  core::Result<std::int64_t> id = parse_id(args.id, "ID");
  if (!id) {
    return id.error();
  }
  return program::Subject{*kind, *id};
}

void add_subject(CLI::App& command, ThreadArgs& args) {
  command.add_option("KIND", args.kind, "initiative, cycle or charter_proposal")->required();
  command.add_option("ID", args.id, "the initiative's id, the cycle's number or the proposal's id")->required();
}

Output changed(const ProgramFlags& flags, const ThreadComment& t, const std::string& verb) {
  return flags.change({"comment",
                       fmt::format("comment {} {}\n", t.comment.id, verb),
                       {{"id", ReportCell::of_integer(t.comment.id)},
                        {"state", ReportCell::of_text(program::name_of(t.comment.state))}}});
}

}  // namespace

Handler add_comment_list(CLI::App& command) {
  auto args = std::make_shared<ThreadArgs>();
  args->flags.add_output(command);
  add_subject(command, *args);
  return [args]() -> core::Result<Output> {
    core::Result<program::Subject> subject = subject_of(*args);
    if (!subject) {
      return subject.error();
    }
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<program::Thread> thread = session.program().thread(*subject);
      if (!thread) {
        return thread.error();
      }
      return args->flags.report(program::Report{
          "comments", {}, {program::table_of("comments", "Comments", comment_columns(), thread->comments)}});
    });
  };
}

Handler add_comment_add(CLI::App& command) {
  auto args = std::make_shared<ThreadArgs>();
  args->flags.add_change_output(command);
  add_subject(command, *args);
  command.add_option("--body", args->body, "the comment: plain text; @name mentions a partner or a person")->required();
  command.add_option("--reply-to", args->parent, "the id of the comment it answers");
  return [args]() -> core::Result<Output> {
    core::Result<program::Subject> subject = subject_of(*args);
    if (!subject) {
      return subject.error();
    }
    program::NewComment comment{*subject, std::nullopt, args->body};
    if (!args->parent.empty()) {
      core::Result<std::int64_t> parent = parse_id(args->parent, "--reply-to");
      if (!parent) {
        return parent.error();
      }
      comment.parent = *parent;
    }
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<ThreadComment> posted = session.program().post_comment(comment);
      if (!posted) {
        return posted.error();
      }
      return changed(args->flags, *posted, "posted");
    });
  };
}

Handler add_comment_hide(CLI::App& command) {
  auto args = std::make_shared<ThreadArgs>();
  args->flags.add_change_output(command);
  command.add_option("ID", args->id, "comment id")->required();
  command.add_option("--reason", args->body, "why it is hidden (everyone sees the reason)")->required();
  return [args]() -> core::Result<Output> {
    core::Result<std::int64_t> id = parse_id(args->id, "ID");
    if (!id) {
      return id.error();
    }
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<ThreadComment> hidden = session.program().hide_comment(*id, args->body);
      if (!hidden) {
        return hidden.error();
      }
      return changed(args->flags, *hidden, "hidden");
    });
  };
}

}  // namespace covalue::cli
