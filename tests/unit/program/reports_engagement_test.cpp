#include <gtest/gtest.h>

#include "covalue/program/report.hpp"
#include "reports_test_support.hpp"

namespace covalue::program {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace): the fixture's helpers

TEST(ReportEngagement, ParticipationPerPartner) {
  const Report report = ok(engagement_report(sample_network()));
  EXPECT_EQ(report.name, "engagement");
  const ReportTable& partners = table(report, "partners");
  ASSERT_EQ(partners.rows.size(), 3U);
  // Alpha voted in all three cycles that reached voting.
  expect_integer(cell(partners, 0, "ballots_issued"), 3);
  expect_integer(cell(partners, 0, "ballots_cast"), 3);
  expect_integer(cell(partners, 0, "ballots_missed"), 0);
  expect_integer(cell(partners, 0, "proposals"), 3);
  expect_integer(cell(partners, 0, "leads"), 1);
  expect_integer(cell(partners, 0, "reviews"), 2);
  expect_integer(cell(partners, 0, "objectives"), 2);
  // Beta has not voted in cycle 3 yet: that ballot is not missed while the cycle is voting.
  expect_integer(cell(partners, 1, "ballots_issued"), 3);
  expect_integer(cell(partners, 1, "ballots_cast"), 2);
  expect_integer(cell(partners, 1, "ballots_missed"), 0);
  // Gamma left before cycle 3 and missed cycle 2's ballot.
  expect_integer(cell(partners, 2, "ballots_issued"), 2);
  expect_integer(cell(partners, 2, "ballots_cast"), 1);
  expect_integer(cell(partners, 2, "ballots_missed"), 1);
  expect_integer(cell(partners, 2, "reviews"), 1);
  expect_integer(summary(report, "ballots_cast"), 6);
  expect_integer(summary(report, "ballots_missed"), 1);
  expect_percent(summary(report, "turnout"), q(6, 7));
}

TEST(ReportEngagement, RetentionRiskOfMembersAndNoneForPartnersWhoLeft) {
  const Report report = ok(engagement_report(sample_network()));
  const ReportTable& partners = table(report, "partners");
  expect_integer(cell(partners, 0, "risk_score"), 0);
  expect_text(cell(partners, 0, "risk_band"), "low");
  expect_text(cell(partners, 0, "risk_reasons"), "");
  // Beta: dry spell 1 of k = 2 -> 25 / 2, rounded half up; exactly half its support selected is not low.
  expect_integer(cell(partners, 1, "risk_score"), 13);
  expect_text(cell(partners, 1, "risk_band"), "low");
  expect_text(cell(partners, 1, "risk_reasons"), "dry spell 1 of k=2");
  expect_empty(cell(partners, 2, "risk_score"));
  expect_empty(cell(partners, 2, "risk_band"));
  expect_text(cell(partners, 2, "risk_reasons"), "left from cycle 3");
  expect_integer(summary(report, "low_risk"), 2);
  expect_integer(summary(report, "high_risk"), 0);
}

TEST(ReportEngagement, EveryRiskFactorNamesItself) {
  Snapshot snapshot = sample_network();
  snapshot.partners[2].left_cycle.reset();  // Gamma stays
  const Report report = ok(engagement_report(snapshot));
  const ReportTable& partners = table(report, "partners");
  expect_integer(cell(partners, 2, "ballots_issued"), 3);
  expect_integer(cell(partners, 2, "ballots_missed"), 1);
  // 25 x 1/2 + 25 x 2/2 + 15 + 15 x 1/1 + 10 x 2/2 + 10 = 87.5 -> 88.
  expect_integer(cell(partners, 2, "risk_score"), 88);
  expect_text(cell(partners, 2, "risk_band"), "high");
  expect_text(cell(partners, 2, "risk_reasons"),
              "missed 1 of 2 ballots; dry spell 2 of k=2; cumulative net value -3; 0 of 1 supported initiatives "
              "selected in its last 2 cycles; de-optimisation above the 50% policy share in 2 of 2 cycles; led none "
              "of the 3 initiatives led in its last 2 cycles");
  expect_integer(summary(report, "high_risk"), 1);
}

TEST(ReportEngagement, MediumRiskWithoutDeoptimisationOrMissingLeadership) {
  Snapshot snapshot = sample_network();
  snapshot.partners[2].left_cycle.reset();
  for (net::CycleOutcome& outcome : snapshot.outcomes) {
    outcome.partners[2].deoptimisation = 0;
    outcome.partners[2].net_value = 1;
  }
  snapshot.outcomes[1].leads[0].lead = 3;
  const Report report = ok(engagement_report(snapshot));
  // 25 x 1/2 + 25 x 2/2 + 15 x 1/1 = 52.5 -> 53.
  expect_integer(cell(table(report, "partners"), 2, "risk_score"), 53);
  expect_text(cell(table(report, "partners"), 2, "risk_band"), "medium");
  expect_integer(summary(report, "medium_risk"), 1);
}

TEST(ReportEngagement, RiskLooksAtTheLastThreeClosedCycles) {
  Snapshot snapshot;
  snapshot.charter.fairness.max_dry_spell = 3;
  snapshot.partners = {make_partner(1, "Alpha", net::Tier::kRetailer), make_partner(2, "Beta", net::Tier::kRetailer)};
  for (net::CycleNumber c = 1; c <= 4; ++c) {
    snapshot.cycles.push_back(make_cycle(c, net::CycleState::kClosed, net::SelectionRule::kGreedy));
    net::CycleOutcome outcome;
    outcome.cycle = c;
    outcome.partners = {partner_result(1, 0, 0, 0, 0, 0, true, 0), partner_result(2, 0, 0, 0, 0, 0, c != 1, 0)};
    snapshot.outcomes->push_back(outcome);
    snapshot.ballots->push_back({c, 1, net::BallotFormat::kApprovals, {}, {}});
    if (c == 1 || c == 4) {
      snapshot.ballots->push_back({c, 2, net::BallotFormat::kApprovals, {}, {}});
    }
  }
  const Report report = ok(engagement_report(snapshot));
  const ReportTable& partners = table(report, "partners");
  expect_integer(cell(partners, 1, "ballots_missed"), 2);
  // Cycles 2-4: missed 2 of 3 -> 50 / 3 -> 17; the dry spell 3 of k = 3 adds 25 -> 41 2/3 -> 42.
  expect_integer(cell(partners, 1, "risk_score"), 17);
  expect_text(cell(partners, 1, "risk_reasons"), "missed 2 of 3 ballots");
  snapshot.outcomes[3].partners[1].dry_spell = 3;
  const Report dry = ok(engagement_report(snapshot));
  expect_integer(cell(table(dry, "partners"), 1, "risk_score"), 42);
  expect_text(cell(table(dry, "partners"), 1, "risk_reasons"), "missed 2 of 3 ballots; dry spell 3 of k=3");
  expect_text(cell(table(dry, "partners"), 1, "risk_band"), "medium");
  snapshot.outcomes[3].partners[1].dry_spell = 5;  // beyond k counts as k
  expect_integer(cell(table(ok(engagement_report(snapshot)), "partners"), 1, "risk_score"), 42);
}

TEST(ReportEngagement, RowsAreOrderedByPartnerId) {
  Snapshot snapshot = sample_network();
  std::swap(snapshot.partners[0], snapshot.partners[2]);
  const Report report = ok(engagement_report(snapshot));
  const ReportTable& partners = table(report, "partners");
  expect_integer(cell(partners, 0, "partner"), 1);
  expect_integer(cell(partners, 2, "partner"), 3);
}

}  // namespace
}  // namespace covalue::program
