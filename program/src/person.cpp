#include "covalue/program/person.hpp"

#include <array>
#include <cstdlib>
#include <fstream>
#include <string>

#include "covalue/program/limits.hpp"

namespace covalue::program {

namespace {

core::Error bad(std::string what, const std::string& where) {
  return core::make_error(core::ErrorKind::kInvalidInput, std::move(what), where);
}

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

//! A dot-atom: atoms of letters, digits and the printable specials RFC 5322 allows, joined by single dots.
bool dot_atom(std::string_view text) {
  constexpr std::string_view kSpecials = "!#$%&'*+/=?^_`{|}~-";
  bool after_dot = true;
  for (const char c : text) {
    if (c == '.') {
      if (after_dot) {
        return false;
      }
      after_dot = true;
    } else if (is_alnum(c) || kSpecials.find(c) != std::string_view::npos) {
      after_dot = false;
    } else {
      return false;
    }
  }
  return !after_dot;
}

//! A host name of at least two labels; each label letters, digits and inner hyphens, 1 to 63 characters.
bool domain_name(std::string_view text) {
  std::size_t labels = 0;
  while (true) {
    const std::size_t dot = text.find('.');
    const std::string_view label = text.substr(0, dot);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    for (const char c : label) {
      if (!is_alnum(c) && c != '-') {
        return false;
      }
    }
    ++labels;
    if (dot == std::string_view::npos) {
      return labels >= 2;
    }
    text.remove_prefix(dot + 1);
  }
}

//! True when `name` has the shape of an IANA zone name: parts of letters, digits, '_', '+' and '-' joined by
//! '/', none starting with '.' (so nothing outside the zone directory can be named).
bool zone_shape(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == '/' || name.back() == '/') {
    return false;
  }
  char previous = '/';
  for (const char c : name) {
    if (c == '/' && previous == '/') {
      return false;
    }
    if (c != '/' && !is_alnum(c) && c != '_' && c != '+' && c != '-') {
      return false;
    }
    previous = c;
  }
  return true;
}

//! True when `path` is a compiled zone file (it starts with the TZif magic).
bool tzif_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::array<char, 4> magic{};
  return file.read(magic.data(), magic.size()) && std::string_view(magic.data(), magic.size()) == "TZif";
}

}  // namespace

core::Status check_email(std::string_view email, const std::string& where) {
  if (email.empty()) {
    return bad("an e-mail address is required", where);
  }
  if (email.size() > kMaxEmailLength) {
    return bad("an e-mail address has at most " + std::to_string(kMaxEmailLength) + " characters", where);
  }
  const std::size_t at = email.rfind('@');
  if (at == std::string_view::npos) {
    return bad("not an e-mail address (no '@'): expected local@domain, e.g. ana@example.org", where);
  }
  const std::string_view local = email.substr(0, at);
  const std::string_view domain = email.substr(at + 1);
  if (local.empty() || local.size() > 64 || !dot_atom(local)) {
    return bad(
        "not an e-mail address: the part before '@' must be 1 to 64 letters, digits or . ! # $ % & ' * + / "
        "= ? ^ _ ` { | } ~ -, without spaces or quotes, and not start or end with a dot",
        where);
  }
  if (!domain_name(domain)) {
    return bad("not an e-mail address: the part after '@' must be a domain name such as example.org", where);
  }
  return {};
}

core::Status check_time_zone(std::string_view zone, const std::string& where) {
  if (!zone_shape(zone)) {
    return bad("not a time zone name: expected an IANA name such as UTC or Europe/Berlin", where);
  }
  const char* tzdir = std::getenv("TZDIR");  // NOLINT(concurrency-mt-unsafe): read only, nothing here sets it
  const std::string directory = tzdir != nullptr && *tzdir != '\0' ? tzdir : "/usr/share/zoneinfo";
  if (zone != "UTC" && !tzif_file(directory + "/" + std::string(zone))) {
    return bad("unknown time zone '" + std::string(zone) + "': expected an IANA name such as Europe/Berlin", where);
  }
  return {};
}

core::Status check_person(const Person& person) {
  if (core::Status name = check_text_field(person.name, kNameField, "name", true); !name) {
    return name;
  }
  if (core::Status email = check_email(person.email, "email"); !email) {
    return email;
  }
  if (person.role != Role::kRepresentative && person.role != Role::kCoordinator && person.role != Role::kObserver) {
    return bad("a person is a representative, coordinator or observer", "role");
  }
  if (person.role == Role::kRepresentative && !person.partner) {
    return bad("a representative needs the partner it represents", "partner");
  }
  if (person.role == Role::kCoordinator && person.partner) {
    return bad("a coordinator acts for the network, not for one partner: leave the partner out", "partner");
  }
  return check_time_zone(person.time_zone, "time_zone");
}

}  // namespace covalue::program
