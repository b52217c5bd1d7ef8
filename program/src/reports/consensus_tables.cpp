#include "consensus_tables.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "report_support.hpp"

namespace covalue::program::detail {
namespace {

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

//! An initiative of a ballot or a consensus, with the scorecard's entry for it when it has one.
struct InitiativeRow {
  net::InitiativeId id{0};
  const net::Initiative* initiative{nullptr};  //!< null when the snapshot does not know it
  const net::ScorecardEntry* card{nullptr};    //!< null without a scored entry
  std::int64_t number{0};                      //!< supporters on a ballot, the place in a consensus
  bool selected{false};                        //!< in a consensus: the outcome selected it
};

InitiativeRow initiative_row(const Snapshot& snapshot, const std::map<net::InitiativeId, net::ScorecardEntry>& card,
                             net::InitiativeId id, std::int64_t number) {
  auto found = card.find(id);
  const bool scored = found != card.end() && found->second.score;
  return {id, snapshot.find_initiative(id), scored ? &found->second : nullptr, number, false};
}

ReportColumn<InitiativeRow> id_column() {
  return {"initiative", "Initiative", [](const InitiativeRow& r) { return ReportCell::of_integer(r.id); }};
}

//! The scorecard's rank and score beside the vote, empty while the initiative has no score.
std::vector<ReportColumn<InitiativeRow>> scorecard_columns() {
  using R = InitiativeRow;
  return {
      {"scorecard_rank", "Scorecard rank",
       [](const R& r) { return r.card ? ReportCell::of_integer(r.card->rank) : ReportCell::empty(); }},
      {"scorecard_score", "Scorecard score",
       [](const R& r) { return r.card ? ReportCell::of_number(*r.card->score) : ReportCell::empty(); }},
  };
}

std::vector<ReportColumn<InitiativeRow>> ballot_columns() {
  using R = InitiativeRow;
  std::vector<ReportColumn<R>> columns{
      id_column(),
      initiative_column<R>("title", "Title", title_cell),
      initiative_column<R>("cost", "Cost", cost_cell),
      initiative_column<R>("network_value", "Network value", network_value_cell),
      {"supporters", "Supporters", [](const R& r) { return ReportCell::of_integer(r.number); }},
  };
  append_columns(columns, scorecard_columns());
  return columns;
}

std::vector<ReportColumn<InitiativeRow>> consensus_columns() {
  using R = InitiativeRow;
  std::vector<ReportColumn<R>> columns{
      {"place", "Place", [](const R& r) { return ReportCell::of_integer(r.number); }},
      id_column(),
      initiative_column<R>("title", "Title", title_cell),
      {"selected", "Selected", [](const R& r) { return yes_no(r.selected); }},
  };
  append_columns(columns, scorecard_columns());
  return columns;
}

//! The consensus order, tied initiatives sharing a place; `card` must outlive the rows.
std::vector<InitiativeRow> consensus_rows(const Snapshot& snapshot, const net::CycleOutcome& outcome,
                                          const std::map<net::InitiativeId, net::ScorecardEntry>& card) {
  const net::ConsensusSummary& consensus = *outcome.consensus;
  std::vector<InitiativeRow> rows;
  std::int64_t place = 1;
  for (const auto& tier : consensus.ranking) {
    for (net::InitiativeId id : tier) {
      InitiativeRow& row = rows.emplace_back(initiative_row(snapshot, card, id, place));
      row.selected = std::any_of(outcome.decisions.begin(), outcome.decisions.end(),
                                 [&](const net::InitiativeDecision& d) { return d.initiative == id && d.selected; });
    }
    place += static_cast<std::int64_t>(tier.size());
  }
  return rows;
}

using Distance = std::pair<net::PartnerId, core::Rational>;

ReportTable agreement_table(const Snapshot& snapshot, const net::ConsensusSummary& consensus) {
  const std::vector<ReportColumn<Distance>> columns{
      {"partner", "Partner", [](const Distance& d) { return ReportCell::of_integer(d.first); }},
      {"name", "Name", [&](const Distance& d) { return ReportCell::of_text(partner_name(snapshot, d.first)); }},
      {"kendall_tau_distance", "Kendall tau distance",
       [](const Distance& d) { return ReportCell::of_number(d.second); }},
  };
  return table_of("agreement", "Each partner's distance to the consensus", columns, consensus.distances,
                  {"kendall_tau_distance: pairs of initiatives the partner orders opposite to the consensus "
                   "(1 each; 1/2 when exactly one of the two ties them)."});
}

}  // namespace

ReportTable ballot_table(const Snapshot& snapshot, const net::Cycle& cycle,
                         const std::vector<net::InitiativeId>& candidates) {
  const auto support = support_counts(snapshot, cycle.number);
  const auto card = scorecard_of(snapshot, candidates);
  std::vector<InitiativeRow> rows;
  for (net::InitiativeId id : candidates) {
    auto count = support.find(id);
    rows.push_back(initiative_row(snapshot, card, id, count == support.end() ? 0 : count->second));
  }
  std::vector<std::string> notes{
      "supporters: ballots that approve, rank, score or give points to it (visible ones only).",
      "scorecard_rank and scorecard_score: the network's scorecard beside the vote (empty until every "
      "criterion its formula needs is scored)."};
  if (!cycle.shortlist.empty()) {
    notes.emplace_back("The ballot was shortlisted by the scorecard: only these initiatives were on it.");
  }
  return table_of("ballot", "On the ballot", ballot_columns(), rows, std::move(notes));
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
  std::vector<std::string> notes{
      "place: the partners' consensus order by the rule named in the summary (tied initiatives share a place).",
      "agreement_index: the mean over pairs of initiatives of |margin| / total weight: 1 when every partner orders "
      "every pair the same way, 0 when every pair splits evenly.",
      "Every ballot counts as a ranking: ranks as given, scores and points highest first, approvals above the rest; "
      "an objected initiative is ranked last by its objector."};
  if (!consensus.majority_cycle.empty()) {
    notes.push_back("No Condorcet winner: the majority cycle " + std::to_string(consensus.majority_cycle.front()) +
                    " > ... > " + std::to_string(consensus.majority_cycle.back()) + " > " +
                    std::to_string(consensus.majority_cycle.front()) + " prevents one.");
  }
  report.tables.push_back(table_of("consensus", "Consensus ranking", consensus_columns(),
                                   consensus_rows(snapshot, outcome, card), std::move(notes)));
  report.tables.push_back(agreement_table(snapshot, consensus));
}

}  // namespace covalue::program::detail
