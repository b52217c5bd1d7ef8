// `covalue network`, `covalue partner`, `covalue objective`: the network, its members and their needs.
#include <fmt/core.h>

#include <memory>

#include "covalue/core/text.hpp"
#include "name_option.hpp"
#include "program/change_output.hpp"
#include "program/program_args.hpp"
#include "program/program_session.hpp"
#include "setting_flags.hpp"

namespace covalue::cli {
namespace {

namespace net = core::network;

struct CharterArgs {
  ProgramFlags flags;
  std::string name;
  std::string capacity;  // the flags' values; their defaults are the settings table's charter.* rows
  std::string rule;
  std::string sharing;
  std::int64_t max_dry_spell{0};
  std::string max_deopt_share;
  bool perpetual{false};
  std::int64_t max_leads{0};
  std::string ranking_rule;
  std::string disclosure;
  CLI::App* command{nullptr};  //!< the subcommand, to tell which flags were given
};

//! True when `flag` was given on the command line (always, for `network init`).
bool given(const CharterArgs& args, const char* flag) {
  return args.command == nullptr || args.command->count(flag) > 0;
}

//! Applies the enum-valued flags that were given to `charter`.
core::Status apply_names(const CharterArgs& args, net::Charter& charter) {
  if (given(args, "--rule")) {
    core::Result<net::SelectionRule> rule = core::parse_name<net::SelectionRule>(args.rule);
    if (!rule) {
      return core::make_error(rule.error().kind, rule.error().message, "--rule");
    }
    charter.rule = *rule;
  }
  if (given(args, "--sharing")) {
    core::Result<net::SharingPolicy> sharing = core::parse_name<net::SharingPolicy>(args.sharing);
    if (!sharing) {
      return core::make_error(sharing.error().kind, sharing.error().message, "--sharing");
    }
    charter.sharing = *sharing;
  }
  if (given(args, "--ranking-rule")) {
    core::Result<core::ranking::RankingRule> ranking = core::parse_name<core::ranking::RankingRule>(args.ranking_rule);
    if (!ranking) {
      return core::make_error(ranking.error().kind, ranking.error().message, "--ranking-rule");
    }
    charter.ranking_rule = *ranking;
  }
  if (given(args, "--disclosure")) {
    core::Result<net::BallotDisclosure> disclosure = core::parse_name<net::BallotDisclosure>(args.disclosure);
    if (!disclosure) {
      return core::make_error(disclosure.error().kind, disclosure.error().message, "--disclosure");
    }
    charter.disclosure = *disclosure;
  }
  return {};
}

//! The charter the flags describe: for `network init` every flag (or its default), for `network update`
//! the current charter with the given flags applied.
core::Result<net::Charter> to_charter(const CharterArgs& args, net::Charter charter = {}) {
  if (given(args, "--name")) {
    charter.name = args.name;
  }
  if (given(args, "--capacity")) {
    core::Result<core::Rational> capacity = parse_number(args.capacity, "--capacity");
    if (!capacity) {
      return capacity.error();
    }
    charter.capacity = *capacity;
  }
  if (given(args, "--max-deopt-share")) {
    core::Result<core::Rational> share = parse_number(args.max_deopt_share, "--max-deopt-share");
    if (!share) {
      return share.error();
    }
    charter.fairness.max_deopt_share = *share;
  }
  if (core::Status names = apply_names(args, charter); !names) {
    return names.error();
  }
  if (given(args, "--max-dry-spell")) {
    charter.fairness.max_dry_spell = args.max_dry_spell;
  }
  if (given(args, "--no-perpetual-weighting") || given(args, "--perpetual-weighting")) {
    charter.fairness.perpetual_weighting = args.perpetual;
  }
  if (given(args, "--max-leads")) {
    charter.leadership.max_concurrent_leads = args.max_leads;
  }
  if (core::Status valid = charter.validate(); !valid) {
    return valid.error();
  }
  return charter;
}

int init_network(const CharterArgs& args) {
  core::Result<net::Charter> charter = to_charter(args);
  if (!charter) {
    return report_error(charter.error());
  }
  return with_session_legacy(args.flags, [&](ProgramSession& session) {
    if (core::Status status = session.program().init_network(*charter); !status) {
      return report_error(status.error());
    }
    return print_change(
        {"network",
         fmt::format("network '{}' created in {}: capacity {} per cycle, rule {}, sharing {}, k = {}\n",
                     core::terminal_safe(charter->name), args.flags.db, core::to_decimal_string(charter->capacity),
                     net::name_of(charter->rule), net::name_of(charter->sharing), charter->fairness.max_dry_spell),
         {charter_fields(*charter)}},
        args.flags);
  });
}

int update_network(const CharterArgs& args) {
  return with_session_legacy(args.flags, [&](ProgramSession& session) {
    core::Result<program::Snapshot> snapshot = session.program().snapshot();
    if (!snapshot) {
      return report_error(snapshot.error());
    }
    core::Result<net::Charter> charter = to_charter(args, snapshot->charter);
    if (!charter) {
      return report_error(charter.error());
    }
    if (core::Status status = session.program().update_charter(*charter); !status) {
      return report_error(status.error());
    }
    return print_change({"network",
                         fmt::format("charter of '{}' updated: it applies from the next cycle opened\n",
                                     core::terminal_safe(charter->name)),
                         {charter_fields(*charter)}},
                        args.flags);
  });
}

void add_charter_flags(CLI::App& cmd, CharterArgs& args, bool init) {
  auto* name = cmd.add_option("--name", args.name, "the network's name");
  if (init) {
    name->required();
  }
  add_setting(cmd, "charter.capacity", args.capacity, RangeCheck::kLater);
  add_setting(cmd, "charter.rule", args.rule, RangeCheck::kLater);
  add_setting(cmd, "charter.ranking_rule", args.ranking_rule, RangeCheck::kLater);
  add_setting(cmd, "charter.disclosure", args.disclosure, RangeCheck::kLater);
  add_setting(cmd, "charter.sharing", args.sharing, RangeCheck::kLater);
  add_setting(cmd, "charter.max_dry_spell", args.max_dry_spell, RangeCheck::kLater);
  add_setting(cmd, "charter.max_deopt_share", args.max_deopt_share, RangeCheck::kLater);
  add_setting(cmd, "charter.perpetual_weighting", args.perpetual);
  add_setting(cmd, "charter.max_concurrent_leads", args.max_leads, RangeCheck::kLater);
}

int show_network(const ProgramFlags& flags) {
  return with_session_legacy(flags, [&](ProgramSession& session) {
    core::Result<program::Snapshot> snapshot = session.program().snapshot();
    if (!snapshot) {
      return report_error(snapshot.error());
    }
    const net::Charter& c = snapshot->charter;
    program::Report report{"network", {}, {}};
    report.summary = {
        {"name", program::ReportCell::of_text(c.name)},
        {"capacity", program::ReportCell::of_number(c.capacity)},
        {"rule", program::ReportCell::of_text(net::name_of(c.rule))},
        {"sharing", program::ReportCell::of_text(net::name_of(c.sharing))},
        {"max_dry_spell", program::ReportCell::of_integer(c.fairness.max_dry_spell)},
        {"max_deopt_share", program::ReportCell::of_number(c.fairness.max_deopt_share)},
        {"perpetual_weighting", program::ReportCell::of_text(c.fairness.perpetual_weighting ? "on" : "off")},
        {"max_concurrent_leads", program::ReportCell::of_integer(c.leadership.max_concurrent_leads)},
        {"ranking_rule", program::ReportCell::of_text(core::name_of(c.ranking_rule))},
        {"disclosure", program::ReportCell::of_text(net::name_of(c.disclosure))}};
    return print_report(report, flags);
  });
}

}  // namespace

void add_network_commands(CLI::App& command, Action& run) {
  auto* network = &command;
  auto args = std::make_shared<CharterArgs>();
  auto* init = network->add_subcommand("init", "Create the network with its charter in a new database");
  args->flags.add_change_output(*init);
  add_charter_flags(*init, *args, true);
  init->callback([&run, args] { run = [args] { return init_network(*args); }; });
  auto update_args = std::make_shared<CharterArgs>();
  auto* update = network->add_subcommand("update", "Change the charter (the flags given); from the next cycle on");
  update_args->flags.add_change_output(*update);
  add_charter_flags(*update, *update_args, false);
  update_args->command = update;
  update->callback([&run, update_args] { run = [update_args] { return update_network(*update_args); }; });
  auto show_flags = std::make_shared<ProgramFlags>();
  auto* show = network->add_subcommand("show", "Show the charter");
  show_flags->add_output(*show);
  show->callback([&run, show_flags] { run = [show_flags] { return show_network(*show_flags); }; });
}

}  // namespace covalue::cli
