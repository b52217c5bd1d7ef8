#pragma once

#include <cstdint>

#include "wide_int.hpp"

// The seeded pseudo-random numbers of the sampler: no global state, the same seed gives the same stream.
namespace covalue::core::games::detail {

//! SplitMix64 (Steele, Lea and Flood): expands one 64-bit seed into well-mixed words.
class SplitMix64 {
 public:
  //! A stream that starts from `seed`.
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  //! The next word of the stream.
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t state_;
};

//! xoshiro256** (Blackman and Vigna), seeded through SplitMix64.
class Xoshiro256 {
 public:
  //! A generator for one (seed, stream) pair; different streams are independent for practical purposes.
  Xoshiro256(std::uint64_t seed, std::uint64_t stream) {
    SplitMix64 mix(seed ^ SplitMix64(stream).next());
    for (std::uint64_t& word : state_) {
      word = mix.next();
    }
  }
  //! The next 64 random bits.
  std::uint64_t next() {
    const std::uint64_t result = rotate(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotate(state_[3], 45);
    return result;
  }
  //! A uniform integer in [0, bound) (Lemire's multiply-and-reject; bound > 0).
  std::uint64_t below(std::uint64_t bound) {
    UInt128 product = static_cast<UInt128>(next()) * bound;
    auto low = static_cast<std::uint64_t>(product);
    if (low < bound) {
      const std::uint64_t threshold = (0 - bound) % bound;
      while (low < threshold) {
        product = static_cast<UInt128>(next()) * bound;
        low = static_cast<std::uint64_t>(product);
      }
    }
    return static_cast<std::uint64_t>(product >> 64);
  }

 private:
  static std::uint64_t rotate(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t state_[4]{};
};

}  // namespace covalue::core::games::detail
