#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

#include "subgame.hpp"
#include "wide_int.hpp"

namespace covalue::core::games::detail {

//! Evaluates a subgame on whole blocks of coalitions: the first `inner_bits` local players are "inner",
//! the rest "high". For a fixed set of high players, evaluate() gives v(high + m) for all 2^inner_bits inner
//! masks m at once from per-initiative tables, skipping every initiative a missing high player vetoes.
template <typename Int>
class BlockEvaluator {
 public:
  //! Tables for `game` with the given number of inner players (at most the number of players, at most 16).
  BlockEvaluator(const TypedSubgame<Int>& game, unsigned inner_bits)
      : game_(game), bits_(inner_bits), block_(std::size_t{1} << inner_bits) {
    const std::size_t count = game.num_initiatives;
    table_.resize(count * block_);
    table_max_.resize(count);
    high_sum_.resize(count);
    high_missing_.resize(count);
    std::vector<Int> inner(count * bits_);
    std::vector<std::uint64_t> harmed_mask(count, 0);
    for (std::size_t p = 0; p < bits_; ++p) {
      for (std::size_t e = game.offsets[p]; e < game.offsets[p + 1]; ++e) {
        const TypedImpact<Int>& impact = game.entries[e];
        inner[impact.initiative * bits_ + p] = impact.value;
        if (impact.value < 0) {
          harmed_mask[impact.initiative] |= std::uint64_t{1} << p;
        }
      }
    }
    for (std::size_t i = 0; i < count; ++i) {
      fill_table(i, &inner[i * bits_], harmed_mask[i]);
    }
    set_high(0);
  }

  //! Number of inner masks per block.
  [[nodiscard]] std::size_t block_size() const { return block_; }

  //! Makes the high coalition the high players whose bits are set in `mask` (inner bits are ignored).
  void set_high(std::uint64_t mask) {
    for (std::size_t i = 0; i < game_.num_initiatives; ++i) {
      high_sum_[i] = game_.base[i];
      high_missing_[i] = 0;
    }
    for (std::size_t p = bits_; p < game_.num_players; ++p) {
      for (std::size_t e = game_.offsets[p]; e < game_.offsets[p + 1]; ++e) {
        const TypedImpact<Int>& impact = game_.entries[e];
        high_missing_[impact.initiative] += impact.value < 0 ? 1 : 0;
      }
      if (((mask >> p) & 1U) != 0) {
        flip_high(p, true);
      }
    }
  }

  //! Adds (added) or removes one high player.
  void flip_high(std::size_t player, bool added) {
    for (std::size_t e = game_.offsets[player]; e < game_.offsets[player + 1]; ++e) {
      const TypedImpact<Int>& impact = game_.entries[e];
      const std::uint32_t harm = impact.value < 0 ? 1 : 0;
      if (added) {
        high_sum_[impact.initiative] += impact.value;
        high_missing_[impact.initiative] -= harm;
      } else {
        high_sum_[impact.initiative] -= impact.value;
        high_missing_[impact.initiative] += harm;
      }
    }
  }

  //! values[m] = scaled v(high + inner mask m) for every m < block_size(); false when all are zero.
  bool evaluate(std::vector<Int>& values) const {
    std::fill(values.begin(), values.end(), Int(0));
    bool any = false;
    for (std::size_t i = 0; i < game_.num_initiatives; ++i) {
      if (high_missing_[i] != 0 || high_sum_[i] + table_max_[i] <= 0) {
        continue;
      }
      any = true;
      add_positive_parts(values.data(), high_sum_[i], &table_[i * block_], block_);
    }
    return any;
  }

 private:
  // table[m] = the inner members' impacts on i, or a sentinel low enough to zero any sum when an inner
  // harmed player is missing from m.
  void fill_table(std::size_t i, const Int* inner, std::uint64_t harmed_mask) {
    Int* table = &table_[i * block_];
    const Int sentinel = Int(-1) - game_.magnitude[i];
    table[0] = 0;
    for (std::size_t m = 1; m < block_; ++m) {
      table[m] = table[m & (m - 1)] + inner[std::countr_zero(m)];
    }
    table_max_[i] = sentinel;
    for (std::size_t m = 0; m < block_; ++m) {
      if ((m & harmed_mask) != harmed_mask) {
        table[m] = sentinel;
      }
      if (table[m] > table_max_[i]) {
        table_max_[i] = table[m];
      }
    }
  }

  const TypedSubgame<Int>& game_;
  unsigned bits_;
  std::size_t block_;
  std::vector<Int> table_;
  std::vector<Int> table_max_;
  std::vector<Int> high_sum_;
  std::vector<std::uint32_t> high_missing_;
};

}  // namespace covalue::core::games::detail
