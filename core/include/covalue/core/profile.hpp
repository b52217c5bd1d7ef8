#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/instance.hpp"
#include "covalue/core/rational.hpp"

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

//! One voter's ballot. `projects` keeps the order given (favourite first for ordinal ballots);
//! `points` pairs with `projects` by position for cumulative and scoring ballots.
struct Ballot {
  std::string voter_id;
  std::vector<ProjectIndex> projects;
  std::vector<Rational> points;
  Rational weight{1};
  std::vector<Attribute> extra;  //!< other columns (age, sex, voting method, ...)

  bool operator==(const Ballot&) const = default;
};

//! All ballots of one election, of one kind (ballot constraints live in the Instance META).
struct Profile {
  BallotKind kind{BallotKind::kApproval};
  std::vector<Ballot> ballots;

  //! Sum of the voters' weights.
  [[nodiscard]] Rational total_weight() const;

  bool operator==(const Profile&) const = default;
};

}  // namespace covalue::core
