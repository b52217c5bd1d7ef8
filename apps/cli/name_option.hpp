#pragma once

// Command-line flags whose value is an enum's name: the accepted names and the help text come from
// the enum's name table (core/enum_names.hpp), never from a list copied here.

#include <CLI/CLI.hpp>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/settings.hpp"

namespace covalue::cli {

//! What an output flag (--format) can ask for (its name table is in the settings table's header).
using core::settings::OutputFormat;

//! The names of E (or only of `allowed`, when it is not empty), joined by `separator`.
template <core::NamedEnum E>
[[nodiscard]] std::string offered_names(std::initializer_list<E> allowed, std::string_view separator) {
  if (allowed.size() == 0) {
    return core::name_list<E>(separator);
  }
  std::string out;
  for (const E value : allowed) {
    out += (out.empty() ? "" : std::string(separator)) + core::name_of(value);
  }
  return out;
}

//! A CLI11 check accepting what parse_name<E> accepts (names and old spellings), restricted to
//! `allowed` when it is not empty; its message is parse_name's (a command line error: exit code 2).
template <core::NamedEnum E>
[[nodiscard]] CLI::Validator name_check(std::initializer_list<E> allowed = {}) {
  std::vector<E> only(allowed);
  std::string offered = offered_names<E>(allowed, ", ");
  return CLI::Validator(
      [only, offered](std::string& text) -> std::string {
        core::Result<E> parsed = core::parse_name<E>(text);
        if (parsed && (only.empty() || std::find(only.begin(), only.end(), *parsed) != only.end())) {
          return {};
        }
        return core::detail::unknown_name(core::name_table<E>().what, text, offered).message;
      },
      "");
}

//! Adds `--flag` taking a name of E into `target`, with the names in its help after `what`.
template <core::NamedEnum E>
CLI::Option* add_name_option(CLI::App& command, const std::string& flag, std::string& target, const std::string& what,
                             std::initializer_list<E> allowed = {}) {
  const std::string names = offered_names<E>(allowed, " | ");
  return command.add_option(flag, target, what.empty() ? names : what + ": " + names)->check(name_check<E>(allowed));
}

namespace detail {

//! Adds `--flag` taking a name of E, checked while parsing; `assign` receives the value parsed.
template <core::NamedEnum E, typename Assign>
CLI::Option* add_parsed_name(CLI::App& command, const std::string& flag, Assign assign, const std::string& what,
                             std::initializer_list<E> allowed) {
  const std::string names = offered_names<E>(allowed, " | ");
  CLI::Option* option = command.add_option_function<std::string>(
      flag, [assign](const std::string& text) { assign(core::parse_name<E>(text).value()); },
      what.empty() ? names : what + ": " + names);
  return option->check(name_check<E>(allowed));
}

}  // namespace detail

//! Adds `--flag` taking a name of E straight into the enum `target` (checked while parsing: an unknown
//! name is a command-line error, exit code 2, naming the accepted values); its default is shown by name.
template <core::NamedEnum E>
CLI::Option* add_name_option(CLI::App& command, const std::string& flag, E& target, const std::string& what,
                             std::initializer_list<E> allowed = {}) {
  return detail::add_parsed_name<E>(
             command, flag, [&target](E value) { target = value; }, what, allowed)
      ->default_str(std::string(core::name_of(target)));
}

//! The same for a flag without a default (a filter, or a required flag): `target` stays empty unless given.
template <core::NamedEnum E>
CLI::Option* add_name_option(CLI::App& command, const std::string& flag, std::optional<E>& target,
                             const std::string& what, std::initializer_list<E> allowed = {}) {
  return detail::add_parsed_name<E>(
      command, flag, [&target](E value) { target = value; }, what, allowed);
}

}  // namespace covalue::cli
