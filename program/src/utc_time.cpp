#include "covalue/program/utc_time.hpp"

#include <chrono>
#include <cstdio>

namespace covalue::program {
namespace {

//! Reads exactly `count` decimal digits at `at` (moving it past them) into `value`; false when they are
//! not all there.
bool digits(std::string_view text, std::size_t& at, std::size_t count, int& value) {
  if (text.size() < at + count) {
    return false;
  }
  value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = text[at + i];
    if (c < '0' || c > '9') {
      return false;
    }
    value = value * 10 + (c - '0');
  }
  at += count;
  return true;
}

bool expect(std::string_view text, std::size_t& at, char wanted) {
  if (at < text.size() && text[at] == wanted) {
    ++at;
    return true;
  }
  return false;
}

//! The offset at `at` (`Z`, `+HH:MM` or `-HH:MM`) in seconds east of UTC; false when there is none.
bool offset(std::string_view text, std::size_t& at, int& seconds) {
  if (expect(text, at, 'Z') || expect(text, at, 'z')) {
    seconds = 0;
    return true;
  }
  const bool east = at < text.size() && text[at] == '+';
  if (!east && !(at < text.size() && text[at] == '-')) {
    return false;
  }
  ++at;
  int hours = 0;
  int minutes = 0;
  if (!digits(text, at, 2, hours) || !expect(text, at, ':') || !digits(text, at, 2, minutes) || hours > 23 ||
      minutes > 59) {
    return false;
  }
  seconds = (east ? 1 : -1) * (hours * 3600 + minutes * 60);
  return true;
}

}  // namespace

core::Result<UtcSeconds> parse_utc(std::string_view text, const std::string& where) {
  const auto refused = [&](const std::string& why) {
    return core::make_error(core::ErrorKind::kInvalidInput,
                            why + ": expected a UTC time such as 2026-12-10T17:00Z (or with an offset, +01:00)", where);
  };
  if (text.size() > 40) {
    return refused("not a time (too long)");
  }
  std::size_t at = 0;
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  const bool date = digits(text, at, 4, year) && expect(text, at, '-') && digits(text, at, 2, month) &&
                    expect(text, at, '-') && digits(text, at, 2, day);
  if (!date || !(expect(text, at, 'T') || expect(text, at, 't') || expect(text, at, ' ')) ||
      !digits(text, at, 2, hour) || !expect(text, at, ':') || !digits(text, at, 2, minute)) {
    return refused("not a time");
  }
  if (expect(text, at, ':')) {
    if (!digits(text, at, 2, second)) {
      return refused("not a time");
    }
    if (expect(text, at, '.') || expect(text, at, ',')) {
      const std::size_t start = at;
      while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
        ++at;
      }
      if (at == start || at - start > 9) {
        return refused("not a time (its fraction of a second)");
      }
    }
  }
  int east = 0;
  if (at == text.size()) {
    return refused("a time without its offset");
  }
  if (!offset(text, at, east) || at != text.size()) {
    return refused("not a time (its offset)");
  }
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok() || hour > 23 || minute > 59 || second > 59) {
    return refused("no such date or time '" + std::string(text) + "'");
  }
  const std::int64_t days = std::chrono::sys_days{ymd}.time_since_epoch().count();
  const UtcSeconds moment = days * 86'400 + std::int64_t{hour} * 3'600 + std::int64_t{minute} * 60 + second - east;
  if (moment < kEarliestMoment || moment > kLatestMoment) {
    return refused("a time outside the years 2000 to 9999");
  }
  return moment;
}

std::string format_utc(UtcSeconds moment) {
  const std::int64_t days = moment >= 0 ? moment / 86'400 : (moment - 86'399) / 86'400;
  const std::int64_t in_day = moment - days * 86'400;
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), static_cast<int>(in_day / 3600),
                static_cast<int>(in_day % 3600 / 60), static_cast<int>(in_day % 60));
  return text;
}

}  // namespace covalue::program
