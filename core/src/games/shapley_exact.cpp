// Exact Shapley values by enumeration. For a piece on n local players (plus h harmed players that are
// always present), with A(p, t) = sum of scaled v(S) over local coalitions S of t players that hold p and
// T(t) = the same sum over all of them, and W(s) = s! (m - 1 - s)! for m = n + h players in all:
//   m! * scale * phi_p = sum_t W(t + h - 1) A(p, t) - sum_t W(t + h) (T(t) - A(p, t)).
// A and T are integers accumulated block by block (BlockEvaluator) in 128 bits or GMP integers.
#include "shapley_exact.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <variant>

#include "block_evaluator.hpp"
#include "parallel.hpp"

namespace covalue::core::games::detail {
namespace {

constexpr unsigned kInnerBits = 8;
constexpr std::size_t kSplitPlayers = 16;  // pieces with at least this many players are split into chunks

unsigned inner_bits_of(std::size_t players) {
  return static_cast<unsigned>(std::min<std::size_t>(players, kInnerBits));
}

// Accumulates A and T over the blocks of one chunk.
template <typename Int>
class SizeSums {
 public:
  using W = WideOf<Int>;

  SizeSums(std::size_t players, unsigned bits)
      : n_(players),
        bits_(bits),
        block_(std::size_t{1} << bits),
        member_(players * (players + 1)),
        total_(players + 1),
        inner_((players - bits + 1) * block_),
        by_size_(bits + 1) {}

  // Adds the values of the block whose high players are `high` (bit k: local player bits + k).
  void add_block(const std::vector<Int>& values, std::uint64_t high) {
    const auto high_count = static_cast<std::size_t>(std::popcount(high));
    std::fill(by_size_.begin(), by_size_.end(), W(0));
    W* inner = &inner_[high_count * block_];
    for (std::size_t m = 0; m < block_; ++m) {
      inner[m] += values[m];
      by_size_[static_cast<std::size_t>(std::popcount(m))] += values[m];
    }
    for (std::size_t c = 0; c <= bits_; ++c) {
      total_[high_count + c] += by_size_[c];
    }
    for (std::uint64_t rest = high; rest != 0; rest &= rest - 1) {
      const std::size_t p = bits_ + static_cast<std::size_t>(std::countr_zero(rest));
      for (std::size_t c = 0; c <= bits_; ++c) {
        member_[p * (n_ + 1) + high_count + c] += by_size_[c];
      }
    }
  }

  // A(p, t) then T(t), as exact integers, once the inner players got their share of every block.
  std::vector<Integer> finish() {
    for (std::size_t h = 0; h + bits_ <= n_; ++h) {
      for (std::size_t m = 1; m < block_; ++m) {
        const W& sum = inner_[h * block_ + m];
        const std::size_t size = h + static_cast<std::size_t>(std::popcount(m));
        for (std::size_t rest = m; rest != 0; rest &= rest - 1) {
          member_[static_cast<std::size_t>(std::countr_zero(rest)) * (n_ + 1) + size] += sum;
        }
      }
    }
    std::vector<Integer> sums;
    sums.reserve(member_.size() + total_.size());
    for (const W& sum : member_) {
      sums.push_back(to_integer(sum));
    }
    for (const W& sum : total_) {
      sums.push_back(to_integer(sum));
    }
    return sums;
  }

