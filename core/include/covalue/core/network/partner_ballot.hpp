#pragma once

#include <string>
#include <vector>

#include "covalue/core/network/ids.hpp"
#include "covalue/core/network/vocabulary.hpp"
#include "covalue/core/rational.hpp"

namespace covalue::core::network {

//! One initiative on a ballot with its value: 1 for an approval, the rank for a ranking (1 = best,
//! equal ranks are ties), the score, or the points.
struct BallotEntry {
  InitiativeId initiative{0};
  Rational value;

  bool operator==(const BallotEntry&) const = default;
};

//! A partner's objection to an initiative, with its reason.
struct Objection {
  InitiativeId initiative{0};
  std::string reason;

  bool operator==(const Objection&) const = default;
};

//! One partner's ballot in one cycle; a re-cast replaces the previous one.
struct PartnerBallot {
  CycleNumber cycle{0};
  PartnerId partner{0};
  BallotFormat format{BallotFormat::kApprovals};
  std::vector<BallotEntry> entries;
  std::vector<Objection> objections;
  //! The partner whose representative cast it as a proxy (a delegation, program/delegation.hpp); 0 when the
  //! partner cast it itself.
  PartnerId cast_by{0};

  //! The initiatives this ballot supports: approved, ranked, or given a positive score or points.
  [[nodiscard]] std::vector<InitiativeId> supported() const;

  bool operator==(const PartnerBallot&) const = default;
};

}  // namespace covalue::core::network
