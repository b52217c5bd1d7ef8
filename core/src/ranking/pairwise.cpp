#include "covalue/core/ranking/pairwise.hpp"

#include <algorithm>

#include "covalue/core/ranking/pairwise_kernel.hpp"

namespace covalue::core::ranking {
namespace {

// Below this many candidates every ballot takes the O(k^2) path.
constexpr std::uint32_t kDenseMinCandidates = 32;
// Ballots counted per weight bit: a ballot of count w joins the plane of every set bit of w.
constexpr int kWeightBits = 32;
// Voters whose positions are gathered row-major before the transposition into the chunk.
constexpr std::size_t kTransposeBatch = 16;
// Bytes of candidate rows compared against each block at a time (well inside a 1 MB L2 cache).
constexpr std::size_t kBandBytes = std::size_t{384} << 10;

bool is_strict_complete(const RankedBallot& ballot, std::uint32_t num_candidates) {
  return ballot.ties.empty() && ballot.order.size() == num_candidates;
}

// Adds a short ballot in O(k^2): each ranked candidate first beats everybody (`beats_all`), then the
// pairs it does not win among ranked candidates (ranked above it or tied with it) are taken back.
void add_sparse(const RankedBallot& ballot, PairwiseMatrix& matrix, std::vector<std::int64_t>& beats_all) {
  const std::int64_t w = ballot.count;
  std::size_t seen = 0;  // candidates of the tiers visited so far, including the current one
  for (TierWalker walk(ballot); !walk.done(); walk.next()) {
    const std::size_t tier_begin = seen;
    seen += walk.tier().size();
    for (std::size_t i = tier_begin; i < seen; ++i) {
      const Candidate a = ballot.order[i];
      beats_all[a] += w;
      std::int64_t* row = matrix.support_row(a);
      for (std::size_t j = 0; j < seen; ++j) {
        row[ballot.order[j]] -= w;
      }
      row[a] += w;  // a is not its own rival
    }
  }
}

// Long ballots of equal weight, counted chunk by chunk: each chunk is transposed to candidate-major
// 16-bit tier positions; the kernel's counts add up in `tallies_`, laid out in the order the kernel
// produces them (per block of kKernelRows candidates a, per b > a0: below[], then above[]), and reach
// the matrix once at the end.
class DenseCounter {
 public:
  explicit DenseCounter(std::uint32_t num_candidates)
      : m_(num_candidates), rows_((num_candidates + kKernelRows - 1) / kKernelRows * kKernelRows) {
    std::size_t offset = 0;
    for (std::size_t a0 = 0; a0 < m_; a0 += kKernelRows) {
      block_offset_.push_back(offset);
      offset += (m_ - a0 - 1) * 2 * kKernelRows;
    }
    tallies_.assign(offset, 0);
  }

  void add(const std::vector<const RankedBallot*>& ballots) {
    for (std::size_t begin = 0; begin < ballots.size(); begin += kKernelChunk) {
      fill(ballots, begin, std::min(ballots.size(), begin + kKernelChunk));
      count();
    }
  }

  void flush_into(PairwiseMatrix& matrix, std::int64_t weight) const {
    for (std::size_t k = 0; k < block_offset_.size(); ++k) {
      const std::size_t a0 = k * kKernelRows;
      const std::uint32_t* slot = tallies_.data() + block_offset_[k];
      for (std::size_t b = a0 + 1; b < m_; ++b, slot += 2 * kKernelRows) {
        for (std::size_t a = a0; a < std::min<std::size_t>({a0 + kKernelRows, b, m_}); ++a) {
          matrix.add_support(static_cast<Candidate>(a), static_cast<Candidate>(b), slot[a - a0] * weight);
          matrix.add_support(static_cast<Candidate>(b), static_cast<Candidate>(a), slot[kKernelRows + a - a0] * weight);
        }
      }
    }
  }

 private:
  void fill(const std::vector<const RankedBallot*>& ballots, std::size_t begin, std::size_t end) {
    len_ = end - begin;
    stride_ = (len_ + kKernelLanePad - 1) / kKernelLanePad * kKernelLanePad;
    cells_.assign(rows_ * stride_, 0);
    strict_ = true;
    std::vector<std::uint16_t> batch(kTransposeBatch * m_);
    for (std::size_t v0 = 0; v0 < len_; v0 += kTransposeBatch) {
      const std::size_t count = std::min(kTransposeBatch, len_ - v0);
      for (std::size_t k = 0; k < count; ++k) {
        gather(*ballots[begin + v0 + k], batch.data() + (k * m_));
      }
      for (std::uint32_t c = 0; c < m_; ++c) {
        std::uint16_t* dst = cells_.data() + (c * stride_) + v0;
        for (std::size_t k = 0; k < count; ++k) {
          dst[k] = batch[(k * m_) + c];
        }
      }
    }
  }