 private:
  std::size_t n_;
  std::size_t bits_;
  std::size_t block_;
  std::vector<W> member_;
  std::vector<W> total_;
  std::vector<W> inner_;  // [high count][inner mask]
  std::vector<W> by_size_;
};

// A and T over the blocks first .. last - 1, taken in Gray-code order (one high player flips per block).
template <typename Int>
std::vector<Integer> enumerate_blocks(const TypedSubgame<Int>& game, std::uint64_t first, std::uint64_t last) {
  const unsigned bits = inner_bits_of(game.num_players);
  BlockEvaluator<Int> evaluator(game, bits);
  SizeSums<Int> sums(game.num_players, bits);
  std::vector<Int> values(evaluator.block_size());
  std::uint64_t high = first ^ (first >> 1);
  evaluator.set_high(high << bits);
  for (std::uint64_t j = first; j < last; ++j) {
    if (j != first) {
      const auto k = static_cast<unsigned>(std::countr_zero(j));
      high ^= std::uint64_t{1} << k;
      evaluator.flip_high(bits + k, ((high >> k) & 1U) != 0);
    }
    if (evaluator.evaluate(values)) {
      sums.add_block(values, high);
    }
  }
  return sums.finish();
}

using AnyTyped = std::variant<TypedSubgame<std::int64_t>, TypedSubgame<Integer>>;

struct Job {
  std::size_t piece{0};
  std::uint64_t first{0};
  std::uint64_t last{0};
};

std::vector<Job> plan_jobs(const std::vector<ExactPiece>& pieces, unsigned threads) {
  std::vector<Job> jobs;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const std::size_t n = pieces[k].game.players.size();
    const std::uint64_t blocks = std::uint64_t{1} << (n - inner_bits_of(n));
    const std::uint64_t chunks = n >= kSplitPlayers ? std::min<std::uint64_t>(blocks, 8ULL * std::max(threads, 1U)) : 1;
    for (std::uint64_t c = 0; c < chunks; ++c) {
      jobs.push_back({k, blocks * c / chunks, blocks * (c + 1) / chunks});
    }
  }
  return jobs;
}

// The exact Shapley values of one piece's local players from its summed A and T.
std::vector<Rational> shapley_from_sums(const std::vector<Integer>& sums, std::size_t n, std::size_t absent,
                                        const Integer& scale) {
  const std::size_t m = n + absent;
  std::vector<Integer> weight(m);
  for (std::size_t s = 0; s < m; ++s) {
    Integer left;
    Integer right;
    mpz_fac_ui(left.get_mpz_t(), s);
    mpz_fac_ui(right.get_mpz_t(), m - 1 - s);
    weight[s] = left * right;
  }
  Integer denominator;
  mpz_fac_ui(denominator.get_mpz_t(), m);
  denominator *= scale;
  const Integer* total = &sums[n * (n + 1)];
  std::vector<Rational> phi(n);
  for (std::size_t p = 0; p < n; ++p) {
    const Integer* member = &sums[p * (n + 1)];
    Integer numerator;
    for (std::size_t t = 0; t <= n; ++t) {
      if (t >= 1) {
        numerator += weight[t + absent - 1] * member[t];
      }
      if (t < n) {
        numerator -= weight[t + absent] * (total[t] - member[t]);
      }
    }
    phi[p] = make_rational(numerator, denominator);
  }
  return phi;
}

// Adds one piece's values; the absent harmed players share the rest of the piece's value equally.
void settle_piece(const ExactPiece& piece, const std::vector<Integer>& sums, std::vector<Rational>& values) {
  const Subgame& game = piece.game;
  const std::vector<Rational> phi =
      shapley_from_sums(sums, game.players.size(), piece.absent_harmed.size(), game.scale);
  Rational rest;
  for (std::size_t p = 0; p < phi.size(); ++p) {
    values[game.players[p]] += phi[p];
    rest -= phi[p];
  }
  if (piece.absent_harmed.empty()) {
    return;
  }
  Integer grand = game.base.at(0);
  for (const auto& impacts : game.impacts) {
    for (const SubgameImpact& impact : impacts) {
      grand += impact.value;
    }
  }
  rest += make_rational(positive_part(grand), game.scale);
  rest /= static_cast<unsigned long>(piece.absent_harmed.size());
  for (const Player h : piece.absent_harmed) {
    values[h] += rest;
  }
}

}  // namespace

double enumeration_cost(std::size_t players, std::size_t initiatives) {
  return std::ldexp(3.0, static_cast<int>(players)) + 64.0 * static_cast<double>(initiatives);
}

void add_exact_shapley(const std::vector<ExactPiece>& pieces, unsigned threads, std::vector<Rational>& values) {
  std::vector<AnyTyped> typed;
  typed.reserve(pieces.size());
  for (const ExactPiece& piece : pieces) {
    typed.push_back(with_typed(piece.game, [](auto t) { return AnyTyped(std::move(t)); }));
  }
  const std::vector<Job> jobs = plan_jobs(pieces, threads);
  std::vector<std::vector<Integer>> results(jobs.size());
  parallel_for(jobs.size(), threads, [&](std::size_t k) {
    const Job& job = jobs[k];
    results[k] =
        std::visit([&](const auto& game) { return enumerate_blocks(game, job.first, job.last); }, typed[job.piece]);
  });
  std::size_t k = 0;
  for (std::size_t piece = 0; piece < pieces.size(); ++piece) {
    std::vector<Integer> sums = std::move(results[k++]);
    while (k < jobs.size() && jobs[k].piece == piece) {
      for (std::size_t e = 0; e < sums.size(); ++e) {
        sums[e] += results[k][e];
      }
      ++k;
    }
    settle_piece(pieces[piece], sums, values);
  }
}

}  // namespace covalue::core::games::detail
