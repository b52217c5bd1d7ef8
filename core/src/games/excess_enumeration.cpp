// Largest excess by enumeration: blocks of coalitions from BlockEvaluator, the weights of the inner players
// from a table, the high players' weights kept as the Gray code flips them.
#include <algorithm>
#include <bit>
#include <variant>

#include "block_evaluator.hpp"
#include "largest_excess.hpp"
#include "parallel.hpp"

namespace covalue::core::games::detail {
namespace {

constexpr unsigned kEnumerationInnerBits = 8;
constexpr std::size_t kEnumerationSplitPlayers = 16;

// The best coalition seen: largest excess, then fewest players, then smallest mask.
template <typename Int>
struct Best {
  Int value{0};
  unsigned count{0};
  std::uint64_t mask{0};

  [[nodiscard]] bool beaten_by(const Int& other_value, unsigned other_count, std::uint64_t other_mask) const {
    if (other_value != value) {
      return other_value > value;
    }
    return other_count != count ? other_count < count : other_mask < mask;
  }
};

template <typename Int>
std::vector<Int> inner_weights(const TypedSubgame<Int>& game, unsigned bits) {
  std::vector<Int> table(std::size_t{1} << bits);
  for (std::size_t m = 1; m < table.size(); ++m) {
    table[m] = table[m & (m - 1)] + game.weights[static_cast<std::size_t>(std::countr_zero(m))];
  }
  return table;
}

template <typename Int>
Best<Integer> scan_blocks(const TypedSubgame<Int>& game, std::uint64_t first, std::uint64_t last) {
  const auto bits = static_cast<unsigned>(std::min<std::size_t>(game.num_players, kEnumerationInnerBits));
  BlockEvaluator<Int> evaluator(game, bits);
  const std::vector<Int> inner = inner_weights(game, bits);
  std::vector<Int> values(evaluator.block_size());
  std::uint64_t high = first ^ (first >> 1);
  evaluator.set_high(high << bits);
  Int high_weight(0);
  for (std::uint64_t rest = high; rest != 0; rest &= rest - 1) {
    high_weight += game.weights[bits + static_cast<std::size_t>(std::countr_zero(rest))];
  }
  Best<Int> best;
  Int excess;
  for (std::uint64_t j = first; j < last; ++j) {
    if (j != first) {
      const auto k = static_cast<unsigned>(std::countr_zero(j));
      high ^= std::uint64_t{1} << k;
      const bool added = ((high >> k) & 1U) != 0;
      evaluator.flip_high(bits + k, added);
      high_weight += added ? game.weights[bits + k] : Int(-game.weights[bits + k]);
    }
    evaluator.evaluate(values);
    const auto high_count = static_cast<unsigned>(std::popcount(high));
    for (std::size_t m = 0; m < values.size(); ++m) {
      excess = values[m] - high_weight - inner[m];
      if (excess >= 0) {
        const unsigned count = high_count + static_cast<unsigned>(std::popcount(m));
        const std::uint64_t mask = (high << bits) | m;
        if (best.beaten_by(excess, count, mask)) {
          best = {excess, count, mask};
        }
      }
    }
  }
  return {to_integer(best.value), best.count, best.mask};
}

}  // namespace

Excess largest_excess_by_enumeration(const Subgame& game, unsigned threads) {
  using AnyTyped = std::variant<TypedSubgame<std::int64_t>, TypedSubgame<Integer>>;
  const AnyTyped typed = with_typed(game, [](auto t) { return AnyTyped(std::move(t)); });
  const std::size_t n = game.players.size();
  const std::uint64_t blocks = std::uint64_t{1} << (n - std::min<std::size_t>(n, kEnumerationInnerBits));
  const std::uint64_t chunks =
      n >= kEnumerationSplitPlayers ? std::min<std::uint64_t>(blocks, 8ULL * std::max(threads, 1U)) : 1;
  std::vector<Best<Integer>> results(chunks);
  parallel_for(chunks, threads, [&](std::size_t c) {
    results[c] = std::visit(
        [&](const auto& g) { return scan_blocks(g, blocks * c / chunks, blocks * (c + 1) / chunks); }, typed);
  });
  Best<Integer> best;
  for (const Best<Integer>& result : results) {
    if (best.beaten_by(result.value, result.count, result.mask)) {
      best = result;
    }
  }
  Excess out{best.value, {}};
  for (std::uint64_t rest = best.mask; rest != 0; rest &= rest - 1) {
    out.members.push_back(static_cast<std::uint32_t>(std::countr_zero(rest)));
  }
  return out;
}

}  // namespace covalue::core::games::detail
