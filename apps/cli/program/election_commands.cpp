// `covalue charter vote|elections|elect`: the coordinator election (issue 14 item 4): under the charter's
// coordination `election`, the partners elect the coordinating partner among the willing partners when a term ends.
#include <fmt/core.h>

#include <memory>

#include "command_handlers.hpp"
#include "program/program_args.hpp"
#include "program/program_session.hpp"

namespace covalue::cli {
namespace {

using program::CoordinatorElection;
using program::ReportCell;

//! "2:1, 3:1": each vote as voter:candidate.
std::string votes_text(const CoordinatorElection& e) {
  std::string out;
  for (const program::CoordinatorVote& vote : e.votes) {
    out += (out.empty() ? "" : ", ") + std::to_string(vote.voter) + ":" + std::to_string(vote.candidate);
  }
  return out;
}

const std::vector<program::ReportColumn<CoordinatorElection>>& election_columns() {
  static const std::vector<program::ReportColumn<CoordinatorElection>> columns = {
      {"id", "Id", [](const CoordinatorElection& e) { return ReportCell::of_integer(e.id); }},
      {"term_cycle", "Term from cycle",
       [](const CoordinatorElection& e) { return ReportCell::of_integer(e.term_cycle); }},
      {"state", "State", [](const CoordinatorElection& e) { return ReportCell::of_text(program::name_of(e.state)); }},
      {"window_ends_at", "Window ends",
       [](const CoordinatorElection& e) { return ReportCell::of_text(e.window_ends_at); }},
      {"votes", "Votes (voter:candidate)",
       [](const CoordinatorElection& e) { return ReportCell::of_text(votes_text(e)); }},
      {"elected", "Elected",
       [](const CoordinatorElection& e) { return ReportCell::of_integer(e.elected.value_or(0)); }},
      {"result", "Result", [](const CoordinatorElection& e) { return ReportCell::of_text(e.result); }},
  };
  return columns;
}

struct VoteArgs {
  ProgramFlags flags;
  std::string partner;
  std::string candidate;
};

struct ElectArgs {
  ProgramFlags flags;
  std::string id;
};

}  // namespace

Handler add_charter_vote(CLI::App& command) {
  auto args = std::make_shared<VoteArgs>();
  args->flags.add_change_output(command);
  command.add_option("--partner", args->partner, "the partner voting (id or name)")->required();
  command.add_option("--for", args->candidate, "the willing partner it votes for (id or name)")->required();
  return [args] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<core::network::PartnerId> partner =
          resolve_partner(session.program().queries(), args->partner, "--partner");
      if (!partner) {
        return partner.error();
      }
      core::Result<core::network::PartnerId> candidate =
          resolve_partner(session.program().queries(), args->candidate, "--for");
      if (!candidate) {
        return candidate.error();
      }
      core::Result<program::Coordination> now = session.program().vote_for_coordinator(*partner, *candidate);
      if (!now) {
        core::Error error = now.error();
        if (error.where == "candidate") {
          error.where = "--for";
        }
        return error;
      }
      const std::int64_t election = now->election ? now->election->id : 0;
      return args->flags.change(
          {"coordinator_vote",
           fmt::format("partner {} votes for partner {} in coordinator election {} (until {})\n", *partner, *candidate,
                       election, now->election ? now->election->window_ends_at : ""),
           {{"election", ReportCell::of_integer(election)},
            {"partner", ReportCell::of_integer(*partner)},
            {"candidate", ReportCell::of_integer(*candidate)}}});
    });
  };
}

Handler add_charter_elections(CLI::App& command) {
  return add_list_leaf<CoordinatorElection>(
      command, "coordinator_elections", "Coordinator elections", election_columns(),
      [](ProgramSession& session) { return session.program().coordinator_elections(); });
}

Handler add_charter_elect(CLI::App& command) {
  auto args = std::make_shared<ElectArgs>();
  args->flags.add_change_output(command);
  command.add_option("ID", args->id, "an election whose window has ended")->required();
  return [args]() -> core::Result<Output> {
    core::Result<std::int64_t> id = parse_id(args->id, "ID");
    if (!id) {
      return id.error();
    }
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<CoordinatorElection> decided = session.program().decide_coordinator_election(*id);
      if (!decided) {
        return decided.error();
      }
      return args->flags.change({"coordinator_election",
                                 fmt::format("coordinator election {}: {}\n", *id, decided->result),
                                 {{"id", ReportCell::of_integer(*id)},
                                  {"elected", ReportCell::of_integer(decided->elected.value_or(0))},
                                  {"result", ReportCell::of_text(decided->result)}}});
    });
  };
}

}  // namespace covalue::cli
