// `covalue cycle open|vote|close|review|shortlist|show`, `covalue ballot cast`, `covalue actuals record|kpi`.
#include <fmt/core.h>

#include <memory>

#include "program/change_output.hpp"
#include "program/program_args.hpp"
#include "program/program_session.hpp"

namespace covalue::cli {
namespace {

namespace net = core::network;

struct CycleArgs {
  ProgramFlags flags;
  std::int64_t cycle{0};  // 0: the current one
  std::int64_t size{0};   // shortlist: how many initiatives stay on the ballot (0: the scorecard's default)
};

net::CycleNumber pick_cycle(const program::Snapshot& snapshot, std::int64_t requested) {
  if (requested > 0) {
    return requested;
  }
  const net::Cycle* current = snapshot.current_cycle();
  return current == nullptr ? 0 : current->number;
}

int show_cycle(ProgramSession& session, const ProgramFlags& flags, net::CycleNumber number) {
  auto snapshot = session.program().snapshot();
  if (!snapshot) {
    return report_error(snapshot.error());
  }
  auto report = program::cycle_report(*snapshot, number);
  if (!report) {
    return report_error(report.error());
  }
  return print_report(*report, flags);
}

int open_verb(ProgramSession& session, const CycleArgs& args, net::CycleNumber /*number*/) {
  auto cycle = session.program().open_cycle();
  if (!cycle) {
    return report_error(cycle.error());
  }
  return print_change({"cycle",
                       fmt::format("cycle {} is open for proposals (capacity {}, rule {})\n", cycle->number,
                                   core::to_decimal_string(cycle->capacity), net::name_of(cycle->rule)),
                       {cycle_fields(*cycle)}},
                      args.flags);
}

int vote_verb(ProgramSession& session, const CycleArgs& args, net::CycleNumber number) {
  auto cycle = session.program().start_voting(number);
  if (!cycle) {
    return report_error(cycle.error());
  }
  return print_change({"cycle",
                       fmt::format("cycle {} is voting: cast ballots with `covalue ballot cast`\n", cycle->number),
                       {cycle_fields(*cycle)}},
                      args.flags);
}

//! One transaction: the report of the outcome the close decided (`number` 0: the newest cycle).
int close_verb(ProgramSession& session, const CycleArgs& args, net::CycleNumber number) {
  auto closed = session.program().close_cycle_reported(number);
  if (!closed) {
    return report_error(closed.error());
  }
  return print_report(closed->report, args.flags);
}

int review_verb(ProgramSession& session, const CycleArgs& args, net::CycleNumber number) {
  auto cycle = session.program().review_cycle(number);
  if (!cycle) {
    return report_error(cycle.error());
  }
  return print_change({"cycle", fmt::format("cycle {} reviewed\n", cycle->number), {cycle_fields(*cycle)}}, args.flags);
}

int shortlist_verb(ProgramSession& session, const CycleArgs& args, net::CycleNumber number) {
  auto cycle = session.program().shortlist(number, args.size);
  if (!cycle) {
    return report_error(cycle.error());
  }
  fmt::print("cycle {}: {} initiatives on the ballot, the others wait for the next cycle\n", cycle->number,
             cycle->shortlist.size());
  return show_cycle(session, args.flags, number);
}

int show_verb(ProgramSession& session, const CycleArgs& args, net::CycleNumber number) {
  return show_cycle(session, args.flags, number);
}

//! One `covalue cycle` verb: its name, help, whether it takes a CYCLE, and what it runs.
struct CycleVerb {
  const char* name;
  const char* help;
  bool picks_cycle;  //!< reads the newest cycle's number when CYCLE is not given (close does that itself)
  int (*run)(ProgramSession& session, const CycleArgs& args, net::CycleNumber number);
};

constexpr CycleVerb kCycleVerbs[] = {
    {"open", "Open the next cycle for proposals", true, open_verb},
    {"vote", "Move the current (or given) cycle from proposing to voting", true, vote_verb},
    {"close", "Close a voting cycle: select, share, assign leads; prints the outcome", false, close_verb},
    {"review", "Mark a closed cycle reviewed once its actuals are in", true, review_verb},
    {"shortlist", "Keep the scorecard's top initiatives on a proposing cycle's ballot; the rest wait", true,
     shortlist_verb},
    {"show", "Show a cycle and its outcome", true, show_verb}};

//! Runs a cycle verb on the chosen cycle and prints the result.
int transition(const CycleArgs& args, const CycleVerb& verb) {
  return with_session_legacy(args.flags, [&](ProgramSession& session) {
    net::CycleNumber number = args.cycle;
    if (verb.picks_cycle) {
      auto snapshot = session.program().snapshot();
      if (!snapshot) {
        return report_error(snapshot.error());
      }
      number = pick_cycle(*snapshot, args.cycle);
    }
    return verb.run(session, args, number);
  });
}

void add_cycle_group(CLI::App& command, Action& run) {
  for (const CycleVerb& verb : kCycleVerbs) {
    auto args = std::make_shared<CycleArgs>();
    auto* cmd = command.add_subcommand(verb.name, verb.help);
    args->flags.add_output(*cmd);
    if (verb.run != open_verb) {
      cmd->add_option("CYCLE", args->cycle, "cycle number (default: the newest)");
    }
    if (verb.run == shortlist_verb) {
      cmd->add_option("--size", args->size, "initiatives kept (default: the scorecard's shortlist size)");
    }
    cmd->callback([&run, args, &verb] { run = [args, &verb] { return transition(*args, verb); }; });
  }
}

struct BallotArgs {
  ProgramFlags flags;
  std::int64_t cycle{0};
  std::string partner;
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

core::Result<net::PartnerBallot> to_ballot(const BallotArgs& args, const program::Snapshot& snapshot) {
  net::PartnerBallot ballot;
  ballot.cycle = pick_cycle(snapshot, args.cycle);
  auto partner = resolve_partner(snapshot, args.partner, "--partner");
  if (!partner) {
    return partner.error();
  }
  ballot.partner = *partner;
  const int kinds = (!args.approve.empty() ? 1 : 0) + (!args.rank.empty() ? 1 : 0) + (!args.scores.empty() ? 1 : 0) +
                    (!args.points.empty() ? 1 : 0);
  if (kinds > 1) {
    return core::make_error(core::ErrorKind::kUsage, "use one of --approve, --rank, --score, --points", "ballot");
  }
  core::Status status;
  if (!args.rank.empty()) {
    ballot.format = net::BallotFormat::kRanking;
    status = read_ranking(args.rank, ballot);
  } else if (!args.scores.empty()) {
    ballot.format = net::BallotFormat::kScores;
    status = read_valued(args.scores, "--score", ballot);
  } else if (!args.points.empty()) {
    ballot.format = net::BallotFormat::kPoints;
    status = read_valued(args.points, "--points", ballot);
  } else {
    for (std::int64_t id : args.approve) {
      ballot.entries.push_back({id, core::Rational(1)});
    }
  }
  if (!status) {
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

int cast(const BallotArgs& args) {
  return with_session_legacy(args.flags, [&](ProgramSession& session) {
    auto snapshot = session.program().snapshot();
    if (!snapshot) {
      return report_error(snapshot.error());
    }
    auto ballot = to_ballot(args, *snapshot);
    if (!ballot) {
      return report_error(ballot.error());
    }
    if (core::Result<net::PartnerBallot> status = session.program().cast_ballot(*ballot); !status) {
      return report_error(status.error());
    }
    return print_change(
        {"ballot",
         fmt::format("ballot of {} in cycle {} recorded ({} entries, {} objections); re-cast until the cycle closes\n",
                     args.partner, ballot->cycle, ballot->entries.size(), ballot->objections.size()),
         {{"cycle", program::ReportCell::of_integer(ballot->cycle)},
          {"partner", program::ReportCell::of_integer(ballot->partner)},
          {"format", program::ReportCell::of_text(net::name_of(ballot->format))},
          {"entries", program::ReportCell::of_integer(static_cast<std::int64_t>(ballot->entries.size()))},
          {"objections", program::ReportCell::of_integer(static_cast<std::int64_t>(ballot->objections.size()))}}},
        args.flags);
  });
}

void add_ballot_group(CLI::App& command, Action& run) {
  auto* ballot = &command;
  auto args = std::make_shared<BallotArgs>();
  auto* cmd = ballot->add_subcommand("cast", "Cast or re-cast a partner's ballot in a voting cycle (the last counts)");
  args->flags.add_change_output(*cmd);
  cmd->add_option("--cycle", args->cycle, "cycle number (default: the newest)");
  cmd->add_option("--partner", args->partner, "the voting partner (id or name)")->required();
  cmd->add_option("--approve", args->approve, "an initiative id it approves, repeatable");
  cmd->add_option("--rank", args->rank, "a ranking of initiative ids, best first: 3,5=7,2 (= ties)");
  cmd->add_option("--score", args->scores, "ID=SCORE, repeatable");
  cmd->add_option("--points", args->points, "ID=POINTS, repeatable");
  cmd->add_option("--object", args->objections, "ID[:reason]: an objection, repeatable");
  cmd->callback([&run, args] { run = [args] { return cast(*args); }; });
}

}  // namespace

void add_cycle_commands(CLI::App& command, Action& run) { add_cycle_group(command, run); }

void add_ballot_commands(CLI::App& command, Action& run) { add_ballot_group(command, run); }

}  // namespace covalue::cli
