#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "covalue/program/report.hpp"

// A small network built by hand, with every figure of its reports worked out in the tests.
//
// Charter: k = 2, max de-optimisation share 1/2. Partners Alpha (1), Beta (2), Gamma (3, leaves at
// cycle 3). Cycle 1 (reviewed, network-fair): 101 (Alpha's) and 102 (Beta's, consumer experience)
// selected, 103 (Gamma's) rejected for its negative network value. Cycle 2 (closed, greedy): 104
// (Alpha's) selected, 105 (Beta's, consumer experience) not chosen. Cycle 3 is voting on 105 and 106.
namespace covalue::program::testing {

inline core::Rational q(long numerator, long denominator = 1) {
  return core::Rational(numerator) / core::Rational(denominator);
}

inline net::Partner make_partner(net::PartnerId id, std::string name, net::Tier tier) {
  net::Partner result;
  result.id = id;
  result.name = std::move(name);
  result.tier = tier;
  return result;
}

inline net::Initiative make_initiative(net::InitiativeId id, std::string title, net::PartnerId proposer, long cost,
                                       std::vector<std::pair<net::PartnerId, long>> impacts, net::CycleNumber cycle,
                                       net::InitiativeStatus status) {
  net::Initiative result;
  result.id = id;
  result.title = std::move(title);
  result.proposer = proposer;
  result.cost = cost;
  for (const auto& [who, estimate] : impacts) {
    result.impacts.push_back({who, q(estimate)});
  }
  result.cycle = cycle;
  result.status = status;
  return result;
}

//! weight 1; estimated, de-optimisation, transfer and net; supported and selected; voted; dry spell.
inline net::PartnerResult partner_result(net::PartnerId who, long estimated, long deopt, long transfer, long supported,
                                         long selected, bool voted, long dry_spell) {
  net::PartnerResult r;
  r.partner = who;
  r.estimated_value = estimated;
  r.deoptimisation = deopt;
  r.transfer = transfer;
  r.net_value = estimated + transfer;
  r.allocation = estimated + transfer;
  r.supported = supported;
  r.supported_selected = selected;
  r.voted = voted;
  r.dry = dry_spell > 0;
  r.dry_spell = dry_spell;
  return r;
}

inline net::InitiativeDecision decision(net::InitiativeId id, bool selected, net::DecisionReason reason) {
  return {id, selected, reason, "because " + std::to_string(id), {}, std::nullopt};
}

inline net::Cycle make_cycle(net::CycleNumber number, net::CycleState state, net::SelectionRule rule) {
  net::Cycle result;
  result.number = number;
  result.state = state;
  result.capacity = 10;
  result.rule = rule;
  return result;
}

//! A closed cycle's outcome with capacity 10, before its decisions, partners and leads.
inline net::CycleOutcome outcome_of(net::CycleNumber cycle, net::SelectionRule rule, long spent, long network_value) {
  net::CycleOutcome o;
  o.cycle = cycle;
  o.rule = rule;
  o.capacity = 10;
  o.spent = spent;
  o.network_value = network_value;
  return o;
}

inline net::CycleOutcome first_outcome() {
  net::CycleOutcome o = outcome_of(1, net::SelectionRule::kNetworkFair, 7, 10);
  o.decisions = {decision(101, true, net::DecisionReason::kSelected),
                 decision(102, true, net::DecisionReason::kSelected),
                 decision(103, false, net::DecisionReason::kNegativeNetworkValue)};
  o.partners = {partner_result(1, 6, 0, -1, 2, 1, true, 0), partner_result(2, 7, 0, -1, 1, 1, true, 0),
                partner_result(3, -3, 3, 2, 1, 0, true, 1)};
  o.leads = {{101, 1, true}, {102, 2, false}};
  o.sharing = {net::SharingPolicy::kShapley, "exact", 0, 0, "yes", {}};
  o.network_fair = net::NetworkFairCertificate{"optimal", 10, 10, q(21, 2), 0, 3, true, "CBC 2.10.8", ""};
  o.notes = {"weights: everyone 1", "selected 101 and 102"};
  return o;
}

inline net::CycleOutcome second_outcome() {
  net::CycleOutcome o = outcome_of(2, net::SelectionRule::kGreedy, 5, 2);
  o.decisions = {decision(104, true, net::DecisionReason::kSelected),
                 decision(105, false, net::DecisionReason::kNotChosen)};
  o.partners = {partner_result(1, 4, 0, -1, 1, 1, true, 0), partner_result(2, 1, 0, 0, 1, 0, true, 1),
                partner_result(3, -3, 3, 1, 0, 0, false, 2)};
  o.partners[2].protected_partner = true;  // flagged by hand: the reports only count it
  o.leads = {{104, 2, false}};
  o.sharing = {net::SharingPolicy::kShapley, "sampled", q(1, 100), 1000, "no", {1, 2}};
  return o;
}

inline net::Objective make_objective(net::ObjectiveId id, net::PartnerId who, net::Kpi kpi, std::string name,
                                     long baseline, long target) {
  net::Objective result;
  result.id = id;
  result.partner = who;
  result.kpi = kpi;
  result.name = std::move(name);
  result.unit = "%";
  result.baseline = baseline;
  result.target = target;
  return result;
}

inline net::RealisedValue make_realised(net::CycleNumber cycle, net::InitiativeId id, net::PartnerId who, long actual) {
  net::RealisedValue value;
  value.cycle = cycle;
  value.initiative = id;
  value.partner = who;
  value.actual = actual;
  return value;
}

inline void add_initiatives(Snapshot& s) {
  using S = net::InitiativeStatus;
  s.initiatives = {make_initiative(101, "Shared forecast", 1, 4, {{1, 6}, {2, 2}, {3, -2}}, 1, S::kReviewed),
                   make_initiative(102, "Returns portal", 2, 3, {{2, 5}, {3, -1}}, 1, S::kReviewed),
                   make_initiative(103, "Night dock", 3, 8, {{3, 3}, {1, -4}}, 1, S::kRejected),
                   make_initiative(104, "Packaging", 1, 5, {{1, 4}, {2, 1}, {3, -3}}, 2, S::kInProgress),
                   make_initiative(105, "Cross-dock", 2, 6, {{2, 3}, {3, 1}}, 3, S::kProposed),
                   make_initiative(106, "Labels", 1, 2, {{1, 2}}, 3, S::kProposed)};
  s.initiatives[1].channel = net::Channel::kConsumerExperience;
  s.initiatives[4].channel = net::Channel::kConsumerExperience;
  s.initiatives[0].lead = 1;
  s.initiatives[1].lead = 2;
  s.initiatives[3].lead = 2;
}

inline void add_ballots(Snapshot& s) {
  const auto ballot = [](net::CycleNumber c, net::PartnerId who) {
    net::PartnerBallot b;
    b.cycle = c;
    b.partner = who;
    return b;
  };
  s.ballots = {ballot(1, 1), ballot(1, 2), ballot(1, 3), ballot(2, 1), ballot(2, 2), ballot(3, 1)};
}

inline void add_objectives(Snapshot& s) {
  s.objectives = {make_objective(1, 1, net::Kpi::kOnTimeDelivery, "", 80, 90),
                  make_objective(2, 2, net::Kpi::kConsumerSatisfaction, "", 3, 4),
                  make_objective(3, 3, net::Kpi::kCustom, "dock idle hours", 10, 6),
                  make_objective(4, 2, net::Kpi::kReturnRate, "returns", 5, 5),
                  make_objective(5, 1, net::Kpi::kPerfectOrderRate, "", 90, 95)};
  s.kpis = {{2, 1, 85}, {1, 1, 82}, {2, 2, q(13, 4)}, {1, 3, 9}, {1, 4, 4}};
}

//! The network described above.
inline Snapshot sample_network() {
  Snapshot s;
  s.charter.name = "sample";
  s.charter.capacity = 10;
  s.charter.fairness.max_dry_spell = 2;
  s.charter.fairness.max_deopt_share = q(1, 2);
  s.partners = {make_partner(1, "Alpha", net::Tier::kManufacturer), make_partner(2, "Beta", net::Tier::kRetailer),
                make_partner(3, "Gamma", net::Tier::kLogistics)};
  s.partners[2].left_cycle = 3;
  s.cycles = {make_cycle(1, net::CycleState::kReviewed, net::SelectionRule::kNetworkFair),
              make_cycle(2, net::CycleState::kClosed, net::SelectionRule::kGreedy),
              make_cycle(3, net::CycleState::kVoting, net::SelectionRule::kGreedy)};
  s.outcomes = {first_outcome(), second_outcome()};
  add_initiatives(s);
  add_ballots(s);
  add_objectives(s);
  s.realised = {make_realised(1, 101, 1, 5), make_realised(1, 101, 2, 3), make_realised(1, 102, 2, 4),
                make_realised(1, 102, 3, -1), make_realised(2, 104, 1, 2)};
  return s;
}

//! The report, which must have been produced.
inline Report ok(const core::Result<Report>& result) {
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().to_string());
  return result.ok() ? *result : Report{};
}

