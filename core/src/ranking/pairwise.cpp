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

bool is_strict_complete(const RankedBallot& ballot, std::uint32_t num_candidates) {
  return ballot.tiers.size() == num_candidates && ranked_count(ballot) == num_candidates;
}

// Adds a short ballot in O(k^2): each ranked candidate first beats everybody (`beats_all`), then the
// pairs it does not win among ranked candidates (ranked above it or tied with it) are taken back.
void add_sparse(const RankedBallot& ballot, PairwiseMatrix& matrix, std::vector<std::int64_t>& beats_all) {
  const std::int64_t w = ballot.count;
  std::vector<Candidate> seen;
  for (const Tier& tier : ballot.tiers) {
    const std::size_t tier_begin = seen.size();
    seen.insert(seen.end(), tier.begin(), tier.end());
    for (std::size_t i = tier_begin; i < seen.size(); ++i) {
      const Candidate a = seen[i];
      beats_all[a] += w;
      std::int64_t* row = matrix.support_row(a);
      for (std::size_t j = 0; j < seen.size(); ++j) {
        row[seen[j]] -= w;
      }
      row[a] += w;  // a is not its own rival
    }
  }
}

// One chunk of long ballots of equal weight, transposed to candidate-major 16-bit tier positions.
class DenseChunk {
 public:
  explicit DenseChunk(std::uint32_t num_candidates)
      : m_(num_candidates), rows_((num_candidates + kKernelRows - 1) / kKernelRows * kKernelRows) {}

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

  void count_into(PairwiseMatrix& matrix, std::int64_t weight) const {
    const PairBlockCounter counter = select_pair_block_counter(!strict_);
    std::uint32_t below[kKernelRows];
    std::uint32_t above[kKernelRows];
    for (std::size_t a0 = 0; a0 < m_; a0 += kKernelRows) {
      for (std::size_t b = a0 + 1; b < m_; ++b) {
        counter(cells_.data() + (a0 * stride_), stride_, cells_.data() + (b * stride_), stride_, below, above);
        const std::size_t last = std::min<std::size_t>({a0 + kKernelRows, b, m_});
        for (std::size_t a = a0; a < last; ++a) {
          const std::int64_t wins = below[a - a0];
          const std::int64_t losses = strict_ ? static_cast<std::int64_t>(len_) - wins : above[a - a0];
          matrix.add_support(static_cast<Candidate>(a), static_cast<Candidate>(b), wins * weight);
          matrix.add_support(static_cast<Candidate>(b), static_cast<Candidate>(a), losses * weight);
        }
      }
    }
  }

 private:
  void gather(const RankedBallot& ballot, std::uint16_t* out) {
    std::fill(out, out + m_, static_cast<std::uint16_t>(ballot.tiers.size()));
    for (std::size_t t = 0; t < ballot.tiers.size(); ++t) {
      for (const Candidate c : ballot.tiers[t]) {
        out[c] = static_cast<std::uint16_t>(t);
      }
    }
    strict_ = strict_ && is_strict_complete(ballot, m_);
  }

  std::uint32_t m_;
  std::size_t rows_;
  std::size_t len_{0};
  std::size_t stride_{0};
  bool strict_{true};
  std::vector<std::uint16_t> cells_;
};

void add_dense(const std::vector<const RankedBallot*>& ballots, std::int64_t weight, std::uint32_t m,
               PairwiseMatrix& matrix) {
  DenseChunk chunk(m);
  for (std::size_t begin = 0; begin < ballots.size(); begin += kKernelChunk) {
    chunk.fill(ballots, begin, std::min(ballots.size(), begin + kKernelChunk));
    chunk.count_into(matrix, weight);
  }
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
