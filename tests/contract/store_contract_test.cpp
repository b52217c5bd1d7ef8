// The storage contract, part 1: every entity is written and read back exactly, and the rules on ids,
// uniqueness and references hold.
#include "store_contract.hpp"
#include <optional>

namespace covalue::testing {
namespace {

using core::ErrorKind;
using program::StoreSession;

TEST_P(StoreContract, AnEmptyStoreHoldsNothing) {
  const Snapshot empty = snapshot(store());
  expect_same(empty, Snapshot{});
  EXPECT_TRUE(read_in(store(), [](StoreSession& s) { return s.ballots(1); }).empty());
}

TEST_P(StoreContract, EverythingRoundTripsExactly) {
  const Filled filled = fill();
  expect_same(snapshot(store()), filled.expected);
}

TEST_P(StoreContract, IdsAreAssignedIncreasing) {
  std::vector<net::PartnerId> ids;
  write([&](StoreSession& s) -> core::Status {
    for (int i = 0; i < 5; ++i) {
      ids.push_back(must(s.insert_partner(sample_partner("partner " + std::to_string(i), net::Tier::kOther))));
    }
    return {};
  });
  write([&](StoreSession& s) -> core::Status {
    ids.push_back(must(s.insert_partner(sample_partner("one more", net::Tier::kOther))));
    return {};
  });
  ASSERT_EQ(ids.size(), 6U);
  EXPECT_GT(ids[0], 0);
  for (std::size_t i = 1; i < ids.size(); ++i) {
    EXPECT_GT(ids[i], ids[i - 1]);
  }
  const Filled filled = fill();
  EXPECT_GT(filled.partners[0], ids.back());
  EXPECT_LT(filled.objectives[0], filled.objectives[1]);
  EXPECT_LT(filled.initiatives[0], filled.initiatives[1]);
  EXPECT_LT(filled.initiatives[1], filled.initiatives[2]);
}

TEST_P(StoreContract, CharterIsReplaced) {
  net::Charter charter = sample_charter();
  write([&](StoreSession& s) { return s.save_charter(charter); });
  charter.name = "renamed";
  charter.capacity = q("-1/3");
  charter.fairness.weight_policy = core::perpetual::WeightPolicy::kConsensus;
  charter.fairness.weight_absence = core::perpetual::WeightAbsence::kEmpty;
  write([&](StoreSession& s) { return s.save_charter(charter); });
  EXPECT_TRUE(read_in(store(), [](StoreSession& s) { return s.charter(); }) == charter);
}

TEST_P(StoreContract, UpdatePartnerReplacesEveryField) {
  Filled filled = fill();
  net::Partner changed = filled.expected.partners[1];
  changed.name = "Lindqvist Group";
  changed.tier = net::Tier::kMarketplace;
  changed.joined_cycle = 3;
  changed.left_cycle = std::nullopt;
  write([&](StoreSession& s) { return s.update_partner(changed); });
  filled.expected.partners[1] = changed;
  changed = filled.expected.partners[0];
  changed.left_cycle = 9;
  write([&](StoreSession& s) { return s.update_partner(changed); });
  filled.expected.partners[0] = changed;
  expect_same(snapshot(store()), filled.expected);
}

TEST_P(StoreContract, DuplicatePartnerNameIsAConflictAndWritesNothing) {
  const Filled filled = fill();
  const core::Status inserted = store().transact([](StoreSession& s) -> core::Status {
    auto id = s.insert_partner(sample_partner("Nordkorn Mills", net::Tier::kManufacturer));
    return id.ok() ? core::Status() : core::Status(id.error());
  });
  EXPECT_TRUE(fails_with(inserted, ErrorKind::kConflict, "a partner named 'Nordkorn Mills' already exists"));
  net::Partner renamed = filled.expected.partners[2];
  renamed.name = "Nordkorn Mills";
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.update_partner(renamed); }),
                         ErrorKind::kConflict, "Nordkorn Mills"));
  expect_same(snapshot(store()), filled.expected);
}

