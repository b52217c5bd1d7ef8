// `covalue cycle open|vote|close|review|shortlist|show`, `covalue ballot cast|delegate|revoke|delegations`.
#include <fmt/core.h>

#include <memory>

#include "command_handlers.hpp"
#include "program/change_output.hpp"
#include "program/program_args.hpp"
#include "program/program_session.hpp"
#include "program/report_format.hpp"

namespace covalue::cli {
namespace {

namespace net = core::network;

struct CycleArgs {
  ProgramFlags flags;
  std::int64_t cycle{0};              // 0: the newest one
  std::int64_t size{0};               // shortlist: how many initiatives stay on the ballot (0: the scorecard's default)
  program::DeadlineChange deadlines;  // open, vote, deadlines: the times given ("none": removed)
  bool confirm_low_turnout{false};    // close: even below the charter's close_turnout_warning
};

//! "none" removes a deadline (the use case reads an empty text so).
std::optional<std::string> deadline_of(const std::optional<std::string>& given) {
  if (given && *given == "none") {
    return std::string();
  }
  return given;
}

//! " (proposals close 2026-...; voting closes 2026-...)", or nothing when the cycle has no deadline.
std::string deadlines_sentence(const net::Cycle& cycle) {
  std::string out;
  if (!cycle.proposals_close_at.empty()) {
    out += "proposals close " + cycle.proposals_close_at;
  }
  if (!cycle.voting_closes_at.empty()) {
    out += (out.empty() ? "" : "; ") + std::string("voting closes ") + cycle.voting_closes_at;
  }
  return out.empty() ? out : " (" + out + ")";
}

//! The cycle a command names, else the newest one (0 when none was opened yet: the use case then
//! answers with its "no cycle 0").
core::Result<net::CycleNumber> chosen_cycle(program::Queries queries, std::int64_t requested) {
  if (requested > 0) {
    return requested;
  }
  core::Result<net::Cycle> current = queries.current_cycle();
  if (current) {
    return current->number;
  }
  if (current.error().kind == core::ErrorKind::kNotFound && current.error().where == "cycle") {
    return net::CycleNumber{0};
  }
  return current.error();
}

//! What a command that moved a cycle returns: `sentence` for people, the cycle's fields for scripts.
Output cycle_change(const ProgramFlags& flags, const net::Cycle& cycle, std::string sentence) {
  return flags.change({"cycle", std::move(sentence), cycle_fields(cycle)});
}

//! What one `covalue cycle` verb does to the cycle chosen.
using CycleVerb = core::Result<Output> (*)(ProgramSession& session, const CycleArgs& args, net::CycleNumber number);

//! How a verb's cycle is chosen when CYCLE is not given.
enum class Choice {
  kAsGiven,  //!< the use case or query takes 0 as "the newest" itself (or needs no cycle)
  kNewest,   //!< the newest cycle's number is read first (chosen_cycle)
};

//! Adds the output flags and, when the verb takes one, CYCLE.
std::shared_ptr<CycleArgs> add_cycle_args(CLI::App& command, bool takes_cycle) {
  auto args = std::make_shared<CycleArgs>();
  args->flags.add_output(command);
  if (takes_cycle) {
    command.add_option("CYCLE", args->cycle, "cycle number (default: the newest)");
  }
  return args;
}

//! Adds --proposals-close-at and --voting-closes-at; `opening` for a new cycle (no "none" to give).
void add_deadline_options(CLI::App& command, CycleArgs& args, bool opening) {
  const std::string none = opening ? "" : "; none removes it";
  command.add_option("--proposals-close-at", args.deadlines.proposals_close_at,
                     "when proposals close, UTC: 2026-12-10T17:00Z (or with an offset, +01:00)" + none);
  command.add_option("--voting-closes-at", args.deadlines.voting_closes_at, "when voting closes, UTC" + none);
}

//! The handler running `verb` on the cycle chosen.
Handler cycle_handler(std::shared_ptr<CycleArgs> args, CycleVerb verb, Choice choice) {
  return [args, verb, choice] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<net::CycleNumber> number = choice == Choice::kNewest
                                                  ? chosen_cycle(session.program().queries(), args->cycle)
                                                  : core::Result<net::CycleNumber>(args->cycle);
      if (!number) {
        return number.error();
      }
      return verb(session, *args, *number);
    });
  };
}

