#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "covalue/core/instance.hpp"
#include "covalue/core/number_column.hpp"
#include "covalue/core/profile.hpp"
#include "covalue/core/rational.hpp"

namespace covalue::core {

//! Index of a group of voters with identical approval sets.
using GroupIndex = std::uint32_t;

//! The deduplicated multiset form of a profile that approval-based rules work on: voters with the
//! same approval set form one group whose weight is the sum of theirs. An approval ballot is a set
//! (a project listed twice counts once); choose-1 approves its one project; cumulative and scoring
//! ballots approve the projects given positive points; ordinal ballots approve the ranked projects.
class ApprovalProfile {
 public:
  //! Builds the grouped form; projects must index into an instance of `num_projects` projects.
  static ApprovalProfile from_profile(const Profile& profile, std::size_t num_projects);

  //! Builds directly from approval sets and weights (tests, synthetic elections).
  static ApprovalProfile from_sets(const std::vector<std::vector<ProjectIndex>>& sets,
                                   const std::vector<Rational>& weights, std::size_t num_projects);

  [[nodiscard]] std::size_t num_groups() const { return approval_offsets_.size() - 1; }
  [[nodiscard]] std::size_t num_projects() const { return num_projects_; }
  //! Number of voters (ballots) before grouping.
  [[nodiscard]] std::size_t num_voters() const { return group_of_.size(); }

  //! Sorted approved projects of a group.
  [[nodiscard]] std::span<const ProjectIndex> approvals(GroupIndex group) const {
    return {approvals_.data() + approval_offsets_[group], approvals_.data() + approval_offsets_[group + 1]};
  }
  //! Groups that approve a project, ascending.
  [[nodiscard]] std::span<const GroupIndex> supporters(ProjectIndex project) const {
    return {supporters_.data() + supporter_offsets_[project], supporters_.data() + supporter_offsets_[project + 1]};
  }
  //! The group of a voter (a ballot index into the source Profile).
  [[nodiscard]] GroupIndex group_of(std::size_t voter) const { return group_of_[voter]; }
  //! Ballot indices (into the source Profile) of a group's voters, ascending (a pass over all voters).
  [[nodiscard]] std::vector<std::uint32_t> voters(GroupIndex group) const;
  //! A group's weight: the sum of its voters' weights.
  [[nodiscard]] Rational weight(GroupIndex group) const;
  [[nodiscard]] const Rational& total_weight() const { return total_weight_; }
  //! Total weight of the voters approving a project.
  [[nodiscard]] const Rational& approval_weight(ProjectIndex project) const { return approval_weight_[project]; }

  //! A group's integer weight, proportional to the real one (its size for unweighted voters): every rule
  //! here is invariant under scaling all weights, so the engines count with integers.
  [[nodiscard]] Integer integer_weight(GroupIndex group) const {
    // NOLINTNEXTLINE(google-runtime-int): GMP's own type
    return small_weights_.empty() ? big_weights_[group] : Integer(static_cast<long>(small_weights_[group]));
  }
  //! True when the integer weights are non-negative and sum below 2^62, so that no sum of them overflows
  //! 64 bits: they are then kept as machine integers (int64_weights()), without an allocation per group.
  [[nodiscard]] bool weights_fit_int64() const { return !small_weights_.empty() || num_groups() == 0; }
  //! The integer weights when weights_fit_int64(), else empty.
  [[nodiscard]] std::span<const std::int64_t> int64_weights() const { return small_weights_; }
  //! The factor integer weights = weights * scale.
  [[nodiscard]] const Integer& weight_scale() const { return weight_scale_; }

 private:
  class Builder;  // numbers the distinct sets (approval_profile.cpp)
  // Sets the integer weights from the voters' (nullptr: every voter weighs 1), then finish().
  void weigh(const NumberColumn* weights);
  void finish();

  std::size_t num_projects_{0};
  std::vector<GroupIndex> group_of_;  // per voter
  std::vector<std::uint32_t> approval_offsets_{0};
  std::vector<ProjectIndex> approvals_;
  std::vector<std::uint32_t> supporter_offsets_;
  std::vector<GroupIndex> supporters_;
  std::vector<std::int64_t> small_weights_;  // per group, when the weights fit (weights_fit_int64)
  std::vector<Integer> big_weights_;         // per group, when they do not
  std::vector<Rational> approval_weight_;
  Rational total_weight_;
  Integer weight_scale_{1};
};

}  // namespace covalue::core
