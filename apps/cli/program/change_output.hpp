#pragma once

#include <string>
#include <utility>
#include <vector>

#include "program/program_session.hpp"

namespace covalue::cli {

//! What a command that changes something returns for the shell to print: with `--format table` the
//! sentence it always printed; with json the fields of what changed as the report's summary (the id
//! first, so a script can read it: `.summary.id`); with csv the same fields as one row.
struct Change {
  std::string name;                                                 //!< what changed: "initiative", "partner", ...
  std::string sentence;                                             //!< the table format, ending in a newline
  std::vector<std::pair<std::string, program::ReportCell>> fields;  //!< what changed, its id first
};

using Fields = std::vector<std::pair<std::string, program::ReportCell>>;

//! The fields of an initiative, a partner, a charter, a cycle as a change prints them.
[[nodiscard]] Fields initiative_fields(const core::network::Initiative& initiative);
[[nodiscard]] Fields partner_fields(const core::network::Partner& partner);
[[nodiscard]] Fields charter_fields(const core::network::Charter& charter);
[[nodiscard]] Fields cycle_fields(const core::network::Cycle& cycle);

//! Prints a change in the format of `flags` (its --format).
[[nodiscard]] int print_change(const Change& change, const ProgramFlags& flags);

}  // namespace covalue::cli
