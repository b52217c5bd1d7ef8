#include "program/program_session.hpp"

#include <fmt/core.h>

#include "program/report_format.hpp"
#include "setting_flags.hpp"
#include "store_factory.hpp"

namespace covalue::cli {

void ProgramFlags::add_db(CLI::App& command) {
  add_setting(command, "server.db", db);
  add_setting(command, "server.network", network);
}

void ProgramFlags::add_admins(CLI::App& command, const std::string& what) {
  command.add_flag("--admins", deployment, what + " of the deployment (the administrators'), not of a network");
}

void ProgramFlags::add_output(CLI::App& command) {
  add_db(command);
  add_setting(command, "cli.format", format);
  command.add_option("--table", table, "csv: the table to print (default: the first)");
}

void ProgramFlags::add_change_output(CLI::App& command) {
  add_db(command);
  add_setting(command, "cli.format", format);
}

core::Result<std::unique_ptr<ProgramSession>> ProgramSession::open(const std::string& db,
                                                                   const program::NetworkChoice& network,
                                                                   const program::Actor& actor) {
  core::Result<std::unique_ptr<program::Store>> store = open_store(db, network);
  if (!store) {
    return store.error();
  }
  std::unique_ptr<ProgramSession> session(new ProgramSession());
  session->store_ = std::move(*store);
  session->program_ =
      std::make_unique<program::Program>(*session->store_, program::make_decision_tools(&session->solver_), actor);
  return session;
}

core::Result<Output> with_session(const ProgramFlags& flags,
                                  const std::function<core::Result<Output>(ProgramSession&)>& body) {
  if (flags.new_network && !flags.network.empty()) {
    return core::make_error(core::ErrorKind::kInvalidInput,
                            "network init creates a new network: name it with --name, not --network", "--network");
  }
  if (flags.deployment && !flags.network.empty()) {
    return core::make_error(core::ErrorKind::kInvalidInput,
                            "admin tokens belong to the deployment, not to a network: leave out --network",
                            "--network");
  }
  core::Result<std::unique_ptr<ProgramSession>> session = ProgramSession::open(
      flags.db, {.name_or_id = flags.network,
                 .create = flags.new_network,
                 .deployment = flags.deployment || (flags.whole_database && flags.network.empty())});
  if (!session) {
    return session.error();
  }
  return body(**session);
}

Handler add_report_leaf(CLI::App& command, ReportQuery query) {
  auto flags = std::make_shared<ProgramFlags>();
  flags->add_output(command);
  return [flags, query] {
    return with_session(*flags, [&](ProgramSession& session) -> core::Result<Output> {
      program::Queries queries = session.program().queries();
      return flags->report_of((queries.*query)());
    });
  };
}

}  // namespace covalue::cli
