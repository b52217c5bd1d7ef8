// `covalue network init|update|show`: the network and its charter.
#include <fmt/core.h>

#include <memory>

#include "command_handlers.hpp"
#include "covalue/core/text.hpp"
#include "program/change_output.hpp"
#include "program/program_args.hpp"
#include "program/program_session.hpp"
#include "setting_flags.hpp"

namespace covalue::cli {
namespace {

namespace net = core::network;
using program::ReportCell;

struct CharterArgs {
  ProgramFlags flags;
  std::string name;
  std::string capacity;  // the flags' values; their defaults are the settings table's charter.* rows
  net::SelectionRule rule{};
  net::SharingPolicy sharing{};
  std::int64_t max_dry_spell{0};
  std::string max_deopt_share;
  bool perpetual{false};
  core::perpetual::WeightPolicy weight_policy{};
  core::perpetual::WeightAbsence weight_absence{};
  std::int64_t max_leads{0};
  core::ranking::RankingRule ranking_rule{};
  net::BallotDisclosure disclosure{};
  net::DeadlineAction deadline_action{};
  std::string unit;
  std::string reminder_hours;
  std::int64_t close_turnout_warning{0};
  // Charter proposals and coordination (issue 14 item 4).
  net::AmendmentRule amendment_rule{};
  std::string amendment_majority;
  std::string amendment_window_hours;
  net::Coordination coordination{};
  std::int64_t coordination_term{0};
  // Ballot limits (issue 15 item 6).
  std::string score_max;
  std::string points_budget;
  CLI::App* command{nullptr};  //!< `network update`: to tell which flags were given
};

//! True when `flag` was given on the command line (always, for `network init`).
bool given(const CharterArgs& args, const char* flag) {
  return args.command == nullptr || args.command->count(flag) > 0;
}

//! Sets `field` to `value` when `flag` was given.
template <typename T>
void apply(const CharterArgs& args, const char* flag, T& field, const T& value) {
  if (given(args, flag)) {
    field = value;
  }
}

//! Sets `field` to the exact number of `flag` when it was given; the error names the flag.
core::Status apply_number(const CharterArgs& args, const char* flag, const std::string& text, core::Rational& field) {
  if (!given(args, flag)) {
    return {};
  }
  core::Result<core::Rational> value = parse_number(text, flag);
  if (!value) {
    return value.error();
  }
  field = *value;
  return {};
}

//! The charter the flags describe: for `network init` every flag (or its default), for `network update`
//! the current charter with the given flags applied.
core::Result<net::Charter> to_charter(const CharterArgs& args, net::Charter charter = {}) {
  apply(args, "--name", charter.name, args.name);
  if (core::Status capacity = apply_number(args, "--capacity", args.capacity, charter.capacity); !capacity) {
    return capacity.error();
  }
  if (core::Status share =
          apply_number(args, "--max-deopt-share", args.max_deopt_share, charter.fairness.max_deopt_share);
      !share) {
    return share.error();
  }
  apply(args, "--rule", charter.rule, args.rule);
  apply(args, "--sharing", charter.sharing, args.sharing);
  apply(args, "--ranking-rule", charter.ranking_rule, args.ranking_rule);
  apply(args, "--disclosure", charter.disclosure, args.disclosure);
  apply(args, "--deadline-action", charter.deadline_action, args.deadline_action);
  apply(args, "--max-dry-spell", charter.fairness.max_dry_spell, args.max_dry_spell);
  // --[no-]perpetual-weighting is the older form of --weight-policy (core::perpetual::older_form), which wins.
  const bool new_form = args.command == nullptr ? args.weight_policy != core::perpetual::WeightPolicy::kReset
                                                : given(args, "--weight-policy");
  if (new_form) {
    charter.fairness.weight_policy = args.weight_policy;
  } else if (given(args, "--no-perpetual-weighting") || given(args, "--perpetual-weighting")) {
    charter.fairness.weight_policy = core::perpetual::older_form(args.perpetual, charter.fairness.weight_policy);
  }
  apply(args, "--weight-absence", charter.fairness.weight_absence, args.weight_absence);
  apply(args, "--max-leads", charter.leadership.max_concurrent_leads, args.max_leads);
  apply(args, "--unit", charter.unit, args.unit);
  apply(args, "--reminder-hours", charter.reminder_hours, args.reminder_hours);
  apply(args, "--close-turnout-warning", charter.close_turnout_warning, args.close_turnout_warning);
  apply(args, "--amendment-rule", charter.amendment_rule, args.amendment_rule);
  if (core::Status majority =
          apply_number(args, "--amendment-majority", args.amendment_majority, charter.amendment_majority);
      !majority) {
    return majority.error();
  }
  if (core::Status window =
          apply_number(args, "--amendment-window-hours", args.amendment_window_hours, charter.amendment_window_hours);
      !window) {
    return window.error();
  }
  apply(args, "--coordination", charter.coordination, args.coordination);
  apply(args, "--coordination-term", charter.coordination_term, args.coordination_term);
  if (core::Status scale = apply_number(args, "--score-max", args.score_max, charter.score_max); !scale) {
    return scale.error();
  }
  if (core::Status budget = apply_number(args, "--points-budget", args.points_budget, charter.points_budget); !budget) {
    return budget.error();
  }
  if (core::Status valid = charter.validate(); !valid) {
    return valid.error();
  }
  return charter;
}

std::shared_ptr<CharterArgs> add_charter_flags(CLI::App& cmd, bool init) {
  auto args = std::make_shared<CharterArgs>();
  args->flags.add_change_output(cmd);
  auto* name = cmd.add_option("--name", args->name, "the network's name");
  if (init) {
    name->required();
  } else {
    args->command = &cmd;
  }
  add_setting(cmd, "charter.capacity", args->capacity, RangeCheck::kLater);
  add_setting(cmd, "charter.rule", args->rule);
  add_setting(cmd, "charter.ranking_rule", args->ranking_rule);
  add_setting(cmd, "charter.disclosure", args->disclosure);
  add_setting(cmd, "charter.sharing", args->sharing);
  add_setting(cmd, "charter.max_dry_spell", args->max_dry_spell, RangeCheck::kLater);
  add_setting(cmd, "charter.max_deopt_share", args->max_deopt_share, RangeCheck::kLater);
  add_setting(cmd, "charter.perpetual_weighting", args->perpetual);
  add_setting(cmd, "charter.weight_policy", args->weight_policy);
  add_setting(cmd, "charter.weight_absence", args->weight_absence);
  add_setting(cmd, "charter.max_concurrent_leads", args->max_leads, RangeCheck::kLater);
  add_setting(cmd, "charter.deadline_action", args->deadline_action);
  add_setting(cmd, "charter.unit", args->unit);
  add_setting(cmd, "charter.reminder_hours", args->reminder_hours);
  add_setting(cmd, "charter.close_turnout_warning", args->close_turnout_warning, RangeCheck::kLater);
  add_setting(cmd, "charter.amendment_rule", args->amendment_rule);
  add_setting(cmd, "charter.amendment_majority", args->amendment_majority, RangeCheck::kLater);
  add_setting(cmd, "charter.amendment_window_hours", args->amendment_window_hours, RangeCheck::kLater);
  add_setting(cmd, "charter.coordination", args->coordination);
  add_setting(cmd, "charter.coordination_term", args->coordination_term, RangeCheck::kLater);
  add_setting(cmd, "charter.score_max", args->score_max, RangeCheck::kLater);
  add_setting(cmd, "charter.points_budget", args->points_budget, RangeCheck::kLater);
  return args;
}

}  // namespace

Handler add_network_init(CLI::App& command) {
  std::shared_ptr<CharterArgs> args = add_charter_flags(command, true);
  args->flags.new_network = true;
  return [args]() -> core::Result<Output> {
    core::Result<net::Charter> charter = to_charter(*args);
    if (!charter) {
      return charter.error();
    }
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      if (core::Status status = session.program().init_network(*charter); !status) {
        return status.error();
      }
      return args->flags.change(
          {"network",
           fmt::format("network '{}' created in {}: capacity {} per cycle, rule {}, sharing {}, k = {}\n",
                       core::terminal_safe(charter->name), args->flags.db, core::to_decimal_string(charter->capacity),
                       net::name_of(charter->rule), net::name_of(charter->sharing), charter->fairness.max_dry_spell),
           charter_fields(*charter)});
    });
  };
}

