#pragma once

#include <string_view>

namespace covalue::cli {

//! The whole of a covalue process once it runs a command line itself: parses it against the command table
//! (only `family`'s rows when one is given), runs the chosen command and returns the exit code (an escaped
//! exception is an internal error).
[[nodiscard]] int run_command_line(int argc, char** argv, std::string_view family = {});

}  // namespace covalue::cli
