#include "covalue/core/settings.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

#include "covalue/core/text.hpp"

namespace covalue::core::settings {
namespace {

//! The text as a whole number, or nullopt.
std::optional<std::int64_t> read_integer(std::string_view text) {
  const std::size_t digits = text.starts_with('-') ? 1 : 0;
  if (text.size() <= digits || text.size() > 18 ||
      !std::all_of(text.begin() + static_cast<std::ptrdiff_t>(digits), text.end(),
                   [](char ch) { return ch >= '0' && ch <= '9'; })) {
    return std::nullopt;
  }
  return std::strtoll(std::string(text).c_str(), nullptr, 10);
}

//! The value as an exact rational, per the row's type; nullopt when it is not a number of that type.
std::optional<Rational> read_number(Type type, std::string_view text) {
  if (type == Type::kInteger) {
    const std::optional<std::int64_t> value = read_integer(text);
    return value ? std::optional<Rational>(Rational(static_cast<long>(*value))) : std::nullopt;
  }
  Result<Rational> value = parse_exact_number(text);
  if (!value || (type == Type::kSeconds && text.find('/') != std::string_view::npos)) {
    return std::nullopt;
  }
  return *value;
}

//! "an integer", "an exact number (12, 12.5, 7/2)", ...: what a value of the type looks like.
std::string expected(const Setting& setting) {
  switch (setting.type) {
    case Type::kInteger:
      return "an integer";
    case Type::kNumber:
      return "an exact number (12, 12.5, 7/2)";
    case Type::kSeconds:
      return "a number of seconds (20, 0.5)";
    case Type::kBoolean:
      return "true or false";
    case Type::kText:
      return "text";
    case Type::kChoice:
      return "one of: " + std::string(setting.choices());
  }
  return "text";
}

//! True when `name` is one of the comma-separated `names`.
bool is_choice(std::string_view names, std::string_view name) {
  while (!names.empty()) {
    const std::size_t comma = std::min(names.find(','), names.size());
    if (names.substr(0, comma) == name) {
      return true;
    }
    names.remove_prefix(std::min(comma + 1, names.size()));
    while (names.starts_with(' ')) {
      names.remove_prefix(1);
    }
  }
  return false;
}

Status out_of_range(const Setting& setting, std::string_view text) {
  return make_error(ErrorKind::kInvalidInput, "must be " + range_text(setting) + ", got " + quote_excerpt(text), "");
}

//! Checks a numeric value against the row's bounds.
Status check_bounds(const Setting& setting, const Rational& value, std::string_view text) {
  if (!setting.min.empty()) {
    const Rational min = *read_number(Type::kNumber, setting.min);
    if (value < min || (setting.min_open && value == min)) {
      return out_of_range(setting, text);
    }
  }
  if (!setting.max.empty() && value > *read_number(Type::kNumber, setting.max)) {
    return out_of_range(setting, text);
  }
  return {};
}

//! "`a`, `b`": the choices for the docs.
std::string code_list(std::string_view names) {
  std::string out;
  std::string_view rest = names;
  while (!rest.empty()) {
    const std::size_t comma = std::min(rest.find(','), rest.size());
    out += (out.empty() ? "`" : ", `") + std::string(rest.substr(0, comma)) + "`";
    rest.remove_prefix(std::min(comma + 1, rest.size()));
    while (rest.starts_with(' ')) {
      rest.remove_prefix(1);
    }
  }
  return out;
}

//! Who reads the setting, for the docs: "charter, CLI".
std::string applies_text(unsigned applies) {
  std::string out;
  for (const auto& [bit, word] :
       {std::pair{kCharter, "charter"}, std::pair{kServer, "server"}, std::pair{kCli, "CLI"}}) {
    if ((applies & bit) != 0U) {
      out += (out.empty() ? "" : ", ") + std::string(word);
    }
  }
  return out;
}

}  // namespace

Rational number_default(Name name) {
  Result<Rational> value = parse_exact_number(kTable[name.index].default_text);
  assert(value.ok() && "a number default must parse");
  return *value;
}

std::span<const Setting> all() { return kTable; }

const Setting* find(std::string_view name) {
  const auto found = std::find_if(kTable.begin(), kTable.end(), [&](const Setting& s) { return s.name == name; });
  return found == kTable.end() ? nullptr : &*found;
}

std::string flag_of(const Setting& setting) {
  if (!setting.flag.empty()) {
    return std::string(setting.flag);
  }
  std::string flag = "--" + std::string(key_of(setting));
  std::replace(flag.begin(), flag.end(), '_', '-');
  return flag;
}

std::string_view section_of(const Setting& setting) { return setting.name.substr(0, setting.name.find('.')); }

std::string_view key_of(const Setting& setting) { return setting.name.substr(setting.name.find('.') + 1); }

std::string_view type_name(Type type) {
  switch (type) {
    case Type::kInteger:
      return "integer";
    case Type::kNumber:
      return "number";
    case Type::kSeconds:
      return "seconds";
    case Type::kBoolean:
      return "boolean";
    case Type::kText:
      return "text";
    case Type::kChoice:
      return "choice";
  }
  return "text";
}

std::string range_text(const Setting& setting) {
  if (setting.type == Type::kChoice) {
    return "one of: " + std::string(setting.choices());
  }
  std::string out;
  if (!setting.min.empty()) {
    out = (setting.min_open ? "> " : ">= ") + std::string(setting.min);
  }
  if (!setting.max.empty()) {
    out += (out.empty() ? "<= " : " and <= ") + std::string(setting.max);
  }
  return out;
}

Status check_value(const Setting& setting, std::string_view text) {
  switch (setting.type) {
    case Type::kText:
      return {};
    case Type::kBoolean:
      if (text == "true" || text == "false") {
        return {};
      }
      break;
    case Type::kChoice:
      if (is_choice(setting.choices(), text)) {
        return {};
      }
      break;
    case Type::kInteger:
    case Type::kNumber:
    case Type::kSeconds:
      if (const std::optional<Rational> value = read_number(setting.type, text)) {
        return check_bounds(setting, *value, text);
      }
      break;
  }
  return make_error(ErrorKind::kInvalidInput, "must be " + expected(setting) + ", got " + quote_excerpt(text), "");
}

std::string markdown() {
  std::string out =
      "# Settings\n\n"
      "Generated from the settings table (`core/include/covalue/core/settings.hpp`) by\n"
      "`covalue settings --format markdown`; do not edit by hand.\n\n"
      "`covalue serve --config FILE` reads the `server`, `solver` and `shapley` settings from a TOML file,\n"
      "one section per part before the dot; flags given on the command line override the file.\n";
  std::string_view section;
  for (const Setting& setting : kTable) {
    if (section_of(setting) != section) {
      section = section_of(setting);
      out += "\n## [" + std::string(section) + "]\n\n| key | flag | type | default | range | applies to | what |\n";
      out += "|---|---|---|---|---|---|---|\n";
    }
    const std::string range = setting.type == Type::kChoice ? code_list(setting.choices()) : range_text(setting);
    out += "| `" + std::string(key_of(setting)) + "` | `" + flag_of(setting) + "` | " +
           std::string(type_name(setting.type)) + " | " +
           (setting.default_text.empty() ? std::string("(build)") : "`" + std::string(setting.default_text) + "`") +
           " | " + range + " | " + applies_text(setting.applies) + " | " + std::string(setting.help) + " |\n";
  }
  return out;
}

}  // namespace covalue::core::settings
