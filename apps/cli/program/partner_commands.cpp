// `covalue partner add|list|leave` and `covalue objective add`.
#include <fmt/core.h>

#include <memory>
#include <utility>

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

struct PartnerArgs {
  ProgramFlags flags;
  std::string name;  // NAME (add) or PARTNER (leave)
  net::Tier tier{net::Tier::kOther};
};

//! A partner that changed, as `partner add|leave` print it.
Change partner_change(const net::Partner& partner, std::string sentence) {
  return {"partner", std::move(sentence), partner_fields(partner)};
}

const std::vector<program::ReportColumn<program::PartnerView>>& partner_columns() {
  using View = program::PartnerView;
  static const std::vector<program::ReportColumn<View>> columns = {
      {"id", "Id", [](const View& v) { return ReportCell::of_integer(v.partner.id); }},
      {"name", "Name", [](const View& v) { return ReportCell::of_text(v.partner.name); }},
      {"tier", "Tier", [](const View& v) { return ReportCell::of_text(net::name_of(v.partner.tier)); }},
      {"joined_cycle", "Joined in cycle", [](const View& v) { return ReportCell::of_integer(v.partner.joined_cycle); }},
      {"left_cycle", "Left from cycle",
       [](const View& v) {
         return v.partner.left_cycle ? ReportCell::of_integer(*v.partner.left_cycle) : ReportCell::empty();
       }},
      {"objectives", "Objectives",
       [](const View& v) { return ReportCell::of_integer(static_cast<std::int64_t>(v.objectives.size())); }},
  };
  return columns;
}

//! Every partner with the objectives it stated.
core::Result<std::vector<program::PartnerView>> partner_views(program::Queries queries) {
  core::Result<std::vector<net::Partner>> partners = queries.partners();
  if (!partners) {
    return partners.error();
  }
  core::Result<std::vector<net::Objective>> objectives = queries.objectives();
  if (!objectives) {
    return objectives.error();
  }
  std::vector<program::PartnerView> views;
  for (net::Partner& partner : *partners) {
    program::PartnerView& view = views.emplace_back(program::PartnerView{std::move(partner), {}});
    std::copy_if(objectives->begin(), objectives->end(), std::back_inserter(view.objectives),
                 [&](const net::Objective& o) { return o.partner == view.partner.id; });
  }
  return views;
}

struct ObjectiveArgs {
  ProgramFlags flags;
  std::string partner;
  net::Kpi kpi{net::Kpi::kCustom};
  std::string name;
  std::string unit;
  std::string baseline{"0"};
  std::string target;
};

core::Result<net::Objective> to_objective(const ObjectiveArgs& args, program::Queries queries) {
  core::Result<net::PartnerId> partner = resolve_partner(std::move(queries), args.partner, "--partner");
  if (!partner) {
    return partner.error();
  }
  core::Result<core::Rational> baseline = parse_number(args.baseline, "--baseline");
  if (!baseline) {
    return baseline.error();
  }
  core::Result<core::Rational> target = parse_number(args.target, "--target");
  if (!target) {
    return target.error();
  }
  return net::Objective{0, *partner, args.kpi, args.name, args.unit, *baseline, *target};
}

Change objective_change(const net::Objective& stored) {
  return {"objective",
          fmt::format("objective {}: {} from {} to {}{}\n", stored.id,
                      core::terminal_safe(stored.name.empty() ? net::name_of(stored.kpi) : stored.name),
                      core::to_decimal_string(stored.baseline), core::to_decimal_string(stored.target),
                      core::terminal_safe(stored.unit)),
          {{"id", ReportCell::of_integer(stored.id)},
           {"partner", ReportCell::of_integer(stored.partner)},
           {"kpi", ReportCell::of_text(net::name_of(stored.kpi))},
           {"name", ReportCell::of_text(stored.name)},
           {"baseline", ReportCell::of_number(stored.baseline)},
           {"target", ReportCell::of_number(stored.target)},
           {"unit", ReportCell::of_text(stored.unit)}}};
}

}  // namespace

Handler add_partner_add(CLI::App& command) {
  auto args = std::make_shared<PartnerArgs>();
  args->flags.add_change_output(command);
  command.add_option("NAME", args->name, "unique name")->required();
  add_name_option<net::Tier>(command, "--tier", args->tier, "");
  return [args] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<net::Partner> partner = session.program().add_partner(args->name, args->tier);
      if (!partner) {
        return partner.error();
      }
      return args->flags.change(partner_change(
          *partner,
          fmt::format("partner {} '{}' ({}) joins from cycle {}\n", partner->id, core::terminal_safe(partner->name),
                      net::name_of(partner->tier), partner->joined_cycle)));
    });
  };
}

Handler add_partner_leave(CLI::App& command) {
  auto args = std::make_shared<PartnerArgs>();
  args->flags.add_change_output(command);
  command.add_option("PARTNER", args->name, "id or name")->required();
  return [args] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<net::PartnerId> id = resolve_partner(session.program().queries(), args->name, "PARTNER");
      if (!id) {
        return id.error();
      }
      core::Result<net::Partner> partner = session.program().leave_partner(*id);
      if (!partner) {
        return partner.error();
      }
      return args->flags.change(
          partner_change(*partner, fmt::format("partner {} '{}' is no longer a member from cycle {}\n", partner->id,
                                               core::terminal_safe(partner->name), *partner->left_cycle)));
    });
  };
}

Handler add_partner_list(CLI::App& command) {
  return add_list_leaf<program::PartnerView>(
      command, "partners", "Partners", partner_columns(),
      [](ProgramSession& session) { return partner_views(session.program().queries()); });
}

Handler add_objective_add(CLI::App& command) {
  auto args = std::make_shared<ObjectiveArgs>();
  args->flags.add_change_output(command);
  command.add_option("--partner", args->partner, "the partner (id or name)")->required();
  add_name_option<net::Kpi>(command, "--kpi", args->kpi, "")->required()->default_str("");  // required: no default
  command.add_option("--name", args->name, "a label (required for a custom KPI)");
  command.add_option("--unit", args->unit, "unit of the KPI (%, days, ...)");
  command.add_option("--baseline", args->baseline, "the KPI's value today")->capture_default_str();
  command.add_option("--target", args->target, "the value aimed for")->required();
  return [args] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<net::Objective> objective = to_objective(*args, session.program().queries());
      if (!objective) {
        return objective.error();
      }
      core::Result<net::Objective> stored = session.program().add_objective(*objective);
      if (!stored) {
        return stored.error();
      }
      return args->flags.change(objective_change(*stored));
    });
  };
}

}  // namespace covalue::cli
