#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>

#include "../games/random.hpp"

// The simulator's random streams: one xoshiro256** per (seed, key), the key mixing the network's index,
// the purpose of the draws, the cycle and the partner, so draws never depend on the order of other work.
namespace covalue::core::sim::detail {

//! What a stream's draws are for (part of its key).
enum class Purpose : std::uint64_t { kTraits = 1, kProposals, kBallots, kExecution, kLeave, kJoin };

//! A stream of uniform, normal and log-normal draws.
class Stream {
 public:
  Stream(std::uint64_t seed, std::uint64_t network, Purpose purpose, std::uint64_t cycle, std::uint64_t partner)
      : rng_(seed, key(network, purpose, cycle, partner)) {}
  //! Uniform in [0, 1).
  double uniform() { return static_cast<double>(rng_.next() >> kShift) * kUnit; }
  //! Uniform in [low, high).
  double uniform(double low, double high) { return low + (high - low) * uniform(); }
  //! A uniform integer in [0, bound), bound > 0.
  std::uint64_t below(std::uint64_t bound) { return rng_.below(bound); }
  //! True with probability p.
  bool chance(double p) { return uniform() < p; }
  //! Standard normal (Box-Muller, one of the pair).
  double normal() {
    const double u = 1.0 - uniform();
    const double v = uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
  }
  //! exp(N(0, sigma^2)): a log-normal of median 1.
  double log_normal(double sigma) { return std::exp(sigma * normal()); }

 private:
  static constexpr int kShift = 11;
  static constexpr double kUnit = 0x1.0p-53;
  static std::uint64_t key(std::uint64_t network, Purpose purpose, std::uint64_t cycle, std::uint64_t partner) {
    games::detail::SplitMix64 mix(network);
    std::uint64_t k = mix.next();
    k = games::detail::SplitMix64(k ^ static_cast<std::uint64_t>(purpose)).next();
    k = games::detail::SplitMix64(k ^ cycle).next();
    return games::detail::SplitMix64(k ^ partner).next();
  }
  games::detail::Xoshiro256 rng_;
};

}  // namespace covalue::core::sim::detail
