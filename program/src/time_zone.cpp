// Time zones from the installed IANA database: TZif files (RFC 8536, version 2 and later: 64-bit times) and the
// POSIX TZ rule at their end.
#include "covalue/program/time_zone.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

namespace covalue::program {
namespace {

core::Error malformed(const std::string& name, const std::string& why) {
  return core::make_error(core::ErrorKind::kInvalidInput, "the time zone file of '" + name + "' " + why, "time_zone");
}

//! Reads big-endian integers from a TZif file's bytes.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  [[nodiscard]] bool has(std::size_t count) const { return at_ + count <= bytes_.size(); }
  std::int64_t number(int size) {
    std::uint64_t value = 0;
    for (int i = 0; i < size; ++i) {
      value = (value << 8U) | static_cast<unsigned char>(bytes_[at_++]);
    }
    if (size == 4) {
      return static_cast<std::int32_t>(static_cast<std::uint32_t>(value));
    }
    return static_cast<std::int64_t>(value);
  }
  void skip(std::size_t count) { at_ += count; }
  [[nodiscard]] std::size_t position() const { return at_; }

 private:
  std::string_view bytes_;
  std::size_t at_{0};
};

//! The six counts of a TZif header: isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt.
struct Counts {
  std::int64_t isut{0}, isstd{0}, leap{0}, time{0}, type{0}, chars{0};
  [[nodiscard]] std::size_t data_size(int time_size) const {
    return static_cast<std::size_t>(time * time_size + time + type * 6 + chars + leap * (time_size + 4) + isstd + isut);
  }
};

bool read_header(Reader& reader, Counts& counts, char& version) {
  if (!reader.has(44)) {
    return false;
  }
  std::string magic;
  for (int i = 0; i < 4; ++i) {
    magic += static_cast<char>(reader.number(1));
  }
  version = static_cast<char>(reader.number(1));
  reader.skip(15);
  counts = {reader.number(4), reader.number(4), reader.number(4), reader.number(4), reader.number(4), reader.number(4)};
  return magic == "TZif" && counts.type >= 1 && counts.time >= 0 && counts.chars >= 0 && counts.leap >= 0 &&
         counts.isstd >= 0 && counts.isut >= 0;
}

//! The POSIX TZ parser: a name ("CET" or "<+03>"), an offset ("-1", "+5:30", "3"), a rule date ("M3.5.0").
class RuleParser {
 public:
  explicit RuleParser(std::string_view text) : text_(text) {}

  bool name(std::string& out) {
    out.clear();
    if (at_ < text_.size() && text_[at_] == '<') {
      const std::size_t end = text_.find('>', at_);
      if (end == std::string_view::npos) {
        return false;
      }
      out = std::string(text_.substr(at_ + 1, end - at_ - 1));
      at_ = end + 1;
      return !out.empty();
    }
    while (at_ < text_.size() && std::isalpha(static_cast<unsigned char>(text_[at_])) != 0) {
      out += text_[at_++];
    }
    return out.size() >= 3;
  }
  //! [+-]hh[:mm[:ss]] in seconds.
  bool clock(std::int64_t& out) {
    std::int64_t sign = 1;
    if (at_ < text_.size() && (text_[at_] == '+' || text_[at_] == '-')) {
      sign = text_[at_++] == '-' ? -1 : 1;
    }
    std::int64_t total = 0;
    for (int part = 0; part < 3; ++part) {
      if (part > 0) {
        if (at_ >= text_.size() || text_[at_] != ':') {
          break;
        }
        ++at_;
      }
      std::int64_t value = 0;
      if (!digits(value)) {
        return false;
      }
      total += value * (part == 0 ? 3600 : part == 1 ? 60 : 1);
    }
    out = sign * total;
    return true;
  }
  bool digits(std::int64_t& out) {
    const std::size_t start = at_;
    out = 0;
    while (at_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[at_])) != 0 && at_ - start < 4) {
      out = out * 10 + (text_[at_++] - '0');
    }
    return at_ > start;
  }
  //! ",Mm.w.d[/time]".
  bool date(std::int64_t& month, std::int64_t& week, std::int64_t& day, std::int64_t& time) {
    if (!eat(',') || !eat('M') || !digits(month) || !eat('.') || !digits(week) || !eat('.') || !digits(day)) {
      return false;
    }
    time = 7200;
    if (eat('/') && !clock(time)) {
      return false;
    }
    return month >= 1 && month <= 12 && week >= 1 && week <= 5 && day >= 0 && day <= 6;
  }
  bool eat(char ch) {
    if (at_ < text_.size() && text_[at_] == ch) {
      ++at_;
      return true;
    }
    return false;
  }
  [[nodiscard]] bool at(char ch) const { return at_ < text_.size() && text_[at_] == ch; }
  [[nodiscard]] bool done() const { return at_ == text_.size(); }
  [[nodiscard]] bool more() const { return at_ < text_.size(); }

 private:
  std::string_view text_;
  std::size_t at_{0};
};

