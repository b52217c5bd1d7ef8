#pragma once

// The grammar of one PrefLib data line: `count: item, item, ...` with item = alternative | {alt, alt, ...}.
#include <cstdint>
#include <string_view>
#include <vector>

#include "covalue/adapters/preflib/preflib_file.hpp"
#include "covalue/core/ranking/ordinal_profile.hpp"
#include "covalue/core/result.hpp"
#include "preflib_text.hpp"

namespace covalue::adapters::preflib {

//! What a data line must respect.
struct LineRules {
  std::uint32_t alternatives{0};  //!< alternatives are numbered 1..alternatives
  DataType type{DataType::kSoc};  //!< whether ties and incomplete rankings are allowed
};

//! Parses one data line; `seen` (one flag per alternative, all clear) is left clear again.
//! Errors point at the offending character of line `line_number`.
[[nodiscard]] core::Result<core::ranking::RankedBallot> parse_ranking_line(std::string_view line,
                                                                           std::size_t line_number,
                                                                           const LineRules& rules,
                                                                           std::vector<char>& seen,
                                                                           const ErrorSite& site);

}  // namespace covalue::adapters::preflib