core::Result<Output> open_verb(ProgramSession& session, const CycleArgs& args, net::CycleNumber /*number*/) {
  auto cycle = session.program().open_cycle({.proposals_close_at = deadline_of(args.deadlines.proposals_close_at),
                                             .voting_closes_at = deadline_of(args.deadlines.voting_closes_at)});
  if (!cycle) {
    return cycle.error();
  }
  return cycle_change(
      args.flags, *cycle,
      fmt::format("cycle {} is open for proposals (capacity {}, rule {}){}\n", cycle->number,
                  core::to_decimal_string(cycle->capacity), net::name_of(cycle->rule), deadlines_sentence(*cycle)));
}

core::Result<Output> vote_verb(ProgramSession& session, const CycleArgs& args, net::CycleNumber number) {
  auto cycle = session.program().start_voting(number, deadline_of(args.deadlines.voting_closes_at));
  if (!cycle) {
    return cycle.error();
  }
  return cycle_change(args.flags, *cycle,
                      fmt::format("cycle {} is voting{}: cast ballots with `covalue ballot cast`\n", cycle->number,
                                  deadlines_sentence(*cycle)));
}

core::Result<Output> deadlines_verb(ProgramSession& session, const CycleArgs& args, net::CycleNumber number) {
  if (!args.deadlines.proposals_close_at && !args.deadlines.voting_closes_at) {
    return core::make_error(core::ErrorKind::kUsage, "give --proposals-close-at or --voting-closes-at (or both)",
                            "deadlines");
  }
  auto cycle =
      session.program().set_deadlines(number, {.proposals_close_at = deadline_of(args.deadlines.proposals_close_at),
                                               .voting_closes_at = deadline_of(args.deadlines.voting_closes_at)});
  if (!cycle) {
    return cycle.error();
  }
  const std::string sentence = deadlines_sentence(*cycle);
  return cycle_change(args.flags, *cycle,
                      fmt::format("cycle {}: {}\n", cycle->number,
                                  sentence.empty() ? "no deadlines" : sentence.substr(2, sentence.size() - 3)));
}

//! One transaction: the report of the outcome the close decided (`number` 0: the newest cycle).
core::Result<Output> close_verb(ProgramSession& session, const CycleArgs& args, net::CycleNumber number) {
  auto closed = session.program().close_cycle_confirming(number, args.confirm_low_turnout, true);
  if (!closed) {
    core::Error error = closed.error();
    if (error.where == "confirm_low_turnout") {
      const std::string figures = error.message.substr(0, error.message.find("; confirm_low_turnout"));
      error.message = figures + "; give --confirm-low-turnout to close the cycle anyway";
      error.where = "--confirm-low-turnout";
    }
    return error;
  }
  return args.flags.report(std::move(closed->report));
}

core::Result<Output> review_verb(ProgramSession& session, const CycleArgs& args, net::CycleNumber number) {
  auto cycle = session.program().review_cycle(number);
  if (!cycle) {
    return cycle.error();
  }
  return cycle_change(args.flags, *cycle, fmt::format("cycle {} reviewed\n", cycle->number));
}

//! The cycle's report (`number` 0: the newest cycle's).
core::Result<Output> show_verb(ProgramSession& session, const CycleArgs& args, net::CycleNumber number) {
  auto report = session.program().queries().cycle_report(number > 0 ? std::optional(number) : std::nullopt);
  if (!report) {
    return report.error();
  }
  return args.flags.report(std::move(*report));
}

