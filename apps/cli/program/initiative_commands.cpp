// `covalue initiative propose|list|show|withdraw|volunteer|stand-down`.
#include <fmt/core.h>

#include <memory>

#include "covalue/core/text.hpp"
#include "name_option.hpp"
#include "program/change_output.hpp"
#include "program/program_args.hpp"
#include "program/program_session.hpp"

namespace covalue::cli {
namespace {

namespace net = core::network;
using program::ReportCell;

struct ProposeArgs {
  ProgramFlags flags;
  std::string title;
  std::string description;
  std::string channel{"supply_chain"};
  std::string proposer;
  std::string cost;
  std::vector<std::string> impacts;
  std::vector<std::int64_t> objectives;
  std::vector<std::string> volunteers;
};

core::Status read_impacts(const ProposeArgs& args, const program::Snapshot& snapshot, net::Initiative& initiative) {
  for (const std::string& text : args.impacts) {
    auto pair = parse_pair(text, "--impact");
    if (!pair) {
      return pair.error();
    }
    auto partner = resolve_partner(snapshot, pair->first, "--impact " + text);
    if (!partner) {
      return partner.error();
    }
    initiative.impacts.push_back({*partner, pair->second});
  }
  for (const std::string& text : args.volunteers) {
    auto partner = resolve_partner(snapshot, text, "--volunteer");
    if (!partner) {
      return partner.error();
    }
    initiative.volunteers.push_back(*partner);
  }
  return {};
}

core::Result<net::Initiative> to_initiative(const ProposeArgs& args, const program::Snapshot& snapshot) {
  net::Initiative initiative;
  initiative.title = args.title;
  initiative.description = args.description;
  auto channel = core::parse_name<net::Channel>(args.channel);
  if (!channel) {
    return core::make_error(channel.error().kind, channel.error().message, "--channel");
  }
  initiative.channel = *channel;
  auto proposer = resolve_partner(snapshot, args.proposer, "--proposer");
  if (!proposer) {
    return proposer.error();
  }
  initiative.proposer = *proposer;
  auto cost = parse_number(args.cost, "--cost");
  if (!cost) {
    return cost.error();
  }
  initiative.cost = *cost;
  initiative.objectives.assign(args.objectives.begin(), args.objectives.end());
  if (core::Status status = read_impacts(args, snapshot, initiative); !status) {
    return status.error();
  }
  return initiative;
}

int propose(const ProposeArgs& args) {
  return with_session_legacy(args.flags, [&](ProgramSession& session) {
    auto snapshot = session.program().snapshot();
    if (!snapshot) {
      return report_error(snapshot.error());
    }
    auto initiative = to_initiative(args, *snapshot);
    if (!initiative) {
      return report_error(initiative.error());
    }
    auto stored = session.program().propose(*initiative);
    if (!stored) {
      return report_error(stored.error());
    }
    return print_change(
        {"initiative",
         fmt::format("initiative {} '{}' proposed; network value {}; {}\n", stored->id,
                     core::terminal_safe(stored->title), core::to_decimal_string(stored->network_value()),
                     stored->cycle == 0 ? std::string("waits for the next cycle")
                                        : "up for decision in cycle " + std::to_string(stored->cycle)),
         {initiative_fields(*stored)}},
        args.flags);
  });
}

std::string partner_name(const program::Snapshot& snapshot, net::PartnerId id) {
  const net::Partner* partner = snapshot.find_partner(id);
  return partner == nullptr ? std::to_string(id) : partner->name;
}

struct ListArgs {
  ProgramFlags flags;
  std::string status;
  std::int64_t cycle{-1};
};

int list_initiatives(const ListArgs& args) {
  return with_session_legacy(args.flags, [&](ProgramSession& session) {
    auto snapshot = session.program().snapshot();
    if (!snapshot) {
      return report_error(snapshot.error());
    }
    program::ReportTable table{
        "initiatives",
        "Initiatives",
        {"id", "title", "channel", "proposer", "cost", "network_value", "status", "cycle", "lead"},
        {},
        {}};
    for (const net::Initiative& i : snapshot->initiatives) {
      if ((!args.status.empty() && args.status != net::name_of(i.status)) ||
          (args.cycle >= 0 && args.cycle != i.cycle)) {
        continue;
      }
      table.rows.push_back({ReportCell::of_integer(i.id), ReportCell::of_text(i.title),
                            ReportCell::of_text(net::name_of(i.channel)),
                            ReportCell::of_text(partner_name(*snapshot, i.proposer)), ReportCell::of_number(i.cost),
                            ReportCell::of_number(i.network_value()), ReportCell::of_text(net::name_of(i.status)),
                            ReportCell::of_integer(i.cycle),
                            i.lead ? ReportCell::of_text(partner_name(*snapshot, *i.lead)) : ReportCell::empty()});
    }
    return print_report(program::Report{"initiatives", {}, {std::move(table)}}, args.flags);
  });
}

struct ShowArgs {
  ProgramFlags flags;
  std::string id;
};

program::Report initiative_report(const program::Snapshot& snapshot, const net::Initiative& i) {
  program::Report report{"initiative", {}, {}};
  report.summary = {{"id", ReportCell::of_integer(i.id)},
                    {"title", ReportCell::of_text(i.title)},
                    {"description", ReportCell::of_text(i.description)},
                    {"channel", ReportCell::of_text(net::name_of(i.channel))},
                    {"proposer", ReportCell::of_text(partner_name(snapshot, i.proposer))},
                    {"cost", ReportCell::of_number(i.cost)},
                    {"network_value", ReportCell::of_number(i.network_value())},
                    {"status", ReportCell::of_text(net::name_of(i.status))},
                    {"cycle", ReportCell::of_integer(i.cycle)},
                    {"lead", i.lead ? ReportCell::of_text(partner_name(snapshot, *i.lead)) : ReportCell::empty()}};
  program::ReportTable impacts{"impacts", "Estimated impact per partner", {"partner", "estimate", "volunteer"}, {}, {}};
  for (const net::Impact& impact : i.impacts) {
    const bool volunteer = std::find(i.volunteers.begin(), i.volunteers.end(), impact.partner) != i.volunteers.end();
    const bool nominee = std::find(i.nominees.begin(), i.nominees.end(), impact.partner) != i.nominees.end();
    impacts.rows.push_back({ReportCell::of_text(partner_name(snapshot, impact.partner)),
                            ReportCell::of_number(impact.estimate),
                            ReportCell::of_text(volunteer ? "yes"
                                                : nominee ? "named; not accepted yet"
                                                          : "")});
  }
  report.tables.push_back(std::move(impacts));
  return report;
}

int show_initiative(const ShowArgs& args) {
  auto id = parse_id(args.id, "ID");
  if (!id) {
    return report_error(id.error());
  }
  return with_session_legacy(args.flags, [&](ProgramSession& session) {
    auto snapshot = session.program().snapshot();
    if (!snapshot) {
      return report_error(snapshot.error());
    }
    const net::Initiative* initiative = snapshot->find_initiative(*id);
    if (initiative == nullptr) {
      return report_error(core::make_error(core::ErrorKind::kNotFound, "no initiative with id " + args.id, "ID"));
    }
    return print_report(initiative_report(*snapshot, *initiative), args.flags);
  });
}

struct WithdrawArgs {
  ProgramFlags flags;
  std::string id;
  std::string reason;
};

int withdraw(const WithdrawArgs& args) {
  auto id = parse_id(args.id, "ID");
  if (!id) {
    return report_error(id.error());
  }
  return with_session_legacy(args.flags, [&](ProgramSession& session) {
    auto changed = session.program().withdraw(*id, args.reason);
    if (!changed) {
      return report_error(changed.error());
    }
    return print_change(
        {"initiative",
         fmt::format("initiative {} '{}' withdrawn\n", changed->id, core::terminal_safe(changed->title)),
         {initiative_fields(*changed)}},
        args.flags);
  });
}

struct LeadArgs {
  ProgramFlags flags;
  std::string id;
  std::string partner;
  bool stand_down{false};
};

//! `initiative volunteer`: the partner offers to lead (the operator records its consent);
//! `initiative stand-down`: it withdraws the offer or declines a nomination.
int change_lead_offer(const LeadArgs& args) {
  auto id = parse_id(args.id, "ID");
  if (!id) {
    return report_error(id.error());
  }
  return with_session_legacy(args.flags, [&](ProgramSession& session) {
    auto snapshot = session.program().snapshot();
    if (!snapshot) {
      return report_error(snapshot.error());
    }
    auto partner = resolve_partner(*snapshot, args.partner, "--partner");
    if (!partner) {
      return report_error(partner.error());
    }
    auto changed =
        args.stand_down ? session.program().stand_down(*id, *partner) : session.program().volunteer(*id, *partner);
    if (!changed) {
      return report_error(changed.error());
    }
    return print_change({"initiative",
                         fmt::format("{} {} to lead initiative {} '{}'\n", partner_name(*snapshot, *partner),
                                     args.stand_down ? "no longer offers" : "volunteers", changed->id, changed->title),
                         {initiative_fields(*changed)}},
                        args.flags);
  });
}

void register_lead_offer(CLI::App& initiative, Action& run, bool stand_down) {
  auto args = std::make_shared<LeadArgs>();
  args->stand_down = stand_down;
  auto* cmd = initiative.add_subcommand(stand_down ? "stand-down" : "volunteer",
                                        stand_down ? "A partner withdraws its offer to lead, or declines a nomination"
                                                   : "A partner volunteers to lead an undecided initiative");
  args->flags.add_change_output(*cmd);
  cmd->add_option("ID", args->id, "initiative id")->required();
  cmd->add_option("--partner", args->partner, "the partner (id or name)")->required();
  cmd->callback([&run, args] { run = [args] { return change_lead_offer(*args); }; });
}

void register_propose(CLI::App& initiative, Action& run) {
  auto args = std::make_shared<ProposeArgs>();
  auto* cmd = initiative.add_subcommand("propose", "Propose an initiative with its estimated impact per partner");
  args->flags.add_change_output(*cmd);
  cmd->add_option("--title", args->title, "unique title")->required();
  cmd->add_option("--description", args->description, "what it changes");
  add_name_option<net::Channel>(*cmd, "--channel", args->channel, "")->capture_default_str();
  cmd->add_option("--proposer", args->proposer, "the proposing partner (id or name)")->required();
  cmd->add_option("--cost", args->cost, "cost in capacity units (> 0, at most the capacity)")->required();
  cmd->add_option("--impact", args->impacts, "PARTNER=VALUE: estimated gain (negative: loss), repeatable");
  cmd->add_option("--objective", args->objectives, "an objective id it serves, repeatable");
  cmd->add_option("--volunteer", args->volunteers, "a partner volunteering to lead it, repeatable");
  cmd->callback([&run, args] { run = [args] { return propose(*args); }; });
}

}  // namespace

void add_initiative_commands(CLI::App& command, Action& run) {
  auto* initiative = &command;
  register_propose(*initiative, run);
  auto list_args = std::make_shared<ListArgs>();
  auto* list = initiative->add_subcommand("list", "List initiatives");
  list_args->flags.add_output(*list);
  add_name_option<net::InitiativeStatus>(*list, "--status", list_args->status, "only this status");
  list->add_option("--cycle", list_args->cycle, "only this cycle");
  list->callback([&run, list_args] { run = [list_args] { return list_initiatives(*list_args); }; });
  auto show_args = std::make_shared<ShowArgs>();
  auto* show = initiative->add_subcommand("show", "Show one initiative");
  show_args->flags.add_output(*show);
  show->add_option("ID", show_args->id, "initiative id")->required();
  show->callback([&run, show_args] { run = [show_args] { return show_initiative(*show_args); }; });
  auto withdraw_args = std::make_shared<WithdrawArgs>();
  auto* cmd = initiative->add_subcommand("withdraw", "Withdraw an undecided initiative (during voting: with a reason)");
  withdraw_args->flags.add_change_output(*cmd);
  cmd->add_option("ID", withdraw_args->id, "initiative id")->required();
  cmd->add_option("--reason", withdraw_args->reason, "why (kept in the audit log; required while its cycle votes)");
  cmd->callback([&run, withdraw_args] { run = [withdraw_args] { return withdraw(*withdraw_args); }; });
  register_lead_offer(*initiative, run, false);
  register_lead_offer(*initiative, run, true);
}

}  // namespace covalue::cli
