#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/network/ids.hpp"
#include "covalue/core/result.hpp"
#include "covalue/program/access.hpp"

namespace covalue::program {

//! The language a person reads covalue's messages in (notifications later, the web UI).
enum class Language { kEnglish, kGerman, kPolish };

//! The names of language values (ISO 639-1 codes).
constexpr auto enum_names(Language /*tag*/) {
  using enum Language;
  return core::NameTable{"language",
                         std::to_array<core::EnumName<Language>>({{kEnglish, "en"}, {kGerman, "de"}, {kPolish, "pl"}})};
}

//! Someone who acts for a partner (a representative, or a partner's observer) or for the network (a
//! coordinator, an observer): whom notifications will reach, by e-mail, in their time zone and language.
struct Person {
  PersonId id{0};
  std::optional<net::PartnerId> partner;  //!< none for coordinators and the network's observers
  std::string name;
  std::string email;                 //!< shown only to coordinators and the person's own partner
  Role role{Role::kRepresentative};  //!< representative, coordinator or observer
  std::string time_zone{"UTC"};      //!< an IANA name ("Europe/Berlin")
  Language language{Language::kEnglish};
  bool removed{false};  //!< removed people keep their id and name, not their e-mail address

  bool operator==(const Person&) const = default;
};

//! The longest e-mail address accepted (RFC 5321's limit on a path).
inline constexpr std::size_t kMaxEmailLength = 254;

//! kInvalidInput naming `where` unless `email` is one address local@domain: a dot-atom local part (letters,
//! digits and !#$%&'*+/=?^_`{|}~- between dots) of at most 64 characters and a domain of at least two
//! labels (letters, digits and inner hyphens, each of at most 63); no display names, quotes or spaces.
[[nodiscard]] core::Status check_email(std::string_view email, const std::string& where);

//! kInvalidInput naming `where` unless `zone` names a time zone of the IANA database installed here
//! (/usr/share/zoneinfo, or the directory named by the TZDIR environment variable): "UTC", "Europe/Berlin".
[[nodiscard]] core::Status check_time_zone(std::string_view zone, const std::string& where);

//! Checks a person's fields on their own: name, e-mail, role (not operator or admin), time zone, and that a
//! representative has a partner and a coordinator none.
[[nodiscard]] core::Status check_person(const Person& person);

}  // namespace covalue::program