//! The line saying what stays on the ballot, then the cycle's report in the chosen format.
core::Result<Output> shortlist_verb(ProgramSession& session, const CycleArgs& args, net::CycleNumber number) {
  auto cycle = session.program().shortlist(number, args.size);
  if (!cycle) {
    return cycle.error();
  }
  auto report = session.program().queries().cycle_report(number);
  if (!report) {
    return report.error();
  }
  core::Result<std::string> shown = format_report(*report, args.flags.format, args.flags.table);
  if (!shown) {
    return shown.error();
  }
  return Output::of_text(fmt::format("cycle {}: {} initiatives on the ballot, the others wait for the next cycle\n",
                                     cycle->number, cycle->shortlist.size()) +
                         *shown);
}

struct BallotArgs {
  ProgramFlags flags;
  std::int64_t cycle{0};
  std::string partner;
  std::string for_partner;  // --for: the partner whose ballot `partner` casts as its proxy
  std::string to;           // delegate --to: the proxy
  std::vector<std::int64_t> approve;
  std::string rank;
  std::vector<std::string> scores;
  std::vector<std::string> points;
  std::vector<std::string> objections;
};

//! "3,5=7,2": 3 first, 5 and 7 tied second, 2 fourth.
core::Status read_ranking(const std::string& text, net::PartnerBallot& ballot) {
  std::int64_t rank = 1;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string group = text.substr(start, comma - start);
    std::int64_t in_group = 0;
    for (std::size_t from = 0; from <= group.size();) {
      const std::size_t eq = std::min(group.find('=', from), group.size());
      auto id = parse_id(group.substr(from, eq - from), "--rank");
      if (!id) {
        return id.error();
      }
      ballot.entries.push_back({*id, core::Rational(rank)});
      ++in_group;
      from = eq + 1;
    }
    rank += in_group;
    start = comma + 1;
  }
  return {};
}

core::Status read_valued(const std::vector<std::string>& items, const std::string& flag, net::PartnerBallot& ballot) {
  for (const std::string& text : items) {
    auto pair = parse_pair(text, flag);
    if (!pair) {
      return pair.error();
    }
    auto id = parse_id(pair->first, flag);
    if (!id) {
      return id.error();
    }
    ballot.entries.push_back({*id, pair->second});
  }
  return {};
}

//! The entries of whichever of --approve, --rank, --score and --points was given (one at the most).
core::Status read_entries(const BallotArgs& args, net::PartnerBallot& ballot) {
  const int kinds = (!args.approve.empty() ? 1 : 0) + (!args.rank.empty() ? 1 : 0) + (!args.scores.empty() ? 1 : 0) +
                    (!args.points.empty() ? 1 : 0);
  if (kinds > 1) {
    return core::make_error(core::ErrorKind::kUsage, "use one of --approve, --rank, --score, --points", "ballot");
  }
  if (!args.rank.empty()) {
    ballot.format = net::BallotFormat::kRanking;
    return read_ranking(args.rank, ballot);
  }
  if (!args.scores.empty()) {
    ballot.format = net::BallotFormat::kScores;
    return read_valued(args.scores, "--score", ballot);
  }
  if (!args.points.empty()) {
    ballot.format = net::BallotFormat::kPoints;
    return read_valued(args.points, "--points", ballot);
  }
  for (std::int64_t id : args.approve) {
    ballot.entries.push_back({id, core::Rational(1)});
  }
  return {};
}

