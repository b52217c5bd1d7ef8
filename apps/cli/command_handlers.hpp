#pragma once

#include <CLI/CLI.hpp>

#include "command_output.hpp"
#include "commands.hpp"

// What each row of the command table adds: a leaf's options and handler (AddCommand), one function per
// leaf, in the file of its command family.
namespace covalue::cli {

// TRANSITION (issue 11): families not yet split into leaf rows.
void add_pb_commands(CLI::App& command, Action& run);          //!< pb/pb_commands.cpp
void add_pb_demo_command(CLI::App& command, Action& run);      //!< pb/demo_command.cpp
void add_rank_command(CLI::App& command, Action& run);         //!< rank/rank_command.cpp
void add_initiative_commands(CLI::App& command, Action& run);  //!< program/initiative_commands.cpp
void add_cycle_commands(CLI::App& command, Action& run);       //!< program/cycle_commands.cpp
void add_ballot_commands(CLI::App& command, Action& run);      //!< program/cycle_commands.cpp

// program/network_commands.cpp
Handler add_network_init(CLI::App& command);
Handler add_network_update(CLI::App& command);
Handler add_network_show(CLI::App& command);

// program/partner_commands.cpp
Handler add_partner_add(CLI::App& command);
Handler add_partner_leave(CLI::App& command);
Handler add_partner_list(CLI::App& command);
Handler add_objective_add(CLI::App& command);

// program/scorecard_commands.cpp
Handler add_scorecard_define(CLI::App& command);
Handler add_scorecard_score(CLI::App& command);
Handler add_scorecard_show(CLI::App& command);

// program/actuals_commands.cpp
Handler add_actuals_record(CLI::App& command);
Handler add_actuals_kpi(CLI::App& command);

// program/report_commands.cpp
Handler add_report_network(CLI::App& command);
Handler add_report_partner(CLI::App& command);
Handler add_report_fairness(CLI::App& command);
Handler add_report_engagement(CLI::App& command);
Handler add_report_cycle(CLI::App& command);
Handler add_report_kpi(CLI::App& command);

// demo/program_demo.cpp, serve_command.cpp
Handler add_demo(CLI::App& command);
Handler add_serve(CLI::App& command);

// program/token_commands.cpp
Handler add_token_issue(CLI::App& command);
Handler add_token_list(CLI::App& command);
Handler add_token_revoke(CLI::App& command);

// program/audit_commands.cpp
Handler add_audit_list(CLI::App& command);
Handler add_audit_verify(CLI::App& command);

// setting_flags.cpp, names_command.cpp (hidden: tools for the docs and the web build)
Handler add_settings(CLI::App& command);
Handler add_names(CLI::App& command);

}  // namespace covalue::cli
