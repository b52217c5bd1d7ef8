#include <gtest/gtest.h>

#include "covalue/program/report.hpp"
#include "reports_test_support.hpp"

namespace covalue::program {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace): the fixture's helpers

TEST(ReportCycle, ClosedCycleWithCertificate) {
  const Report report = ok(cycle_report(sample_network(), 1));
  EXPECT_EQ(report.name, "cycle");
  expect_integer(summary(report, "cycle"), 1);
  expect_text(summary(report, "state"), "reviewed");
  expect_number(summary(report, "capacity"), 10);
  expect_number(summary(report, "spent"), 7);
  expect_integer(summary(report, "selected"), 2);
  expect_number(summary(report, "network_value"), 10);
  expect_text(summary(report, "sharing_policy"), "shapley");
  expect_text(summary(report, "sharing_method"), "exact");
  expect_text(summary(report, "in_core"), "yes");
  expect_text(summary(report, "certificate_status"), "optimal");
  expect_number(summary(report, "certificate_objective"), 10);
  expect_number(summary(report, "solver_bound"), 10);
  expect_number(summary(report, "proven_bound"), q(21, 2));
  expect_number(summary(report, "gap"), 0);
  expect_integer(summary(report, "nodes"), 3);
  expect_text(summary(report, "rechecked"), "yes");
  for (const auto& [key, value] : report.summary) {
    EXPECT_NE(key, "error_bound");
    EXPECT_NE(key, "blocking_coalition");
  }
}

TEST(ReportCycle, ClosedCycleTablesOfDecisionsPartnersLeadsAndNotes) {
  const Report report = ok(cycle_report(sample_network(), 1));
  const ReportTable& decisions = table(report, "decisions");
  ASSERT_EQ(decisions.rows.size(), 3U);
  expect_text(cell(decisions, 0, "title"), "Shared forecast");
  expect_number(cell(decisions, 0, "cost"), 4);
  expect_number(cell(decisions, 0, "network_value"), 6);
  expect_text(cell(decisions, 0, "selected"), "yes");
  expect_text(cell(decisions, 2, "selected"), "no");
  expect_text(cell(decisions, 2, "reason"), "negative_network_value");
  expect_text(cell(decisions, 2, "explanation"), "because 103");
  expect_number(cell(decisions, 2, "network_value"), -1);
  const ReportTable& partners = table(report, "partners");
  ASSERT_EQ(partners.rows.size(), 3U);
  expect_text(cell(partners, 2, "name"), "Gamma");
  expect_number(cell(partners, 2, "deoptimisation"), 3);
  expect_number(cell(partners, 2, "transfer"), 2);
  expect_number(cell(partners, 2, "net_value"), -1);
  expect_text(cell(partners, 2, "dry"), "yes");
  expect_integer(cell(partners, 2, "dry_spell"), 1);
  expect_text(cell(partners, 2, "protected"), "no");
  const ReportTable& leads = table(report, "leads");
  ASSERT_EQ(leads.rows.size(), 2U);
  expect_text(cell(leads, 0, "lead"), "Alpha");
  expect_text(cell(leads, 0, "volunteer"), "yes");
  expect_text(cell(leads, 1, "title"), "Returns portal");
  ASSERT_EQ(table(report, "notes").rows.size(), 2U);
  expect_text(cell(table(report, "notes"), 1, "note"), "selected 101 and 102");
}

TEST(ReportCycle, SampledSharingOutsideTheCoreNamesTheBlockingCoalition) {
  Snapshot snapshot = sample_network();
  snapshot.outcomes[1].leads.push_back({105, std::nullopt, false});
  const Report report = ok(cycle_report(snapshot, 2));
  expect_text(summary(report, "sharing_method"), "sampled");
  expect_percent(summary(report, "error_bound"), q(1, 100));
  expect_integer(summary(report, "samples"), 1000);
  expect_text(summary(report, "in_core"), "no");
  expect_text(summary(report, "blocking_coalition"), "Alpha, Beta");
  for (const auto& [key, value] : report.summary) {
    EXPECT_NE(key, "certificate_status");
  }
  expect_text(cell(table(report, "leads"), 1, "lead"), "none");
}

