#pragma once

// Times as covalue reads them (UTC, ISO 8601 to the second), relative to the real clock: deadlines a test sets
// a few seconds ahead and then waits past.

#include <chrono>
#include <ctime>
#include <string>

namespace covalue::testing {

//! Now plus `seconds`, as covalue reads UTC times: "2026-12-04T13:56:38Z".
inline std::string utc_in(int seconds) {
  const std::time_t at = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()) + seconds;
  std::tm parts{};
  gmtime_r(&at, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

}  // namespace covalue::testing
