#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "command_output.hpp"
#include "commands.hpp"
#include "covalue/adapters/cbc/cbc_solver.hpp"
#include "covalue/program/decision_tools.hpp"
#include "covalue/program/program.hpp"
#include "covalue/program/report.hpp"

namespace covalue::cli {

//! The flags every program subcommand shares.
struct ProgramFlags {
  std::string db;              //!< --db (settings table: server.db)
  std::string format;          //!< --format (settings table: cli.format)
  std::string table;           //!< csv: which table to print (default: the first)
  std::string network;         //!< --network NAME|ID (settings table: server.network)
  bool new_network{false};     //!< the command creates a network (network init): --network is refused
  bool whole_database{false};  //!< the command reads the database, not a network (network list)
  bool deployment{false};      //!< the command works on the deployment (admin tokens), not a network

  //! Adds --admins: the command works on the deployment (network 0: the administrators' tokens and audit
  //! chain), `what` saying on what.
  void add_admins(CLI::App& command, const std::string& what);
  //! Adds --db and --network to a subcommand.
  void add_db(CLI::App& command);
  //! Adds --db, --format table|json|csv and --table.
  void add_output(CLI::App& command);
  //! Adds --db and --format table|json|csv: a command that changes something (a Change).
  void add_change_output(CLI::App& command);

  //! A report or a change to print in the chosen --format (and --table).
  [[nodiscard]] Output report(program::Report report) const {
    return Output::of_report(std::move(report), format, table);
  }
  [[nodiscard]] Output change(Change change) const { return Output::of_change(std::move(change), format); }
  //! A report a query returned (or its error) to print in the chosen --format.
  [[nodiscard]] core::Result<Output> report_of(core::Result<program::Report> read) const {
    if (!read) {
      return read.error();
    }
    return report(std::move(*read));
  }
};

//! An open database with the program's use cases on it (CBC as the ILP solver).
class ProgramSession {
 public:
  //! Opens the store at `db` (creating it when missing), working on the network `network` chooses, its use
  //! cases run by `actor`.
  [[nodiscard]] static core::Result<std::unique_ptr<ProgramSession>> open(
      const std::string& db, const program::NetworkChoice& network,
      const program::Actor& actor = program::Actor::local_operator());

  [[nodiscard]] program::Program& program() { return *program_; }
  //! The store of the chosen network (network list reads the database's networks from it).
  [[nodiscard]] program::Store& store() { return *store_; }

 private:
  std::unique_ptr<program::Store> store_;
  adapters::cbc::CbcSolver solver_;
  std::unique_ptr<program::Program> program_;
};

//! Runs `body` on an open session (the database of `flags`).
[[nodiscard]] core::Result<Output> with_session(const ProgramFlags& flags,
                                                const std::function<core::Result<Output>(ProgramSession&)>& body);

//! One of the program's report queries (program::Queries::network_report, ...).
using ReportQuery = core::Result<program::Report> (program::Queries::*)();

//! Adds --db, --format and --table to `command`, a leaf that shows what `query` returns.
[[nodiscard]] Handler add_report_leaf(CLI::App& command, ReportQuery query);

//! Adds --db, --format and --table to `command`, a leaf that lists the rows `read` returns: a report
//! `key` of one table `key`, its columns `columns`; `whole_database` for rows of the database, not of a network;
//! `flags` when the caller binds more options to them.
template <typename Row>
[[nodiscard]] Handler add_list_leaf(CLI::App& command, std::string key, std::string title,
                                    const std::vector<program::ReportColumn<Row>>& columns,
                                    core::Result<std::vector<Row>> (*read)(ProgramSession& session),
                                    bool whole_database = false,
                                    const std::shared_ptr<ProgramFlags>& flags = std::make_shared<ProgramFlags>()) {
  flags->whole_database = whole_database;
  flags->add_output(command);
  return [flags, key = std::move(key), title = std::move(title), &columns, read] {
    return with_session(*flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<std::vector<Row>> rows = read(session);
      if (!rows) {
        return rows.error();
      }
      return flags->report(program::Report{key, {}, {program::table_of(key, title, columns, *rows)}});
    });
  };
}

}  // namespace covalue::cli
