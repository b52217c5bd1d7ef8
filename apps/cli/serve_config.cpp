// `covalue serve --config FILE`: the settings table's server rows read from a TOML file (toml++).
#include "serve_config.hpp"

#include <fmt/core.h>

#include <toml++/toml.h>

#include "covalue/core/settings.hpp"
#include "covalue/core/text.hpp"

namespace covalue::cli {
namespace {

namespace settings = core::settings;

core::Error config_error(const std::string& path, const toml::source_region& source, const std::string& message) {
  return core::make_error(core::ErrorKind::kInvalidInput, message,
                          fmt::format("{}:{}:{}", path, source.begin.line, source.begin.column));
}

//! The keys a section accepts, for the error naming an unknown one.
std::string known_keys(std::string_view section) {
  std::string out;
  for (const settings::Setting& setting : settings::all()) {
    if ((setting.applies & settings::kServer) != 0U && (section.empty() || settings::section_of(setting) == section)) {
      out += (out.empty() ? "" : ", ") + std::string(section.empty() ? setting.name : settings::key_of(setting));
    }
  }
  return out;
}

//! The node's value as the text check_value reads, or an error saying which type was expected.
core::Result<std::string> value_text(const settings::Setting& setting, const toml::node& node) {
  switch (setting.type) {
    case settings::Type::kInteger:
      if (node.is_integer()) {
        return std::to_string(node.as_integer()->get());
      }
      return core::make_error(core::ErrorKind::kInvalidInput, "must be an integer", "");
    case settings::Type::kSeconds:
      if (node.is_integer()) {
        return std::to_string(node.as_integer()->get());
      }
      if (node.is_floating_point()) {
        return fmt::format("{}", node.as_floating_point()->get());
      }
      return core::make_error(core::ErrorKind::kInvalidInput, "must be a number of seconds", "");
    case settings::Type::kNumber:
      if (node.is_integer()) {
        return std::to_string(node.as_integer()->get());
      }
      break;
    case settings::Type::kBoolean:
      if (node.is_boolean()) {
        return std::string(node.as_boolean()->get() ? "true" : "false");
      }
      return core::make_error(core::ErrorKind::kInvalidInput, "must be true or false", "");
    case settings::Type::kText:
    case settings::Type::kChoice:
      break;
  }
  if (node.is_string()) {
    return node.as_string()->get();
  }
  return core::make_error(core::ErrorKind::kInvalidInput, "must be a string", "");
}

//! What a section accepts, for the error naming an unknown key.
std::string accepted(std::string_view section) {
  const std::string keys = known_keys(section);
  if (!keys.empty()) {
    return "it takes: " + keys;
  }
  std::string sections;
  for (const settings::Setting& setting : settings::all()) {
    const std::string name = "[" + std::string(settings::section_of(setting)) + "]";
    if ((setting.applies & settings::kServer) != 0U && sections.find(name) == std::string::npos) {
      sections += (sections.empty() ? "" : ", ") + name;
    }
  }
  return "the file takes the sections " + sections;
}

//! Reads one `key = value` of a section into `values`.
core::Status read_entry(const std::string& path, std::string_view section, const toml::key& key, const toml::node& node,
                        std::map<std::string, ConfigValue>& values) {
  const std::string name = std::string(section) + "." + std::string(key.str());
  const settings::Setting* setting = settings::find(name);
  if (setting == nullptr || (setting->applies & settings::kServer) == 0U) {
    return config_error(path, key.source(),
                        fmt::format("unknown setting {} in section {}; {}", core::quote_excerpt(key.str()),
                                    core::quote_excerpt(section), accepted(section)));
  }
  core::Result<std::string> text = value_text(*setting, node);
  core::Status valid = text ? settings::check_value(*setting, *text) : core::Status(text.error());
  if (!valid) {
    return config_error(path, key.source(), name + ": " + valid.error().message);
  }
  const toml::source_position& at = key.source().begin;
  values[name] = ConfigValue{*text, fmt::format("{}:{}:{}", path, at.line, at.column)};
  return {};
}

}  // namespace

core::Result<std::map<std::string, ConfigValue>> read_server_config(const std::string& path) {
  toml::table file;
  try {
    file = toml::parse_file(path);
  } catch (const toml::parse_error& error) {
    return config_error(path, error.source(), std::string(error.description()));
  }
  std::map<std::string, ConfigValue> values;
  for (const auto& [section, node] : file) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      return config_error(path, section.source(),
                          fmt::format("{} is outside a section; write it under its section: {}",
                                      core::quote_excerpt(section.str()), known_keys("")));
    }
    for (const auto& [key, value] : *table) {
      if (core::Status read = read_entry(path, section.str(), key, value, values); !read) {
        return read.error();
      }
    }
  }
  return values;
}

core::Status apply_config(CLI::App& command, const std::map<std::string, ConfigValue>& values) {
  for (const auto& [name, value] : values) {
    CLI::Option* option = command.get_option_no_throw(settings::flag_of(*settings::find(name)));
    if (option == nullptr) {
      return core::make_error(core::ErrorKind::kInternal, "no flag for " + name, value.where);
    }
    if (option->count() > 0) {
      continue;  // the command line overrides the file
    }
    try {
      option->add_result(value.text);
      option->run_callback();
    } catch (const CLI::Error& error) {
      return core::make_error(core::ErrorKind::kInvalidInput, name + ": " + error.what(), value.where);
    }
  }
  return {};
}

}  // namespace covalue::cli