//! A report refused as kNotFound, its message naming what was not found.
inline void expect_not_found(const core::Result<Report>& report, const std::string& named) {
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().kind, core::ErrorKind::kNotFound);
  EXPECT_NE(report.error().message.find(named), std::string::npos) << report.error().message;
}

//! A table of a report by key.
inline const ReportTable& table(const Report& report, const std::string& key) {
  auto it =
      std::find_if(report.tables.begin(), report.tables.end(), [&](const ReportTable& t) { return t.key == key; });
  static const ReportTable missing;
  EXPECT_NE(it, report.tables.end()) << "no table " << key;
  return it == report.tables.end() ? missing : *it;
}

//! A summary figure by key.
inline ReportCell summary(const Report& report, const std::string& key) {
  for (const auto& [name, value] : report.summary) {
    if (name == key) {
      return value;
    }
  }
  ADD_FAILURE() << "no summary figure " << key;
  return {};
}

//! The cell of `row` in column `column`.
inline ReportCell cell(const ReportTable& t, std::size_t row, const std::string& column) {
  auto it = std::find(t.columns.begin(), t.columns.end(), column);
  if (it == t.columns.end() || row >= t.rows.size()) {
    ADD_FAILURE() << "no cell " << column << " in row " << row << " of " << t.key;
    return {};
  }
  const std::vector<ReportCell>& cells = t.rows[row];
  EXPECT_EQ(cells.size(), t.columns.size()) << "row " << row << " of " << t.key;
  const auto index = static_cast<std::size_t>(it - t.columns.begin());
  return index < cells.size() ? cells[index] : ReportCell{};
}

//! Checks a cell's kind and value.
inline void expect_number(const ReportCell& c, const core::Rational& value) {
  EXPECT_EQ(c.kind, ReportCell::Kind::kNumber);
  EXPECT_EQ(c.number, value) << core::to_string(c.number);
}
inline void expect_percent(const ReportCell& c, const core::Rational& fraction) {
  EXPECT_EQ(c.kind, ReportCell::Kind::kPercent);
  EXPECT_EQ(c.number, fraction) << core::to_string(c.number);
}
inline void expect_integer(const ReportCell& c, std::int64_t value) {
  EXPECT_EQ(c.kind, ReportCell::Kind::kInteger);
  EXPECT_EQ(c.integer, value);
}
inline void expect_text(const ReportCell& c, const std::string& value) {
  EXPECT_EQ(c.kind, ReportCell::Kind::kText);
  EXPECT_EQ(c.text, value);
}
inline void expect_empty(const ReportCell& c) { EXPECT_EQ(c.kind, ReportCell::Kind::kEmpty); }

}  // namespace covalue::program::testing
