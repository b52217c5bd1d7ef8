#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "covalue/core/settings.hpp"
#include "name_option.hpp"

namespace covalue::cli {

//! Whether a flag checks its value against the row's range when parsed (charter rows leave it to
//! Charter::validate, whose errors name the charter's field).
enum class RangeCheck { kOnParse, kLater };

//! Gives a flag made for `setting` its description (the row's help and range) and default display, and,
//! with RangeCheck::kOnParse, a check of each value against the row (core::settings::check_value).
CLI::Option* describe_setting(CLI::Option* option, const core::settings::Setting& setting, RangeCheck check);

//! The text of a row's default for `var`'s type, assigned to it (nothing when the build supplies it).
void assign_default(const core::settings::Setting& setting, std::string& var);
void assign_default(const core::settings::Setting& setting, bool& var);
template <typename Integer>
void assign_default(const core::settings::Setting& setting, Integer& var) {
  if (!setting.default_text.empty()) {
    (void)CLI::detail::lexical_cast(std::string(setting.default_text), var);
  }
}

//! Adds the flag of the settings-table row `name` to `cmd`, bound to `var`: the flag's name, help,
//! default (assigned to `var` and shown) and range all come from the row. A boolean row becomes
//! `--key` with its negation `--no-key`.
template <typename T>
CLI::Option* add_setting(CLI::App& cmd, core::settings::Name name, T& var, RangeCheck check = RangeCheck::kOnParse) {
  const core::settings::Setting& setting = core::settings::row(name);
  assign_default(setting, var);
  const std::string flag = core::settings::flag_of(setting);
  if constexpr (std::is_same_v<T, bool>) {
    return describe_setting(cmd.add_flag(flag + ",!--no-" + flag.substr(2), var), setting, RangeCheck::kLater);
  } else {
    return describe_setting(cmd.add_option(flag, var), setting, check);
  }
}

//! Adds the flag of the kChoice row `name` whose names are E's, parsed into `var` by the parser (an
//! unknown name is a command-line error naming the accepted ones, add_name_option); help and default
//! (assigned to `var`) from the row.
template <core::NamedEnum E>
CLI::Option* add_setting(CLI::App& cmd, core::settings::Name name, E& var,
                         RangeCheck /*check*/ = RangeCheck::kOnParse) {
  const core::settings::Setting& setting = core::settings::row(name);
  var = core::settings::choice_default<E>(name);
  return describe_setting(add_name_option<E>(cmd, core::settings::flag_of(setting), var, ""), setting,
                          RangeCheck::kLater);
}

}  // namespace covalue::cli
