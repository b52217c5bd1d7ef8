#include <map>
#include <string>
#include <vector>

#include "../use_case.hpp"
#include "covalue/program/queries.hpp"
#include "covalue/program/report.hpp"
#include "report_support.hpp"

namespace covalue::program {
namespace {

ReportTable criteria_table(const net::Scorecard& card) {
  ReportTable table = detail::make_table("criteria", "Criteria", {"criterion", "kind", "weight", "low", "high"});
  for (const net::ScorecardCriterion& criterion : card.criteria) {
    table.rows.push_back({ReportCell::of_text(criterion.name), ReportCell::of_text(net::name_of(criterion.kind)),
                          ReportCell::of_number(criterion.weight), ReportCell::of_number(criterion.low),
                          ReportCell::of_number(criterion.high)});
  }
  table.notes = {
      "rice = reach x value x confidence / effort; wsjf = (value + time_criticality + risk_reduction) / "
      "effort; weighted = sum of weight x (average - low) / (high - low), effort counted as 1 minus that."};
  return table;
}

std::map<net::InitiativeId, std::int64_t> supporters_now(const Snapshot& snapshot) {
  std::map<net::InitiativeId, std::int64_t> counts;
  const net::Cycle* current = snapshot.current_cycle();
  if (current == nullptr || current->state != net::CycleState::kVoting) {
    return counts;
  }
  for (const net::PartnerBallot& ballot : snapshot.ballots) {
    if (ballot.cycle == current->number) {
      for (net::InitiativeId id : ballot.supported()) {
        ++counts[id];
      }
    }
  }
  return counts;
}

}  // namespace

core::Result<Report> scorecard_report(const Snapshot& snapshot) {
  core::Result<ScorecardView> view = scorecard_view(snapshot);
  if (!view) {
    return view.error();
  }
  const net::Scorecard& card = view->scorecard;
  Report report{"scorecard", {}, {}};
  report.summary = {{"formula", ReportCell::of_text(net::name_of(card.formula))},
                    {"criteria", ReportCell::of_integer(static_cast<std::int64_t>(card.criteria.size()))},
                    {"shortlist_size", ReportCell::of_integer(card.shortlist_size)}};
  report.tables.push_back(criteria_table(card));
  std::vector<std::string> columns{"rank", "initiative", "title", "status", "score", "scorers", "supporters"};
  for (const net::ScorecardCriterion& criterion : card.criteria) {
    columns.push_back(criterion.name);
  }
  ReportTable ranking = detail::make_table("ranking", "Undecided initiatives by scorecard", columns);
  const auto support = supporters_now(snapshot);
  for (const net::ScorecardEntry& entry : view->ranking) {
    const net::Initiative* initiative = snapshot.find_initiative(entry.initiative);
    auto count = support.find(entry.initiative);
    std::vector<ReportCell> row{entry.score ? ReportCell::of_integer(entry.rank) : ReportCell::empty(),
                                ReportCell::of_integer(entry.initiative),
                                ReportCell::of_text(initiative->title),
                                ReportCell::of_text(net::name_of(initiative->status)),
                                entry.score ? ReportCell::of_number(*entry.score) : ReportCell::empty(),
                                ReportCell::of_integer(entry.scorers),
                                ReportCell::of_integer(count == support.end() ? 0 : count->second)};
    for (const std::optional<core::Rational>& average : entry.averages) {
      row.push_back(average ? ReportCell::of_number(*average) : ReportCell::empty());
    }
    ranking.rows.push_back(std::move(row));
  }
  ranking.notes = {
      "Each criterion is the mean of the partners' scores; an initiative missing a criterion the formula "
      "needs has no score yet and is listed last.",
      "supporters: ballots of the voting cycle that support it, beside the scorecard (visible ones only)."};
  report.tables.push_back(std::move(ranking));
  return report;
}

}  // namespace covalue::program
