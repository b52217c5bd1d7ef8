// `covalue token issue|list|revoke`: the bearer tokens of the HTTP API.
#include <fmt/core.h>

#include <memory>

#include "name_option.hpp"
#include "program/change_output.hpp"
#include "program/program_args.hpp"
#include "program/program_session.hpp"

namespace covalue::cli {
namespace {

using program::ReportCell;

struct IssueArgs {
  ProgramFlags flags;
  std::string role;
  std::string partner;
  std::string label;
};

int issue(const IssueArgs& args) {
  core::Result<program::Role> role = core::parse_name<program::Role>(args.role);
  if (!role) {
    return report_error(core::make_error(role.error().kind, role.error().message, "--role"));
  }
  return with_session_legacy(args.flags, [&](ProgramSession& session) {
    std::optional<core::network::PartnerId> partner;
    if (!args.partner.empty()) {
      core::Result<core::network::PartnerId> id =
          resolve_partner(session.program().queries(), args.partner, "--partner");
      if (!id) {
        return report_error(id.error());
      }
      partner = *id;
    }
    core::Result<program::IssuedToken> issued = session.program().issue_token(*role, partner, args.label);
    if (!issued) {
      return report_error(issued.error());
    }
    fmt::print(stderr, "token {} ({}) issued; its secret is shown once:\n", issued->token.id,
               program::name_of(issued->token.role));
    return print_change({"token",
                         issued->secret + "\n",
                         {{"id", program::ReportCell::of_integer(issued->token.id)},
                          {"role", program::ReportCell::of_text(program::name_of(issued->token.role))},
                          {"secret", program::ReportCell::of_text(issued->secret)}}},
                        args.flags);
  });
}

int list(const ProgramFlags& flags) {
  return with_session_legacy(flags, [&](ProgramSession& session) {
    core::Result<std::vector<program::AccessToken>> tokens = session.program().tokens();
    if (!tokens) {
      return report_error(tokens.error());
    }
    program::ReportTable table{
        "tokens", "Access tokens", {"id", "role", "partner", "label", "issued_at", "revoked"}, {}, {}};
    for (const program::AccessToken& token : *tokens) {
      table.rows.push_back({ReportCell::of_integer(token.id), ReportCell::of_text(program::name_of(token.role)),
                            token.partner ? ReportCell::of_integer(*token.partner) : ReportCell::empty(),
                            ReportCell::of_text(token.label), ReportCell::of_text(token.issued_at),
                            ReportCell::of_text(token.revoked ? "yes" : "no")});
    }
    return print_report(program::Report{"tokens", {}, {std::move(table)}}, flags);
  });
}

struct RevokeArgs {
  ProgramFlags flags;
  std::string id;
};

int revoke(const RevokeArgs& args) {
  core::Result<std::int64_t> id = parse_id(args.id, "ID");
  if (!id) {
    return report_error(id.error());
  }
  return with_session_legacy(args.flags, [&](ProgramSession& session) {
    if (core::Status status = session.program().revoke_token(*id); !status) {
      return report_error(status.error());
    }
    return print_change(
        {"token",
         fmt::format("token {} revoked\n", *id),
         {{"id", program::ReportCell::of_integer(*id)}, {"revoked", program::ReportCell::of_text("yes")}}},
        args.flags);
  });
}

}  // namespace

void add_token_commands(CLI::App& command, Action& run) {
  auto* token = &command;
  auto args = std::make_shared<IssueArgs>();
  auto* cmd = token->add_subcommand("issue", "Issue a token; prints its secret once");
  args->flags.add_change_output(*cmd);
  add_name_option<program::Role>(
      *cmd, "--role", args->role, "",
      {program::Role::kCoordinator, program::Role::kRepresentative, program::Role::kObserver})
      ->required();
  cmd->add_option("--partner", args->partner, "the partner a representative acts for (id or name)");
  cmd->add_option("--label", args->label, "a note saying whose token it is");
  cmd->callback([&run, args] { run = [args] { return issue(*args); }; });
  auto list_flags = std::make_shared<ProgramFlags>();
  auto* list_cmd = token->add_subcommand("list", "List the tokens (never their secrets)");
  list_flags->add_output(*list_cmd);
  list_cmd->callback([&run, list_flags] { run = [list_flags] { return list(*list_flags); }; });
  auto revoke_args = std::make_shared<RevokeArgs>();
  auto* revoke_cmd = token->add_subcommand("revoke", "Revoke a token");
  revoke_args->flags.add_change_output(*revoke_cmd);
  revoke_cmd->add_option("ID", revoke_args->id, "token id")->required();
  revoke_cmd->callback([&run, revoke_args] { run = [revoke_args] { return revoke(*revoke_args); }; });
}

}  // namespace covalue::cli