TEST_P(StoreContract, UpdateOfAnUnknownIdIsNotFound) {
  const Filled filled = fill();
  net::Partner partner = filled.expected.partners[0];
  partner.id = 9999;
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.update_partner(partner); }),
                         ErrorKind::kNotFound, "9999"));
  net::Initiative initiative = filled.expected.initiatives[0];
  initiative.id = 8888;
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.update_initiative(initiative); }),
                         ErrorKind::kNotFound, "8888"));
  const net::Cycle cycle{7, net::CycleState::kReviewed, q("1"), net::SelectionRule::kGreedy, {}, {}, {}};
  EXPECT_TRUE(
      fails_with(store().transact([&](StoreSession& s) { return s.update_cycle(cycle); }), ErrorKind::kNotFound, "7"));
  expect_same(snapshot(store()), filled.expected);
}

TEST_P(StoreContract, ReferencesToUnknownRowsAreNotFoundAndNamed) {
  const Filled filled = fill();
  const auto fails = [&](const std::function<core::Status(StoreSession&)>& work, const std::string& words) {
    return fails_with(store().transact(work), ErrorKind::kNotFound, words);
  };
  net::Objective objective = filled.expected.objectives[0];
  objective.id = 0;  // a new one
  objective.partner = 4242;
  EXPECT_TRUE(fails(
      [&](StoreSession& s) -> core::Status {
        auto id = s.insert_objective(objective);
        return id.ok() ? core::Status() : core::Status(id.error());
      },
      "4242"));
  net::Initiative initiative = sample_initiative("Unknown impact", filled.partners[0], {filled.partners[0], 5151});
  EXPECT_TRUE(fails(
      [&](StoreSession& s) -> core::Status {
        auto id = s.insert_initiative(initiative);
        return id.ok() ? core::Status() : core::Status(id.error());
      },
      "5151"));
  const net::RealisedValue value{1, 6161, filled.partners[0], std::nullopt, std::nullopt, q("1")};
  EXPECT_TRUE(fails([&](StoreSession& s) { return s.put_realised_value(value); }, "6161"));
  const net::KpiMeasurement measurement{1, 7171, q("1")};
  EXPECT_TRUE(fails([&](StoreSession& s) { return s.put_kpi_measurement(measurement); }, "7171"));
  expect_same(snapshot(store()), filled.expected);
}

TEST_P(StoreContract, ARowWithAnIdKeepsItAndANewOneTakesTheNextAfterTheLargest) {
  Filled filled = fill();
  const std::int64_t last = filled.expected.partners.back().id;
  net::Partner kept = sample_partner("Kept at 40", net::Tier::kRetailer);
  kept.id = last + 40;  // an import keeps its ids, gaps included
  net::Partner next = sample_partner("Numbered", net::Tier::kRetailer);
  net::Partner taken = sample_partner("Taken id", net::Tier::kRetailer);
  taken.id = last + 40;
  std::optional<core::Result<net::PartnerId>> refused;
  write([&](StoreSession& s) -> core::Status {
    EXPECT_EQ(must(s.insert_partner(kept)), last + 40);
    EXPECT_EQ(must(s.insert_partner(next)), last + 41);
    return {};
  });
  write([&](StoreSession& s) -> core::Status {
    refused = s.insert_partner(taken);
    return {};
  });
  EXPECT_TRUE(fails_with(*refused, ErrorKind::kConflict));
  filled.expected.partners.push_back(kept);
  next.id = last + 41;
  filled.expected.partners.push_back(next);
  expect_same(snapshot(store()), filled.expected);
}

