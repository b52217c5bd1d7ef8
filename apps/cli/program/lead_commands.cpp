// `covalue initiative update|milestone|status|realise|confirm|delivery`: delivery by the lead (issue 14 item 3).
#include <fmt/core.h>

#include <memory>
#include <tuple>
#include <utility>

#include "command_handlers.hpp"
#include "program/program_args.hpp"
#include "program/program_session.hpp"

// Drafts name only the members they set (the others keep their defaults), which GCC's -Wextra reports.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
namespace covalue::cli {
namespace {

namespace net = core::network;
using program::ReportCell;

//! The flags every delivery command takes: the database and output, and the initiative.
struct LeadArgs {
  ProgramFlags flags;
  std::int64_t initiative{0};
};

std::shared_ptr<LeadArgs> lead_args(CLI::App& command) {
  auto args = std::make_shared<LeadArgs>();
  args->flags.add_change_output(command);
  command.add_option("--initiative", args->initiative, "the selected initiative's id")->required();
  return args;
}

//! An exact number from a flag that may be left out (empty: none); the error names the flag.
core::Result<std::optional<core::Rational>> optional_number(const std::string& text, const std::string& flag) {
  if (text.empty()) {
    return std::optional<core::Rational>();
  }
  core::Result<core::Rational> value = parse_number(text, flag);
  if (!value) {
    return value.error();
  }
  return std::optional<core::Rational>(*value);
}

Change milestone_change(const char* verb, const program::Milestone& milestone) {
  return {"milestone",
          fmt::format("{}: milestone {} \"{}\" of initiative {}, due {}{}\n", verb, milestone.id, milestone.title,
                      milestone.initiative, milestone.due_date, milestone.done ? " (done)" : ""),
          {{"milestone", ReportCell::of_integer(milestone.id)},
           {"initiative", ReportCell::of_integer(milestone.initiative)},
           {"title", ReportCell::of_text(milestone.title)},
           {"due_date", ReportCell::of_text(milestone.due_date)},
           {"done", ReportCell::of_text(milestone.done ? "true" : "false")}}};
}

std::string amount_text(const std::optional<core::Rational>& value) {
  return value ? core::to_decimal_string(*value) : std::string("-");
}

}  // namespace

Handler add_initiative_update(CLI::App& command) {
  auto args = lead_args(command);
  auto text = std::make_shared<std::string>();
  command.add_option("--text", *text, "what happened, in plain text")->required();
  return [args, text] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<program::InitiativeUpdate> posted = session.program().post_update(args->initiative, *text);
      if (!posted) {
        return posted.error();
      }
      return args->flags.change(
          {"update",
           fmt::format("posted: update {} on initiative {}\n", posted->id, args->initiative),
           {{"update", ReportCell::of_integer(posted->id)}, {"initiative", ReportCell::of_integer(args->initiative)}}});
    });
  };
}

Handler add_milestone_add(CLI::App& command) {
  auto args = lead_args(command);
  auto title = std::make_shared<std::string>();
  auto due = std::make_shared<std::string>();
  command.add_option("--title", *title, "what is to be reached")->required();
  command.add_option("--due", *due, "the due date, YYYY-MM-DD")->required();
  return [args, title, due] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<program::Milestone> added = session.program().add_milestone(args->initiative, *title, *due);
      if (!added) {
        return added.error();
      }
      return args->flags.change(milestone_change("added", *added));
    });
  };
}

Handler add_milestone_edit(CLI::App& command) {
  auto args = lead_args(command);
  struct Edit {
    std::int64_t milestone{0};
    std::string title;
    std::string due;
    bool done{false};
    bool open{false};
  };
  auto edit = std::make_shared<Edit>();
  command.add_option("--milestone", edit->milestone, "the milestone's id")->required();
  command.add_option("--title", edit->title, "a new title");
  command.add_option("--due", edit->due, "a new due date, YYYY-MM-DD");
  command.add_flag("--done", edit->done, "mark it done");
  command.add_flag("--open", edit->open, "mark it open again");
  return [args, edit]() -> core::Result<Output> {
    if (edit->done && edit->open) {
      return core::make_error(core::ErrorKind::kInvalidInput, "give --done or --open, not both", "--open");
    }
    program::MilestoneChange change;
    change.title = edit->title.empty() ? std::nullopt : std::optional(edit->title);
    change.due_date = edit->due.empty() ? std::nullopt : std::optional(edit->due);
    change.done = edit->done ? std::optional(true) : edit->open ? std::optional(false) : std::nullopt;
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<program::Milestone> changed =
          session.program().change_milestone(args->initiative, edit->milestone, change);
      if (!changed) {
        return changed.error();
      }
      return args->flags.change(milestone_change("changed", *changed));
    });
  };
}