core::Result<net::PartnerBallot> to_ballot(const BallotArgs& args, const program::Queries& queries) {
  net::PartnerBallot ballot;
  core::Result<net::CycleNumber> cycle = chosen_cycle(queries, args.cycle);
  if (!cycle) {
    return cycle.error();
  }
  ballot.cycle = *cycle;
  auto partner = resolve_partner(queries, args.partner, "--partner");
  if (!partner) {
    return partner.error();
  }
  ballot.partner = *partner;
  if (!args.for_partner.empty()) {
    auto represented = resolve_partner(queries, args.for_partner, "--for");
    if (!represented) {
      return represented.error();
    }
    ballot.cast_by = *partner;
    ballot.partner = *represented;
  }
  if (core::Status status = read_entries(args, ballot); !status) {
    return status.error();
  }
  for (const std::string& text : args.objections) {
    const std::size_t colon = text.find(':');
    auto id = parse_id(text.substr(0, colon), "--object");
    if (!id) {
      return id.error();
    }
    ballot.objections.push_back({*id, colon == std::string::npos ? std::string() : text.substr(colon + 1)});
  }
  return ballot;
}

core::Result<Output> cast(const BallotArgs& args) {
  return with_session(args.flags, [&](ProgramSession& session) -> core::Result<Output> {
    auto ballot = to_ballot(args, session.program().queries());
    if (!ballot) {
      return ballot.error();
    }
    if (core::Result<net::PartnerBallot> status = session.program().cast_ballot(*ballot); !status) {
      return status.error();
    }
    return args.flags.change(
        {"ballot",
         fmt::format(
             "ballot of {} in cycle {} recorded ({} entries, {} objections){}; re-cast until the cycle closes\n",
             args.for_partner.empty() ? args.partner : args.for_partner, ballot->cycle, ballot->entries.size(),
             ballot->objections.size(), args.for_partner.empty() ? "" : ", cast by its proxy " + args.partner),
         {{"cycle", program::ReportCell::of_integer(ballot->cycle)},
          {"partner", program::ReportCell::of_integer(ballot->partner)},
          {"cast_by", program::ReportCell::of_integer(ballot->cast_by)},
          {"format", program::ReportCell::of_text(net::name_of(ballot->format))},
          {"entries", program::ReportCell::of_integer(static_cast<std::int64_t>(ballot->entries.size()))},
          {"objections", program::ReportCell::of_integer(static_cast<std::int64_t>(ballot->objections.size()))}}});
  });
}

//! The fields of a delegation, for scripts.
Fields delegation_fields(const program::Delegation& delegation) {
  return {{"cycle", program::ReportCell::of_integer(delegation.cycle)},
          {"partner", program::ReportCell::of_integer(delegation.partner)},
          {"proxy", program::ReportCell::of_integer(delegation.proxy)},
          {"created_at", program::ReportCell::of_text(delegation.created_at)}};
}

core::Result<Output> delegate(const BallotArgs& args) {
  return with_session(args.flags, [&](ProgramSession& session) -> core::Result<Output> {
    const program::Queries queries = session.program().queries();
    core::Result<net::CycleNumber> cycle = chosen_cycle(queries, args.cycle);
    auto partner = resolve_partner(queries, args.partner, "--partner");
    if (!cycle || !partner) {
      return cycle ? partner.error() : cycle.error();
    }
    auto proxy = resolve_partner(queries, args.to, "--to");
    if (!proxy) {
      return proxy.error();
    }
    core::Result<program::Delegation> made = session.program().delegate(*cycle, *partner, *proxy);
    if (!made) {
      return made.error();
    }
    return args.flags.change(
        {"delegation",
         fmt::format("{} delegated its ballot in cycle {} to {}: `covalue ballot cast --partner {} "
                     "--for {}` casts it; `covalue ballot revoke` takes it back until the close\n",
                     args.partner, made->cycle, args.to, args.to, args.partner),
         delegation_fields(*made)});
  });
}

core::Result<Output> revoke(const BallotArgs& args) {
  return with_session(args.flags, [&](ProgramSession& session) -> core::Result<Output> {
    const program::Queries queries = session.program().queries();
    core::Result<net::CycleNumber> cycle = chosen_cycle(queries, args.cycle);
    auto partner = resolve_partner(queries, args.partner, "--partner");
    if (!cycle || !partner) {
      return cycle ? partner.error() : cycle.error();
    }
    core::Result<program::Delegation> revoked = session.program().revoke_delegation(*cycle, *partner);
    if (!revoked) {
      return revoked.error();
    }
    return args.flags.change({"delegation",
                              fmt::format("{} took back its ballot in cycle {} from partner {}\n", args.partner,
                                          revoked->cycle, revoked->proxy),
                              delegation_fields(*revoked)});
  });
}

}  // namespace

