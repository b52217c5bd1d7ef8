// `covalue initiative propose|list|show|withdraw|volunteer|stand-down`.
#include <fmt/core.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "command_handlers.hpp"
#include "covalue/core/text.hpp"
#include "name_option.hpp"
#include "program/change_output.hpp"
#include "program/program_args.hpp"
#include "program/program_session.hpp"

namespace covalue::cli {
namespace {

namespace net = core::network;
using program::ReportCell;
using Partners = std::vector<net::Partner>;

struct ProposeArgs {
  ProgramFlags flags;
  std::string title;
  std::string description;
  net::Channel channel{net::Channel::kSupplyChain};
  std::string proposer;
  std::string cost;
  std::vector<std::string> impacts;
  std::vector<std::int64_t> objectives;
  std::vector<std::string> volunteers;
};

core::Status read_impacts(const ProposeArgs& args, const Partners& partners, net::Initiative& initiative) {
  for (const std::string& text : args.impacts) {
    auto pair = parse_pair(text, "--impact");
    if (!pair) {
      return pair.error();
    }
    auto partner = resolve_partner(partners, pair->first, "--impact " + text);
    if (!partner) {
      return partner.error();
    }
    initiative.impacts.push_back({*partner, pair->second});
  }
  for (const std::string& text : args.volunteers) {
    auto partner = resolve_partner(partners, text, "--volunteer");
    if (!partner) {
      return partner.error();
    }
    initiative.volunteers.push_back(*partner);
  }
  return {};
}

core::Result<net::Initiative> to_initiative(const ProposeArgs& args, const Partners& partners) {
  net::Initiative initiative;
  initiative.title = args.title;
  initiative.description = args.description;
  initiative.channel = args.channel;
  auto proposer = resolve_partner(partners, args.proposer, "--proposer");
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
  if (core::Status status = read_impacts(args, partners, initiative); !status) {
    return status.error();
  }
  return initiative;
}

//! What a command that changed an initiative returns: `sentence` for people, its fields for scripts.
Output initiative_change(const ProgramFlags& flags, const net::Initiative& changed, std::string sentence) {
  return flags.change({"initiative", std::move(sentence), initiative_fields(changed)});
}

struct ListArgs {
  ProgramFlags flags;
  std::optional<net::InitiativeStatus> status;  //!< --status: only this one
  std::int64_t cycle{-1};                       //!< --cycle: only this one (-1: every cycle)
};

//! An initiative with the names of the partners it refers to, as listings show it.
struct NamedInitiative {
  net::Initiative initiative;
  std::string proposer;
  std::optional<std::string> lead;
};

std::string partner_name(const Partners& partners, net::PartnerId id) {
  auto it = std::find_if(partners.begin(), partners.end(), [&](const net::Partner& p) { return p.id == id; });
  return it == partners.end() ? std::to_string(id) : it->name;
}

NamedInitiative named(const net::Initiative& initiative, const Partners& partners) {
  return {initiative, partner_name(partners, initiative.proposer),
          initiative.lead ? std::optional(partner_name(partners, *initiative.lead)) : std::nullopt};
}

//! The columns of `initiative list`; `initiative show` prints one row of them as its summary.
const std::vector<program::ReportColumn<NamedInitiative>>& initiative_columns() {
  using Row = NamedInitiative;
  static const std::vector<program::ReportColumn<Row>> columns = {
      {"id", "Id", [](const Row& r) { return ReportCell::of_integer(r.initiative.id); }},
      {"title", "Title", [](const Row& r) { return ReportCell::of_text(r.initiative.title); }},
      {"channel", "Channel", [](const Row& r) { return ReportCell::of_text(net::name_of(r.initiative.channel)); }},
      {"proposer", "Proposer", [](const Row& r) { return ReportCell::of_text(r.proposer); }},
      {"cost", "Cost", [](const Row& r) { return ReportCell::of_number(r.initiative.cost); }},
      {"network_value", "Network value",
       [](const Row& r) { return ReportCell::of_number(r.initiative.network_value()); }},
      {"status", "Status", [](const Row& r) { return ReportCell::of_text(net::name_of(r.initiative.status)); }},
      {"cycle", "Cycle", [](const Row& r) { return ReportCell::of_integer(r.initiative.cycle); }},
      {"lead", "Lead", [](const Row& r) { return r.lead ? ReportCell::of_text(*r.lead) : ReportCell::empty(); }},
  };
  return columns;
}

//! One partner's line of `initiative show`'s impact table.
struct ImpactRow {
  std::string partner;
  core::Rational estimate;
  std::string volunteer;  //!< "yes", "named; not accepted yet" or empty
};

const std::vector<program::ReportColumn<ImpactRow>>& impact_columns() {
  static const std::vector<program::ReportColumn<ImpactRow>> columns = {
      {"partner", "Partner", [](const ImpactRow& r) { return ReportCell::of_text(r.partner); }},
      {"estimate", "Estimate", [](const ImpactRow& r) { return ReportCell::of_number(r.estimate); }},
      {"volunteer", "Volunteer", [](const ImpactRow& r) { return ReportCell::of_text(r.volunteer); }},
  };
  return columns;
}

program::Report initiative_report(const net::Initiative& i, const Partners& partners) {
  program::Report report{"initiative", {}, {}};
  const NamedInitiative row = named(i, partners);
  for (const program::ReportColumn<NamedInitiative>& column : initiative_columns()) {
    report.summary.emplace_back(column.key, column.cell(row));
    if (column.key == "title") {
      report.summary.emplace_back("description", ReportCell::of_text(i.description));
    }
  }
  std::vector<ImpactRow> impacts;
  for (const net::Impact& impact : i.impacts) {
    const bool volunteer = std::find(i.volunteers.begin(), i.volunteers.end(), impact.partner) != i.volunteers.end();
    const bool nominee = std::find(i.nominees.begin(), i.nominees.end(), impact.partner) != i.nominees.end();
    impacts.push_back({partner_name(partners, impact.partner), impact.estimate,
                       volunteer ? "yes"
                       : nominee ? "named; not accepted yet"
                                 : ""});
  }
  report.tables.push_back(program::table_of("impacts", "Estimated impact per partner", impact_columns(), impacts));
  return report;
}

//! The flags of a command on one initiative: its ID, and --partner or --reason for some.
struct IdArgs {
  ProgramFlags flags;
  std::string id;
  std::string partner;  //!< volunteer, stand-down
  std::string reason;   //!< withdraw
};

//! Adds the output flags (a report's, or a change's) and ID.
std::shared_ptr<IdArgs> add_id_args(CLI::App& command, bool changes) {
  auto args = std::make_shared<IdArgs>();
  if (changes) {
    args->flags.add_change_output(command);
  } else {
    args->flags.add_output(command);
  }
  command.add_option("ID", args->id, "initiative id")->required();
  return args;
}

using InitiativeBody = std::function<core::Result<Output>(ProgramSession& session, net::InitiativeId id)>;

//! Runs `body` on the initiative ID names (parsed first), with the database open.
core::Result<Output> on_initiative(const IdArgs& args, const InitiativeBody& body) {
  auto id = parse_id(args.id, "ID");
  if (!id) {
    return id.error();
  }
  return with_session(args.flags, [&](ProgramSession& session) { return body(session, *id); });
}

//! `initiative volunteer`: the partner offers to lead (the operator records its consent);
//! `initiative stand-down`: it withdraws the offer or declines a nomination.
Handler lead_offer(CLI::App& command, bool stand_down) {
  auto args = add_id_args(command, true);
  command.add_option("--partner", args->partner, "the partner (id or name)")->required();
  return [args, stand_down] {
    return on_initiative(*args, [&](ProgramSession& session, net::InitiativeId id) -> core::Result<Output> {
      core::Result<net::Partner> partner = session.program().queries().find_partner(args->partner, "--partner");
      if (!partner) {
        return partner.error();
      }
      auto changed =
          stand_down ? session.program().stand_down(id, partner->id) : session.program().volunteer(id, partner->id);
      if (!changed) {
        return changed.error();
      }
      return initiative_change(
          args->flags, *changed,
          fmt::format("{} {} to lead initiative {} '{}'\n", partner->name,
                      stand_down ? "no longer offers" : "volunteers", changed->id, changed->title));
    });
  };
}

}  // namespace

Handler add_initiative_propose(CLI::App& command) {
  auto args = std::make_shared<ProposeArgs>();
  args->flags.add_change_output(command);
  command.add_option("--title", args->title, "unique title")->required();
  command.add_option("--description", args->description, "what it changes");
  add_name_option(command, "--channel", args->channel, "");
  command.add_option("--proposer", args->proposer, "the proposing partner (id or name)")->required();
  command.add_option("--cost", args->cost, "cost in capacity units (> 0, at most the capacity)")->required();
  command.add_option("--impact", args->impacts, "PARTNER=VALUE: estimated gain (negative: loss), repeatable");
  command.add_option("--objective", args->objectives, "an objective id it serves, repeatable");
  command.add_option("--volunteer", args->volunteers, "a partner volunteering to lead it, repeatable");
  return [args] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<Partners> partners = session.program().queries().partners();
      if (!partners) {
        return partners.error();
      }
      auto initiative = to_initiative(*args, *partners);
      if (!initiative) {
        return initiative.error();
      }
      auto stored = session.program().propose(*initiative);
      if (!stored) {
        return stored.error();
      }
      return initiative_change(
          args->flags, *stored,
          fmt::format("initiative {} '{}' proposed; network value {}; {}\n", stored->id,
                      core::terminal_safe(stored->title), core::to_decimal_string(stored->network_value()),
                      stored->cycle == 0 ? std::string("waits for the next cycle")
                                         : "up for decision in cycle " + std::to_string(stored->cycle)));
    });
  };
}

