// The CLI's command table: every command's path, summary and what adds its options and handler,
// registered by one loop (the counterpart of apps/server/route_table.cpp).
#include "command_table.hpp"

#include <fmt/core.h>
#include <gmp.h>

#include <algorithm>
#include <array>
#include <string>

#include "command_handlers.hpp"
#include "program/report_format.hpp"

namespace covalue::cli {

const std::vector<CommandRow>& command_table() {
  static const std::vector<CommandRow> table = {
      {{"pb"}, "Participatory-budgeting elections in the Pabulib .pb format"},
      {{"pb", "solve"}, "Select projects with a budgeting rule", add_pb_solve},
      {{"pb", "check"}, "Parse a .pb file and check it against its own META constraints", add_pb_check},
      {{"pb", "verify"}, "Re-check an outcome (from `pb solve --format json`) independently", add_pb_verify},
      {{"pb", "demo"}, "Solve a bundled improvement cycle with every rule, side by side", add_pb_demo},
      {{"rank"}, "Consensus ranking of a PrefLib election (.soc, .soi, .toc, .toi)", add_rank},
      {{"perpetual"}, "Perpetual voting rules (Lackner 2020) on histories of approval rounds"},
      {{"perpetual", "replay"},
       "Decide each history of a JSON-lines file with its rule; print winners and per-voter state",
       add_perpetual_replay},
      {{"simulate"}, "Simulations"},
      {{"simulate", "lackner2020"},
       "The AAAI 2020 perpetual-voting experiment: every rule's quota compliance, satisfaction, Gini",
       add_simulate_lackner2020},
      {{"simulate", "run"},
       "Simulated networks under each policy through decide_cycle: retention, value, fairness, with intervals",
       add_simulate_run},
      {{"network"}, "Create, show, export and import the network"},
      {{"network", "init"}, "Create the network with its charter in a new database", add_network_init},
      {{"network", "update"}, "Change the charter (the flags given); from the next cycle on", add_network_update},
      {{"network", "show"}, "Show the charter", add_network_show},
      {{"network", "list"}, "List the networks of the database", add_network_list},
      {{"network", "export"}, "Write the whole network to one JSON archive (docs/archive.md)", add_network_export},
      {{"network", "import"}, "Load a network archive into the database as a new network", add_network_import},
      {{"partner"}, "Add, list and retire partners"},
      {{"partner", "add"}, "Add a partner to the network", add_partner_add},
      {{"partner", "leave"}, "A partner leaves the network", add_partner_leave},
      {{"partner", "list"}, "List the partners", add_partner_list},
      {{"person"}, "Add, list and remove the people who act for partners or for the network; let them sign in"},
      {{"person", "add"}, "Add a person: name, e-mail address, role, partner, time zone, language", add_person_add},
      {{"person", "list"}, "List the people (e-mail addresses only of one's own partner's)", add_person_list},
      {{"person", "remove"}, "Remove a person and revoke its tokens and sessions", add_person_remove},
      {{"person", "invite"},
       "Make a one-time link with which a person sets (or resets) its password",
       add_person_invite},
      {{"person", "sign-out"}, "End every browser session of a person", add_person_sign_out},
      {{"person", "preferences"},
       "Show or set a person's e-mail per kind of event: immediately, daily, weekly or never",
       add_person_preferences},
      {{"objective"}, "State a partner's objectives (KPIs with targets)"},
      {{"objective", "add"}, "Add an objective: a KPI moving from a baseline to a target", add_objective_add},
      {{"scorecard"}, "Define the scorecard, score initiatives, show the ranking"},
      {{"scorecard", "define"}, "Define (or replace) the network's scorecard", add_scorecard_define},
      {{"scorecard", "score"}, "A partner scores an undecided initiative", add_scorecard_score},
      {{"scorecard", "show"}, "The criteria and the undecided initiatives ranked by them", add_scorecard_show},
      {{"initiative"}, "Propose, list, show and withdraw initiatives; offers to lead"},
      {{"initiative", "propose"},
       "Propose an initiative with its estimated impact per partner",
       add_initiative_propose},
      {{"initiative", "list"}, "List initiatives", add_initiative_list},
      {{"initiative", "show"}, "Show one initiative", add_initiative_show},
      {{"initiative", "withdraw"},
       "Withdraw an undecided initiative (during voting: with a reason)",
       add_initiative_withdraw},
      {{"initiative", "volunteer"}, "A partner volunteers to lead an undecided initiative", add_initiative_volunteer},
      {{"initiative", "stand-down"},
       "A partner withdraws its offer to lead, or declines a nomination",
       add_initiative_stand_down},
      {{"cycle"}, "Open, vote, close, review and show cycles"},
      {{"cycle", "open"}, "Open the next cycle for proposals", add_cycle_open},
      {{"cycle", "vote"}, "Move the current (or given) cycle from proposing to voting", add_cycle_vote},
      {{"cycle", "close"}, "Close a voting cycle: select, share, assign leads; prints the outcome", add_cycle_close},
      {{"cycle", "review"}, "Mark a closed cycle reviewed once its actuals are in", add_cycle_review},
      {{"cycle", "shortlist"},
       "Keep the scorecard's top initiatives on a proposing cycle's ballot; the rest wait",
       add_cycle_shortlist},
      {{"cycle", "show"}, "Show a cycle and its outcome", add_cycle_show},
      {{"cycle", "deadlines"},
       "Set or remove when an open cycle's proposals and voting close (UTC)",
       add_cycle_deadlines},
      {{"scheduler"}, "Act on cycles whose deadline has passed (serve does it by itself)"},
      {{"scheduler", "run-once"},
       "One pass over every network's deadlines: move cycles (charter: auto) or report them due (remind)",
       add_scheduler_run_once},
      {{"ballot"}, "Cast ballots"},
      {{"ballot", "cast"},
       "Cast or re-cast a partner's ballot in a voting cycle (the last counts); --for: as another partner's proxy",
       add_ballot_cast},
      {{"ballot", "delegate"},
       "A partner hands its ballot for one cycle to another member partner, its proxy (until the close)",
       add_ballot_delegate},
      {{"ballot", "revoke"},
       "A partner takes back the ballot it delegated (a ballot its proxy cast goes)",
       add_ballot_revoke},
      {{"actuals"}, "Record what initiatives really achieved"},
      {{"actuals", "record"}, "Record an initiative's realised value for one partner", add_actuals_record},
      {{"actuals", "kpi"}, "Record an objective's KPI value at the end of a cycle", add_actuals_kpi},
      {{"report"}, "Reports on the network, its partners, fairness and engagement"},
      {{"report", "network"}, "Network value per cycle: estimated, realised, cumulative", add_report_network},
      {{"report", "partner"},
       "Per partner: cumulative net value, dry spells, shares of de-optimisation and leadership",
       add_report_partner},
      {{"report", "fairness"},
       "Fairness indices: Gini of net value and leadership, dry spells against k",
       add_report_fairness},
      {{"report", "engagement"},
       "Participation per partner and retention risk with its reasons",
       add_report_engagement},
      {{"report", "cycle"},
       "One cycle's outcome: decisions and reasons, transfers, leads, certificate",
       add_report_cycle},
      {{"report", "kpi"}, "KPI progress of every objective", add_report_kpi},
      {{"demo"}, "Build a demo partner network (8 cycles) and show its reports", add_demo},
      {{"serve"}, "Serve the HTTP API (/api) and the web UI", add_serve},
      {{"delivery"}, "The outbox: send what is due, list deliveries (the dead letters), retry one"},
      {{"delivery", "run-once"},
       "One pass of the delivery worker over every network (serve runs it by itself)",
       add_delivery_run_once},
      {{"delivery", "list"}, "List deliveries (--state dead: the ones given up)", add_delivery_list},
      {{"delivery", "retry"}, "Try a dead delivery again", add_delivery_retry},
      {{"webhook"}, "Add, list and remove the URLs a network's events are POSTed to"},
      {{"webhook", "add"}, "Add a webhook: URL, secret file, format, the kinds of events", add_webhook_add},
      {{"webhook", "list"}, "List the webhooks (never their secrets)", add_webhook_list},
      {{"webhook", "remove"}, "Remove a webhook", add_webhook_remove},
      {{"comment"}, "Read a thread, post in it as the operator, hide a comment (people discuss in the web UI)"},
      {{"comment", "list"}, "The comments on an initiative, a cycle or a charter proposal", add_comment_list},
      {{"comment", "add"}, "Post a comment (or a reply) as the operator", add_comment_add},
      {{"comment", "hide"}, "Hide a comment with a reason (audited)", add_comment_hide},
      {{"token"}, "Issue, list and revoke the HTTP API's bearer tokens"},
      {{"token", "issue"}, "Issue a token; prints its secret once", add_token_issue},
      {{"token", "list"}, "List the tokens (never their secrets)", add_token_list},
      {{"token", "revoke"}, "Revoke a token", add_token_revoke},
      {{"audit"}, "Read and verify the audit log"},
      {{"audit", "list"}, "List audit entries", add_audit_list},
      {{"audit", "verify"}, "Re-check the hash chain; exit 1 at the first broken link", add_audit_verify},
      {{"settings"}, "Print the settings table (docs/settings.md)", add_settings, true},
      {{"names"}, "Print the web UI's enum names as a TypeScript module", add_names, true},
      // Charter proposals and coordination (issue 14 item 4).
      {{"charter"}, "Propose charter changes, take positions, decide them; the coordination rotation"},
      {{"charter", "propose"},
       "Propose a charter change (the network update flags given) with a rationale; partners decide it",
       add_charter_propose},
      {{"charter", "revise"},
       "Revise an open proposal: its window starts again, positions are cleared",
       add_charter_revise},
      {{"charter", "position"},
       "A partner agrees, abstains or objects (with a reason) to an open proposal",
       add_charter_position},
      {{"charter", "decide"},
       "Decide a proposal whose window has ended (the scheduler does it too)",
       add_charter_decide},
      {{"charter", "proposals"}, "List the charter proposals with their positions and results", add_charter_proposals},
      {{"charter", "willing"}, "A partner opts in (or --off out) of the coordination rotation", add_charter_willing},
      {{"charter", "coordination"}, "Who coordinates now, and the partners willing to", add_charter_coordination},
      // Delivery by the lead (issue 14 item 3): the lead's representatives (or a coordinator) report on a
      // selected initiative.
      {{"initiative", "update"}, "The lead posts a progress update on a selected initiative", add_initiative_update},
      {{"initiative", "milestone"}, "The lead keeps a selected initiative's milestones"},
      {{"initiative", "milestone", "add"}, "Add a milestone: a title and a due date", add_milestone_add},
      {{"initiative", "milestone", "edit"},
       "Change a milestone's title or due date, or mark it done or open",
       add_milestone_edit},
      {{"initiative", "milestone", "remove"}, "Remove a milestone", add_milestone_remove},
      {{"initiative", "status"},
       "Move a selected initiative's delivery: in_progress, blocked (with a reason) or delivered",
       add_initiative_status},
      {{"initiative", "realise"},
       "The lead records target, forecast or actual for a partner (a coordinator's counts at once)",
       add_initiative_realise},
      {{"initiative", "confirm"},
       "A coordinator confirms the lead's actuals: from then on they count in the reports",
       add_initiative_confirm},
      // Charter withdrawal and the coordinator election (issue 14, what remained).
      {{"charter", "withdraw"},
       "Withdraw an open charter proposal (its proposer or a coordinator)",
       add_charter_withdraw},
      {{"charter", "vote"}, "A partner votes for a willing partner in the open coordinator election", add_charter_vote},
      {{"charter", "elections"}, "List the coordinator elections with their votes and results", add_charter_elections},
      {{"charter", "elect"},
       "Decide a coordinator election whose window has ended (the scheduler does it too)",
       add_charter_elect},
  };
  return table;
}

namespace {

//! Families of commands that only compute (no TLS connection, so no secrets in GMP numbers).
constexpr std::array<std::string_view, 4> kComputingFamilies{"pb", "rank", "perpetual", "simulate"};

//! GnuTLS, linked for libcurl's mail and webhooks, replaces GMP's free and realloc in its library
//! constructor with ones that zero the memory first: about a tenth of `pb solve`'s instructions on a
//! large election. A computing command gives GMP its own functions back (both free into malloc). Only
//! covalue-full loads GnuTLS: there this matters for `simulate run` (and any computing command run by that
//! binary directly); in the front, which runs the others, GMP's functions are already its own.
void use_gmp_default_memory() { mp_set_memory_functions(nullptr, nullptr, nullptr); }

}  // namespace

void register_commands(CLI::App& app, Handler& run, std::string_view family) {
  for (const CommandRow& row : command_table()) {
    if (!family.empty() && row.path.front() != family) {
      continue;
    }
    CLI::App* parent = &app;
    for (std::size_t i = 0; i + 1 < row.path.size(); ++i) {
      parent = parent->get_subcommand(std::string(row.path[i]));  // an earlier row (kept in order by a test)
    }
    CLI::App* command = parent->add_subcommand(std::string(row.path.back()), std::string(row.summary));
    if (row.hidden) {
      command->group("");
    }
    if (row.add == nullptr) {
      command->require_subcommand(1);
    } else {
      Handler handler = row.add(*command);
      const bool computing =
          std::find(kComputingFamilies.begin(), kComputingFamilies.end(), row.path.front()) != kComputingFamilies.end();
      command->callback([&run, handler, computing] {
        if (computing) {
          use_gmp_default_memory();
        }
        run = handler;
      });
    }
  }
}

namespace {

int print_change(const Change& change, const std::string& format) {
  if (format == "table") {
    fmt::print("{}", change.sentence);
    return kExitOk;
  }
  program::Report report{change.name, {}, {}};
  if (format == "json") {
    report.summary = change.fields;
  } else {
    program::ReportTable table{change.name, change.name, {}, {}, {}};
    table.rows.emplace_back();
    for (const auto& [key, cell] : change.fields) {
      table.columns.push_back(key);
      table.rows.back().push_back(cell);
    }
    report.tables.push_back(std::move(table));
  }
  core::Result<std::string> text = format_report(report, format, "");
  if (!text) {
    return report_error(text.error());
  }
  fmt::print("{}", *text);
  return kExitOk;
}

}  // namespace

int print_output(const core::Result<Output>& output) {
  if (!output) {
    return report_error(output.error());
  }
  if (!output->note.empty()) {
    fmt::print(stderr, "{}", output->note);
  }
  switch (output->kind) {
    case Output::Kind::kText:
      fmt::print("{}", output->text);
      if (output->failed) {
        return report_error(*output->failed);
      }
      break;
    case Output::Kind::kReport: {
      core::Result<std::string> text = format_report(output->report, output->format, output->table);
      if (!text) {
        return report_error(text.error());
      }
      fmt::print("{}", *text);
      break;
    }
    case Output::Kind::kChange: {
      const int code = print_change(output->change, output->format);
      if (code != kExitOk) {
        return code;
      }
      break;
    }
  }
  return output->exit_code;
}

}  // namespace covalue::cli
