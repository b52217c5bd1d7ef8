// The storage contract, part 2: transactions are all or nothing, and a database keeps its data
// across Store objects, connections and schema versions.
#include <optional>
#include <stdexcept>
#include <thread>

#include "store_contract.hpp"

namespace covalue::testing {
namespace {

using core::ErrorKind;
using program::StoreSession;

// Writes one of everything on top of a filled store, as a use case that goes wrong late would.
void write_more(StoreSession& s, const Filled& filled) {
  must(s.save_charter(net::Charter{}));
  const auto partner = must(s.insert_partner(sample_partner("Late Partner", net::Tier::kRetailer)));
  net::Partner renamed = filled.expected.partners[0];
  renamed.name = "renamed in a failed transaction";
  must(s.update_partner(renamed));
  must(s.insert_objective(net::Objective{0, partner, net::Kpi::kReturnRate, "", "%", q("1"), q("2")}));
  must(s.insert_initiative(sample_initiative("Late initiative", partner, {partner, filled.partners[0]})));
  net::Initiative changed = filled.expected.initiatives[0];
  changed.impacts.clear();
  must(s.update_initiative(changed));
  must(s.update_cycle(net::Cycle{2, net::CycleState::kClosed, q("1"), net::SelectionRule::kGreedy, {}, {}, {}}));
  must(s.insert_cycle(net::Cycle{3, net::CycleState::kProposing, q("1"), net::SelectionRule::kGreedy, {}, {}, {}}));
  must(s.put_ballot(sample_ballot(1, filled.partners[0], {filled.initiatives[1]})));
  must(s.put_ballot(sample_ballot(2, partner, filled.initiatives)));
  must(s.save_outcome(sample_outcome(2, filled.initiatives, filled.partners)));
  must(s.put_realised_value(net::RealisedValue{2, filled.initiatives[1], partner, q("1"), q("1"), q("1")}));
  must(s.put_kpi_measurement(net::KpiMeasurement{1, filled.objectives[0], q("1000")}));
  must(s.save_scorecard(net::Scorecard{net::ScorecardFormula::kWsjf, {}, 9}));
  must(s.put_initiative_score(net::InitiativeScore{filled.initiatives[1], partner, "Reach", q("3")}));
  must(s.insert_token(sample_token(program::Role::kObserver, partner, "77")));
  must(s.revoke_token(filled.expected.tokens[0].id));
  must(s.append_audit(sample_audit(3)));
}

TEST_P(StoreContract, WorkThatFailsLeavesTheStoreExactlyAsBefore) {
  const Filled filled = fill();
  const core::Status status = store().transact([&](StoreSession& s) -> core::Status {
    write_more(s, filled);
    return core::make_error(ErrorKind::kTieRefused, "changed my mind", "somewhere");
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::kTieRefused);  // passed on unchanged
  EXPECT_EQ(status.error().message, "changed my mind");
  EXPECT_EQ(status.error().where, "somewhere");
  expect_same(snapshot(store()), filled.expected);
}

TEST_P(StoreContract, WorkThatThrowsIsInternalAndRolledBack) {
  const Filled filled = fill();
  const core::Status status = store().transact([&](StoreSession& s) -> core::Status {
    write_more(s, filled);
    throw std::runtime_error("boom");
  });
  EXPECT_TRUE(fails_with(status, ErrorKind::kInternal, "boom"));
  const core::Status odd = store().transact([&](StoreSession& s) -> core::Status {
    must(s.insert_partner(sample_partner("thrown away", net::Tier::kOther)));
    throw 42;  // NOLINT(hicpp-exception-baseclass): anything may be thrown
  });
  EXPECT_TRUE(fails_with(odd, ErrorKind::kInternal));
  expect_same(snapshot(store()), filled.expected);
}

TEST_P(StoreContract, AFailedWriteChangesNothingEvenWhenTheWorkGoesOn) {
  Filled filled = fill();
  net::Initiative half = sample_initiative("Half written", filled.partners[0], {filled.partners[0], 999});
  net::PartnerBallot bad = sample_ballot(1, filled.partners[2], {filled.initiatives[0], 998});
  // A store may run the work more than once (store.hpp): what each write gave is checked on the last run.
  std::optional<core::Result<net::InitiativeId>> initiative;
  std::optional<core::Status> ballot;
  std::optional<core::Result<net::PartnerId>> duplicate;
  std::optional<core::Result<net::PartnerId>> still;
  write([&](StoreSession& s) -> core::Status {
    initiative = s.insert_initiative(half);
    ballot = s.put_ballot(bad);
    duplicate = s.insert_partner(sample_partner("Nordkorn Mills", net::Tier::kOther));
    still = s.insert_partner(sample_partner("Still written", net::Tier::kOther));
    return still->ok() ? core::Status() : core::Status(still->error());
  });
  EXPECT_TRUE(fails_with(*initiative, ErrorKind::kNotFound, "999"));
  EXPECT_TRUE(fails_with(*ballot, ErrorKind::kNotFound, "998"));
  EXPECT_TRUE(fails_with(*duplicate, ErrorKind::kConflict));
  ASSERT_TRUE(still->ok());
  filled.expected.partners.push_back(sample_partner("Still written", net::Tier::kOther));
  filled.expected.partners.back().id = **still;
  expect_same(snapshot(store()), filled.expected);  // the old ballot of partners[2] is still there
}

TEST_P(StoreContract, NestedTransactIsInternalAndTheOuterWorkGoesOn) {
  const core::Status outer = store().transact([&](StoreSession& s) -> core::Status {
    must(s.insert_partner(sample_partner("outer", net::Tier::kOther)));
    const core::Status inner = store().transact([](StoreSession& inner_session) -> core::Status {
      must(inner_session.insert_partner(sample_partner("inner", net::Tier::kOther)));
      return {};
    });
    EXPECT_TRUE(fails_with(inner, ErrorKind::kInternal));
    return {};
  });
  must(outer);
  const auto partners = read_in(store(), [](StoreSession& s) { return s.partners(); });
  ASSERT_EQ(partners.size(), 1U);
  EXPECT_EQ(partners[0].name, "outer");
}

TEST_P(PersistentStoreContract, ReopeningKeepsEverything) {
  const Filled filled = fill();
  reopen();
  expect_same(snapshot(store()), filled.expected);
  reopen();  // opening a database of the current schema again changes nothing
  expect_same(snapshot(store()), filled.expected);
  const auto id = read_in(store(), [](StoreSession& s) { return s.insert_partner(sample_partner("after", {})); });
  EXPECT_GT(id, filled.partners.back());
}

TEST_P(PersistentStoreContract, ADatabaseOfANewerSchemaIsRefused) {
  fill();
  backend().make_schema_newer();
  auto opened = backend().open();
  EXPECT_TRUE(fails_with(opened, ErrorKind::kConflict, "newer"));
}

TEST_P(PersistentStoreContract, TwoStoresSeeEachOthersCommits) {
  auto other = backend().open();
  ASSERT_TRUE(other.ok()) << other.error().to_string();
  const Filled filled = fill();
  expect_same(snapshot(**other), filled.expected);
  const auto id = read_in(**other, [](StoreSession& s) { return s.insert_partner(sample_partner("other", {})); });
  const auto partners = read_in(store(), [](StoreSession& s) { return s.partners(); });
  ASSERT_EQ(partners.size(), filled.partners.size() + 1);
  EXPECT_EQ(partners.back().id, id);
  EXPECT_EQ(partners.back().name, "other");
}

TEST_P(PersistentStoreContract, ConcurrentWritersThroughTwoStoresAllCommit) {
  auto other = backend().open();
  ASSERT_TRUE(other.ok()) << other.error().to_string();
  constexpr int kEach = 25;
  const auto add = [](program::Store& target, const std::string& prefix) {
    for (int i = 0; i < kEach; ++i) {
      must(target.transact([&](StoreSession& s) -> core::Status {
        const auto count = must(s.partners()).size();
        auto id = s.insert_partner(sample_partner(prefix + std::to_string(i) + "/" + std::to_string(count), {}));
        return id.ok() ? core::Status() : core::Status(id.error());
      }));
    }
  };
  std::thread first(add, std::ref(store()), "a");
  std::thread second(add, std::ref(**other), "b");
  first.join();
  second.join();
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.partners(); }).size(), 2U * kEach);
}

TEST_P(StoreContract, OneStoreServesTransactionsFromManyThreads) {
  constexpr int kThreads = 4;
  constexpr int kEach = 10;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([this, t] {
      for (int i = 0; i < kEach; ++i) {
        must(store().transact([&](StoreSession& s) -> core::Status {
          auto id = s.insert_partner(sample_partner(std::to_string(t) + "." + std::to_string(i), {}));
          return id.ok() ? core::Status() : core::Status(id.error());
        }));
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.partners(); }).size(), std::size_t{kThreads} * kEach);
}

}  // namespace
}  // namespace covalue::testing
