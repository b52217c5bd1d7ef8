#pragma once

// The front binary (`covalue`) runs the commands it links itself and hands every other command line, unchanged,
// to the full binary (`covalue-full`) by exec: the process keeps its pid, its standard streams and its
// environment, so a test that stops `covalue serve` by pid, or `mpirun -np N covalue simulate run`, sees one
// process that became the full binary.

namespace covalue::cli {

//! True when this binary runs the command line itself: `--version` alone, or words naming a row of the
//! command table whose adder this binary links (in the front: a computing command).
[[nodiscard]] bool runs_here(int argc, const char* const* argv);

//! Replaces this process by the full binary with the same argv (argv[0] too, which CLI11's usage lines
//! show): the one beside the running front (the build tree), else where an install puts it
//! (`<prefix>/libexec/covalue-full` for `<prefix>/bin/covalue`). Returns only when that fails, having
//! reported it: the internal error's exit code.
[[nodiscard]] int run_full_binary(char** argv);

}  // namespace covalue::cli