Handler add_network_update(CLI::App& command) {
  std::shared_ptr<CharterArgs> args = add_charter_flags(command, false);
  return [args] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<net::Charter> current = session.program().queries().network();
      if (!current) {
        return current.error();
      }
      core::Result<net::Charter> charter = to_charter(*args, *current);
      if (!charter) {
        return charter.error();
      }
      if (core::Status status = session.program().update_charter(*charter); !status) {
        return status.error();
      }
      return args->flags.change({"network",
                                 fmt::format("charter of '{}' updated: it applies from the next cycle opened\n",
                                             core::terminal_safe(charter->name)),
                                 charter_fields(*charter)});
    });
  };
}

//! The charter's weights as `network show` prints them: `perpetual_weighting` on or off while the older
//! form says it all (reset or none, absence ignore: every charter made before the weight policies prints
//! as it did), else `weight_policy` and `weight_absence`.
std::vector<std::pair<std::string, ReportCell>> weight_fields(const net::FairnessPolicy& fairness) {
  using core::perpetual::WeightPolicy;
  const bool old_form =
      (fairness.weight_policy == WeightPolicy::kReset || fairness.weight_policy == WeightPolicy::kNone) &&
      fairness.weight_absence == core::perpetual::WeightAbsence::kIgnore;
  if (old_form) {
    return {
        {"perpetual_weighting", ReportCell::of_text(fairness.weight_policy == WeightPolicy::kReset ? "on" : "off")}};
  }
  return {{"weight_policy", ReportCell::of_text(core::name_of(fairness.weight_policy))},
          {"weight_absence", ReportCell::of_text(core::name_of(fairness.weight_absence))}};
}

