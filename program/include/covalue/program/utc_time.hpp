#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "covalue/core/result.hpp"

namespace covalue::program {

//! A moment as seconds since 1970-01-01T00:00:00Z (UTC, leap seconds not counted, as POSIX time).
using UtcSeconds = std::int64_t;

//! The earliest and latest moments a deadline may name: years 2000 to 9999.
inline constexpr UtcSeconds kEarliestMoment = 946'684'800;    // 2000-01-01T00:00:00Z
inline constexpr UtcSeconds kLatestMoment = 253'402'300'799;  // 9999-12-31T23:59:59Z

//! Reads an ISO 8601 moment with its offset: `2026-12-10T17:00Z`, `2026-12-10T17:00:00Z`,
//! `2026-12-10T17:00:00.123Z` or `2026-12-10T18:00+01:00` (a time without `Z` or an offset is refused:
//! a deadline must not depend on where it is read). Fractions of a second are dropped. kInvalidInput
//! naming `where` for anything else, with the expected form.
[[nodiscard]] core::Result<UtcSeconds> parse_utc(std::string_view text, const std::string& where);

//! The canonical form of a moment: `2026-12-10T17:00:00Z`.
[[nodiscard]] std::string format_utc(UtcSeconds moment);

}  // namespace covalue::program
