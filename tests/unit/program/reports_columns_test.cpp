#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "covalue/program/report.hpp"
#include "reports_test_support.hpp"

namespace covalue::program {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace): the fixture's helpers

//! The sample network with a scorecard scored in part and a consensus on its first cycle, so that
//! every table of every report has rows.
Snapshot network_with_every_table() {
  Snapshot s = sample_network();
  net::Scorecard card;
  card.criteria = {{"reach", net::CriterionKind::kCustom, 2, 0, 10}, {"carbon", net::CriterionKind::kCustom, 1, 0, 5}};
  s.scorecard = std::optional<net::Scorecard>(card);
  s.scores = std::vector<net::InitiativeScore>{{105, 1, "reach", 7}, {105, 1, "carbon", 3}, {106, 2, "reach", 2}};
  net::ConsensusSummary consensus;
  consensus.ranking = {{102}, {101, 103}};
  consensus.distances = {{1, q(1, 2)}, {2, 0}};
  (*s.outcomes)[0].consensus = consensus;
  return s;
}

std::vector<Report> every_report(const Snapshot& s) {
  std::vector<Report> reports{ok(network_report(s)), ok(fairness_report(s)),  ok(engagement_report(s)),
                              ok(kpi_report(s)),     ok(scorecard_report(s)), ok(partner_report(s, 3))};
  for (const net::CycleNumber cycle : {1, 2, 3}) {
    reports.push_back(ok(cycle_report(s, cycle)));
  }
  return reports;
}

// Every table is built from one list of columns: each column has a key and a human title, and each row
// has one cell per column.
TEST(ReportColumns, EveryColumnHasAHumanTitleAndEveryRowOneCellPerColumn) {
  std::set<std::string> tables;
  for (const Report& report : every_report(network_with_every_table())) {
    for (const ReportTable& t : report.tables) {
      tables.insert(report.name + "/" + t.key);
      ASSERT_EQ(t.column_titles.size(), t.columns.size()) << report.name << "/" << t.key;
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        EXPECT_FALSE(t.column_titles[c].empty()) << report.name << "/" << t.key << "/" << t.columns[c];
        EXPECT_NE(t.column_titles[c], t.columns[c]) << report.name << "/" << t.key << ": a title, not the key";
      }
      EXPECT_EQ(std::set<std::string>(t.columns.begin(), t.columns.end()).size(), t.columns.size()) << t.key;
      for (const std::vector<ReportCell>& row : t.rows) {
        EXPECT_EQ(row.size(), t.columns.size()) << report.name << "/" << t.key;
      }
    }
  }
  // The report tables: cycle 1 closed with a consensus, 2 closed, 3 open.
  EXPECT_EQ(tables.size(), 19U);
}

}  // namespace
}  // namespace covalue::program
