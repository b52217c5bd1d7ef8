#pragma once
// Helpers for the short texts parsers and columns look up by the million (ids, attribute values):
// comparing them and hashing them.

#include <cstddef>
#include <cstdint>
#include <cstring>
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

//! A hash of a short text for open addressing, both halves mixed (the low half places a key, the high
//! half can tag it): eight bytes per multiply, and a text shorter than eight read in two overlapping
//! loads (a loop over its bytes, or a memcpy of its length, costs more than the lookup it serves).
[[nodiscard]] inline std::uint64_t hash_short_text(std::string_view text) {
  constexpr std::uint64_t kMultiplier = 0xFF51AFD7ED558CCDULL;
  constexpr std::size_t kWord = 8;
  constexpr std::size_t kHalf = 4;
  const char* const at = text.data();
  const std::size_t size = text.size();
  std::uint64_t hash = 0x9E3779B97F4A7C15ULL ^ size;
  std::uint64_t word = 0;
  if (size >= kWord) {
    for (std::size_t i = 0; i + kWord < size; i += kWord) {
      std::memcpy(&word, at + i, kWord);
      hash = (hash ^ word) * kMultiplier;
      hash ^= hash >> 32U;
    }
    std::memcpy(&word, at + size - kWord, kWord);  // the last eight bytes, overlapping the loop's
  } else if (size >= kHalf) {
    std::uint32_t low = 0;
    std::uint32_t high = 0;
    std::memcpy(&low, at, kHalf);
    std::memcpy(&high, at + size - kHalf, kHalf);
    word = low | std::uint64_t{high} << 32U;
  } else if (size > 0) {
    word = static_cast<unsigned char>(at[0]) | static_cast<unsigned>(static_cast<unsigned char>(at[size / 2])) << 8U |
           static_cast<unsigned>(static_cast<unsigned char>(at[size - 1])) << 16U;
  }
  hash = (hash ^ word) * kMultiplier;
  return hash ^ (hash >> 32U);
}

}  // namespace covalue::core
