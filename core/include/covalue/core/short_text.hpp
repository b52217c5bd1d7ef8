#pragma once
// Helpers for the short texts parsers and columns look up by the million (ids, attribute values).

#include <cstddef>
#include <string_view>

namespace covalue::core {

//! Equal texts, compared bytewise in line: for a few bytes, a call to memcmp costs more than the comparison.
[[nodiscard]] inline bool same_short_text(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace covalue::core
