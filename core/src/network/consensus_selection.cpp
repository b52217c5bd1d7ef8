#include <algorithm>
#include <map>
#include <numeric>

#include "covalue/core/ranking/consensus.hpp"
#include "covalue/core/ranking/pairwise.hpp"
#include "decision_context.hpp"

namespace covalue::core::network::detail {
namespace {

using ranking::Candidate;
using ranking::WeakOrder;

//! The allowed candidates, numbered 0..k-1 for the ranking rules.
struct Numbering {
  std::vector<std::uint32_t> candidate_of;               // local -> candidate index
  std::unordered_map<InitiativeId, Candidate> local_of;  // initiative id -> local
};

Numbering number_allowed(const DecisionContext& context, const std::vector<bool>& allowed) {
  Numbering numbering;
  for (std::uint32_t c = 0; c < context.num_candidates(); ++c) {
    if (allowed[c]) {
      numbering.local_of.emplace(context.input->candidates[c].id, numbering.candidate_of.size());
      numbering.candidate_of.push_back(c);
    }
  }
  return numbering;
}

//! A ballot as tiers over the allowed candidates: what it ranks best first, then (when it objects to
//! something) everything it left out, then what it objects to.
WeakOrder tiers_of_ballot(const PartnerBallot& ballot, const Numbering& numbering) {
  std::map<Rational, std::vector<Candidate>> by_value;
  std::vector<bool> placed(numbering.candidate_of.size(), false);
  for (const BallotEntry& entry : ballot.entries) {
    auto local = numbering.local_of.find(entry.initiative);
    if (local == numbering.local_of.end() || (ballot.format != BallotFormat::kRanking && entry.value <= 0)) {
      continue;
    }
    // Ranks: lower is better; approvals, scores and points: higher is better.
    const Rational key = ballot.format == BallotFormat::kRanking ? Rational(entry.value) : Rational(-entry.value);
    by_value[key].push_back(local->second);
    placed[local->second] = true;
  }
  WeakOrder tiers;
  for (auto& [value, tier] : by_value) {
    std::sort(tier.begin(), tier.end());
    tiers.push_back(std::move(tier));
  }
  std::vector<Candidate> objected;
  for (const Objection& objection : ballot.objections) {
    auto local = numbering.local_of.find(objection.initiative);
    if (local != numbering.local_of.end() && !placed[local->second]) {
      objected.push_back(local->second);
      placed[local->second] = true;
    }
  }
  if (!objected.empty()) {
    std::vector<Candidate> rest;
    for (Candidate c = 0; c < placed.size(); ++c) {
      if (!placed[c]) {
        rest.push_back(c);
      }
    }
    if (!rest.empty()) {
      tiers.push_back(std::move(rest));
    }
    std::sort(objected.begin(), objected.end());
    tiers.push_back(std::move(objected));
  }
  return tiers;
}

//! The members' ballots as an ordinal profile with whole-number counts (weights scaled by the least
//! common multiple of their denominators); `voters` gets the partner of each ballot.
Result<ranking::OrdinalProfile> profile_of(const DecisionContext& context, const Numbering& numbering,
                                           std::vector<PartnerId>& voters) {
  Integer scale{1};
  for (std::uint32_t p = 0; p < context.num_members(); ++p) {
    if (context.ballot_of[p] != nullptr) {
      mpz_lcm(scale.get_mpz_t(), scale.get_mpz_t(), context.weight[p].get_den_mpz_t());
    }
  }
  ranking::OrdinalProfile profile;
  profile.num_candidates = static_cast<std::uint32_t>(numbering.candidate_of.size());
  for (std::uint32_t p = 0; p < context.num_members(); ++p) {
    if (context.ballot_of[p] == nullptr || context.weight[p] == 0) {
      continue;
    }
    const Rational count = context.weight[p] * scale;
    if (!count.get_num().fits_slong_p() || count.get_num() < 1) {
      return make_error(ErrorKind::kInvalidInput, "voting weights too large to rank by consensus", "weights");
    }
    profile.ballots.push_back(
        ranking::make_ballot(tiers_of_ballot(*context.ballot_of[p], numbering), count.get_num().get_si()));
    voters.push_back(context.input->members[p].id);
  }
  if (Status valid = ranking::validate_profile(profile); !valid) {
    return valid.error();
  }
  return profile;
}

//! The ranking in initiative ids: each tier sorted by id.
std::vector<std::vector<InitiativeId>> ranking_in_ids(const WeakOrder& order, const DecisionContext& context,
                                                      const Numbering& numbering) {
  std::vector<std::vector<InitiativeId>> tiers;
  for (const ranking::Tier& tier : order) {
    std::vector<InitiativeId> ids;
    for (Candidate local : tier) {
      ids.push_back(context.input->candidates[numbering.candidate_of[local]].id);
    }
    std::sort(ids.begin(), ids.end());
    tiers.push_back(std::move(ids));
  }
  return tiers;
}

}  // namespace

Result<std::optional<ConsensusSummary>> summarise_consensus(const DecisionContext& context,
                                                            const std::vector<bool>& allowed,
                                                            ranking::RankingRule rule) {
  const Numbering numbering = number_allowed(context, allowed);
  std::vector<PartnerId> voters;
  Result<ranking::OrdinalProfile> profile = profile_of(context, numbering, voters);
  if (!profile) {
    return profile.error();
  }
  if (profile->ballots.empty() || profile->num_candidates < 2) {
    return std::optional<ConsensusSummary>();
  }
  const ranking::PairwiseMatrix pairwise = ranking::compute_pairwise(*profile);
  Result<ranking::RankingResult> ranked = ranking::rank_candidates(*profile, pairwise, rule);
  if (!ranked) {
    return ranked.error();
  }
  const ranking::ConsensusReport report = ranking::analyse_consensus(*profile, pairwise, ranked->ranking);
  ConsensusSummary summary;
  summary.rule = rule;
  summary.ranking = ranking_in_ids(ranked->ranking, context, numbering);
  const auto id_of = [&](Candidate local) { return context.input->candidates[numbering.candidate_of[local]].id; };
  if (report.condorcet_winner) {
    summary.condorcet_winner = id_of(*report.condorcet_winner);
  }
  for (Candidate local : report.majority_cycle) {
    summary.majority_cycle.push_back(id_of(local));
  }
  summary.agreement_index = report.agreement_index;
  for (std::size_t b = 0; b < voters.size(); ++b) {
    summary.distances.emplace_back(voters[b], report.ballot_distances[b]);
  }
  return std::optional<ConsensusSummary>(std::move(summary));
}

Result<Selection> select_by_consensus(const DecisionContext& context, const std::vector<bool>& allowed) {
  Result<std::optional<ConsensusSummary>> summary =
      summarise_consensus(context, allowed, context.input->charter.ranking_rule);
  if (!summary) {
    return summary.error();
  }
  Selection selection;
  if (!summary->has_value()) {
    // One allowed candidate (or none), or nobody voted: take the one a ballot supports, if any.
    for (std::uint32_t p = 0; p < context.num_members(); ++p) {
      for (std::uint32_t c : context.supported[p]) {
        if (allowed[c] && context.input->candidates[c].cost <= context.input->cycle.capacity &&
            std::find(selection.chosen.begin(), selection.chosen.end(), c) == selection.chosen.end()) {
          selection.chosen.push_back(c);
        }
      }
    }
    return selection;
  }
  Rational left = context.input->cycle.capacity;
  for (const std::vector<InitiativeId>& tier : (*summary)->ranking) {
    for (InitiativeId id : tier) {
      const std::uint32_t c = context.candidate_index.at(id);
      if (context.input->candidates[c].cost <= left) {
        left -= context.input->candidates[c].cost;
        selection.chosen.push_back(c);
      }
    }
  }
  std::sort(selection.chosen.begin(), selection.chosen.end());
  selection.consensus = std::move(**summary);
  return selection;
}

}  // namespace covalue::core::network::detail
