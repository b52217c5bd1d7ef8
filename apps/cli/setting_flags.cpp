// Flags made from the settings table, and the hidden `covalue settings` that prints the table.
#include "setting_flags.hpp"

#include <fmt/core.h>

#include <memory>

#include "command_handlers.hpp"

namespace covalue::cli {

namespace settings = core::settings;

CLI::Option* describe_setting(CLI::Option* option, const settings::Setting& setting, RangeCheck check) {
  std::string help(setting.help);
  if (const std::string range = settings::range_text(setting); !range.empty()) {
    help += " (" + range + ")";
  }
  option->description(help);
  if (!setting.default_text.empty() && setting.type != settings::Type::kBoolean) {
    option->default_str(std::string(setting.default_text));
  }
  if (check == RangeCheck::kOnParse && setting.type != settings::Type::kText) {
    option->check(CLI::Validator(
        [&setting](std::string& text) -> std::string {
          core::Status valid = settings::check_value(setting, text);
          return valid ? std::string() : valid.error().message;
        },
        ""));
  }
  return option;
}

void assign_default(const settings::Setting& setting, std::string& var) {
  if (!setting.default_text.empty()) {
    var = std::string(setting.default_text);
  }
}

void assign_default(const settings::Setting& setting, bool& var) { var = setting.default_text == "true"; }

namespace {

//! Every server setting at its default, as `covalue serve --config` reads it.
std::string server_toml() {
  std::string out;
  std::string_view section;
  for (const settings::Setting& setting : settings::all()) {
    if ((setting.applies & settings::kServer) == 0U || setting.default_text.empty()) {
      continue;
    }
    if (settings::section_of(setting) != section) {
      section = settings::section_of(setting);
      out += (out.empty() ? "[" : "\n[") + std::string(section) + "]\n";
    }
    const bool quoted = setting.type == settings::Type::kText || setting.type == settings::Type::kChoice;
    out += fmt::format("# {}\n{} = {}{}{}\n", setting.help, settings::key_of(setting), quoted ? "\"" : "",
                       setting.default_text, quoted ? "\"" : "");
  }
  return out;
}

}  // namespace

Handler add_settings(CLI::App& command) {
  auto format = std::make_shared<std::string>("markdown");
  command.add_option("--format", *format, "markdown | toml")
      ->check(CLI::IsMember({"markdown", "toml"}))
      ->capture_default_str();
  return [format] {
    return core::Result<Output>(Output::of_text(*format == "markdown" ? settings::markdown() : server_toml()));
  };
}

}  // namespace covalue::cli
