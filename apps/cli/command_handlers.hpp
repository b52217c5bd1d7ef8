#pragma once

#include <CLI/CLI.hpp>

#include "command_output.hpp"
#include "commands.hpp"

// What each row of the command table adds: a leaf's options and handler (AddCommand), one function per
// leaf, in the file of its command family.
namespace covalue::cli {

// TRANSITION (issue 11): families not yet split into leaf rows.
void add_network_commands(CLI::App& command, Action& run);      //!< program/network_commands.cpp
void add_partner_commands(CLI::App& command, Action& run);      //!< program/partner_commands.cpp
void add_objective_commands(CLI::App& command, Action& run);    //!< program/partner_commands.cpp
void add_scorecard_commands(CLI::App& command, Action& run);    //!< program/scorecard_commands.cpp
void add_actuals_commands(CLI::App& command, Action& run);      //!< program/actuals_commands.cpp
void add_report_commands(CLI::App& command, Action& run);       //!< program/report_commands.cpp
void add_program_demo_command(CLI::App& command, Action& run);  //!< demo/program_demo.cpp
void add_serve_command(CLI::App& command, Action& run);         //!< serve_command.cpp
void add_token_commands(CLI::App& command, Action& run);        //!< program/token_commands.cpp
void add_settings_command(CLI::App& command, Action& run);      //!< setting_flags.cpp
void add_names_command(CLI::App& command, Action& run);         //!< names_command.cpp (for the web build)

// program/audit_commands.cpp
Handler add_audit_list(CLI::App& command);
Handler add_audit_verify(CLI::App& command);

// pb/pb_commands.cpp, pb/demo_command.cpp
Handler add_pb_solve(CLI::App& command);
Handler add_pb_check(CLI::App& command);
Handler add_pb_verify(CLI::App& command);
Handler add_pb_demo(CLI::App& command);

// rank/rank_command.cpp
Handler add_rank(CLI::App& command);

// program/initiative_commands.cpp
Handler add_initiative_propose(CLI::App& command);
Handler add_initiative_list(CLI::App& command);
Handler add_initiative_show(CLI::App& command);
Handler add_initiative_withdraw(CLI::App& command);
Handler add_initiative_volunteer(CLI::App& command);
Handler add_initiative_stand_down(CLI::App& command);

// program/cycle_commands.cpp
Handler add_cycle_open(CLI::App& command);
Handler add_cycle_vote(CLI::App& command);
Handler add_cycle_close(CLI::App& command);
Handler add_cycle_review(CLI::App& command);
Handler add_cycle_shortlist(CLI::App& command);
Handler add_cycle_show(CLI::App& command);
Handler add_ballot_cast(CLI::App& command);

}  // namespace covalue::cli
