#pragma once

#include <CLI/CLI.hpp>

#include <map>
#include <string>

#include "covalue/core/result.hpp"

namespace covalue::cli {

//! One value of a config file: its text (as check_value accepts it) and where it was written.
struct ConfigValue {
  std::string text;
  std::string where;  //!< "FILE:LINE:COLUMN"
};

//! Reads the TOML file of `covalue serve --config`: sections and keys are the settings table's names
//! ([server] listen = ...). kInvalidInput, located at FILE:LINE:COLUMN and naming the key, for a file
//! that cannot be read or parsed, an unknown key, a setting that is not the server's, a value of the
//! wrong type or one out of range. Returns the values by dotted name.
[[nodiscard]] core::Result<std::map<std::string, ConfigValue>> read_server_config(const std::string& path);

//! Gives each flag of `command` that was not on the command line the file's value (flags override the
//! file); every value must have its flag on `command`.
[[nodiscard]] core::Status apply_config(CLI::App& command, const std::map<std::string, ConfigValue>& values);

}  // namespace covalue::cli
