#pragma once

#include <cstdint>
#include <vector>

#include "covalue/core/ranking/ordinal_profile.hpp"

namespace covalue::core::ranking {

//! Head-to-head counts of an election: support(a, b) is the total weight of the ballots that rank a
//! strictly above b (an unranked candidate counts as below every ranked one); margin(a, b) is
//! support(a, b) - support(b, a), so margin(b, a) = -margin(a, b) and margin(a, a) = 0.
class PairwiseMatrix {
 public:
  PairwiseMatrix() = default;
  //! All-zero counts over `size` candidates for ballots of the given total weight.
  PairwiseMatrix(std::uint32_t size, std::int64_t total_weight);

  //! Number of candidates.
  [[nodiscard]] std::uint32_t size() const { return size_; }
  //! Total weight of the ballots counted (ties and abstentions included).
  [[nodiscard]] std::int64_t total_weight() const { return total_weight_; }
  //! Weight of the ballots ranking a strictly above b.
  [[nodiscard]] std::int64_t support(Candidate a, Candidate b) const { return support_[index(a, b)]; }
  //! support(a, b) - support(b, a).
  [[nodiscard]] std::int64_t margin(Candidate a, Candidate b) const { return support(a, b) - support(b, a); }
  //! Adds weight to support(a, b).
  void add_support(Candidate a, Candidate b, std::int64_t weight) { support_[index(a, b)] += weight; }
  //! Row a of the support matrix (support(a, 0), support(a, 1), ...), for bulk updates.
  [[nodiscard]] std::int64_t* support_row(Candidate a) { return support_.data() + index(a, 0); }
  //! The full margin matrix, row a column b = margin(a, b).
  [[nodiscard]] std::vector<std::vector<std::int64_t>> margins() const;

  bool operator==(const PairwiseMatrix&) const = default;

 private:
  [[nodiscard]] std::size_t index(Candidate a, Candidate b) const { return (static_cast<std::size_t>(a) * size_) + b; }

  std::uint32_t size_{0};
  std::int64_t total_weight_{0};
  std::vector<std::int64_t> support_;
};

//! Counts every head-to-head contest of a valid profile exactly. Short ballots cost O(k^2) each
//! (k ranked candidates); long ballots go through a vectorised kernel over chunks of voters.
[[nodiscard]] PairwiseMatrix compute_pairwise(const OrdinalProfile& profile);

}  // namespace covalue::core::ranking
