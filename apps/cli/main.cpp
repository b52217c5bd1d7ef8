// covalue-full: every command of the command table (the front binary, `covalue`, hands it what it does not
// link itself: front/forward.hpp).
#include "command_line.hpp"

int main(int argc, char** argv) { return covalue::cli::run_command_line(argc, argv); }
