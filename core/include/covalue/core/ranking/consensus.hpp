#pragma once

#include <optional>
#include <vector>

#include "covalue/core/ranking/ordinal_profile.hpp"
#include "covalue/core/ranking/pairwise.hpp"
#include "covalue/core/rational.hpp"

namespace covalue::core::ranking {

//! How much the ballots agree with each other and with a consensus ranking.
struct ConsensusReport {
  std::optional<Candidate> condorcet_winner;  //!< beats every other candidate head to head, if any
  std::vector<Candidate> smith_set;           //!< smallest set whose members all beat everyone outside it (ascending)
  //! Without a Condorcet winner: a cycle c0 > c1 > ... > ck > c0 of positive margins inside the Smith
  //! set that prevents one; empty when only tied margins (no cycle) prevent one.
  std::vector<Candidate> majority_cycle;
  std::vector<Rational> ballot_distances;  //!< per ballot: Kendall-tau distance of one such voter to the consensus
  Rational mean_distance;                  //!< the distances averaged over voters (weighted by count)
  Rational agreement_index;                //!< see agreement_index()
};

//! The candidate with a positive margin over every other one, if there is one.
[[nodiscard]] std::optional<Candidate> condorcet_winner(const PairwiseMatrix& pairwise);

//! A cycle of positive margins among the given candidates, as found by depth-first search
//! (empty when they contain none).
[[nodiscard]] std::vector<Candidate> find_majority_cycle(const PairwiseMatrix& pairwise,
                                                         const std::vector<Candidate>& among);

//! Kendall-tau distance between a ballot and a ranking of every candidate (both weak orders,
//! unranked candidates of the ballot tied last): 1 for each pair they order oppositely, 1/2 for each
//! pair exactly one of them ties. Between linear orders: the number of discordant pairs.
[[nodiscard]] Rational kendall_tau_distance(const RankedBallot& ballot, const WeakOrder& ranking,
                                            std::uint32_t num_candidates);

//! The agreement index: the average over pairs {a, b} of |margin(a, b)| / W, with W the total weight,
//! i.e. how far from an even split the voters are on a typical pair. 1 when every voter orders every
//! pair the same way (unanimity on one linear order); 0 when every pair splits evenly (or is tied by
//! everybody); 0 when there are no two candidates or no ballots. A 60/40 split on every pair
//! gives 0.2. Exact.
[[nodiscard]] Rational agreement_index(const PairwiseMatrix& pairwise);

//! Everything above for a profile, its pairwise counts and a consensus ranking of every candidate.
[[nodiscard]] ConsensusReport analyse_consensus(const OrdinalProfile& profile, const PairwiseMatrix& pairwise,
                                                const WeakOrder& consensus);

}  // namespace covalue::core::ranking