Handler add_cycle_open(CLI::App& command) {
  auto args = add_cycle_args(command, false);
  add_deadline_options(command, *args, true);
  return cycle_handler(args, open_verb, Choice::kAsGiven);
}

Handler add_cycle_vote(CLI::App& command) {
  auto args = add_cycle_args(command, true);
  command.add_option("--closes-at", args->deadlines.voting_closes_at,
                     "when voting closes, UTC: 2026-12-10T17:00Z (or with an offset, +01:00)");
  return cycle_handler(args, vote_verb, Choice::kNewest);
}

Handler add_cycle_deadlines(CLI::App& command) {
  auto args = add_cycle_args(command, true);
  add_deadline_options(command, *args, false);
  return cycle_handler(args, deadlines_verb, Choice::kNewest);
}

Handler add_cycle_close(CLI::App& command) {
  auto args = add_cycle_args(command, true);
  command.add_flag("--confirm-low-turnout", args->confirm_low_turnout,
                   "close even when fewer member partners have voted than the charter's close_turnout_warning");
  return cycle_handler(args, close_verb, Choice::kAsGiven);
}

Handler add_cycle_review(CLI::App& command) {
  return cycle_handler(add_cycle_args(command, true), review_verb, Choice::kNewest);
}

Handler add_cycle_shortlist(CLI::App& command) {
  auto args = add_cycle_args(command, true);
  command.add_option("--size", args->size, "initiatives kept (default: the scorecard's shortlist size)");
  return cycle_handler(args, shortlist_verb, Choice::kNewest);
}

Handler add_cycle_show(CLI::App& command) {
  return cycle_handler(add_cycle_args(command, true), show_verb, Choice::kAsGiven);
}

Handler add_ballot_cast(CLI::App& command) {
  auto args = std::make_shared<BallotArgs>();
  args->flags.add_change_output(command);
  command.add_option("--cycle", args->cycle, "cycle number (default: the newest)");
  command.add_option("--partner", args->partner, "the voting partner (id or name)")->required();
  command.add_option("--for", args->for_partner,
                     "the partner whose ballot --partner casts as its proxy (it delegated its ballot to --partner)");
  command.add_option("--approve", args->approve, "an initiative id it approves, repeatable");
  command.add_option("--rank", args->rank, "a ranking of initiative ids, best first: 3,5=7,2 (= ties)");
  command.add_option("--score", args->scores, "ID=SCORE, repeatable");
  command.add_option("--points", args->points, "ID=POINTS, repeatable");
  command.add_option("--object", args->objections, "ID[:reason]: an objection, repeatable");
  return [args] { return cast(*args); };
}

Handler add_ballot_delegate(CLI::App& command) {
  auto args = std::make_shared<BallotArgs>();
  args->flags.add_change_output(command);
  command.add_option("--cycle", args->cycle, "cycle number (default: the newest)");
  command.add_option("--partner", args->partner, "the partner whose ballot it is (id or name)")->required();
  command.add_option("--to", args->to, "the proxy: another member partner that casts it (id or name)")->required();
  return [args] { return delegate(*args); };
}

Handler add_ballot_revoke(CLI::App& command) {
  auto args = std::make_shared<BallotArgs>();
  args->flags.add_change_output(command);
  command.add_option("--cycle", args->cycle, "cycle number (default: the newest)");
  command.add_option("--partner", args->partner, "the partner taking its ballot back (id or name)")->required();
  return [args] { return revoke(*args); };
}

}  // namespace covalue::cli
