#pragma once

#include <CLI/CLI.hpp>

#include <string_view>
#include <vector>

#include "command_output.hpp"
#include "commands.hpp"

namespace covalue::cli {

//! What a leaf row adds to its (already made) subcommand: its options, bound to storage the returned
//! handler owns; the handler runs once the command line is parsed.
using AddCommand = Handler (*)(CLI::App& command);

//! One row of the CLI's command table (the counterpart of the server's route table): a group (no
//! `add`: it needs one of its subcommands) or a leaf command.
struct CommandRow {
  std::vector<std::string_view> path;  //!< {"cycle"}, {"cycle", "close"}: a parent's row comes first
  std::string_view summary;            //!< the one line of `--help`
  AddCommand add{nullptr};             //!< a leaf's options and handler; nullptr for a group, and in the front
                                       //!< binary for a command only covalue-full links (command_handlers.hpp)
  bool hidden{false};                  //!< left out of --help (tools for the docs)
};

//! Every command, in the order `--help` lists them.
[[nodiscard]] const std::vector<CommandRow>& command_table();

//! Adds every row of the table to `app` (one loop; a row's parent is found by its path), or only the rows of
//! `family` (its first word) when one is given; the chosen leaf's handler is left in `run`.
void register_commands(CLI::App& app, Handler& run, std::string_view family = {});

}  // namespace covalue::cli