Handler add_milestone_remove(CLI::App& command) {
  auto args = lead_args(command);
  auto milestone = std::make_shared<std::int64_t>(0);
  command.add_option("--milestone", *milestone, "the milestone's id")->required();
  return [args, milestone] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<program::Milestone> removed = session.program().remove_milestone(args->initiative, *milestone);
      if (!removed) {
        return removed.error();
      }
      return args->flags.change(milestone_change("removed", *removed));
    });
  };
}

Handler add_initiative_status(CLI::App& command) {
  auto args = lead_args(command);
  auto status = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  command.add_option("--status", *status, "in_progress, blocked or delivered")->required();
  command.add_option("--reason", *reason, "why it is blocked (required for blocked)");
  return [args, status, reason]() -> core::Result<Output> {
    core::Result<net::InitiativeStatus> parsed = core::parse_name<net::InitiativeStatus>(*status);
    if (!parsed) {
      return core::make_error(core::ErrorKind::kInvalidInput, parsed.error().message, "--status");
    }
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<net::Initiative> moved = session.program().set_delivery_status(args->initiative, *parsed, *reason);
      if (!moved) {
        return moved.error();
      }
      return args->flags.change({"initiative",
                                 fmt::format("initiative {} is now {}\n", moved->id, net::name_of(moved->status)),
                                 {{"initiative", ReportCell::of_integer(moved->id)},
                                  {"status", ReportCell::of_text(std::string(net::name_of(moved->status)))}}});
    });
  };
}

Handler add_initiative_realise(CLI::App& command) {
  auto args = lead_args(command);
  struct Amounts {
    std::string partner;
    std::string target;
    std::string forecast;
    std::string actual;
  };
  auto amounts = std::make_shared<Amounts>();
  command.add_option("--partner", amounts->partner, "the partner it realised value for (id or name)")->required();
  command.add_option("--target", amounts->target, "the value aimed for");
  command.add_option("--forecast", amounts->forecast, "the latest forecast");
  command.add_option("--actual", amounts->actual, "the value realised (counts once a coordinator confirms it)");
  return [args, amounts] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<net::PartnerId> partner =
          resolve_partner(session.program().queries(), amounts->partner, "--partner");
      if (!partner) {
        return partner.error();
      }
      program::LeadRealisedValue value{.initiative = args->initiative, .partner = *partner};
      for (const auto& [member, text, flag] : {std::tuple{&value.target, &amounts->target, "--target"},
                                               std::tuple{&value.forecast, &amounts->forecast, "--forecast"},
                                               std::tuple{&value.actual, &amounts->actual, "--actual"}}) {
        core::Result<std::optional<core::Rational>> amount = optional_number(*text, flag);
        if (!amount) {
          return amount.error();
        }
        *member = *amount;
      }
      core::Result<program::LeadRealisedValue> recorded = session.program().record_lead_value(value);
      if (!recorded) {
        return recorded.error();
      }
      return args->flags.change(
          {"realised_value",
           fmt::format("recorded{}: initiative {} for {}: target {}, forecast {}, actual {}\n",
                       recorded->confirmed ? " and confirmed" : " (awaiting a coordinator's confirmation)",
                       recorded->initiative, amounts->partner, amount_text(recorded->target),
                       amount_text(recorded->forecast), amount_text(recorded->actual)),
           {{"initiative", ReportCell::of_integer(recorded->initiative)},
            {"partner", ReportCell::of_integer(recorded->partner)},
            {"cycle", ReportCell::of_integer(recorded->cycle)},
            {"confirmed", ReportCell::of_text(recorded->confirmed ? "true" : "false")}}});
    });
  };
}

Handler add_initiative_confirm(CLI::App& command) {
  auto args = lead_args(command);
  auto partner = std::make_shared<std::string>();
  command.add_option("--partner", *partner, "only this partner's value (id or name); default: every one");
  return [args, partner] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<std::optional<net::PartnerId>> only =
          resolve_optional_partner(session.program().queries(), *partner, "--partner");
      if (!only) {
        return only.error();
      }
      core::Result<std::vector<program::LeadRealisedValue>> confirmed =
          session.program().confirm_lead_values(args->initiative, *only);
      if (!confirmed) {
        return confirmed.error();
      }
      core::Rational total;
      for (const program::LeadRealisedValue& value : *confirmed) {
        total += value.actual.value_or(core::Rational(0));
      }
      return args->flags.change(
          {"confirmation",
           fmt::format("confirmed: {} actuals of initiative {}, {} in all; they count in the reports now\n",
                       confirmed->size(), args->initiative, core::to_decimal_string(total)),
           {{"initiative", ReportCell::of_integer(args->initiative)},
            {"confirmed", ReportCell::of_integer(static_cast<std::int64_t>(confirmed->size()))},
            {"actual", ReportCell::of_number(total)}}});
    });
  };
}

}  // namespace covalue::cli
