#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace covalue::core::ranking {

//! Candidates compared against one another per kernel call.
inline constexpr std::size_t kKernelRows = 8;
//! Voter lanes are padded to a multiple of this (the widest vector, 32 sixteen-bit lanes).
inline constexpr std::size_t kKernelLanePad = 32;
//! Most voters per chunk, so that no 16-bit lane counter can overflow.
inline constexpr std::size_t kKernelChunk = 2048;

//! Counts pairwise preferences of a chunk of voters stored candidate-major: row c holds each voter's
//! tier position of candidate c (smaller is better). For the kKernelRows rows starting at `a_rows`
//! (`stride` apart) and the row `b_row`, writes below[i] = #voters v < len with a_i[v] < b[v] and,
//! when `count_above`, above[i] = #voters with a_i[v] > b[v]. `len` is a multiple of kKernelLanePad,
//! at most kKernelChunk. Uses the widest vector instructions the processor offers.
using PairBlockCounter = void (*)(const std::uint16_t* a_rows, std::size_t stride, const std::uint16_t* b_row,
                                  std::size_t len, std::uint32_t* below, std::uint32_t* above);

//! The fastest PairBlockCounter this processor runs, counting `above` too when asked.
[[nodiscard]] PairBlockCounter select_pair_block_counter(bool count_above);

//! Every variant this processor runs (portable first, fastest last), so tests can check each one.
[[nodiscard]] std::vector<PairBlockCounter> available_pair_block_counters(bool count_above);

}  // namespace covalue::core::ranking