  // Strict complete chunks need only `below`: there, above = voters - below. The b rows are taken a
  // band at a time, small enough to stay in the processor's L2 cache while every block of a passes.
  void count() {
    const PairBlockCounter counter = select_pair_block_counter(!strict_);
    const std::size_t band = std::max<std::size_t>(kKernelRows, kBandBytes / (stride_ * sizeof(std::uint16_t)));
    for (std::size_t b0 = 1; b0 < m_; b0 += band) {
      const std::size_t b1 = std::min<std::size_t>(m_, b0 + band);
      for (std::size_t k = 0; k < block_offset_.size() && k * kKernelRows < b1 - 1; ++k) {
        count_band(counter, k, std::max(b0, (k * kKernelRows) + 1), b1);
      }
    }
  }

  void count_band(PairBlockCounter counter, std::size_t k, std::size_t b_begin, std::size_t b_end) {
    const std::size_t a0 = k * kKernelRows;
    std::uint32_t below[kKernelRows];
    std::uint32_t above[kKernelRows];
    std::uint32_t* slot = tallies_.data() + block_offset_[k] + ((b_begin - a0 - 1) * 2 * kKernelRows);
    for (std::size_t b = b_begin; b < b_end; ++b, slot += 2 * kKernelRows) {
      counter(cells_.data() + (a0 * stride_), stride_, cells_.data() + (b * stride_), stride_, below, above);
      for (std::size_t i = 0; i < kKernelRows; ++i) {
        slot[i] += below[i];
        slot[kKernelRows + i] += strict_ ? static_cast<std::uint32_t>(len_) - below[i] : above[i];
      }
    }
  }

  void gather(const RankedBallot& ballot, std::uint16_t* out) {
    std::fill(out, out + m_, static_cast<std::uint16_t>(tier_count(ballot)));
    std::uint16_t tier = 0;
    std::size_t tie = 0;
    for (std::size_t i = 0; i < ballot.order.size(); ++i) {
      if (i > 0 && tie < ballot.ties.size() && ballot.ties[tie] == i) {
        ++tie;  // tied with the previous candidate
      } else if (i > 0) {
        ++tier;
      }
      out[ballot.order[i]] = tier;
    }
    strict_ = strict_ && is_strict_complete(ballot, m_);
  }

  std::uint32_t m_;
  std::size_t rows_;
  std::vector<std::size_t> block_offset_;
  std::vector<std::uint32_t> tallies_;
  std::size_t len_{0};
  std::size_t stride_{0};
  bool strict_{true};
  std::vector<std::uint16_t> cells_;
};

void add_dense(const std::vector<const RankedBallot*>& ballots, std::int64_t weight, std::uint32_t m,
               PairwiseMatrix& matrix) {
  DenseCounter counter(m);
  counter.add(ballots);
  counter.flush_into(matrix, weight);
}

}  // namespace

PairwiseMatrix::PairwiseMatrix(std::uint32_t size, std::int64_t total_weight)
    : size_(size), total_weight_(total_weight), support_(static_cast<std::size_t>(size) * size, 0) {}

std::vector<std::vector<std::int64_t>> PairwiseMatrix::margins() const {
  std::vector<std::vector<std::int64_t>> result(size_, std::vector<std::int64_t>(size_, 0));
  for (Candidate a = 0; a < size_; ++a) {
    for (Candidate b = 0; b < size_; ++b) {
      result[a][b] = margin(a, b);
    }
  }
  return result;
}

PairwiseMatrix compute_pairwise(const OrdinalProfile& profile) {
  const std::uint32_t m = profile.num_candidates;
  PairwiseMatrix matrix(m, profile.total_weight());
  std::vector<std::int64_t> beats_all(m, 0);
  std::vector<std::vector<const RankedBallot*>> planes(kWeightBits);
  for (const RankedBallot& ballot : profile.ballots) {
    const std::size_t k = ranked_count(ballot);
    if (m < kDenseMinCandidates || 4 * k < m) {
      add_sparse(ballot, matrix, beats_all);
      continue;
    }
    auto bits = static_cast<std::uint64_t>(ballot.count);
    for (int j = 0; j < kWeightBits && bits != 0; ++j, bits >>= 1U) {
      if ((bits & 1U) != 0) {
        planes[j].push_back(&ballot);
      }
    }
  }
  for (int j = 0; j < kWeightBits; ++j) {
    if (!planes[j].empty()) {
      add_dense(planes[j], std::int64_t{1} << j, m, matrix);
    }
  }
  for (Candidate a = 0; a < m; ++a) {
    std::int64_t* row = matrix.support_row(a);
    for (Candidate b = 0; b < m; ++b) {
      row[b] += b == a ? 0 : beats_all[a];
    }
  }
  return matrix;
}

}  // namespace covalue::core::ranking
