// `covalue demo`: builds a realistic partner network with 8 closed cycles and shows its reports.
#include <fmt/core.h>

#include <filesystem>
#include <memory>

#include "command_handlers.hpp"
#include "demo/demo_network.hpp"
#include "program/program_session.hpp"
#include "program/report_format.hpp"

namespace covalue::cli {
namespace {

struct DemoArgs {
  ProgramFlags flags{.db = "covalue-demo.db",
                     .format = "table",
                     .table = "",
                     .network = "",
                     .new_network = false,
                     .whole_database = false};
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

//! What the demo prints once its network is built: the network, fairness and engagement reports, each
//! under its heading, and what to try next; the text so far and the error when one fails.
Output demo_reports(program::Queries& queries, const ProgramFlags& flags) {
  std::string text = fmt::format("Demo network built in {}: 14 partners, 8 closed cycles.\n\n", flags.db);
  for (ReportQuery query :
       {&program::Queries::network_report, &program::Queries::fairness_report, &program::Queries::engagement_report}) {
    core::Result<program::Report> report = (queries.*query)();
    if (!report) {
      return Output::of_text(std::move(text)).then_failed(report.error());
    }
    text += fmt::format("=== report {} ===\n", report->name);
    core::Result<std::string> formatted = format_report(*report, flags.format, flags.table);
    if (!formatted) {
      return Output::of_text(std::move(text)).then_failed(formatted.error());
    }
    text += *formatted;
  }
  text += fmt::format(
      "Next: covalue report cycle 8 --db {0}   |   covalue report partner SwiftParcel --db {0}\n"
      "Drive cycle 9: covalue cycle open --db {0}; covalue initiative propose ... ; covalue cycle vote; "
      "covalue ballot cast ...; covalue cycle close\n",
      flags.db);
  return Output::of_text(std::move(text));
}

}  // namespace

Handler add_demo(CLI::App& command) {
  auto args = std::make_shared<DemoArgs>();
  args->flags.add_output(command);
  command.add_flag("--replace", args->replace, "delete the database file first if it exists");
  return [args]() -> core::Result<Output> {
    if (args->replace) {
      if (core::Status removed = remove_database(args->flags.db); !removed) {
        return removed.error();
      }
    }
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      if (core::Status built = build_demo_network(session.program()); !built) {
        return built.error();
      }
      program::Queries queries = session.program().queries();
      return demo_reports(queries, args->flags);
    });
  };
}

}  // namespace covalue::cli
