// The fixture of the storage contract: opening stores, reading everything back, a filled network.
#include "store_contract.hpp"

namespace covalue::testing {
namespace {

using program::StoreSession;

template <typename T>
void expect_same_list(const char* name, const std::vector<T>& actual, const std::vector<T>& expected) {
  ASSERT_EQ(actual.size(), expected.size()) << name << ": different number of items";
  for (std::size_t i = 0; i < actual.size(); ++i) {
    EXPECT_TRUE(actual[i] == expected[i]) << name << "[" << i << "] differs";
  }
}

std::vector<net::PartnerId> add_partners(StoreSession& s, Snapshot& expected) {
  expected.partners = {sample_partner("Nordkorn Mills", net::Tier::kRawMaterials),
                       sample_partner("Lindqvist Logistics AB", net::Tier::kLogistics, true),
                       sample_partner("Maison Dupont & Fils", net::Tier::kLastMile)};
  std::vector<net::PartnerId> ids;
  for (auto& partner : expected.partners) {
    partner.id = must(s.insert_partner(partner));
    ids.push_back(partner.id);
  }
  return ids;
}

std::vector<net::ObjectiveId> add_objectives(StoreSession& s, const std::vector<net::PartnerId>& partners,
                                             Snapshot& expected) {
  expected.objectives = {
      net::Objective{0, partners[0], net::Kpi::kCostToServe, "", "EUR/order", q("-12.5"), q("-37/3")},
      net::Objective{0, partners[2], net::Kpi::kCustom, "shelf freshness", "%", q("0"), q("99.9")}};
  std::vector<net::ObjectiveId> ids;
  for (auto& objective : expected.objectives) {
    objective.id = must(s.insert_objective(objective));
    ids.push_back(objective.id);
  }
  return ids;
}

std::vector<net::InitiativeId> add_initiatives(StoreSession& s, const Filled& ids, Snapshot& expected) {
  const auto& p = ids.partners;
  net::Initiative forecasting = sample_initiative("Shared forecasting", p[0], p);
  forecasting.objectives = {ids.objectives[1], ids.objectives[0]};
  forecasting.lead = p[1];
  net::Initiative bare = sample_initiative("Cross-dock in Duisburg", p[2], {});
  bare.volunteers = {};
  bare.status = net::InitiativeStatus::kProposed;
  net::Initiative returns = sample_initiative("Returns hub", p[1], {p[2], p[0]});
  returns.volunteers = {p[2], p[0]};
  returns.nominees = {p[1]};
  expected.initiatives = {forecasting, bare, returns};
  std::vector<net::InitiativeId> out;
  for (auto& initiative : expected.initiatives) {
    initiative.id = must(s.insert_initiative(initiative));
    out.push_back(initiative.id);
  }
  return out;
}

void add_cycles_and_ballots(StoreSession& s, const Filled& ids, Snapshot& expected) {
  expected.cycles = {net::Cycle{1, net::CycleState::kClosed, q("100"), net::SelectionRule::kEqualShares, {}, {}, {}},
                     net::Cycle{2,
                                net::CycleState::kVoting,
                                q("201/2"),
                                net::SelectionRule::kConsensus,
                                {ids.initiatives[0], ids.initiatives[2]},
                                "2026-12-01T10:00:00Z",
                                "2026-12-08T17:00:00Z"}};
  for (const auto& cycle : expected.cycles) {
    must(s.insert_cycle(cycle));
  }
  expected.ballots[1] = {sample_ballot(1, ids.partners[0], ids.initiatives),
                         sample_ballot(1, ids.partners[2], {ids.initiatives[2]})};
  net::PartnerBallot empty{2, ids.partners[1], net::BallotFormat::kApprovals, {}, {}};
  expected.ballots[2] = {empty};
  for (const auto& [cycle, ballots] : expected.ballots) {
    for (const auto& ballot : ballots) {
      must(s.put_ballot(ballot));
    }
  }
}

void add_ledger(StoreSession& s, const Filled& ids, Snapshot& expected) {
  expected.outcomes = {sample_outcome(1, ids.initiatives, ids.partners)};
  must(s.save_outcome(expected.outcomes[0]));
  expected.realised_values = {
      net::RealisedValue{1, ids.initiatives[0], ids.partners[0], q("10"), q("19/2"), q("-1/3")},
      net::RealisedValue{1, ids.initiatives[0], ids.partners[2], std::nullopt, std::nullopt, q("0")},
      net::RealisedValue{2, ids.initiatives[2], ids.partners[1], std::nullopt, q("4.75"), q("123456789/1000")}};
  for (const auto& value : expected.realised_values) {
    must(s.put_realised_value(value));
  }
  expected.kpi_measurements = {net::KpiMeasurement{1, ids.objectives[0], q("-11.25")},
                               net::KpiMeasurement{1, ids.objectives[1], q("97/3")},
                               net::KpiMeasurement{2, ids.objectives[0], q("0")}};
  for (const auto& measurement : expected.kpi_measurements) {
    must(s.put_kpi_measurement(measurement));
  }
}

void add_scorecard_and_access(StoreSession& s, const Filled& ids, Snapshot& expected) {
  expected.scorecard = sample_scorecard();
  must(s.save_scorecard(*expected.scorecard));
  // By initiative, partner and criterion (byte order: "Reach" before "effort").
  expected.initiative_scores = {net::InitiativeScore{ids.initiatives[0], ids.partners[0], "Reach", q("7/2")},
                                net::InitiativeScore{ids.initiatives[0], ids.partners[0], "effort", q("-1")},
                                net::InitiativeScore{ids.initiatives[0], ids.partners[2], "Reach", q("0")},
                                net::InitiativeScore{ids.initiatives[2], ids.partners[1], "effort", q("10")}};
  for (std::size_t i = expected.initiative_scores.size(); i-- > 0;) {
    must(s.put_initiative_score(expected.initiative_scores[i]));
  }
  expected.tokens = {sample_token(program::Role::kCoordinator, std::nullopt, "a1"),
                     sample_token(program::Role::kRepresentative, ids.partners[1], "b2")};
  for (auto& token : expected.tokens) {
    token.id = must(s.insert_token(token));
  }
  expected.audit = {sample_audit(1), sample_audit(2)};
  for (const auto& entry : expected.audit) {
    must(s.append_audit(entry));
  }
}

}  // namespace

Snapshot snapshot(program::Store& store) {
  Snapshot out;
  const core::Status status = store.transact([&](StoreSession& s) -> core::Status {
    out.charter = must(s.charter());
    out.partners = must(s.partners());
    out.objectives = must(s.objectives());
    out.initiatives = must(s.initiatives());
    out.cycles = must(s.cycles());
    for (const auto& cycle : out.cycles) {
      out.ballots[cycle.number] = must(s.ballots(cycle.number));
    }
    out.outcomes = must(s.outcomes());
    out.realised_values = must(s.realised_values());
    out.kpi_measurements = must(s.kpi_measurements());
    out.scorecard = must(s.scorecard());
    out.initiative_scores = must(s.initiative_scores());
    out.tokens = must(s.tokens());
    out.audit = must(s.audit_entries(0, 1000));
    return {};
  });
  EXPECT_TRUE(status.ok()) << status.error().to_string();
  return out;
}

void expect_same(const Snapshot& actual, const Snapshot& expected) {
  EXPECT_TRUE(actual.charter == expected.charter) << "charter differs";
  expect_same_list("partners", actual.partners, expected.partners);
  expect_same_list("objectives", actual.objectives, expected.objectives);
  expect_same_list("initiatives", actual.initiatives, expected.initiatives);
  expect_same_list("cycles", actual.cycles, expected.cycles);
  EXPECT_EQ(actual.ballots.size(), expected.ballots.size()) << "ballots of a different number of cycles";
  for (const auto& [cycle, ballots] : expected.ballots) {
    const auto it = actual.ballots.find(cycle);
    expect_same_list(("ballots of cycle " + std::to_string(cycle)).c_str(),
                     it == actual.ballots.end() ? std::vector<net::PartnerBallot>() : it->second, ballots);
  }
  expect_same_list("outcomes", actual.outcomes, expected.outcomes);
  expect_same_list("realised_values", actual.realised_values, expected.realised_values);
  expect_same_list("kpi_measurements", actual.kpi_measurements, expected.kpi_measurements);
  EXPECT_TRUE(actual.scorecard == expected.scorecard) << "scorecard differs";
  expect_same_list("initiative_scores", actual.initiative_scores, expected.initiative_scores);
  expect_same_list("tokens", actual.tokens, expected.tokens);
  expect_same_list("audit", actual.audit, expected.audit);
  EXPECT_TRUE(actual == expected);
}

void StoreContract::SetUp() {
  backend_ = GetParam().make();
  ASSERT_NE(backend_, nullptr);
  auto opened = backend_->open();
  ASSERT_TRUE(opened.ok()) << opened.error().to_string();
  store_ = std::move(opened).value();
}

void StoreContract::TearDown() {
  store_.reset();
  backend_.reset();
}

void StoreContract::reopen() {
  store_.reset();
  auto opened = backend_->open();
  ASSERT_TRUE(opened.ok()) << opened.error().to_string();
  store_ = std::move(opened).value();
}

void StoreContract::write(const std::function<core::Status(program::StoreSession&)>& work) {
  const core::Status status = store_->transact(work);
  EXPECT_TRUE(status.ok()) << status.error().to_string();
}

Filled StoreContract::fill() {
  Filled ids;
  write([&](StoreSession& s) -> core::Status {
    ids.expected.charter = sample_charter();
    must(s.save_charter(*ids.expected.charter));
    ids.partners = add_partners(s, ids.expected);
    ids.objectives = add_objectives(s, ids.partners, ids.expected);
    ids.initiatives = add_initiatives(s, ids, ids.expected);
    add_cycles_and_ballots(s, ids, ids.expected);
    add_ledger(s, ids, ids.expected);
    add_scorecard_and_access(s, ids, ids.expected);
    return {};
  });
  return ids;
}

}  // namespace covalue::testing
