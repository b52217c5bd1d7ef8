#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "covalue/core/result.hpp"
#include "covalue/program/report.hpp"

namespace covalue::cli {

using Fields = std::vector<std::pair<std::string, program::ReportCell>>;

//! What a command that changes something returns for the shell to print: with `--format table` the
//! sentence it always printed; with json the fields of what changed as the report's summary (the id
//! first, so a script can read it: `.summary.id`); with csv the same fields as one row.
struct Change {
  std::string name;      //!< what changed: "initiative", "partner", ...
  std::string sentence;  //!< the table format, ending in a newline
  Fields fields;         //!< what changed, its id first
};

//! What a command's handler hands back to the shell, which prints it (print_output) and exits with its
//! code: a report or a change in the format the command line chose, or text already formatted.
struct Output {
  enum class Kind { kText, kReport, kChange };
  Kind kind{Kind::kText};
  std::string text;                     //!< kText: printed to stdout as is
  program::Report report{};             //!< kReport
  Change change{};                      //!< kChange
  std::string format{"table"};          //!< kReport, kChange: --format
  std::string table{};                  //!< kReport: --table (csv)
  int exit_code{kExitOk};               //!< the process's exit code once printed
  std::string note{};                   //!< printed to stderr first: a notice that is not the output itself
  std::optional<core::Error> failed{};  //!< kText: the error that stopped the command once `text` was made

  //! Text already formatted, and the exit code once it is printed.
  [[nodiscard]] static Output of_text(std::string text, int exit_code = kExitOk) {
    Output output;
    output.text = std::move(text);
    output.exit_code = exit_code;
    return output;
  }
  //! The same output, then `error` reported (its exit code): a command that failed part-way through.
  [[nodiscard]] Output then_failed(core::Error error) && {
    failed = std::move(error);
    return std::move(*this);
  }
  //! A report, printed as --format (and --table for csv) say.
  [[nodiscard]] static Output of_report(program::Report report, std::string format, std::string table = {}) {
    Output output;
    output.kind = Kind::kReport;
    output.report = std::move(report);
    output.format = std::move(format);
    output.table = std::move(table);
    return output;
  }
  //! A change: its sentence for --format table, its fields for json and csv.
  [[nodiscard]] static Output of_change(Change change, std::string format) {
    Output output;
    output.kind = Kind::kChange;
    output.change = std::move(change);
    output.format = std::move(format);
    return output;
  }
};

//! A command's handler: runs once the command line is parsed.
using Handler = std::function<core::Result<Output>()>;

//! Prints what a handler returned (an error to stderr, naming what and where) and returns the exit code.
[[nodiscard]] int print_output(const core::Result<Output>& output);

}  // namespace covalue::cli
