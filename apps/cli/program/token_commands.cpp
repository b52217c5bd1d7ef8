// `covalue token issue|list|revoke`: the bearer tokens of the HTTP API.
#include <fmt/core.h>

#include <memory>

#include "command_handlers.hpp"
#include "name_option.hpp"
#include "program/program_args.hpp"
#include "program/program_session.hpp"

namespace covalue::cli {
namespace {

using program::AccessToken;
using program::ReportCell;

struct IssueArgs {
  ProgramFlags flags;
  program::Role role{program::Role::kObserver};
  std::string partner;
  std::string person;
  std::string label;
};

//! The columns of `token list`, as earlier releases printed them (tests/upgrade compares them byte for byte);
//! a token issued to a person is labelled with the person's name unless given a label.
const std::vector<program::ReportColumn<AccessToken>>& token_columns() {
  static const std::vector<program::ReportColumn<AccessToken>> columns = {
      {"id", "Id", [](const AccessToken& t) { return ReportCell::of_integer(t.id); }},
      {"role", "Role", [](const AccessToken& t) { return ReportCell::of_text(program::name_of(t.role)); }},
      {"partner", "Partner",
       [](const AccessToken& t) { return t.partner ? ReportCell::of_integer(*t.partner) : ReportCell::empty(); }},
      {"label", "Label", [](const AccessToken& t) { return ReportCell::of_text(t.label); }},
      {"issued_at", "Issued at", [](const AccessToken& t) { return ReportCell::of_text(t.issued_at); }},
      {"revoked", "Revoked", [](const AccessToken& t) { return ReportCell::of_text(t.revoked ? "yes" : "no"); }},
  };
  return columns;
}

struct RevokeArgs {
  ProgramFlags flags;
  std::string id;
};

//! What `token issue` prints about a token just issued: its secret, once.
Output issued_output(const IssueArgs& args, const program::IssuedToken& issued) {
  Output output = args.flags.change({"token",
                                     issued.secret + "\n",
                                     {{"id", ReportCell::of_integer(issued.token.id)},
                                      {"role", ReportCell::of_text(program::name_of(issued.token.role))},
                                      {"secret", ReportCell::of_text(issued.secret)}}});
  output.note = fmt::format("token {} ({}) issued; its secret is shown once:\n", issued.token.id,
                            program::name_of(issued.token.role));
  return output;
}

//! `token issue --person ID`: a token with the person's role and partner.
core::Result<Output> issue_person_token(const IssueArgs& args) {
  core::Result<std::int64_t> person = parse_id(args.person, "--person");
  if (!person) {
    return person.error();
  }
  return with_session(args.flags, [&](ProgramSession& session) -> core::Result<Output> {
    core::Result<program::IssuedToken> issued = session.program().issue_person_token(*person, args.label);
    if (!issued) {
      return issued.error();
    }
    return issued_output(args, *issued);
  });
}

}  // namespace

Handler add_token_issue(CLI::App& command) {
  auto args = std::make_shared<IssueArgs>();
  args->flags.add_change_output(command);
  CLI::Option* role = add_name_option<program::Role>(command, "--role", args->role, "",
                                                     {program::Role::kCoordinator, program::Role::kRepresentative,
                                                      program::Role::kObserver, program::Role::kAdmin})
                          ->default_str("");  // required unless --person: no default shown
  CLI::Option* partner_option =
      command.add_option("--partner", args->partner, "the partner a representative acts for (id or name)");
  command.add_option("--person", args->person, "the person (id) the token is for: its role and partner")
      ->excludes(role)
      ->excludes(partner_option);
  command.add_option("--label", args->label, "a note saying whose token it is");
  return [args, role]() -> core::Result<Output> {
    if (!args->person.empty()) {
      return issue_person_token(*args);
    }
    if (role->count() == 0) {
      return core::Result<Output>(core::make_error(
          core::ErrorKind::kInvalidInput, "a token needs --role (or --person, whose role it takes)", "--role"));
    }
    args->flags.deployment = args->role == program::Role::kAdmin;  // administrators belong to network 0
    if (args->flags.deployment && !args->partner.empty()) {
      return core::Result<Output>(
          core::make_error(core::ErrorKind::kInvalidInput, "an admin token acts for no partner", "--partner"));
    }
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<std::optional<core::network::PartnerId>> partner =
          resolve_optional_partner(session.program().queries(), args->partner, "--partner");
      if (!partner) {
        return partner.error();
      }
      core::Result<program::IssuedToken> issued = session.program().issue_token(args->role, *partner, args->label);
      if (!issued) {
        return issued.error();
      }
      return issued_output(*args, *issued);
    });
  };
}

Handler add_token_list(CLI::App& command) {
  auto flags = std::make_shared<ProgramFlags>();
  flags->add_admins(command, "the tokens");
  return add_list_leaf<AccessToken>(
      command, "tokens", "Access tokens", token_columns(),
      [](ProgramSession& session) { return session.program().tokens(); }, false, flags);
}

Handler add_token_revoke(CLI::App& command) {
  auto args = std::make_shared<RevokeArgs>();
  args->flags.add_change_output(command);
  command.add_option("ID", args->id, "token id")->required();
  args->flags.add_admins(command, "ID is a token");
  return [args]() -> core::Result<Output> {
    core::Result<std::int64_t> id = parse_id(args->id, "ID");
    if (!id) {
      return id.error();
    }
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      if (core::Status status = session.program().revoke_token(*id); !status) {
        return status.error();
      }
      return args->flags.change({"token",
                                 fmt::format("token {} revoked\n", *id),
                                 {{"id", ReportCell::of_integer(*id)}, {"revoked", ReportCell::of_text("yes")}}});
    });
  };
}

}  // namespace covalue::cli