TEST(ReportCycle, OpenCycleShowsCandidatesAndBallotsWithoutOutcome) {
  const Report report = ok(cycle_report(sample_network(), 3));
  expect_text(summary(report, "state"), "voting");
  expect_integer(summary(report, "candidates"), 2);
  expect_integer(summary(report, "ballots_cast"), 1);
  ASSERT_EQ(report.tables.size(), 2U);
  const ReportTable& ballot = table(report, "ballot");
  ASSERT_EQ(ballot.rows.size(), 2U);
  EXPECT_EQ(cell(ballot, 0, "scorecard_rank").kind, ReportCell::Kind::kEmpty);  // the network has no scorecard
  const ReportTable& candidates = table(report, "candidates");
  ASSERT_EQ(candidates.rows.size(), 2U);
  expect_text(cell(candidates, 0, "title"), "Cross-dock");
  expect_text(cell(candidates, 0, "proposer"), "Beta");
  expect_text(cell(candidates, 0, "channel"), "consumer_experience");
  expect_number(cell(candidates, 0, "network_value"), 4);
}

TEST(ReportCycle, UnknownCycleIsNotFound) { expect_not_found(cycle_report(sample_network(), 9), "9"); }

TEST(ReportKpi, ProgressFromBaselineTowardsTarget) {
  const Report report = ok(kpi_report(sample_network()));
  const ReportTable& objectives = table(report, "objectives");
  ASSERT_EQ(objectives.rows.size(), 5U);
  expect_text(cell(objectives, 0, "partner"), "Alpha");
  expect_text(cell(objectives, 0, "kpi"), "on_time_delivery");
  expect_text(cell(objectives, 0, "unit"), "%");
  expect_integer(cell(objectives, 0, "first_cycle"), 1);
  expect_number(cell(objectives, 0, "first_value"), 82);
  expect_integer(cell(objectives, 0, "latest_cycle"), 2);
  expect_number(cell(objectives, 0, "latest_value"), 85);
  expect_integer(cell(objectives, 0, "measurements"), 2);
  expect_percent(cell(objectives, 0, "progress"), q(1, 2));
  expect_percent(cell(objectives, 1, "progress"), q(1, 4));
  // A KPI that should go down: 10 -> 9 towards 6 is a quarter of the way.
  expect_text(cell(objectives, 2, "kpi"), "dock idle hours");
  expect_percent(cell(objectives, 2, "progress"), q(1, 4));
  expect_text(cell(objectives, 3, "kpi"), "return_rate");
  expect_empty(cell(objectives, 3, "progress"));  // target = baseline
  expect_empty(cell(objectives, 4, "latest_value"));
  expect_empty(cell(objectives, 4, "progress"));
  expect_integer(cell(objectives, 4, "measurements"), 0);
  const ReportTable& measurements = table(report, "measurements");
  ASSERT_EQ(measurements.rows.size(), 5U);
  expect_integer(cell(measurements, 0, "cycle"), 1);
  expect_percent(cell(measurements, 0, "progress"), q(1, 5));
  expect_percent(cell(measurements, 1, "progress"), q(1, 2));
}

TEST(ReportKpi, ConsumerExperienceSummary) {
  const Report report = ok(kpi_report(sample_network()));
  expect_integer(summary(report, "objectives"), 5);
  expect_integer(summary(report, "consumer_experience_objectives"), 2);
  expect_percent(summary(report, "consumer_experience_progress"), q(3, 8));  // (1/2 + 1/4) / 2
  expect_number(summary(report, "consumer_experience_estimated"), 4);        // 102 only: 105 was not selected
  expect_number(summary(report, "consumer_experience_realised"), 3);         // 4 - 1
}

}  // namespace
}  // namespace covalue::program