Handler add_network_show(CLI::App& command) {
  auto flags = std::make_shared<ProgramFlags>();
  flags->add_output(command);
  return [flags] {
    return with_session(*flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<net::Charter> charter = session.program().queries().network();
      if (!charter) {
        return charter.error();
      }
      const net::Charter& c = *charter;
      program::Report report{"network", charter_fields(c), {}};
      report.summary.push_back({"max_deopt_share", ReportCell::of_number(c.fairness.max_deopt_share)});
      const auto weights = weight_fields(c.fairness);
      report.summary.insert(report.summary.end(), weights.begin(), weights.end());
      report.summary.insert(report.summary.end(),
                            {{"max_concurrent_leads", ReportCell::of_integer(c.leadership.max_concurrent_leads)},
                             {"ranking_rule", ReportCell::of_text(core::name_of(c.ranking_rule))},
                             {"disclosure", ReportCell::of_text(net::name_of(c.disclosure))},
                             {"score_max", ReportCell::of_number(c.score_max)},
                             {"points_budget", ReportCell::of_number(c.points_budget)}});
      // Shown once they differ from the default, so that an older network shows as it did.
      if (c.deadline_action != net::DeadlineAction::kRemind) {
        report.summary.emplace_back("deadline_action", ReportCell::of_text(net::name_of(c.deadline_action)));
      }
      if (c.unit != core::settings::text_default("charter.unit")) {
        report.summary.emplace_back("unit", ReportCell::of_text(c.unit));
      }
      if (c.reminder_hours != core::settings::text_default("charter.reminder_hours")) {
        report.summary.emplace_back("reminder_hours", ReportCell::of_text(c.reminder_hours));
      }
      if (c.close_turnout_warning != core::settings::integer_default("charter.close_turnout_warning")) {
        report.summary.emplace_back("close_turnout_warning", ReportCell::of_integer(c.close_turnout_warning));
      }
      if (c.amendment_rule != net::AmendmentRule::kCoordinator) {
        report.summary.emplace_back("amendment_rule", ReportCell::of_text(net::name_of(c.amendment_rule)));
        report.summary.emplace_back("amendment_window_hours", ReportCell::of_number(c.amendment_window_hours));
      }
      if (c.amendment_rule == net::AmendmentRule::kMajority) {
        report.summary.emplace_back("amendment_majority", ReportCell::of_number(c.amendment_majority));
      }
      if (c.coordination != net::Coordination::kFixed) {
        report.summary.emplace_back("coordination", ReportCell::of_text(net::name_of(c.coordination)));
        report.summary.emplace_back("coordination_term", ReportCell::of_integer(c.coordination_term));
      }
      return flags->report(std::move(report));
    });
  };
}

