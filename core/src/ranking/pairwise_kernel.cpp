// The dense pairwise-counting kernel: GCC/Clang vector extensions, compiled once per instruction set
// and chosen at run time, so that the default build stays portable and still uses AVX2/AVX-512.
#include "covalue/core/ranking/pairwise_kernel.hpp"

#include <cstring>

namespace covalue::core::ranking {
namespace {

// Vector types of 16, 32 and 64 bytes (a dependent vector_size is not honoured by every compiler).
template <std::size_t kBytes>
struct Vectors;
template <>
struct Vectors<16> {
  typedef std::uint16_t Lanes __attribute__((vector_size(16)));  // NOLINT(modernize-use-using)
  typedef std::int16_t Counts __attribute__((vector_size(16)));  // NOLINT(modernize-use-using)
};
template <>
struct Vectors<32> {
  typedef std::uint16_t Lanes __attribute__((vector_size(32)));  // NOLINT(modernize-use-using)
  typedef std::int16_t Counts __attribute__((vector_size(32)));  // NOLINT(modernize-use-using)
};
template <>
struct Vectors<64> {
  typedef std::uint16_t Lanes __attribute__((vector_size(64)));  // NOLINT(modernize-use-using)
  typedef std::int16_t Counts __attribute__((vector_size(64)));  // NOLINT(modernize-use-using)
};

template <std::size_t kBytes, bool kAbove>
[[gnu::always_inline]] inline void count_block(const std::uint16_t* a_rows, std::size_t stride,
                                               const std::uint16_t* b_row, std::size_t len, std::uint32_t* below,
                                               std::uint32_t* above) {
  using Lanes = typename Vectors<kBytes>::Lanes;
  using Counts = typename Vectors<kBytes>::Counts;
  constexpr std::size_t kLanes = kBytes / sizeof(std::uint16_t);
  Counts below_acc[kKernelRows] = {};
  Counts above_acc[kKernelRows] = {};
  Counts one = {};
  one += 1;
  for (std::size_t v = 0; v < len; v += kLanes) {
    Lanes b;
    std::memcpy(&b, b_row + v, kBytes);
    for (std::size_t i = 0; i < kKernelRows; ++i) {
      Lanes a;
      std::memcpy(&a, a_rows + (i * stride) + v, kBytes);
      below_acc[i] = (a < b) ? below_acc[i] + one : below_acc[i];  // a masked add where masks exist
      if constexpr (kAbove) {
        above_acc[i] = (a > b) ? above_acc[i] + one : above_acc[i];
      }
    }
  }
  for (std::size_t i = 0; i < kKernelRows; ++i) {
    std::uint32_t low = 0;
    std::uint32_t high = 0;
    for (std::size_t lane = 0; lane < kLanes; ++lane) {
      low += static_cast<std::uint32_t>(below_acc[i][lane]);
      high += static_cast<std::uint32_t>(above_acc[i][lane]);
    }
    below[i] = low;
    if constexpr (kAbove) {
      above[i] = high;
    }
  }
}

template <bool kAbove>
void count_block_generic(const std::uint16_t* a_rows, std::size_t stride, const std::uint16_t* b_row, std::size_t len,
                         std::uint32_t* below, std::uint32_t* above) {
  count_block<16, kAbove>(a_rows, stride, b_row, len, below, above);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
template <bool kAbove>
[[gnu::target("avx2")]] void count_block_avx2(const std::uint16_t* a_rows, std::size_t stride,
                                              const std::uint16_t* b_row, std::size_t len, std::uint32_t* below,
                                              std::uint32_t* above) {
  count_block<32, kAbove>(a_rows, stride, b_row, len, below, above);
}

template <bool kAbove>
[[gnu::target("avx512f,avx512bw")]] void count_block_avx512(const std::uint16_t* a_rows, std::size_t stride,
                                                            const std::uint16_t* b_row, std::size_t len,
                                                            std::uint32_t* below, std::uint32_t* above) {
  count_block<64, kAbove>(a_rows, stride, b_row, len, below, above);
}
#endif

template <bool kAbove>
PairBlockCounter select_for() {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512bw") != 0) {
    return &count_block_avx512<kAbove>;
  }
  if (__builtin_cpu_supports("avx2") != 0) {
    return &count_block_avx2<kAbove>;
  }
#endif
  return &count_block_generic<kAbove>;
}

}  // namespace

PairBlockCounter select_pair_block_counter(bool count_above) {
  return count_above ? select_for<true>() : select_for<false>();
}

std::vector<PairBlockCounter> available_pair_block_counters(bool count_above) {
  std::vector<PairBlockCounter> counters{count_above ? &count_block_generic<true> : &count_block_generic<false>};
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2") != 0) {
    counters.push_back(count_above ? &count_block_avx2<true> : &count_block_avx2<false>);
  }
  if (__builtin_cpu_supports("avx512bw") != 0) {
    counters.push_back(count_above ? &count_block_avx512<true> : &count_block_avx512<false>);
  }
#endif
  return counters;
}

}  // namespace covalue::core::ranking
