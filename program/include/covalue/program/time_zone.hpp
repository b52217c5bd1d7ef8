#pragma once

// Time zones for people's messages (issue 13 item 5): the IANA database installed here (/usr/share/zoneinfo, or
// TZDIR), read from its TZif files (RFC 8536) with the POSIX TZ rule at their end for times past the last
// transition. libstdc++ 12 has no std::chrono::tzdb, so this is the small reader the program needs.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "covalue/core/result.hpp"
#include "covalue/program/utc_time.hpp"

namespace covalue::program {

//! A zone's offset from UTC at some moment, and its abbreviation there ("CET", "+03").
struct ZoneOffset {
  std::int64_t seconds{0};
  std::string abbreviation{"UTC"};
  bool operator==(const ZoneOffset&) const = default;
};

//! One IANA time zone: its offsets over time.
class TimeZone {
 public:
  //! UTC.
  TimeZone() = default;
  //! Reads a TZif file's content (`name` is the zone's name); kInvalidInput naming "time_zone" when malformed.
  [[nodiscard]] static core::Result<TimeZone> parse(std::string name, std::string_view tzif);

  //! The zone's offset at `moment`.
  [[nodiscard]] ZoneOffset at(UtcSeconds moment) const;
  //! The zone's name ("UTC", "Europe/Berlin").
  [[nodiscard]] const std::string& name() const { return name_; }

  //! A transition: from `at` on, the offset is `offset`.
  struct Transition {
    UtcSeconds at{0};
    ZoneOffset offset;
  };
  //! The POSIX TZ rule for times past the last transition ("CET-1CEST,M3.5.0,M10.5.0/3").
  struct Rule {
    ZoneOffset standard;
    ZoneOffset daylight;
    bool has_daylight{false};
    std::int64_t start_month{0}, start_week{0}, start_day{0}, start_time{7200};
    std::int64_t end_month{0}, end_week{0}, end_day{0}, end_time{7200};
  };

 private:
  std::string name_{"UTC"};
  ZoneOffset before_;  //!< before the first transition
  std::vector<Transition> transitions_;
  bool has_rule_{false};
  Rule rule_;
};

//! The zone named `name` from the installed database (read once per process, then shared); UTC when it is
//! unknown or unreadable (check_time_zone refused such names when the person was stored).
[[nodiscard]] std::shared_ptr<const TimeZone> find_time_zone(std::string_view name);

//! A moment in words in a zone: "Tue 8 Dec 2026, 20:04 CET" ("... 19:04 UTC" in UTC).
[[nodiscard]] std::string moment_in_words(UtcSeconds moment, const TimeZone& zone);

}  // namespace covalue::program