Handler add_initiative_list(CLI::App& command) {
  auto args = std::make_shared<ListArgs>();
  args->flags.add_output(command);
  add_name_option(command, "--status", args->status, "only this status");
  command.add_option("--cycle", args->cycle, "only this cycle");
  return [args] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      program::Queries queries = session.program().queries();
      program::InitiativeFilter filter{.status = args->status};
      if (args->cycle >= 0) {
        filter.cycle = args->cycle;
      }
      core::Result<std::vector<net::Initiative>> initiatives = queries.initiatives(filter);
      if (!initiatives) {
        return initiatives.error();
      }
      core::Result<Partners> partners = queries.partners();
      if (!partners) {
        return partners.error();
      }
      std::vector<NamedInitiative> rows;
      for (const net::Initiative& initiative : *initiatives) {
        rows.push_back(named(initiative, *partners));
      }
      return args->flags.report(program::Report{
          "initiatives", {}, {program::table_of("initiatives", "Initiatives", initiative_columns(), rows)}});
    });
  };
}

Handler add_initiative_show(CLI::App& command) {
  auto args = add_id_args(command, false);
  return [args] {
    return on_initiative(*args, [&](ProgramSession& session, net::InitiativeId id) -> core::Result<Output> {
      program::Queries queries = session.program().queries();
      core::Result<net::Initiative> initiative = queries.initiative(id);
      if (!initiative && initiative.error().kind == core::ErrorKind::kNotFound &&
          initiative.error().where == "initiative") {
        return core::make_error(core::ErrorKind::kNotFound, "no initiative with id " + args->id, "ID");
      }
      if (!initiative) {
        return initiative.error();
      }
      core::Result<Partners> partners = queries.partners();
      if (!partners) {
        return partners.error();
      }
      return args->flags.report(initiative_report(*initiative, *partners));
    });
  };
}

Handler add_initiative_withdraw(CLI::App& command) {
  auto args = add_id_args(command, true);
  command.add_option("--reason", args->reason, "why (kept in the audit log; required while its cycle votes)");
  return [args] {
    return on_initiative(*args, [&](ProgramSession& session, net::InitiativeId id) -> core::Result<Output> {
      auto changed = session.program().withdraw(id, args->reason);
      if (!changed) {
        return changed.error();
      }
      return initiative_change(
          args->flags, *changed,
          fmt::format("initiative {} '{}' withdrawn\n", changed->id, core::terminal_safe(changed->title)));
    });
  };
}

Handler add_initiative_volunteer(CLI::App& command) { return lead_offer(command, false); }

Handler add_initiative_stand_down(CLI::App& command) { return lead_offer(command, true); }

}  // namespace covalue::cli
