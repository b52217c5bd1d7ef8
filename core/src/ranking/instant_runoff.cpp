#include "covalue/core/ranking/instant_runoff.hpp"

#include <algorithm>

namespace covalue::core::ranking {
namespace {

// Tallies one round: the first-place weight of every continuing candidate.
class RoundCounter {
 public:
  explicit RoundCounter(const OrdinalProfile& profile) : profile_(profile), active_(profile.num_candidates, 1) {
    cursor_.reserve(profile.ballots.size());
    for (const RankedBallot& ballot : profile.ballots) {
      cursor_.emplace_back(ballot);
    }
  }

  [[nodiscard]] RunoffRound count() {
    std::vector<std::int64_t> whole(active_.size(), 0);
    std::vector<Rational> shared(active_.size(), 0);
    std::int64_t active_weight = 0;
    for (std::size_t i = 0; i < profile_.ballots.size(); ++i) {
      const RankedBallot& ballot = profile_.ballots[i];
      TierWalker& walk = cursor_[i];
      std::size_t live = 0;
      while (!walk.done() && (live = continuing_in(walk.tier())) == 0) {
        walk.next();
      }
      if (live == 0) {
        continue;
      }
      active_weight += ballot.count;
      for (const Candidate c : walk.tier()) {
        if (active_[c] == 0) {
          continue;
        }
        if (live == 1) {
          whole[c] += ballot.count;
        } else {
          shared[c] += Rational(static_cast<long>(ballot.count), static_cast<unsigned long>(live));
        }
      }
    }
    RunoffRound round;
    round.active_weight = Rational(static_cast<long>(active_weight));
    for (Candidate c = 0; c < active_.size(); ++c) {
      if (active_[c] != 0) {
        round.continuing.push_back(c);
        round.tallies.push_back(Rational(static_cast<long>(whole[c])) + shared[c]);
        round.tallies.back().canonicalize();
      }
    }
    return round;
  }

  void drop(const std::vector<Candidate>& candidates) {
    for (const Candidate c : candidates) {
      active_[c] = 0;
    }
  }

 private:
  [[nodiscard]] std::size_t continuing_in(std::span<const Candidate> tier) const {
    std::size_t live = 0;
    for (const Candidate c : tier) {
      live += active_[c] != 0 ? 1 : 0;
    }
    return live;
  }

  const OrdinalProfile& profile_;
  std::vector<TierWalker> cursor_;
  std::vector<char> active_;
};

std::vector<Candidate> majority_holder(const RunoffRound& round) {
  for (std::size_t i = 0; i < round.continuing.size(); ++i) {
    if (round.tallies[i] * 2 > round.active_weight) {
      return {round.continuing[i]};
    }
  }
  return {};
}

std::vector<Candidate> fewest(const RunoffRound& round) {
  const Rational least = *std::min_element(round.tallies.begin(), round.tallies.end());
  std::vector<Candidate> result;
  for (std::size_t i = 0; i < round.continuing.size(); ++i) {
    if (round.tallies[i] == least) {
      result.push_back(round.continuing[i]);
    }
  }
  return result;
}

}  // namespace

RankingResult instant_runoff(const OrdinalProfile& profile) {
  RankingResult result;
  result.rule = RankingRule::kInstantRunoff;
  RoundCounter counter(profile);
  bool decided = false;
  std::size_t remaining = profile.num_candidates;
  while (remaining > 0) {
    RunoffRound round = counter.count();
    std::vector<Candidate> dropped = fewest(round);
    if (!decided) {
      std::vector<Candidate> holder = majority_holder(round);
      decided = !holder.empty() || dropped.size() == remaining;
      result.winners = holder.empty() ? dropped : holder;
      if (!decided) {
        round.eliminated = dropped;
      }
      result.rounds.push_back(std::move(round));
    }
    counter.drop(dropped);
    remaining -= dropped.size();
    result.ranking.push_back(std::move(dropped));
  }
  std::reverse(result.ranking.begin(), result.ranking.end());
  return result;
}

}  // namespace covalue::core::ranking
