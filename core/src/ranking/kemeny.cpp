#include "covalue/core/ranking/kemeny.hpp"

#include <algorithm>
#include <bit>
#include <limits>
#include <string>

#include "covalue/core/ranking/weak_order.hpp"

namespace covalue::core::ranking {
namespace {

using Mask = std::uint32_t;

// A 128-bit counter of optimal orders (22! < 2^70), kept as two 64-bit words.
struct Count128 {
  std::uint64_t low{0};
  std::uint64_t high{0};

  void add(const Count128& other) {
    const std::uint64_t sum = low + other.low;
    high += other.high + (sum < low ? 1 : 0);
    low = sum;
  }
  [[nodiscard]] Integer to_integer() const {
    Integer result(static_cast<unsigned long>(high >> 32U));
    result <<= 32;
    result += static_cast<unsigned long>(high & 0xFFFFFFFFU);
    result <<= 32;
    result += static_cast<unsigned long>(low >> 32U);
    result <<= 32;
    result += static_cast<unsigned long>(low & 0xFFFFFFFFU);
    return result;
  }
};

// Exact Kemeny-Young on one part of k candidates: best[T] is the least cost of ordering the set T
// (bit i = part[i]) below everything else; cost(c above T) comes from two half-width tables.
class SubsetDp {
 public:
  SubsetDp(const PairwiseMatrix& pairwise, const std::vector<Candidate>& part)
      : part_(part), k_(static_cast<std::uint32_t>(part.size())), low_bits_(k_ / 2) {
    const std::size_t low_size = std::size_t{1} << low_bits_;
    const std::size_t high_size = std::size_t{1} << (k_ - low_bits_);
    low_.assign(k_ * low_size, 0);
    high_.assign(k_ * high_size, 0);
    for (std::uint32_t c = 0; c < k_; ++c) {
      fill_sums(pairwise, c, 0, low_bits_, low_.data() + (c * low_size));
      fill_sums(pairwise, c, low_bits_, k_, high_.data() + (c * high_size));
    }
    solve();
  }

  [[nodiscard]] std::int64_t optimum() const { return best_[full()]; }
  [[nodiscard]] const Count128& count() const { return count_[full()]; }

  // Part candidates that head some optimal order of the part.
  [[nodiscard]] std::vector<Candidate> leaders() const {
    std::vector<Candidate> result;
    for (std::uint32_t c = 0; c < k_; ++c) {
      if (is_optimal_top(c, full())) {
        result.push_back(part_[c]);
      }
    }
    return result;
  }

  // Optimal orders of the part in lexicographic order, at most `limit`.
  [[nodiscard]] std::vector<std::vector<Candidate>> orders(std::size_t limit) const {
    std::vector<std::vector<Candidate>> result;
    std::vector<Candidate> prefix;
    enumerate(full(), prefix, limit, result);
    return result;
  }

 private:
  [[nodiscard]] Mask full() const { return k_ == 32 ? ~Mask{0} : (Mask{1} << k_) - 1; }

  // sums[x] = sum over bits i of x of support(part[from + i], part[c]): the cost of c above them.
  void fill_sums(const PairwiseMatrix& pairwise, std::uint32_t c, std::uint32_t from, std::uint32_t to,
                 std::int64_t* sums) const {
    sums[0] = 0;
    for (Mask x = 1; x < (Mask{1} << (to - from)); ++x) {
      const auto bit = static_cast<std::uint32_t>(std::countr_zero(x));
      sums[x] = sums[x & (x - 1)] + pairwise.support(part_[from + bit], part_[c]);
    }
  }

  [[nodiscard]] std::int64_t place_cost(std::uint32_t c, Mask set) const {
    const Mask low_mask = (Mask{1} << low_bits_) - 1;
    return low_[(c << low_bits_) + (set & low_mask)] + high_[(c << (k_ - low_bits_)) + (set >> low_bits_)];
  }

  [[nodiscard]] bool is_optimal_top(std::uint32_t c, Mask set) const {
    const Mask rest = set & ~(Mask{1} << c);
    return place_cost(c, rest) + best_[rest] == best_[set];
  }

  void solve() {
    const std::size_t size = std::size_t{1} << k_;
    best_.assign(size, 0);
    count_.assign(size, Count128{});
    count_[0].low = 1;
    for (Mask set = 1; set < size; ++set) {
      std::int64_t least = std::numeric_limits<std::int64_t>::max();
      for (Mask rest = set; rest != 0; rest &= rest - 1) {
        const auto c = static_cast<std::uint32_t>(std::countr_zero(rest));
        const Mask others = set & ~(Mask{1} << c);
        least = std::min(least, place_cost(c, others) + best_[others]);
      }
      best_[set] = least;
      for (Mask rest = set; rest != 0; rest &= rest - 1) {
        const auto c = static_cast<std::uint32_t>(std::countr_zero(rest));
        if (is_optimal_top(c, set)) {
          count_[set].add(count_[set & ~(Mask{1} << c)]);
        }
      }
    }
  }

