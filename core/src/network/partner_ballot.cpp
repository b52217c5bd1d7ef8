#include "covalue/core/network/partner_ballot.hpp"

namespace covalue::core::network {

std::vector<InitiativeId> PartnerBallot::supported() const {
  std::vector<InitiativeId> result;
  for (const BallotEntry& entry : entries) {
    const bool counts = format == BallotFormat::kApprovals || format == BallotFormat::kRanking || entry.value > 0;
    if (counts) {
      result.push_back(entry.initiative);
    }
  }
  return result;
}

}  // namespace covalue::core::network
