#include "covalue/core/profile.hpp"

#include <array>
#include <string>
#include <utility>

namespace covalue::core {
namespace {

constexpr std::array<std::pair<BallotKind, const char*>, 5> kBallotKindNames{{
    {BallotKind::kApproval, "approval"},
    {BallotKind::kChoose1, "choose-1"},
    {BallotKind::kCumulative, "cumulative"},
    {BallotKind::kScoring, "scoring"},
    {BallotKind::kOrdinal, "ordinal"},
}};

}  // namespace

const char* ballot_kind_name(BallotKind kind) {
  for (const auto& [k, name] : kBallotKindNames) {
    if (k == kind) {
      return name;
    }
  }
  return "approval";
}

Result<BallotKind> parse_ballot_kind(std::string_view name) {
  for (const auto& [k, text] : kBallotKindNames) {
    if (name == text) {
      return k;
    }
  }
  return make_error(ErrorKind::kInvalidInput, "unknown vote type '" + std::string(name) +
                                                  "' (expected approval, choose-1, cumulative, scoring or ordinal)");
}

Rational Profile::total_weight() const {
  Rational total;
  for (const auto& ballot : ballots) {
    total += ballot.weight;
  }
  return total;
}

}  // namespace covalue::core
