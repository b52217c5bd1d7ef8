#include "covalue/program/report.hpp"

#include <gtest/gtest.h>

#include "reports_test_support.hpp"

namespace covalue::program {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace): the fixture's helpers

TEST(ReportNetwork, OneRowPerCycleWithEstimatedAndRealisedValue) {
  const Report report = ok(network_report(sample_network()));
  EXPECT_EQ(report.name, "network");
  const ReportTable& cycles = table(report, "cycles");
  ASSERT_EQ(cycles.rows.size(), 3U);
  expect_integer(cell(cycles, 0, "cycle"), 1);
  expect_text(cell(cycles, 0, "state"), "reviewed");
  expect_text(cell(cycles, 0, "rule"), net::name_of(net::SelectionRule::kNetworkFair));
  expect_number(cell(cycles, 0, "capacity"), 10);
  expect_number(cell(cycles, 0, "spent"), 7);
  expect_integer(cell(cycles, 0, "selected"), 2);
  expect_number(cell(cycles, 0, "estimated_value"), 10);
  expect_number(cell(cycles, 0, "realised_value"), 11);  // 5 + 3 + 4 - 1
  expect_percent(cell(cycles, 0, "realised_percent"), q(11, 10));
  expect_number(cell(cycles, 1, "spent"), 5);
  expect_integer(cell(cycles, 1, "selected"), 1);
  expect_number(cell(cycles, 1, "realised_value"), 2);
  expect_number(cell(cycles, 1, "cumulative_estimated"), 12);
  expect_number(cell(cycles, 1, "cumulative_realised"), 13);
  expect_percent(cell(cycles, 1, "realised_percent"), 1);
  // Cycle 3 is still voting: no outcome figures, the running sums carry over.
  expect_text(cell(cycles, 2, "state"), "voting");
  expect_empty(cell(cycles, 2, "spent"));
  expect_empty(cell(cycles, 2, "selected"));
  expect_empty(cell(cycles, 2, "estimated_value"));
  expect_number(cell(cycles, 2, "realised_value"), 0);
  expect_number(cell(cycles, 2, "cumulative_estimated"), 12);
  expect_number(cell(cycles, 2, "cumulative_realised"), 13);
  expect_empty(cell(cycles, 2, "realised_percent"));
}

TEST(ReportNetwork, SummaryCountsMembersNowAndChecksSteadyGrowth) {
  Snapshot snapshot = sample_network();
  const Report report = ok(network_report(snapshot));
  expect_integer(summary(report, "partners"), 2);  // Gamma left at cycle 3, the one voting now
  expect_integer(summary(report, "cycles"), 3);
  expect_integer(summary(report, "closed_cycles"), 2);
  expect_number(summary(report, "total_estimated"), 12);
  expect_number(summary(report, "total_realised"), 13);
  expect_text(summary(report, "steady_growth"), "yes");
  snapshot.realised->push_back(make_realised(2, 104, 3, -5));
  const Report shrinking = ok(network_report(snapshot));
  expect_text(summary(shrinking, "steady_growth"), "no");
  expect_number(cell(table(shrinking, "cycles"), 1, "realised_value"), -3);
}

TEST(ReportNetwork, EstimationErrorAndBiasPerProposer) {
  const Report report = ok(network_report(sample_network()));
  const ReportTable& estimation = table(report, "estimation");
  ASSERT_EQ(estimation.rows.size(), 2U);  // Gamma's only proposal was never selected
  // Alpha: (101, Alpha) 5 vs 6, (101, Beta) 3 vs 2, (104, Alpha) 2 vs 4.
  expect_text(cell(estimation, 0, "name"), "Alpha");
  expect_integer(cell(estimation, 0, "initiatives"), 2);
  expect_integer(cell(estimation, 0, "pairs"), 3);
  expect_number(cell(estimation, 0, "estimated"), 12);
  expect_number(cell(estimation, 0, "realised"), 10);
  expect_percent(cell(estimation, 0, "estimation_error"), q(4, 12));
  expect_number(cell(estimation, 0, "bias"), -2);
  // Beta: (102, Beta) 4 vs 5, (102, Gamma) -1 vs -1.
  expect_percent(cell(estimation, 1, "estimation_error"), q(1, 6));
  expect_number(cell(estimation, 1, "bias"), -1);
  expect_percent(summary(report, "estimation_error"), q(5, 18));
  expect_number(summary(report, "estimation_bias"), -3);
}

