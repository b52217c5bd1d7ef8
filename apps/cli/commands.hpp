#pragma once

#include <CLI/CLI.hpp>

#include "covalue/core/error.hpp"

namespace covalue::cli {

//! Process exit codes of every covalue subcommand (documented in README and `--help`).
enum ExitCode : int {
  kExitOk = 0,          //!< success
  kExitBadInput = 1,    //!< malformed or inconsistent input
  kExitUsage = 2,       //!< wrong command line
  kExitInfeasible = 3,  //!< no solution, or a tie the caller refused to break
  kExitInternal = 4,    //!< our own fault
};

//! The exit code for an expected failure of the given kind.
[[nodiscard]] int exit_code_for(core::ErrorKind kind);

//! Prints "covalue: error: <where>: <message>" to stderr and returns the matching exit code.
[[nodiscard]] int report_error(const core::Error& error);

}  // namespace covalue::cli