//! Parses a POSIX TZ string; false for forms this reader does not know (Jn and n dates), which then fall back to
//! the last transition's offset.
bool parse_rule(std::string_view text, TimeZone::Rule& rule) {
  RuleParser parser(text);
  std::int64_t offset = 0;
  if (!parser.name(rule.standard.abbreviation) || !parser.clock(offset)) {
    return false;
  }
  rule.standard.seconds = -offset;  // POSIX counts west of Greenwich as positive
  if (parser.done()) {
    return true;
  }
  if (!parser.name(rule.daylight.abbreviation)) {
    return false;
  }
  rule.has_daylight = true;
  rule.daylight.seconds = rule.standard.seconds + 3600;
  if (parser.more() && !parser.at(',')) {
    if (!parser.clock(offset)) {
      return false;
    }
    rule.daylight.seconds = -offset;
  }
  return parser.date(rule.start_month, rule.start_week, rule.start_day, rule.start_time) &&
         parser.date(rule.end_month, rule.end_week, rule.end_day, rule.end_time) && parser.done();
}

//! The day (days since 1970-01-01) of rule date Mm.w.d in `year`.
std::int64_t rule_day(std::int64_t year, std::int64_t month, std::int64_t week, std::int64_t day) {
  using namespace std::chrono;
  const year_month first{std::chrono::year{static_cast<int>(year)}, std::chrono::month{static_cast<unsigned>(month)}};
  const sys_days start{first / 1};
  const std::int64_t first_weekday = weekday{start}.c_encoding();
  const std::int64_t length = static_cast<unsigned>((first / last).day());
  std::int64_t offset = (day - first_weekday + 7) % 7 + (week - 1) * 7;
  while (offset >= length) {
    offset -= 7;
  }
  return start.time_since_epoch().count() + offset;
}

ZoneOffset by_rule(const TimeZone::Rule& rule, UtcSeconds moment) {
  if (!rule.has_daylight) {
    return rule.standard;
  }
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{moment}});
  const std::int64_t year = static_cast<int>(std::chrono::year_month_day{days}.year());
  // Starts happen in standard time, ends in daylight time.
  const UtcSeconds start = rule_day(year, rule.start_month, rule.start_week, rule.start_day) * 86400 + rule.start_time -
                           rule.standard.seconds;
  const UtcSeconds end =
      rule_day(year, rule.end_month, rule.end_week, rule.end_day) * 86400 + rule.end_time - rule.daylight.seconds;
  const bool daylight = start < end ? (moment >= start && moment < end) : (moment >= start || moment < end);
  return daylight ? rule.daylight : rule.standard;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return {};
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

