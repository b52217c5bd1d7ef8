#pragma once

#include <CLI/CLI.hpp>

#include "command_output.hpp"
#include "commands.hpp"

// What each row of the command table adds: a leaf's options and handler (AddCommand), one function per
// leaf, in the file of its command family.
//
// Two binaries share the one command table (command_table.cpp). `covalue`, the front, links only the
// computing commands (pb, rank, perpetual, simulate lackner2020, and the docs tools settings and names),
// which need no store, CBC, libcurl or MPI, so that it starts in milliseconds; `covalue-full` links every
// command. The adders of the commands that only the full binary links are declared weak: in the front
// their rows hold no adder, and the front hands such a command line to the full binary (front/forward.hpp).
// A new command is declared weak unless its file is among the front's sources (apps/CMakeLists.txt): the
// front does not link otherwise, and the front's test fails if it ever loads a heavy library again.
namespace covalue::cli {

// program/network_commands.cpp
[[gnu::weak]] Handler add_network_init(CLI::App& command);
[[gnu::weak]] Handler add_network_update(CLI::App& command);
[[gnu::weak]] Handler add_network_show(CLI::App& command);
[[gnu::weak]] Handler add_network_list(CLI::App& command);

// program/archive_commands.cpp
[[gnu::weak]] Handler add_network_export(CLI::App& command);
[[gnu::weak]] Handler add_network_import(CLI::App& command);

// program/partner_commands.cpp
[[gnu::weak]] Handler add_partner_add(CLI::App& command);
[[gnu::weak]] Handler add_partner_leave(CLI::App& command);
[[gnu::weak]] Handler add_partner_list(CLI::App& command);
[[gnu::weak]] Handler add_objective_add(CLI::App& command);

// program/scorecard_commands.cpp
[[gnu::weak]] Handler add_scorecard_define(CLI::App& command);
[[gnu::weak]] Handler add_scorecard_score(CLI::App& command);
[[gnu::weak]] Handler add_scorecard_show(CLI::App& command);

// program/actuals_commands.cpp
[[gnu::weak]] Handler add_actuals_record(CLI::App& command);
[[gnu::weak]] Handler add_actuals_kpi(CLI::App& command);

// program/lead_commands.cpp: delivery by the lead
[[gnu::weak]] Handler add_initiative_update(CLI::App& command);
[[gnu::weak]] Handler add_milestone_add(CLI::App& command);
[[gnu::weak]] Handler add_milestone_edit(CLI::App& command);
[[gnu::weak]] Handler add_milestone_remove(CLI::App& command);
[[gnu::weak]] Handler add_initiative_status(CLI::App& command);
[[gnu::weak]] Handler add_initiative_realise(CLI::App& command);
[[gnu::weak]] Handler add_initiative_confirm(CLI::App& command);

// program/report_commands.cpp
[[gnu::weak]] Handler add_report_network(CLI::App& command);
[[gnu::weak]] Handler add_report_partner(CLI::App& command);
[[gnu::weak]] Handler add_report_fairness(CLI::App& command);
[[gnu::weak]] Handler add_report_engagement(CLI::App& command);
[[gnu::weak]] Handler add_report_cycle(CLI::App& command);
[[gnu::weak]] Handler add_report_kpi(CLI::App& command);

// demo/program_demo.cpp, serve_command.cpp
[[gnu::weak]] Handler add_demo(CLI::App& command);
[[gnu::weak]] Handler add_serve(CLI::App& command);

// program/person_commands.cpp
[[gnu::weak]] Handler add_person_add(CLI::App& command);
[[gnu::weak]] Handler add_person_list(CLI::App& command);
[[gnu::weak]] Handler add_person_remove(CLI::App& command);
[[gnu::weak]] Handler add_person_invite(CLI::App& command);
[[gnu::weak]] Handler add_person_sign_out(CLI::App& command);
[[gnu::weak]] Handler add_person_preferences(CLI::App& command);

// program/token_commands.cpp
[[gnu::weak]] Handler add_token_issue(CLI::App& command);
[[gnu::weak]] Handler add_token_list(CLI::App& command);
[[gnu::weak]] Handler add_token_revoke(CLI::App& command);

// program/audit_commands.cpp
[[gnu::weak]] Handler add_audit_list(CLI::App& command);
[[gnu::weak]] Handler add_audit_verify(CLI::App& command);

// setting_flags.cpp, names_command.cpp (hidden: tools for the docs and the web build)
Handler add_settings(CLI::App& command);
Handler add_names(CLI::App& command);

// pb/pb_commands.cpp, pb/demo_command.cpp
Handler add_pb_solve(CLI::App& command);
Handler add_pb_check(CLI::App& command);
Handler add_pb_verify(CLI::App& command);
Handler add_pb_demo(CLI::App& command);

// rank/rank_command.cpp
Handler add_rank(CLI::App& command);

// perpetual/perpetual_commands.cpp, simulate/simulate_run_command.cpp
Handler add_perpetual_replay(CLI::App& command);
Handler add_simulate_lackner2020(CLI::App& command);
[[gnu::weak]] Handler add_simulate_run(CLI::App& command);

// program/initiative_commands.cpp
[[gnu::weak]] Handler add_initiative_propose(CLI::App& command);
[[gnu::weak]] Handler add_initiative_list(CLI::App& command);
[[gnu::weak]] Handler add_initiative_show(CLI::App& command);
[[gnu::weak]] Handler add_initiative_withdraw(CLI::App& command);
[[gnu::weak]] Handler add_initiative_volunteer(CLI::App& command);
[[gnu::weak]] Handler add_initiative_stand_down(CLI::App& command);

// program/cycle_commands.cpp
[[gnu::weak]] Handler add_cycle_open(CLI::App& command);
[[gnu::weak]] Handler add_cycle_vote(CLI::App& command);
[[gnu::weak]] Handler add_cycle_close(CLI::App& command);
[[gnu::weak]] Handler add_cycle_review(CLI::App& command);
[[gnu::weak]] Handler add_cycle_shortlist(CLI::App& command);
[[gnu::weak]] Handler add_cycle_show(CLI::App& command);
[[gnu::weak]] Handler add_cycle_deadlines(CLI::App& command);
[[gnu::weak]] Handler add_scheduler_run_once(CLI::App& command);
[[gnu::weak]] Handler add_delivery_run_once(CLI::App& command);
[[gnu::weak]] Handler add_delivery_list(CLI::App& command);
[[gnu::weak]] Handler add_delivery_retry(CLI::App& command);
[[gnu::weak]] Handler add_webhook_add(CLI::App& command);
[[gnu::weak]] Handler add_webhook_list(CLI::App& command);
[[gnu::weak]] Handler add_webhook_remove(CLI::App& command);
[[gnu::weak]] Handler add_comment_list(CLI::App& command);
[[gnu::weak]] Handler add_comment_add(CLI::App& command);
[[gnu::weak]] Handler add_comment_hide(CLI::App& command);
// Charter proposals and coordination (issue 14 item 4).
[[gnu::weak]] Handler add_charter_propose(CLI::App& command);
[[gnu::weak]] Handler add_charter_revise(CLI::App& command);
[[gnu::weak]] Handler add_charter_position(CLI::App& command);
[[gnu::weak]] Handler add_charter_decide(CLI::App& command);
[[gnu::weak]] Handler add_charter_proposals(CLI::App& command);
[[gnu::weak]] Handler add_charter_willing(CLI::App& command);
[[gnu::weak]] Handler add_charter_coordination(CLI::App& command);
[[gnu::weak]] Handler add_charter_withdraw(CLI::App& command);
[[gnu::weak]] Handler add_charter_vote(CLI::App& command);
[[gnu::weak]] Handler add_charter_elections(CLI::App& command);
[[gnu::weak]] Handler add_charter_elect(CLI::App& command);
[[gnu::weak]] Handler add_ballot_cast(CLI::App& command);
[[gnu::weak]] Handler add_ballot_delegate(CLI::App& command);
[[gnu::weak]] Handler add_ballot_revoke(CLI::App& command);

}  // namespace covalue::cli
