#pragma once

namespace covalue::cli {

//! The whole of a covalue process once it runs a command line itself: parses it against the command table,
//! runs the chosen command and returns the exit code (an escaped exception is an internal error).
[[nodiscard]] int run_command_line(int argc, char** argv);

}  // namespace covalue::cli
