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
  using R = net::ScorecardCriterion;
  const std::vector<ReportColumn<R>> columns{
      {"criterion", "Criterion", [](const R& c) { return ReportCell::of_text(c.name); }},
      {"kind", "Kind", [](const R& c) { return ReportCell::of_text(net::name_of(c.kind)); }},
      {"weight", "Weight", [](const R& c) { return ReportCell::of_number(c.weight); }},
      {"low", "Low", [](const R& c) { return ReportCell::of_number(c.low); }},
      {"high", "High", [](const R& c) { return ReportCell::of_number(c.high); }},
  };
  return table_of("criteria", "Criteria", columns, card.criteria,
                  {"rice = reach x value x confidence / effort; wsjf = (value + time_criticality + risk_reduction) / "
                   "effort; weighted = sum of weight x (average - low) / (high - low), effort counted as 1 minus "
                   "that."});
}

//! Ballots of the voting cycle supporting each initiative (none while no cycle is voting).
std::map<net::InitiativeId, std::int64_t> supporters_now(const Snapshot& snapshot) {
  const net::Cycle* current = snapshot.current_cycle();
  if (current == nullptr || current->state != net::CycleState::kVoting) {
    return {};
  }
  return detail::support_counts(snapshot, current->number);
}

//! An undecided initiative's place by the scorecard, with its support on the voting cycle's ballots.
struct RankingRow {
  const net::ScorecardEntry* entry{nullptr};
  const net::Initiative* initiative{nullptr};
  std::int64_t supporters{0};
};

//! The fixed columns, then one per criterion: the mean of the partners' scores for it.
std::vector<ReportColumn<RankingRow>> ranking_columns(const net::Scorecard& card) {
  using R = RankingRow;
  std::vector<ReportColumn<R>> columns{
      {"rank", "Rank",
       [](const R& r) { return r.entry->score ? ReportCell::of_integer(r.entry->rank) : ReportCell::empty(); }},
      {"initiative", "Initiative", [](const R& r) { return ReportCell::of_integer(r.entry->initiative); }},
      {"title", "Title", [](const R& r) { return detail::title_cell(*r.initiative); }},
      {"status", "Status", [](const R& r) { return ReportCell::of_text(net::name_of(r.initiative->status)); }},
      {"score", "Score",
       [](const R& r) { return r.entry->score ? ReportCell::of_number(*r.entry->score) : ReportCell::empty(); }},
      {"scorers", "Scorers", [](const R& r) { return ReportCell::of_integer(r.entry->scorers); }},
      {"supporters", "Supporters", [](const R& r) { return ReportCell::of_integer(r.supporters); }},
  };
  for (std::size_t i = 0; i < card.criteria.size(); ++i) {
    columns.push_back({card.criteria[i].name, "Mean " + card.criteria[i].name, [i](const R& r) {
                         const std::optional<core::Rational>& average = r.entry->averages[i];
                         return average ? ReportCell::of_number(*average) : ReportCell::empty();
                       }});
  }
  return columns;
}

ReportTable ranking_table(const Snapshot& snapshot, const ScorecardView& view) {
  const auto support = supporters_now(snapshot);
  std::vector<RankingRow> rows;
  for (const net::ScorecardEntry& entry : view.ranking) {
    auto count = support.find(entry.initiative);
    rows.push_back({&entry, snapshot.find_initiative(entry.initiative), count == support.end() ? 0 : count->second});
  }
  return table_of(
      "ranking", "Undecided initiatives by scorecard", ranking_columns(view.scorecard), rows,
      {"Each criterion is the mean of the partners' scores; an initiative missing a criterion the formula "
       "needs has no score yet and is listed last.",
       "supporters: ballots of the voting cycle that support it, beside the scorecard (visible ones only)."});
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
  report.tables.push_back(ranking_table(snapshot, *view));
  return report;
}

}  // namespace covalue::program