// Charter proposals (issue 14 item 4): `charter propose|revise` take the charter flags of `network update`.
namespace {

//! The flags of `charter propose` and `charter revise`: the charter's, a rationale and (revise) the proposal's id.
struct ProposalArgs {
  std::shared_ptr<CharterArgs> charter;
  std::string rationale;
  std::string id;
};

//! Proposes (no id) or revises the proposal `args.id`: the current charter with the given flags applied.
core::Result<Output> run_proposal(const ProposalArgs& args, bool revise) {
  return with_session(args.charter->flags, [&](ProgramSession& session) -> core::Result<Output> {
    core::Result<std::int64_t> id = revise ? parse_id(args.id, "ID") : core::Result<std::int64_t>(0);
    if (!id) {
      return id.error();
    }
    core::Result<net::Charter> current = session.program().queries().network();
    if (!current) {
      return current.error();
    }
    core::Result<net::Charter> proposed = to_charter(*args.charter, *current);
    if (!proposed) {
      return proposed.error();
    }
    core::Result<program::CharterProposal> stored =
        revise ? session.program().revise_charter_proposal(*id, *proposed, args.rationale)
               : session.program().propose_charter_change(*proposed, args.rationale);
    if (!stored) {
      return stored.error();
    }
    std::string fields;
    for (const std::string& field : stored->fields) {
      fields += (fields.empty() ? "" : ", ") + field;
    }
    return args.charter->flags.change(
        {"charter_proposal",
         fmt::format("charter proposal {} {} (revision {}): {}; partners take positions until {}\n", stored->id,
                     revise ? "revised" : "opened", stored->revision, fields, stored->window_ends_at),
         {{"id", ReportCell::of_integer(stored->id)},
          {"revision", ReportCell::of_integer(stored->revision)},
          {"fields", ReportCell::of_text(fields)},
          {"window_ends_at", ReportCell::of_text(stored->window_ends_at)}}});
  });
}

Handler add_proposal_command(CLI::App& command, bool revise) {
  auto args = std::make_shared<ProposalArgs>();
  args->charter = add_charter_flags(command, false);
  if (revise) {
    command.add_option("ID", args->id, "the open proposal's id")->required();
  }
  command.add_option("--rationale", args->rationale, "why the charter should change (required)")->required();
  return [args, revise] { return run_proposal(*args, revise); };
}

}  // namespace

Handler add_charter_propose(CLI::App& command) { return add_proposal_command(command, false); }

Handler add_charter_revise(CLI::App& command) { return add_proposal_command(command, true); }

Handler add_network_list(CLI::App& command) {
  static const std::vector<program::ReportColumn<program::NetworkInfo>> columns = {
      {"id", "Id", [](const program::NetworkInfo& n) { return ReportCell::of_integer(n.id); }},
      {"name", "Name", [](const program::NetworkInfo& n) { return ReportCell::of_text(n.name); }},
  };
  return add_list_leaf<program::NetworkInfo>(
      command, "networks", "Networks", columns, [](ProgramSession& session) { return session.store().networks(); },
      true);
}

}  // namespace covalue::cli
