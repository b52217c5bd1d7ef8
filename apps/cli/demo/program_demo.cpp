// `covalue demo`: builds a realistic partner network with 8 closed cycles and shows its reports.
#include <fmt/core.h>

#include <filesystem>
#include <memory>

#include "demo/demo_network.hpp"
#include "program/program_session.hpp"

namespace covalue::cli {
namespace {

struct DemoArgs {
  ProgramFlags flags{"covalue-demo.db", "table", ""};
  bool replace{false};
};

core::Status remove_database(const std::string& db) {
  std::error_code error;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(db + suffix, error);
    if (error) {
      return core::make_error(core::ErrorKind::kInvalidInput, "cannot remove: " + error.message(), db + suffix);
    }
  }
  return {};
}

int print_reports(program::Program& program, const ProgramFlags& flags) {
  auto snapshot = program.snapshot();
  if (!snapshot) {
    return report_error(snapshot.error());
  }
  for (auto* make : {&program::network_report, &program::fairness_report, &program::engagement_report}) {
    auto report = (*make)(*snapshot);
    if (!report) {
      return report_error(report.error());
    }
    fmt::print("=== report {} ===\n", report->name);
    if (int code = print_report(*report, flags); code != kExitOk) {
      return code;
    }
  }
  return kExitOk;
}

int run_demo(const DemoArgs& args) {
  if (args.replace) {
    if (core::Status removed = remove_database(args.flags.db); !removed) {
      return report_error(removed.error());
    }
  }
  return with_session_legacy(args.flags, [&](ProgramSession& session) {
    if (core::Status built = build_demo_network(session.program()); !built) {
      return report_error(built.error());
    }
    fmt::print("Demo network built in {}: 14 partners, 8 closed cycles.\n\n", args.flags.db);
    if (int code = print_reports(session.program(), args.flags); code != kExitOk) {
      return code;
    }
    fmt::print(
        "Next: covalue report cycle 8 --db {0}   |   covalue report partner SwiftParcel --db {0}\n"
        "Drive cycle 9: covalue cycle open --db {0}; covalue initiative propose ... ; covalue cycle vote; "
        "covalue ballot cast ...; covalue cycle close\n",
        args.flags.db);
    return static_cast<int>(kExitOk);
  });
}

}  // namespace

void add_program_demo_command(CLI::App& command, Action& run) {
  auto args = std::make_shared<DemoArgs>();
  auto* cmd = &command;
  args->flags.add_output(*cmd);
  cmd->add_flag("--replace", args->replace, "delete the database file first if it exists");
  cmd->callback([&run, args] { run = [args] { return run_demo(*args); }; });
}

}  // namespace covalue::cli
