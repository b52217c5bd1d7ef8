#pragma once

#include <CLI/CLI.hpp>

#include <string_view>
#include <vector>

#include "commands.hpp"

namespace covalue::cli {

//! What a command row adds to its (already made) subcommand: its options and callback, or its own
//! subcommands for a group.
using AddCommand = void (*)(CLI::App& command, Action& run);

//! One row of the CLI's command table (the counterpart of the server's route table).
struct CommandRow {
  std::vector<std::string_view> path;  //!< {"cycle"}, {"pb", "demo"}: a parent's row comes first
  std::string_view summary;            //!< the one line of `covalue --help`
  bool group{false};                   //!< a group needs one of its subcommands
  bool hidden{false};                  //!< left out of --help (tools for the docs)
  AddCommand add{nullptr};
};

//! Every command, in the order `covalue --help` lists them.
[[nodiscard]] const std::vector<CommandRow>& command_table();

//! Adds every row of the table to `app` (one loop; a row's parent is found by its path).
void register_commands(CLI::App& app, Action& run);

// The rows' adders, one per command family (each in its own file).
void add_pb_commands(CLI::App& command, Action& run);           //!< pb/pb_commands.cpp
void add_pb_demo_command(CLI::App& command, Action& run);       //!< pb/demo_command.cpp
void add_rank_command(CLI::App& command, Action& run);          //!< rank/rank_command.cpp
void add_network_commands(CLI::App& command, Action& run);      //!< program/network_commands.cpp
void add_partner_commands(CLI::App& command, Action& run);      //!< program/partner_commands.cpp
void add_objective_commands(CLI::App& command, Action& run);    //!< program/partner_commands.cpp
void add_scorecard_commands(CLI::App& command, Action& run);    //!< program/scorecard_commands.cpp
void add_initiative_commands(CLI::App& command, Action& run);   //!< program/initiative_commands.cpp
void add_cycle_commands(CLI::App& command, Action& run);        //!< program/cycle_commands.cpp
void add_ballot_commands(CLI::App& command, Action& run);       //!< program/cycle_commands.cpp
void add_actuals_commands(CLI::App& command, Action& run);      //!< program/actuals_commands.cpp
void add_report_commands(CLI::App& command, Action& run);       //!< program/report_commands.cpp
void add_program_demo_command(CLI::App& command, Action& run);  //!< demo/program_demo.cpp
void add_serve_command(CLI::App& command, Action& run);         //!< serve_command.cpp
void add_token_commands(CLI::App& command, Action& run);        //!< program/token_commands.cpp
void add_audit_commands(CLI::App& command, Action& run);        //!< program/audit_commands.cpp
void add_settings_command(CLI::App& command, Action& run);      //!< setting_flags.cpp
void add_names_command(CLI::App& command, Action& run);         //!< names_command.cpp (for the web build)

}  // namespace covalue::cli
