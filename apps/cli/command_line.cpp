// A covalue process's command line: parses it, runs the chosen subcommand, maps its result to an exit code.
#include "command_line.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "command_table.hpp"

namespace covalue::cli {
namespace {

int parse_and_run(int argc, char** argv, std::string_view family) {
  CLI::App app{"covalue: the continuous-improvement program of a collaborative partner network"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "covalue 0.1.0");
  Handler run;
  register_commands(app, run, family);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return run ? print_output(run()) : kExitUsage;
}

}  // namespace

int run_command_line(int argc, char** argv, std::string_view family) {
  try {
    return parse_and_run(argc, argv, family);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "covalue: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "covalue: internal error\n");
  }
  return kExitInternal;
}

}  // namespace covalue::cli
