// The covalue binary: parses the command line, runs the chosen subcommand, maps its result to an exit code.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "command_table.hpp"

namespace {

int run_command_line(int argc, char** argv) {
  using covalue::cli::kExitOk;
  using covalue::cli::kExitUsage;
  CLI::App app{"covalue: the continuous-improvement program of a collaborative partner network"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "covalue 0.1.0");
  covalue::cli::Handler run;
  covalue::cli::register_commands(app, run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return run ? covalue::cli::print_output(run()) : kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run_command_line(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "covalue: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "covalue: internal error\n");
  }
  return covalue::cli::kExitInternal;
}
