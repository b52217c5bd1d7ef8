// `covalue partner add|list|leave` and `covalue objective add|list`.
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

struct PartnerArgs {
  ProgramFlags flags;
  std::string name;
  std::string tier{"other"};
};

int add_partner(const PartnerArgs& args) {
  core::Result<net::Tier> tier = core::parse_name<net::Tier>(args.tier);
  if (!tier) {
    return report_error(core::make_error(tier.error().kind, tier.error().message, "--tier"));
  }
  return with_session_legacy(args.flags, [&](ProgramSession& session) {
    core::Result<net::Partner> partner = session.program().add_partner(args.name, *tier);
    if (!partner) {
      return report_error(partner.error());
    }
    return print_change(
        {"partner",
         fmt::format("partner {} '{}' ({}) joins from cycle {}\n", partner->id, core::terminal_safe(partner->name),
                     net::name_of(partner->tier), partner->joined_cycle),
         {partner_fields(*partner)}},
        args.flags);
  });
}

int leave_partner(const PartnerArgs& args) {
  return with_session_legacy(args.flags, [&](ProgramSession& session) {
    core::Result<net::PartnerId> id = resolve_partner(session.program().queries(), args.name, "PARTNER");
    if (!id) {
      return report_error(id.error());
    }
    core::Result<net::Partner> partner = session.program().leave_partner(*id);
    if (!partner) {
      return report_error(partner.error());
    }
    return print_change({"partner",
                         fmt::format("partner {} '{}' is no longer a member from cycle {}\n", partner->id,
                                     core::terminal_safe(partner->name), *partner->left_cycle),
                         {partner_fields(*partner)}},
                        args.flags);
  });
}

int list_partners(const ProgramFlags& flags) {
  return with_session_legacy(flags, [&](ProgramSession& session) {
    core::Result<program::Snapshot> snapshot = session.program().snapshot();
    if (!snapshot) {
      return report_error(snapshot.error());
    }
    program::ReportTable table{
        "partners", "Partners", {"id", "name", "tier", "joined_cycle", "left_cycle", "objectives"}, {}, {}};
    for (const net::Partner& p : snapshot->partners) {
      const auto objectives = std::count_if(snapshot->objectives.begin(), snapshot->objectives.end(),
                                            [&](const net::Objective& o) { return o.partner == p.id; });
      table.rows.push_back({ReportCell::of_integer(p.id), ReportCell::of_text(p.name),
                            ReportCell::of_text(net::name_of(p.tier)), ReportCell::of_integer(p.joined_cycle),
                            p.left_cycle ? ReportCell::of_integer(*p.left_cycle) : ReportCell::empty(),
                            ReportCell::of_integer(objectives)});
    }
    return print_report(program::Report{"partners", {}, {std::move(table)}}, flags);
  });
}

struct ObjectiveArgs {
  ProgramFlags flags;
  std::string partner;
  std::string kpi;
  std::string name;
  std::string unit;
  std::string baseline{"0"};
  std::string target;
};

core::Result<net::Objective> to_objective(const ObjectiveArgs& args, const program::Snapshot& snapshot) {
  net::Objective objective;
  core::Result<net::PartnerId> partner = resolve_partner(snapshot, args.partner, "--partner");
  if (!partner) {
    return partner.error();
  }
  core::Result<net::Kpi> kpi = core::parse_name<net::Kpi>(args.kpi);
  if (!kpi) {
    return core::make_error(kpi.error().kind, kpi.error().message, "--kpi");
  }
  core::Result<core::Rational> baseline = parse_number(args.baseline, "--baseline");
  if (!baseline) {
    return baseline.error();
  }
  core::Result<core::Rational> target = parse_number(args.target, "--target");
  if (!target) {
    return target.error();
  }
  objective.partner = *partner;
  objective.kpi = *kpi;
  objective.name = args.name;
  objective.unit = args.unit;
  objective.baseline = *baseline;
  objective.target = *target;
  return objective;
}

int add_objective(const ObjectiveArgs& args) {
  return with_session_legacy(args.flags, [&](ProgramSession& session) {
    core::Result<program::Snapshot> snapshot = session.program().snapshot();
    if (!snapshot) {
      return report_error(snapshot.error());
    }
    core::Result<net::Objective> objective = to_objective(args, *snapshot);
    if (!objective) {
      return report_error(objective.error());
    }
    core::Result<net::Objective> stored = session.program().add_objective(*objective);
    if (!stored) {
      return report_error(stored.error());
    }
    return print_change(
        {"objective",
         fmt::format("objective {}: {} from {} to {}{}\n", stored->id,
                     core::terminal_safe(stored->name.empty() ? net::name_of(stored->kpi) : stored->name),
                     core::to_decimal_string(stored->baseline), core::to_decimal_string(stored->target),
                     core::terminal_safe(stored->unit)),
         {{"id", program::ReportCell::of_integer(stored->id)},
          {"partner", program::ReportCell::of_integer(stored->partner)},
          {"kpi", program::ReportCell::of_text(net::name_of(stored->kpi))},
          {"name", program::ReportCell::of_text(stored->name)},
          {"baseline", program::ReportCell::of_number(stored->baseline)},
          {"target", program::ReportCell::of_number(stored->target)},
          {"unit", program::ReportCell::of_text(stored->unit)}}},
        args.flags);
  });
}

}  // namespace

void add_objective_commands(CLI::App& command, Action& run) {
  auto* objective = &command;
  auto args = std::make_shared<ObjectiveArgs>();
  auto* add = objective->add_subcommand("add", "Add an objective: a KPI moving from a baseline to a target");
  args->flags.add_change_output(*add);
  add->add_option("--partner", args->partner, "the partner (id or name)")->required();
  add_name_option<net::Kpi>(*add, "--kpi", args->kpi, "")->required();
  add->add_option("--name", args->name, "a label (required for a custom KPI)");
  add->add_option("--unit", args->unit, "unit of the KPI (%, days, ...)");
  add->add_option("--baseline", args->baseline, "the KPI's value today")->capture_default_str();
  add->add_option("--target", args->target, "the value aimed for")->required();
  add->callback([&run, args] { run = [args] { return add_objective(*args); }; });
}

void add_partner_commands(CLI::App& command, Action& run) {
  auto* partner = &command;
  auto args = std::make_shared<PartnerArgs>();
  auto* add = partner->add_subcommand("add", "Add a partner to the network");
  args->flags.add_change_output(*add);
  add->add_option("NAME", args->name, "unique name")->required();
  add_name_option<net::Tier>(*add, "--tier", args->tier, "")->capture_default_str();
  add->callback([&run, args] { run = [args] { return add_partner(*args); }; });
  auto leave_args = std::make_shared<PartnerArgs>();
  auto* leave = partner->add_subcommand("leave", "A partner leaves the network");
  leave_args->flags.add_change_output(*leave);
  leave->add_option("PARTNER", leave_args->name, "id or name")->required();
  leave->callback([&run, leave_args] { run = [leave_args] { return leave_partner(*leave_args); }; });
  auto list_flags = std::make_shared<ProgramFlags>();
  auto* list = partner->add_subcommand("list", "List the partners");
  list_flags->add_output(*list);
  list->callback([&run, list_flags] { run = [list_flags] { return list_partners(*list_flags); }; });
}

}  // namespace covalue::cli
