#pragma once

// Notification preferences and digests (issue 13 item 5): each person chooses, per kind of event, how its
// e-mail arrives: at once, in a daily or weekly digest, or never. The inbox always gets everything; webhooks
// choose their kinds themselves. An e-mail carries a signed one-click unsubscribe link per kind (RFC 8058).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/result.hpp"
#include "covalue/core/settings.hpp"
#include "covalue/program/access.hpp"
#include "covalue/program/notification.hpp"

namespace covalue::program {

//! When a person's e-mail about a kind of event arrives.
enum class Cadence {
  kImmediately,  //!< one e-mail per event, as it happens
  kDaily,        //!< in the daily digest
  kWeekly,       //!< in the weekly digest (Mondays)
  kNever,        //!< no e-mail (the inbox still has it)
};

//! The names of cadences (the API, `person preferences --set KIND=WHEN`).
constexpr auto enum_names(Cadence /*tag*/) {
  using enum Cadence;
  return core::NameTable{
      "cadence", std::to_array<core::EnumName<Cadence>>(
                     {{kImmediately, "immediately"}, {kDaily, "daily"}, {kWeekly, "weekly"}, {kNever, "never"}})};
}

//! One person's choice for one kind of event.
struct Preference {
  PersonId person{0};
  EventKind kind{EventKind::kCycleOpened};
  Cadence cadence{Cadence::kImmediately};

  bool operator==(const Preference&) const = default;
};

//! A kind of event as a person's preferences show it: the cadence in force and whether the person chose it.
struct KindPreference {
  EventKind kind{EventKind::kCycleOpened};
  Cadence cadence{Cadence::kImmediately};
  bool chosen{false};  //!< false: the default for the kind

  bool operator==(const KindPreference&) const = default;
};

//! A person's preferences: every kind people choose for (all but digest), in the name table's order.
struct PersonPreferences {
  PersonId person{0};
  std::vector<KindPreference> kinds;
};

//! An event waiting for a person's digest: recorded with the event, removed when the digest is made.
struct DigestWait {
  PersonId person{0};
  std::int64_t event{0};
  Cadence cadence{Cadence::kDaily};  //!< daily or weekly
  std::string occurred_at;           //!< the event's time, UTC

  bool operator==(const DigestWait&) const = default;
};

//! The kinds of event people choose a cadence for: every EventKind but digest.
[[nodiscard]] std::vector<EventKind> preference_kinds();

//! The cadence of a kind nobody chose for: deadlines and own results at once (voting opened, voting closes
//! soon, deadline due, cycle closed, lead named, actuals due), the rest daily.
[[nodiscard]] Cadence default_cadence(EventKind kind);

//! The cadence in force for `person` and `kind` among `chosen` (every person's stored choices).
[[nodiscard]] Cadence cadence_of(const std::vector<Preference>& chosen, PersonId person, EventKind kind);

//! How digests are made (the settings table's digest.* row).
struct DigestSettings {
  //! The hour of the day, in each person's time zone, at which daily (and, on Mondays, weekly) digests are made.
  std::int64_t hour{core::settings::integer_default("digest.hour")};
};

//! What a one-click unsubscribe token stands for.
struct UnsubscribeTarget {
  std::int64_t network{0};
  PersonId person{0};
  EventKind kind{EventKind::kCycleOpened};
  std::string person_name;   //!< filled by the program once the token is verified
  std::string network_name;  //!< idem
};

//! The network a one-click unsubscribe token names, read without verifying it (the server finds the network's
//! store this way); kInvalidInput naming "token" when it is not shaped as one.
[[nodiscard]] core::Result<std::int64_t> unsubscribe_token_network(std::string_view token);

}  // namespace covalue::program