core::Result<TimeZone> TimeZone::parse(std::string name, std::string_view tzif) {
  Reader reader(tzif);
  Counts counts;
  char version = 0;
  if (!read_header(reader, counts, version)) {
    return malformed(name, "has no TZif header");
  }
  if (version < '2') {
    return malformed(name, "is TZif version 1 (no 64-bit times)");
  }
  reader.skip(counts.data_size(4));  // the version 1 data
  if (!read_header(reader, counts, version) || !reader.has(counts.data_size(8))) {
    return malformed(name, "is cut short");
  }
  TimeZone zone;
  zone.name_ = std::move(name);
  std::vector<UtcSeconds> times(static_cast<std::size_t>(counts.time));
  for (UtcSeconds& at : times) {
    at = reader.number(8);
  }
  std::vector<std::int64_t> indexes(times.size());
  for (std::int64_t& index : indexes) {
    index = reader.number(1);
  }
  std::vector<std::pair<std::int64_t, std::int64_t>> types;  // offset, abbreviation index
  for (std::int64_t i = 0; i < counts.type; ++i) {
    const std::int64_t offset = reader.number(4);
    reader.skip(1);
    types.emplace_back(offset, reader.number(1));
  }
  const std::string_view chars = tzif.substr(reader.position(), static_cast<std::size_t>(counts.chars));
  reader.skip(static_cast<std::size_t>(counts.chars + counts.leap * 12 + counts.isstd + counts.isut));
  const auto offset_of = [&](std::int64_t type) -> core::Result<ZoneOffset> {
    if (type < 0 || type >= static_cast<std::int64_t>(types.size()) ||
        types[static_cast<std::size_t>(type)].second >= static_cast<std::int64_t>(chars.size())) {
      return malformed(zone.name_, "names a local time type it does not have");
    }
    const auto& [seconds, abbreviation] = types[static_cast<std::size_t>(type)];
    const std::string_view rest = chars.substr(static_cast<std::size_t>(abbreviation));
    return ZoneOffset{seconds, std::string(rest.substr(0, rest.find('\0')))};
  };
  core::Result<ZoneOffset> first = offset_of(0);
  if (!first) {
    return first.error();
  }
  zone.before_ = *first;
  for (std::size_t i = 0; i < times.size(); ++i) {
    core::Result<ZoneOffset> offset = offset_of(indexes[i]);
    if (!offset) {
      return offset.error();
    }
    zone.transitions_.push_back({times[i], *offset});
  }
  const std::string_view footer = tzif.substr(std::min(reader.position(), tzif.size()));
  if (footer.size() >= 2 && footer.front() == '\n') {
    const std::string_view rule = footer.substr(1, footer.find('\n', 1) - 1);
    zone.has_rule_ = !rule.empty() && parse_rule(rule, zone.rule_);
  }
  return zone;
}

ZoneOffset TimeZone::at(UtcSeconds moment) const {
  if (transitions_.empty() || moment < transitions_.front().at) {
    return transitions_.empty() && has_rule_ ? by_rule(rule_, moment) : before_;
  }
  if (moment >= transitions_.back().at && has_rule_) {
    return by_rule(rule_, moment);
  }
  const auto after = std::upper_bound(transitions_.begin(), transitions_.end(), moment,
                                      [](UtcSeconds at, const Transition& t) { return at < t.at; });
  return std::prev(after)->offset;
}

std::shared_ptr<const TimeZone> find_time_zone(std::string_view name) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const TimeZone>, std::less<>> zones;
  const std::lock_guard<std::mutex> lock(mutex);
  if (const auto found = zones.find(name); found != zones.end()) {
    return found->second;
  }
  auto zone = std::make_shared<TimeZone>();
  const bool safe = !name.empty() && name.find("..") == std::string_view::npos && name.front() != '/';
  if (safe && name != "UTC") {
    const char* tzdir = std::getenv("TZDIR");  // NOLINT(concurrency-mt-unsafe): read only, nothing here sets it
    const std::string directory = tzdir != nullptr && *tzdir != '\0' ? tzdir : "/usr/share/zoneinfo";
    core::Result<TimeZone> parsed = TimeZone::parse(std::string(name), read_file(directory + "/" + std::string(name)));
    if (parsed) {
      *zone = std::move(*parsed);
    }
  }
  zones.emplace(std::string(name), zone);
  return zone;
}

std::string moment_in_words(UtcSeconds moment, const TimeZone& zone) {
  const ZoneOffset offset = zone.at(moment);
  const auto local = static_cast<std::time_t>(moment + offset.seconds);
  std::tm parts{};
  gmtime_r(&local, &parts);
  char out[40];
  std::strftime(out, sizeof out, "%a %d %b %Y, %H:%M", &parts);
  std::string words = out;
  if (words.size() > 4 && words[4] == '0') {
    words.erase(4, 1);  // "Tue 8 Dec", not "Tue 08 Dec"
  }
  return words + " " + offset.abbreviation;
}

}  // namespace covalue::program