TEST(ReportPartner, CumulativeFiguresAndSharesOfEveryPartner) {
  const Report report = ok(partner_report(sample_network(), std::nullopt));
  const ReportTable& partners = table(report, "partners");
  ASSERT_EQ(partners.rows.size(), 3U);
  EXPECT_EQ(report.tables.size(), 1U);
  expect_text(cell(partners, 0, "name"), "Alpha");
  expect_text(cell(partners, 0, "tier"), "manufacturer");
  expect_text(cell(partners, 0, "status"), "member");
  expect_integer(cell(partners, 0, "member_since"), 1);
  expect_empty(cell(partners, 0, "left_cycle"));
  expect_number(cell(partners, 0, "estimated_value"), 10);
  expect_number(cell(partners, 0, "transfers"), -2);
  expect_number(cell(partners, 0, "net_value"), 8);
  expect_percent(cell(partners, 0, "deopt_share"), 0);
  expect_integer(cell(partners, 0, "leads"), 1);
  expect_percent(cell(partners, 0, "lead_share"), q(1, 3));
  expect_percent(cell(partners, 0, "approvals_selected"), q(2, 3));
  expect_percent(cell(partners, 0, "estimation_error"), q(1, 3));
  expect_number(cell(partners, 0, "estimation_bias"), -2);
  expect_percent(cell(partners, 1, "lead_share"), q(2, 3));
  expect_integer(cell(partners, 1, "current_dry_spell"), 1);
  expect_percent(cell(partners, 1, "approvals_selected"), q(1, 2));
  expect_text(cell(partners, 2, "status"), "left");
  expect_integer(cell(partners, 2, "left_cycle"), 3);
  expect_number(cell(partners, 2, "net_value"), -3);
  expect_number(cell(partners, 2, "transfers"), 3);
  expect_integer(cell(partners, 2, "longest_dry_spell"), 2);
  expect_integer(cell(partners, 2, "current_dry_spell"), 2);
  expect_percent(cell(partners, 2, "deopt_share"), 1);
  expect_percent(cell(partners, 2, "lead_share"), 0);
  expect_percent(cell(partners, 2, "approvals_selected"), 0);
  expect_empty(cell(partners, 2, "estimation_error"));
  expect_empty(cell(partners, 2, "estimation_bias"));
}

TEST(ReportPartner, OnePartnersHistoryCycleByCycle) {
  const Report report = ok(partner_report(sample_network(), 3));
  const ReportTable& history = table(report, "partner_cycles");
  ASSERT_EQ(history.rows.size(), 2U);
  expect_integer(cell(history, 0, "cycle"), 1);
  expect_number(cell(history, 0, "weight"), 1);
  expect_number(cell(history, 0, "estimated_value"), -3);
  expect_number(cell(history, 0, "transfer"), 2);
  expect_number(cell(history, 0, "net_value"), -1);
  expect_text(cell(history, 0, "dry"), "yes");
  expect_integer(cell(history, 0, "dry_spell"), 1);
  expect_integer(cell(history, 0, "supported"), 1);
  expect_integer(cell(history, 0, "supported_selected"), 0);
  expect_text(cell(history, 1, "voted"), "no");
  expect_text(cell(history, 1, "protected"), "yes");
  const Report beta = ok(partner_report(sample_network(), 2));
  expect_integer(cell(table(beta, "partner_cycles"), 0, "leads"), 1);
  expect_integer(cell(table(beta, "partner_cycles"), 1, "leads"), 1);
}

TEST(ReportPartner, UnknownPartnerIsNotFound) { expect_not_found(partner_report(sample_network(), 42), "42"); }

