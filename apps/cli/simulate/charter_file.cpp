// The TOML files of `covalue simulate run`: a charter (--policy FILE.toml) and the model (--model), read
// with toml++; every key is checked against its table (the settings table's charter rows, the behaviour's
// names, the model's parameter table) and every error names the file, line, column and key.
#include "simulate/charter_file.hpp"

#include <fmt/core.h>

#include <toml++/toml.h>
#include <fstream>
#include <iterator>

#include "covalue/core/settings.hpp"
#include "covalue/core/text.hpp"

namespace covalue::cli {
namespace {

namespace settings = core::settings;
namespace sim = core::sim;
namespace net = core::network;

constexpr std::array<std::string_view, 8> kCharterKeys = {
    "rule",          "sharing",        "max_dry_spell",        "max_deopt_share",
    "weight_policy", "weight_absence", "max_concurrent_leads", "ranking_rule"};

core::Error file_error(const std::string& path, const toml::source_region& at, const std::string& message) {
  return core::make_error(core::ErrorKind::kInvalidInput, message,
                          fmt::format("{}:{}:{}", path, at.begin.line, at.begin.column));
}

core::Result<std::string> read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return core::make_error(core::ErrorKind::kInvalidInput, "cannot open file", path);
  }
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

core::Result<toml::table> parse_toml(std::string_view text, const std::string& path) {
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& error) {
    return file_error(path, error.source(), std::string(error.description()));
  }
}

std::string joined(std::span<const std::string_view> names) {
  std::string out;
  for (const std::string_view n : names) {
    out += (out.empty() ? "" : ", ") + std::string(n);
  }
  return out;
}

// The value as text the settings table checks (integers and strings; numbers may be integers or strings).
core::Result<std::string> setting_text(const settings::Setting& setting, const toml::node& node) {
  if (node.is_integer() && setting.type != settings::Type::kChoice) {
    return std::to_string(node.as_integer()->get());
  }
  if (node.is_string() && setting.type != settings::Type::kInteger) {
    return node.as_string()->get();
  }
  return core::make_error(core::ErrorKind::kInvalidInput,
                          setting.type == settings::Type::kInteger ? "must be an integer"
                          : setting.type == settings::Type::kChoice
                              ? "must be a string naming one of: " + std::string(setting.choices())
                              : "must be a number (an integer, or a string "
                                "such as \"1/2\")");
}

template <core::NamedEnum E>
void set_choice(E& field, const std::string& text) {
  field = *core::parse_name<E>(text);  // checked against the row's choices already
}

void apply_charter(net::Charter& charter, std::string_view key, const std::string& text) {
  if (key == "rule") {
    set_choice(charter.rule, text);
  } else if (key == "sharing") {
    set_choice(charter.sharing, text);
  } else if (key == "weight_policy") {
    set_choice(charter.fairness.weight_policy, text);
  } else if (key == "weight_absence") {
    set_choice(charter.fairness.weight_absence, text);
  } else if (key == "ranking_rule") {
    set_choice(charter.ranking_rule, text);
  } else if (key == "max_dry_spell") {
    charter.fairness.max_dry_spell = std::stoll(text);
  } else if (key == "max_concurrent_leads") {
    charter.leadership.max_concurrent_leads = std::stoll(text);
  } else if (key == "max_deopt_share") {
    charter.fairness.max_deopt_share = *core::parse_exact_number(text);
  }
}

core::Status read_charter_section(const toml::table& table, const std::string& path, sim::Policy& policy) {
  for (const auto& [key, node] : table) {
    const std::string name = "charter." + std::string(key.str());
    const settings::Setting* setting = settings::find(name);
    if (setting == nullptr || std::find(kCharterKeys.begin(), kCharterKeys.end(), key.str()) == kCharterKeys.end()) {
      return file_error(path, key.source(),
                        fmt::format("unknown key {} in [charter]; it takes: {}", core::quote_excerpt(key.str()),
                                    joined(kCharterKeys)));
    }
    core::Result<std::string> text = setting_text(*setting, node);
    core::Status valid = text ? settings::check_value(*setting, *text) : core::Status(text.error());
    if (!valid) {
      return file_error(path, key.source(), name + ": " + valid.error().message);
    }
    apply_charter(policy.charter, key.str(), *text);
  }
  return {};
}

template <core::NamedEnum E>
core::Status read_name(const toml::node& node, E& field, const std::string& name) {
  if (!node.is_string()) {
    return core::make_error(core::ErrorKind::kInvalidInput,
                            name + ": must be a string naming one of: " + core::name_list<E>());
  }
  core::Result<E> value = core::parse_name<E>(node.as_string()->get());
  if (!value) {
    return core::make_error(core::ErrorKind::kInvalidInput, name + ": " + value.error().message);
  }
  field = *value;
  return {};
}

