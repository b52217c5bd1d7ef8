#include "covalue/core/network/charter.hpp"

namespace covalue::core::network {

Status Charter::validate() const {
  if (name.empty()) {
    return make_error(ErrorKind::kInvalidInput, "the network needs a name", "name");
  }
  if (capacity <= 0) {
    return make_error(ErrorKind::kInvalidInput, "must be > 0, got " + to_string(capacity), "capacity");
  }
  if (fairness.max_dry_spell < 1) {
    return make_error(ErrorKind::kInvalidInput, "must be >= 1, got " + std::to_string(fairness.max_dry_spell),
                      "fairness.max_dry_spell");
  }
  if (fairness.max_deopt_share <= 0 || fairness.max_deopt_share > 1) {
    return make_error(ErrorKind::kInvalidInput, "must be in (0, 1], got " + to_string(fairness.max_deopt_share),
                      "fairness.max_deopt_share");
  }
  if (Result<std::vector<std::int64_t>> hours = parse_reminder_hours(reminder_hours); !hours) {
    return hours.error();
  }
  if (close_turnout_warning < 0 || close_turnout_warning > 100) {
    return make_error(ErrorKind::kInvalidInput,
                      "must be a percentage from 0 to 100, got " + std::to_string(close_turnout_warning),
                      "close_turnout_warning");
  }
  if (leadership.max_concurrent_leads < 1) {
    return make_error(ErrorKind::kInvalidInput, "must be >= 1, got " + std::to_string(leadership.max_concurrent_leads),
                      "leadership.max_concurrent_leads");
  }
  if (score_max <= 0 || score_max > 1000000000) {
    return make_error(ErrorKind::kInvalidInput,
                      "must be more than 0 and at most 1000000000, got " + to_string(score_max), "score_max");
  }
  if (points_budget < 0 || points_budget > 1000000000) {
    return make_error(ErrorKind::kInvalidInput,
                      "must be from 0 (no fixed budget) to 1000000000, got " + to_string(points_budget),
                      "points_budget");
  }
  return validate_amendment();
}

Status Charter::validate_amendment() const {
  if (amendment_majority <= Rational(1, 2) || amendment_majority > 1) {
    return make_error(ErrorKind::kInvalidInput, "must be in (1/2, 1], got " + to_string(amendment_majority),
                      "amendment_majority");
  }
  if (amendment_window_hours <= 0 || amendment_window_hours > 8760) {
    return make_error(ErrorKind::kInvalidInput,
                      "must be more than 0 and at most 8760 hours, got " + to_string(amendment_window_hours),
                      "amendment_window_hours");
  }
  if (coordination_term < 1 || coordination_term > 1000) {
    return make_error(ErrorKind::kInvalidInput,
                      "must be from 1 to 1000 cycles, got " + std::to_string(coordination_term), "coordination_term");
  }
  return {};
}

Result<std::vector<std::int64_t>> parse_reminder_hours(std::string_view text) {
  std::vector<std::int64_t> hours;
  const auto refuse = [&] {
    return make_error(ErrorKind::kInvalidInput,
                      "must be up to 8 comma-separated whole numbers of hours from 1 to 8760 (\"48,6\"), got \"" +
                          std::string(text.substr(0, 40)) + (text.size() > 40 ? "...\"" : "\""),
                      "reminder_hours");
  };
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find(',', at);
    end = end == std::string_view::npos ? text.size() : end;
    const std::string_view item = text.substr(at, end - at);
    std::int64_t value = 0;
    if (item.empty() || item.size() > 4 || item.front() == '0') {
      return refuse();
    }
    for (const char ch : item) {
      if (ch < '0' || ch > '9') {
        return refuse();
      }
      value = value * 10 + (ch - '0');
    }
    if (value > 8760 || hours.size() == 8) {
      return refuse();
    }
    hours.push_back(value);
    at = end + 1;
    if (end < text.size() && at == text.size()) {
      return refuse();  // a trailing comma
    }
  }
  return hours;
}

}  // namespace covalue::core::network