TEST(ReportFairness, GiniIndicesAndDrySpellsAgainstK) {
  const Report report = ok(fairness_report(sample_network()));
  expect_integer(summary(report, "partners"), 3);
  // Net values 8, 7, -3: pairs differ by 1, 11, 10 -> 2 * 22 / (2 * 3 * 18).
  expect_number(summary(report, "gini_net_value"), q(11, 27));
  expect_number(summary(report, "gini_leadership"), q(4, 9));      // leads 1, 2, 0
  expect_number(summary(report, "gini_deoptimisation"), q(2, 3));  // 0, 0, 6: one carries all
  expect_integer(summary(report, "k"), 2);
  expect_percent(summary(report, "max_deopt_share"), q(1, 2));
  expect_integer(summary(report, "largest_dry_spell"), 2);
  expect_text(summary(report, "dry_spell_reached_k"), "yes");
  expect_integer(summary(report, "cycles_over_deopt_share"), 2);
  const ReportTable& partners = table(report, "partners");
  ASSERT_EQ(partners.rows.size(), 3U);
  expect_number(cell(partners, 2, "net_value"), -3);
  expect_integer(cell(partners, 1, "leads"), 2);
  expect_percent(cell(partners, 2, "deopt_share"), 1);
  expect_integer(cell(partners, 2, "longest_dry_spell"), 2);
  expect_integer(cell(partners, 2, "protected_cycles"), 1);
  expect_integer(cell(partners, 0, "protected_cycles"), 0);
  EXPECT_FALSE(partners.notes.empty());
  const ReportTable& over = table(report, "deopt_exceedances");
  ASSERT_EQ(over.rows.size(), 2U);
  expect_integer(cell(over, 1, "cycle"), 2);
  expect_text(cell(over, 1, "name"), "Gamma");
  expect_percent(cell(over, 1, "deopt_share"), 1);
}

TEST(ReportFairness, SharedDeoptimisationWithinThePolicyIsNotCounted) {
  Snapshot snapshot = sample_network();
  snapshot.outcomes[0].partners[0].deoptimisation = 3;  // Alpha and Gamma each carry half of cycle 1's
  const Report report = ok(fairness_report(snapshot));
  expect_integer(summary(report, "cycles_over_deopt_share"), 1);
  expect_percent(cell(table(report, "partners"), 0, "deopt_share"), q(1, 3));
}

TEST(ReportEmpty, EveryReportWorksOnANetworkWithoutCycles) {
  Snapshot snapshot;
  snapshot.charter.name = "new";
  snapshot.partners = {make_partner(1, "Alpha", net::Tier::kManufacturer)};
  const Report network = ok(network_report(snapshot));
  expect_integer(summary(network, "partners"), 1);
  expect_integer(summary(network, "cycles"), 0);
  expect_number(summary(network, "total_realised"), 0);
  expect_text(summary(network, "steady_growth"), "yes");
  expect_empty(summary(network, "estimation_error"));
  EXPECT_TRUE(table(network, "cycles").rows.empty());
  const Report partners = ok(partner_report(snapshot, 1));
  expect_empty(cell(table(partners, "partners"), 0, "deopt_share"));
  expect_empty(cell(table(partners, "partners"), 0, "lead_share"));
  EXPECT_TRUE(table(partners, "partner_cycles").rows.empty());
  const Report fairness = ok(fairness_report(snapshot));
  expect_integer(summary(fairness, "partners"), 0);
  expect_number(summary(fairness, "gini_net_value"), 0);
  const Report engagement = ok(engagement_report(snapshot));
  expect_integer(cell(table(engagement, "partners"), 0, "risk_score"), 0);
  expect_text(cell(table(engagement, "partners"), 0, "risk_band"), "low");
  const Report kpi = ok(kpi_report(snapshot));
  expect_empty(summary(kpi, "consumer_experience_progress"));
  EXPECT_EQ(cycle_report(snapshot, 1).error().kind, core::ErrorKind::kNotFound);
  EXPECT_TRUE(network_report(Snapshot{}).ok());
}

}  // namespace
}  // namespace covalue::program
