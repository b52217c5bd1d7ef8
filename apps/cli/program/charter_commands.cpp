// `covalue charter position|decide|proposals|willing|coordination`: the partners decide the charter's changes, and
// the coordination rotation (issue 14 item 4). `charter propose|revise` are in network_commands.cpp, beside the
// charter flags they take.
#include <fmt/core.h>

#include <algorithm>
#include <memory>

#include "command_handlers.hpp"
#include "name_option.hpp"
#include "program/program_args.hpp"
#include "program/program_session.hpp"

namespace covalue::cli {
namespace {

using program::CharterProposal;
using program::ReportCell;

std::string fields_text(const CharterProposal& p) {
  std::string out;
  for (const std::string& field : p.fields) {
    out += (out.empty() ? "" : ", ") + field;
  }
  return out;
}

//! "agree 2, abstain 0, object 1".
std::string positions_text(const CharterProposal& p) {
  std::string out;
  for (const program::Position kind :
       {program::Position::kAgree, program::Position::kAbstain, program::Position::kObject}) {
    const auto count = std::count_if(p.positions.begin(), p.positions.end(),
                                     [&](const program::PartnerPosition& x) { return x.position == kind; });
    out += (out.empty() ? "" : ", ") + std::string(program::name_of(kind)) + " " + std::to_string(count);
  }
  return out;
}

const std::vector<program::ReportColumn<CharterProposal>>& proposal_columns() {
  static const std::vector<program::ReportColumn<CharterProposal>> columns = {
      {"id", "Id", [](const CharterProposal& p) { return ReportCell::of_integer(p.id); }},
      {"state", "State", [](const CharterProposal& p) { return ReportCell::of_text(program::name_of(p.state)); }},
      {"revision", "Revision", [](const CharterProposal& p) { return ReportCell::of_integer(p.revision); }},
      {"fields", "Fields", [](const CharterProposal& p) { return ReportCell::of_text(fields_text(p)); }},
      {"positions", "Positions", [](const CharterProposal& p) { return ReportCell::of_text(positions_text(p)); }},
      {"window_ends_at", "Window ends", [](const CharterProposal& p) { return ReportCell::of_text(p.window_ends_at); }},
      {"result", "Result", [](const CharterProposal& p) { return ReportCell::of_text(p.result); }},
  };
  return columns;
}

struct PositionArgs {
  ProgramFlags flags;
  std::string id;
  std::string partner;
  program::Position position{program::Position::kAgree};
  std::string reason;
};

struct ProposalIdArgs {
  ProgramFlags flags;
  std::string id;
};

struct WillingArgs {
  ProgramFlags flags;
  std::string partner;
  bool off{false};
};

}  // namespace

Handler add_charter_position(CLI::App& command) {
  auto args = std::make_shared<PositionArgs>();
  args->flags.add_change_output(command);
  command.add_option("ID", args->id, "the open proposal's id")->required();
  command.add_option("--partner", args->partner, "the partner taking the position (id or name)")->required();
  add_name_option<program::Position>(command, "--position", args->position, "the partner's position")->required();
  command.add_option("--reason", args->reason, "why (required with object)");
  return [args]() -> core::Result<Output> {
    core::Result<std::int64_t> id = parse_id(args->id, "ID");
    if (!id) {
      return id.error();
    }
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<core::network::PartnerId> partner =
          resolve_partner(session.program().queries(), args->partner, "--partner");
      if (!partner) {
        return partner.error();
      }
      core::Result<CharterProposal> taken =
          session.program().take_position(*id, *partner, args->position, args->reason);
      if (!taken) {
        return taken.error();
      }
      return args->flags.change({"charter_position",
                                 fmt::format("partner {} {}s charter proposal {} (revision {})\n", *partner,
                                             program::name_of(args->position), *id, taken->revision),
                                 {{"proposal", ReportCell::of_integer(*id)},
                                  {"partner", ReportCell::of_integer(*partner)},
                                  {"position", ReportCell::of_text(program::name_of(args->position))}}});
    });
  };
}