core::Status read_behaviour_entry(std::string_view key, const toml::node& node, sim::Policy& policy) {
  const std::string name = "behaviour." + std::string(key);
  if (key == "ballots") {
    return read_name(node, policy.ballots, name);
  }
  if (key == "leads") {
    return read_name(node, policy.leads, name);
  }
  if (!node.is_boolean()) {
    return core::make_error(core::ErrorKind::kInvalidInput, name + ": must be true or false");
  }
  policy.object_to_losses = node.as_boolean()->get();
  return {};
}

core::Status read_behaviour_section(const toml::table& table, const std::string& path, sim::Policy& policy) {
  static constexpr std::array<std::string_view, 3> kKeys = {"ballots", "leads", "object_to_losses"};
  for (const auto& [key, node] : table) {
    if (std::find(kKeys.begin(), kKeys.end(), key.str()) == kKeys.end()) {
      return file_error(
          path, key.source(),
          fmt::format("unknown key {} in [behaviour]; it takes: {}", core::quote_excerpt(key.str()), joined(kKeys)));
    }
    if (core::Status read = read_behaviour_entry(key.str(), node, policy); !read) {
      return file_error(path, key.source(), read.error().message);
    }
  }
  return {};
}

core::Status read_top_entry(const toml::key& key, const toml::node& node, const std::string& path,
                            sim::Policy& policy) {
  if (key.str() == "name") {
    if (!node.is_string() || node.as_string()->get().empty() || node.as_string()->get().size() > 200) {
      return file_error(path, key.source(), "name: must be a string of 1 to 200 characters");
    }
    policy.name = node.as_string()->get();
    return {};
  }
  const toml::table* table = node.as_table();
  if (key.str() == "charter" && table != nullptr) {
    return read_charter_section(*table, path, policy);
  }
  if (key.str() == "behaviour" && table != nullptr) {
    return read_behaviour_section(*table, path, policy);
  }
  return file_error(path, key.source(),
                    fmt::format("unknown key {}; a charter file takes name, [charter] and [behaviour]",
                                core::quote_excerpt(key.str())));
}

std::string stem_of(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  std::string stem = slash == std::string::npos ? path : path.substr(slash + 1);
  const std::size_t dot = stem.rfind('.');
  return dot == std::string::npos || dot == 0 ? stem : stem.substr(0, dot);
}

}  // namespace

core::Result<sim::Policy> parse_charter_file(std::string_view text, const std::string& path) {
  core::Result<toml::table> file = parse_toml(text, path);
  if (!file) {
    return file.error();
  }
  sim::Policy policy;
  policy.name = stem_of(path);
  for (const auto& [key, node] : *file) {
    if (core::Status read = read_top_entry(key, node, path, policy); !read) {
      return read.error();
    }
  }
  policy.charter.name = policy.name;
  return policy;
}

core::Result<sim::Policy> read_charter_file(const std::string& path) {
  core::Result<std::string> text = read_text(path);
  if (!text) {
    return text.error();
  }
  return parse_charter_file(*text, path);
}

core::Status read_model_file(const std::string& path, sim::ModelParameters& model) {
  core::Result<std::string> text = read_text(path);
  if (!text) {
    return text.error();
  }
  core::Result<toml::table> file = parse_toml(*text, path);
  if (!file) {
    return file.error();
  }
  for (const auto& [section, node] : *file) {
    const toml::table* table = node.as_table();
    if (section.str() != "model" || table == nullptr) {
      return file_error(
          path, section.source(),
          fmt::format("unknown key {}; a model file takes one section, [model]", core::quote_excerpt(section.str())));
    }
    for (const auto& [key, value] : *table) {
      const sim::ParameterRow* row = sim::find_parameter(key.str());
      if (row == nullptr) {
        return file_error(path, key.source(),
                          fmt::format("unknown key {} in [model]; docs/simulator.md lists the parameters",
                                      core::quote_excerpt(key.str())));
      }
      const std::optional<double> number = value.value<double>();
      if (!number || !(value.is_integer() || value.is_floating_point())) {
        return file_error(path, key.source(), "model." + std::string(key.str()) + ": must be a number");
      }
      if (core::Status set = sim::set_parameter(model, *row, *number); !set) {
        return file_error(path, key.source(), "model." + std::string(key.str()) + ": " + set.error().message);
      }
    }
  }
  return model.validate();
}

}  // namespace covalue::cli
