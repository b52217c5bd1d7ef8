// covalue, the front binary: runs the computing commands itself, without loading the store, CBC, libcurl or
// MPI; hands every other command line to covalue-full (front/forward.hpp).
#include "command_line.hpp"
#include "front/forward.hpp"

int main(int argc, char** argv) {
  if (!covalue::cli::runs_here(argc, argv)) {
    return covalue::cli::run_full_binary(argv);
  }
  // Only the named family's rows (none for --version): a command line that runs here names one leaf, and
  // registering the table's other hundred commands with CLI11 was half of the front's instructions.
  return covalue::cli::run_command_line(argc, argv, argv[1]);
}