Handler add_charter_decide(CLI::App& command) {
  auto args = std::make_shared<ProposalIdArgs>();
  args->flags.add_change_output(command);
  command.add_option("ID", args->id, "a proposal whose window has ended")->required();
  return [args]() -> core::Result<Output> {
    core::Result<std::int64_t> id = parse_id(args->id, "ID");
    if (!id) {
      return id.error();
    }
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<CharterProposal> decided = session.program().decide_charter_proposal(*id);
      if (!decided) {
        return decided.error();
      }
      return args->flags.change({"charter_proposal",
                                 fmt::format("charter proposal {} {}{}\n", *id, decided->result,
                                             decided->state == program::ProposalState::kAdopted
                                                 ? "; the charter applies it from the next cycle opened"
                                                 : ""),
                                 {{"id", ReportCell::of_integer(*id)},
                                  {"state", ReportCell::of_text(program::name_of(decided->state))},
                                  {"result", ReportCell::of_text(decided->result)}}});
    });
  };
}

Handler add_charter_withdraw(CLI::App& command) {
  auto args = std::make_shared<ProposalIdArgs>();
  args->flags.add_change_output(command);
  command.add_option("ID", args->id, "the open proposal's id")->required();
  return [args]() -> core::Result<Output> {
    core::Result<std::int64_t> id = parse_id(args->id, "ID");
    if (!id) {
      return id.error();
    }
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<CharterProposal> withdrawn = session.program().withdraw_charter_proposal(*id);
      if (!withdrawn) {
        return withdrawn.error();
      }
      return args->flags.change(
          {"charter_proposal",
           fmt::format("charter proposal {} {}; its fields are free for a new proposal\n", *id, withdrawn->result),
           {{"id", ReportCell::of_integer(*id)},
            {"state", ReportCell::of_text(program::name_of(withdrawn->state))},
            {"result", ReportCell::of_text(withdrawn->result)}}});
    });
  };
}

Handler add_charter_proposals(CLI::App& command) {
  return add_list_leaf<CharterProposal>(command, "charter_proposals", "Charter proposals", proposal_columns(),
                                        [](ProgramSession& session) { return session.program().charter_proposals(); });
}

Handler add_charter_willing(CLI::App& command) {
  auto args = std::make_shared<WillingArgs>();
  args->flags.add_change_output(command);
  command.add_option("--partner", args->partner, "the partner (id or name)")->required();
  command.add_flag("--off", args->off, "the partner is no longer willing to coordinate");
  return [args] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<core::network::PartnerId> partner =
          resolve_partner(session.program().queries(), args->partner, "--partner");
      if (!partner) {
        return partner.error();
      }
      core::Result<program::Coordination> now = session.program().set_willing_to_coordinate(*partner, !args->off);
      if (!now) {
        return now.error();
      }
      return args->flags.change({"coordination",
                                 fmt::format("partner {} is {} willing to coordinate ({} willing)\n", *partner,
                                             args->off ? "no longer" : "now", now->willing.size()),
                                 {{"partner", ReportCell::of_integer(*partner)},
                                  {"willing", ReportCell::of_text(args->off ? "no" : "yes")}}});
    });
  };
}

Handler add_charter_coordination(CLI::App& command) {
  auto flags = std::make_shared<ProgramFlags>();
  flags->add_output(command);
  return [flags] {
    return with_session(*flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<program::Coordination> now = session.program().coordination();
      if (!now) {
        return now.error();
      }
      std::string willing;
      for (const core::network::PartnerId id : now->willing) {
        willing += (willing.empty() ? "" : ",") + std::to_string(id);
      }
      program::Report report{"coordination",
                             {{"mode", ReportCell::of_text(core::network::name_of(now->mode))},
                              {"term_cycles", ReportCell::of_integer(now->term_cycles)},
                              {"coordinator", ReportCell::of_text(now->current ? now->partner_name : "")},
                              {"since_cycle", ReportCell::of_integer(now->current ? now->current->first_cycle : 0)},
                              {"willing", ReportCell::of_text(willing)}},
                             {}};
      return flags->report(std::move(report));
    });
  };
}

}  // namespace covalue::cli