TEST_P(StoreContract, UpdateInitiativeReplacesItsFieldsAndLists) {
  Filled filled = fill();
  net::Initiative changed = filled.expected.initiatives[0];
  changed.title = "Shared forecasting, phase 2";
  changed.description = "";
  changed.channel = net::Channel::kSales;
  changed.cost = q("-1/1000");
  changed.impacts = {net::Impact{filled.partners[2], q("2/3")}};
  changed.objectives = {};
  changed.volunteers = {filled.partners[2], filled.partners[1]};
  changed.nominees = {filled.partners[0]};
  changed.status = net::InitiativeStatus::kInProgress;
  changed.cycle = 2;
  changed.lead = std::nullopt;
  write([&](StoreSession& s) { return s.update_initiative(changed); });
  filled.expected.initiatives[0] = changed;
  net::Initiative bare = filled.expected.initiatives[1];
  bare.impacts = {net::Impact{filled.partners[0], q("-9")}, net::Impact{filled.partners[1], q("9")}};
  bare.objectives = {filled.objectives[0]};
  bare.lead = filled.partners[2];
  write([&](StoreSession& s) { return s.update_initiative(bare); });
  filled.expected.initiatives[1] = bare;
  net::Initiative status_only = filled.expected.initiatives[2];
  status_only.status = net::InitiativeStatus::kRejected;
  write([&](StoreSession& s) { return s.update_initiative(status_only); });
  filled.expected.initiatives[2] = status_only;
  expect_same(snapshot(store()), filled.expected);
  net::Initiative one_estimate = status_only;
  one_estimate.impacts[1].estimate += q("1/2");
  write([&](StoreSession& s) { return s.update_initiative(one_estimate); });
  filled.expected.initiatives[2] = one_estimate;
  expect_same(snapshot(store()), filled.expected);
  net::Initiative accepted = one_estimate;  // a nominee accepts: same partners, another list
  accepted.volunteers.push_back(accepted.nominees.front());
  accepted.nominees.clear();
  write([&](StoreSession& s) { return s.update_initiative(accepted); });
  filled.expected.initiatives[2] = accepted;
  expect_same(snapshot(store()), filled.expected);
}

TEST_P(StoreContract, ABadListItemFailsTheWholeInitiative) {
  const Filled filled = fill();
  net::Initiative twice = sample_initiative("Listed twice", filled.partners[0], {filled.partners[1]});
  twice.impacts.push_back(twice.impacts[0]);
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) -> core::Status {
    auto id = s.insert_initiative(twice);
    return id.ok() ? core::Status() : core::Status(id.error());
  }),
                         ErrorKind::kConflict));
  net::Initiative changed = filled.expected.initiatives[2];
  changed.title = "must not stick";
  changed.volunteers.push_back(999);
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.update_initiative(changed); }),
                         ErrorKind::kNotFound, "999"));
  expect_same(snapshot(store()), filled.expected);
}

TEST_P(StoreContract, CyclesFollowEachOther) {
  const Filled filled = fill();
  const net::Cycle skipped{4, net::CycleState::kProposing, q("1"), net::SelectionRule::kGreedy, {}, {}, {}};
  EXPECT_TRUE(
      fails_with(store().transact([&](StoreSession& s) { return s.insert_cycle(skipped); }), ErrorKind::kConflict));
  const net::Cycle zero{0, net::CycleState::kProposing, q("1"), net::SelectionRule::kGreedy, {}, {}, {}};
  EXPECT_TRUE(
      fails_with(store().transact([&](StoreSession& s) { return s.insert_cycle(zero); }), ErrorKind::kConflict, "3"));
  const net::Cycle again{2, net::CycleState::kProposing, q("1"), net::SelectionRule::kGreedy, {}, {}, {}};
  EXPECT_TRUE(
      fails_with(store().transact([&](StoreSession& s) { return s.insert_cycle(again); }), ErrorKind::kConflict));
  expect_same(snapshot(store()), filled.expected);
  Snapshot expected = filled.expected;
  expected.cycles.push_back(
      net::Cycle{3, net::CycleState::kProposing, q("-5/2"), net::SelectionRule::kPhragmen, {}, {}, {}});
  expected.cycles[1].state = net::CycleState::kClosed;
  write([&](StoreSession& s) -> core::Status {
    must(s.update_cycle(expected.cycles[1]));
    return s.insert_cycle(expected.cycles[2]);
  });
  expected.ballots[3] = {};
  expect_same(snapshot(store()), expected);
}

