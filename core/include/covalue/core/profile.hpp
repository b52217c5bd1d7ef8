#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/instance.hpp"
#include "covalue/core/number_column.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/core/text_column.hpp"

namespace covalue::core {

//! How a ballot expresses preferences (the Pabulib vote types).
enum class BallotKind {
  kApproval,    //!< a set of approved projects
  kChoose1,     //!< exactly one project
  kCumulative,  //!< points spread over projects (sum constrained)
  kScoring,     //!< a score per project
  kOrdinal,     //!< a ranking, favourite first
};

//! Pabulib's own vote_type tokens (a file format's spelling, so "choose-1" keeps its hyphen).
constexpr auto enum_names(BallotKind /*tag*/) {
  using enum BallotKind;
  return core::NameTable{"vote type", std::to_array<core::EnumName<BallotKind>>({{kApproval, "approval"},
                                                                                 {kChoose1, "choose-1"},
                                                                                 {kCumulative, "cumulative"},
                                                                                 {kScoring, "scoring"},
                                                                                 {kOrdinal, "ordinal"}})};
}

//! One voter's ballot, viewed in its Profile (valid until the profile changes). `projects` keeps the
//! order given (favourite first for ordinal ballots); `points` pairs with `projects` by position for
//! cumulative and scoring ballots.
struct BallotView {
  std::string_view voter_id;
  std::span<const ProjectIndex> projects;
  NumberSpan points;
};

//! All ballots of one election, of one kind (ballot constraints live in the Instance META), stored
//! column by column: one array per field for all ballots, so that a ballot costs no allocation.
//! Every ballot has a value (perhaps empty) for each attribute column (age, sex, voting method, ...).
class Profile {
 public:
  [[nodiscard]] BallotKind kind() const { return kind_; }
  void set_kind(BallotKind kind) { kind_ = kind; }

  //! Names the attribute columns; call before adding ballots.
  void set_attribute_names(std::vector<std::string> names) { attribute_names_ = std::move(names); }
  [[nodiscard]] const std::vector<std::string>& attribute_names() const { return attribute_names_; }

  //! Makes room for `ballots` ballots listing `listed` projects in all, and voter ids of about
  //! `id_bytes` bytes in all (a hint: the ids grow past it). Room is taken from the heap, so an upper
  //! bound close to what is used keeps the memory a command populates ahead (heap_warmup) for the rest.
  void reserve(std::size_t ballots, std::size_t listed = 0, std::size_t id_bytes = 0);
  //! Starts a ballot of weight 1; add_project, add_points and add_attribute then fill it in.
  void add_ballot(std::string_view voter_id);
  //! Starts a ballot of the given weight.
  void add_ballot(std::string_view voter_id, const Rational& weight);
  //! Appends a project to the last ballot.
  void add_project(ProjectIndex project) {
    projects_.push_back(project);
    project_ends_.back() = static_cast<std::uint32_t>(projects_.size());
  }
  //! Appends points to the last ballot.
  void add_points(const Rational& points);
  //! Sets the last ballot's next attribute (in attribute_names order); values past the last column are
  //! dropped, and columns the ballot is not given read as "".
  void add_attribute(std::string_view value);

  [[nodiscard]] std::size_t size() const { return voter_ends_.size() - 1; }
  [[nodiscard]] bool empty() const { return size() == 0; }

  [[nodiscard]] std::string_view voter_id(std::size_t ballot) const {
    return std::string_view(voter_ids_).substr(voter_ends_[ballot], voter_ends_[ballot + 1] - voter_ends_[ballot]);
  }
  [[nodiscard]] std::span<const ProjectIndex> projects(std::size_t ballot) const {
    return {projects_.data() + project_ends_[ballot], projects_.data() + project_ends_[ballot + 1]};
  }
  [[nodiscard]] NumberSpan points(std::size_t ballot) const {
    return point_ends_.empty() ? NumberSpan{} : points_.span(point_ends_[ballot], point_ends_[ballot + 1]);
  }
  //! The ballot's value of attribute column `column`, "" when it has none.
  [[nodiscard]] std::string_view attribute(std::size_t ballot, std::size_t column) const;
  //! The ballot's attributes as (name, value) pairs, in column order.
  [[nodiscard]] std::vector<Attribute> attributes(std::size_t ballot) const;
  [[nodiscard]] BallotView operator[](std::size_t ballot) const {
    return {voter_id(ballot), projects(ballot), points(ballot)};
  }

  //! True when every voter has weight 1 (no weight was ever given).
  [[nodiscard]] bool unit_weights() const { return weights_.size() == 0; }
  //! A voter's weight.
  [[nodiscard]] Rational weight(std::size_t ballot) const;
  //! All weights, one per ballot; empty when unit_weights().
  [[nodiscard]] const NumberColumn& weights() const { return weights_; }
  //! Sum of the voters' weights.
  [[nodiscard]] Rational total_weight() const;

  bool operator==(const Profile&) const = default;

 private:
  void start_ballot(std::string_view voter_id);

  BallotKind kind_{BallotKind::kApproval};
  std::vector<std::string> attribute_names_;
  std::string voter_ids_;
  std::vector<std::uint32_t> voter_ends_{0};  // ballot i's id is voter_ids_[voter_ends_[i], voter_ends_[i + 1])
  std::vector<ProjectIndex> projects_;
  std::vector<std::uint32_t> project_ends_{0};
  NumberColumn points_;
  std::vector<std::uint32_t> point_ends_;  // empty while no ballot has points
  NumberColumn weights_;                   // empty while every weight is 1
  TextColumn attributes_;  // ballot i's value of column c is attributes_[i * attribute_names_.size() + c]
};

}  // namespace covalue::core
