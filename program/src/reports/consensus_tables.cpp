#include "consensus_tables.hpp"

#include <algorithm>
#include <map>

#include "report_support.hpp"

namespace covalue::program::detail {
namespace {

//! Per initiative, how many ballots of the cycle support it (approve, rank, score or give points).
std::map<net::InitiativeId, std::int64_t> support_counts(const Snapshot& snapshot, net::CycleNumber cycle) {
  std::map<net::InitiativeId, std::int64_t> counts;
  for (const net::PartnerBallot& ballot : snapshot.ballots) {
    if (ballot.cycle != cycle) {
      continue;
    }
    for (net::InitiativeId id : ballot.supported()) {
      ++counts[id];
    }
  }
  return counts;
}

//! The scorecard entries of the given initiatives, by id (empty without a scorecard).
std::map<net::InitiativeId, net::ScorecardEntry> scorecard_of(const Snapshot& snapshot,
                                                              const std::vector<net::InitiativeId>& ids) {
  std::map<net::InitiativeId, net::ScorecardEntry> by_id;
  if (!*snapshot.scorecard) {
    return by_id;
  }
  for (net::ScorecardEntry& entry : net::rank_by_scorecard(**snapshot.scorecard, ids, *snapshot.scores)) {
    by_id.emplace(entry.initiative, std::move(entry));
  }
  return by_id;
}

void add_scorecard_cells(std::vector<ReportCell>& row, const std::map<net::InitiativeId, net::ScorecardEntry>& card,
                         net::InitiativeId id) {
  auto found = card.find(id);
  if (found == card.end() || !found->second.score) {
    row.push_back(ReportCell::empty());
    row.push_back(ReportCell::empty());
    return;
  }
  row.push_back(ReportCell::of_integer(found->second.rank));
  row.push_back(ReportCell::of_number(*found->second.score));
}

}  // namespace

ReportTable ballot_table(const Snapshot& snapshot, const net::Cycle& cycle,
                         const std::vector<net::InitiativeId>& candidates) {
  ReportTable table =
      make_table("ballot", "On the ballot",
                 {"initiative", "title", "cost", "network_value", "supporters", "scorecard_rank", "scorecard_score"});
  const auto support = support_counts(snapshot, cycle.number);
  const auto card = scorecard_of(snapshot, candidates);
  for (net::InitiativeId id : candidates) {
    const net::Initiative* initiative = snapshot.find_initiative(id);
    std::vector<ReportCell> row{ReportCell::of_integer(id),
                                initiative ? ReportCell::of_text(initiative->title) : ReportCell::empty(),
                                initiative ? ReportCell::of_number(initiative->cost) : ReportCell::empty(),
                                initiative ? ReportCell::of_number(initiative->network_value()) : ReportCell::empty()};
    auto count = support.find(id);
    row.push_back(ReportCell::of_integer(count == support.end() ? 0 : count->second));
    add_scorecard_cells(row, card, id);
    table.rows.push_back(std::move(row));
  }
  table.notes = {"supporters: ballots that approve, rank, score or give points to it (visible ones only).",
                 "scorecard_rank and scorecard_score: the network's scorecard beside the vote (empty until every "
                 "criterion its formula needs is scored)."};
  if (!cycle.shortlist.empty()) {
    table.notes.push_back("The ballot was shortlisted by the scorecard: only these initiatives were on it.");
  }
  return table;
}

void add_consensus(Report& report, const Snapshot& snapshot, const net::CycleOutcome& outcome) {
  const net::ConsensusSummary& consensus = *outcome.consensus;
  report.summary.emplace_back("consensus_rule", ReportCell::of_text(core::name_of(consensus.rule)));
  report.summary.emplace_back("agreement_index", ReportCell::of_number(consensus.agreement_index));
  report.summary.emplace_back("condorcet_winner", consensus.condorcet_winner
                                                      ? ReportCell::of_integer(*consensus.condorcet_winner)
                                                      : ReportCell::of_text("none"));
  std::vector<net::InitiativeId> ids;
  for (const auto& tier : consensus.ranking) {
    ids.insert(ids.end(), tier.begin(), tier.end());
  }
  const auto card = scorecard_of(snapshot, ids);
  ReportTable table = make_table("consensus", "Consensus ranking",
                                 {"place", "initiative", "title", "selected", "scorecard_rank", "scorecard_score"});
  std::int64_t place = 1;
  for (const auto& tier : consensus.ranking) {
    for (net::InitiativeId id : tier) {
      const net::Initiative* initiative = snapshot.find_initiative(id);
      const bool selected =
          std::any_of(outcome.decisions.begin(), outcome.decisions.end(),
                      [&](const net::InitiativeDecision& d) { return d.initiative == id && d.selected; });
      std::vector<ReportCell> row{ReportCell::of_integer(place), ReportCell::of_integer(id),
                                  initiative ? ReportCell::of_text(initiative->title) : ReportCell::empty(),
                                  yes_no(selected)};
      add_scorecard_cells(row, card, id);
      table.rows.push_back(std::move(row));
    }
    place += static_cast<std::int64_t>(tier.size());
  }
  table.notes = {
      "place: the partners' consensus order by the rule named in the summary (tied initiatives share a place).",
      "agreement_index: the mean over pairs of initiatives of |margin| / total weight: 1 when every partner orders "
      "every pair the same way, 0 when every pair splits evenly.",
      "Every ballot counts as a ranking: ranks as given, scores and points highest first, approvals above the rest; "
      "an objected initiative is ranked last by its objector."};
  if (!consensus.majority_cycle.empty()) {
    table.notes.push_back("No Condorcet winner: the majority cycle " +
                          std::to_string(consensus.majority_cycle.front()) + " > ... > " +
                          std::to_string(consensus.majority_cycle.back()) + " > " +
                          std::to_string(consensus.majority_cycle.front()) + " prevents one.");
  }
  report.tables.push_back(std::move(table));
  ReportTable distances =
      make_table("agreement", "Each partner's distance to the consensus", {"partner", "name", "kendall_tau_distance"});
  for (const auto& [partner, distance] : consensus.distances) {
    distances.rows.push_back({ReportCell::of_integer(partner), ReportCell::of_text(partner_name(snapshot, partner)),
                              ReportCell::of_number(distance)});
  }
  distances.notes = {
      "kendall_tau_distance: pairs of initiatives the partner orders opposite to the consensus "
      "(1 each; 1/2 when exactly one of the two ties them)."};
  report.tables.push_back(std::move(distances));
}

}  // namespace covalue::program::detail