TEST_P(StoreContract, PutBallotReplacesThePartnersBallot) {
  Filled filled = fill();
  net::PartnerBallot recast{1, filled.partners[0], net::BallotFormat::kRanking, {}, {}};
  recast.entries = {net::BallotEntry{filled.initiatives[2], q("1")}, net::BallotEntry{filled.initiatives[0], q("1")}};
  write([&](StoreSession& s) { return s.put_ballot(recast); });
  filled.expected.ballots[1][0] = recast;
  net::PartnerBallot late = sample_ballot(2, filled.partners[0], {filled.initiatives[1]});
  write([&](StoreSession& s) { return s.put_ballot(late); });
  filled.expected.ballots[2].insert(filled.expected.ballots[2].begin(), late);  // by partner id
  expect_same(snapshot(store()), filled.expected);
}

TEST_P(StoreContract, BallotsNamingUnknownRowsAreNotFoundAndKeepTheOldBallot) {
  const Filled filled = fill();
  const auto put = [&](const net::PartnerBallot& ballot) {
    return store().transact([&](StoreSession& s) { return s.put_ballot(ballot); });
  };
  EXPECT_TRUE(fails_with(put(sample_ballot(1, filled.partners[0], {filled.initiatives[0], 3131})), ErrorKind::kNotFound,
                         "3131"));
  net::PartnerBallot objection = sample_ballot(1, filled.partners[2], {});
  objection.objections = {net::Objection{3232, "unknown"}};
  EXPECT_TRUE(fails_with(put(objection), ErrorKind::kNotFound, "3232"));
  EXPECT_TRUE(fails_with(put(sample_ballot(1, 3333, {})), ErrorKind::kNotFound, "3333"));
  EXPECT_TRUE(fails_with(put(sample_ballot(77, filled.partners[0], {})), ErrorKind::kNotFound, "77"));
  expect_same(snapshot(store()), filled.expected);
}

TEST_P(StoreContract, OutcomesRoundTripOncePerCycle) {
  Filled filled = fill();
  net::CycleOutcome second = sample_outcome(2, {filled.initiatives[2], filled.initiatives[1]}, filled.partners);
  second.rule_outcome = std::nullopt;
  second.network_fair = std::nullopt;
  second.decisions = {};
  second.notes = {};
  write([&](StoreSession& s) { return s.save_outcome(second); });
  filled.expected.outcomes.push_back(second);
  expect_same(snapshot(store()), filled.expected);
  EXPECT_TRUE(
      fails_with(store().transact([&](StoreSession& s) { return s.save_outcome(second); }), ErrorKind::kConflict));
  const net::CycleOutcome orphan = sample_outcome(9, filled.initiatives, filled.partners);
  EXPECT_TRUE(
      fails_with(store().transact([&](StoreSession& s) { return s.save_outcome(orphan); }), ErrorKind::kNotFound, "9"));
  expect_same(snapshot(store()), filled.expected);
}

TEST_P(StoreContract, RealisedValuesAndKpiMeasurementsAreReplaced) {
  Filled filled = fill();
  net::RealisedValue value = filled.expected.realised_values[0];
  value.target = std::nullopt;
  value.forecast = q("-8");
  value.actual = q("22/7");
  net::KpiMeasurement measurement = filled.expected.kpi_measurements[1];
  measurement.value = q("-1/9");
  write([&](StoreSession& s) -> core::Status {
    must(s.put_realised_value(value));
    return s.put_kpi_measurement(measurement);
  });
  filled.expected.realised_values[0] = value;
  filled.expected.kpi_measurements[1] = measurement;
  expect_same(snapshot(store()), filled.expected);
}

}  // namespace
}  // namespace covalue::testing