  void enumerate(Mask set, std::vector<Candidate>& prefix, std::size_t limit,
                 std::vector<std::vector<Candidate>>& out) const {
    if (out.size() >= limit) {
      return;
    }
    if (set == 0) {
      out.push_back(prefix);
      return;
    }
    for (Mask rest = set; rest != 0; rest &= rest - 1) {
      const auto c = static_cast<std::uint32_t>(std::countr_zero(rest));
      if (is_optimal_top(c, set)) {
        prefix.push_back(part_[c]);
        enumerate(set & ~(Mask{1} << c), prefix, limit, out);
        prefix.pop_back();
      }
    }
  }

  const std::vector<Candidate>& part_;
  std::uint32_t k_;
  std::uint32_t low_bits_;
  std::vector<std::int64_t> low_;
  std::vector<std::int64_t> high_;
  std::vector<std::int64_t> best_;
  std::vector<Count128> count_;
};

// The concatenations of one optimal order per part, lexicographically, at most `limit`.
std::vector<std::vector<Candidate>> combine(const std::vector<std::vector<std::vector<Candidate>>>& per_part,
                                            std::size_t limit) {
  std::vector<std::vector<Candidate>> result;
  std::vector<std::size_t> digit(per_part.size(), 0);
  while (result.size() < limit) {
    std::vector<Candidate> order;
    for (std::size_t p = 0; p < per_part.size(); ++p) {
      order.insert(order.end(), per_part[p][digit[p]].begin(), per_part[p][digit[p]].end());
    }
    result.push_back(std::move(order));
    std::size_t p = per_part.size();
    while (p > 0 && ++digit[p - 1] == per_part[p - 1].size()) {
      digit[--p] = 0;
    }
    if (p == 0) {
      break;
    }
  }
  return result;
}

// Distance terms that do not depend on the order within parts: pairs across parts (ranked in majority
// order) and half a point per tied pair of every ballot.
Rational fixed_distance(const PairwiseMatrix& pairwise, const std::vector<std::vector<Candidate>>& parts) {
  std::vector<std::uint32_t> part_of(pairwise.size(), 0);
  for (std::uint32_t p = 0; p < parts.size(); ++p) {
    for (const Candidate c : parts[p]) {
      part_of[c] = p;
    }
  }
  Integer across = 0;
  Integer tied_twice = 0;
  for (Candidate a = 0; a < pairwise.size(); ++a) {
    for (Candidate b = a + 1; b < pairwise.size(); ++b) {
      const Candidate upper = part_of[a] < part_of[b] ? a : b;
      const Candidate lower = upper == a ? b : a;
      if (part_of[a] != part_of[b]) {
        across += static_cast<long>(pairwise.support(lower, upper));
      }
      tied_twice += static_cast<long>(pairwise.total_weight() - pairwise.support(a, b) - pairwise.support(b, a));
    }
  }
  Rational result(Integer(across * 2 + tied_twice), Integer(2));
  result.canonicalize();
  return result;
}

}  // namespace

Result<RankingResult> kemeny_young(const PairwiseMatrix& pairwise, const RankingOptions& options) {
  const std::vector<std::vector<Candidate>> parts = condorcet_components(pairwise);
  for (const auto& part : parts) {
    if (part.size() > kMaxKemenyComponent) {
      return make_error(ErrorKind::kTimeLimit,
                        "Kemeny-Young: " + std::to_string(part.size()) + " candidates are mutually entangled; " +
                            "the exact solver handles at most " + std::to_string(kMaxKemenyComponent));
    }
  }
  RankingResult result;
  result.rule = RankingRule::kKemenyYoung;
  result.optimal_ranking_count = 1;
  result.kemeny_distance = fixed_distance(pairwise, parts);
  std::vector<std::vector<std::vector<Candidate>>> per_part;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    const SubsetDp dp(pairwise, parts[p]);
    result.optimal_ranking_count *= dp.count().to_integer();
    result.kemeny_distance += Rational(static_cast<long>(dp.optimum()));
    per_part.push_back(dp.orders(std::max<std::size_t>(options.max_rankings, 1)));
    if (p == 0) {
      result.winners = dp.leaders();
    }
  }
  result.optimal_rankings = combine(per_part, std::max<std::size_t>(options.max_rankings, 1));
  if (options.max_rankings == 0) {
    result.optimal_rankings.clear();
  }
  result.ranking =
      as_weak_order(result.optimal_rankings.empty() ? combine(per_part, 1).front() : result.optimal_rankings.front());
  std::sort(result.winners.begin(), result.winners.end());
  return result;
}

}  // namespace covalue::core::ranking
