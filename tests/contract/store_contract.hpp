#pragma once

// The storage contract: one GoogleTest suite that every implementation of program::Store passes.
// A backend (SQLite file, SQLite in memory, PostgreSQL, ...) joins by instantiating StoreContract
// with a BackendMaker:
//
//   INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContract, ::testing::Values(BackendMaker{"file", make_file}),
//                            backend_name);
//
// Nothing here knows which database is underneath.

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "covalue/program/store.hpp"
#include "sample_network.hpp"

namespace covalue::testing {

//! One database to run the contract on.
class StoreBackend {
 public:
  virtual ~StoreBackend() = default;
  //! Opens a Store on this backend's database; when persistent(), every call reaches the same data.
  [[nodiscard]] virtual core::Result<std::unique_ptr<program::Store>> open() = 0;
  //! True when the data outlives a Store and another open() sees it (a file, a server).
  [[nodiscard]] virtual bool persistent() const = 0;
  //! Marks the database as written by a newer covalue: a schema version beyond this binary's.
  virtual void make_schema_newer() = 0;
};

//! A named way to make a fresh, empty backend for one test.
struct BackendMaker {
  std::string name;
  std::function<std::unique_ptr<StoreBackend>()> make;
};

//! Prints a backend by its name in test reports.
inline void PrintTo(const BackendMaker& maker, std::ostream* os) { *os << maker.name; }

//! The test-name suffix of a backend ("file", "memory").
inline std::string backend_name(const ::testing::TestParamInfo<BackendMaker>& info) { return info.param.name; }

//! Everything a store holds, read in one transaction.
struct Snapshot {
  std::optional<net::Charter> charter;
  std::vector<net::Partner> partners;
  std::vector<net::Objective> objectives;
  std::vector<net::Initiative> initiatives;
  std::vector<net::Cycle> cycles;
  std::map<net::CycleNumber, std::vector<net::PartnerBallot>> ballots;  //!< of every stored cycle
  std::vector<net::CycleOutcome> outcomes;
  std::vector<net::RealisedValue> realised_values;
  std::vector<net::KpiMeasurement> kpi_measurements;
  std::optional<net::Scorecard> scorecard;
  std::vector<net::InitiativeScore> initiative_scores;
  std::vector<program::AccessToken> tokens;
  std::vector<program::AuditEntry> audit;

  bool operator==(const Snapshot&) const = default;
};

//! Reads every list of `store`; a failed read fails the test.
[[nodiscard]] Snapshot snapshot(program::Store& store);

//! Fails the test, naming the list and the first differing item, unless the snapshots are equal.
void expect_same(const Snapshot& actual, const Snapshot& expected);

//! A weighted scorecard of three criteria (one of them effort) and a shortlist size.
inline net::Scorecard sample_scorecard() {
  net::Scorecard scorecard;
  scorecard.formula = net::ScorecardFormula::kWeighted;
  scorecard.shortlist_size = 2;
  scorecard.criteria = {{"Reach", net::CriterionKind::kReach, q("1/2"), q("0"), q("10")},
                        {"effort", net::CriterionKind::kEffort, q("3"), q("-1"), q("21/2")},
                        {"carbon", net::CriterionKind::kCustom, q("0"), q("1"), q("5")}};
  return scorecard;
}

//! A token of `role` (for `partner`) whose secret hash is `hash` repeated to 64 hex digits.
inline program::AccessToken sample_token(program::Role role, std::optional<net::PartnerId> partner,
                                         const std::string& hash) {
  program::AccessToken token;
  token.role = role;
  token.partner = partner;
  token.label = "laptop of " + std::string(program::name_of(role));
  for (std::size_t i = 0; i < 32; ++i) {
    token.secret_hash += hash;
  }
  token.issued_at = "2026-11-23T06:30:00.123Z";
  return token;
}

//! Audit entry `sequence`, chained by the hash fields only in form (the store does not check them).
inline program::AuditEntry sample_audit(std::int64_t sequence) {
  const std::string digit = std::to_string(sequence % 10);
  return program::AuditEntry{sequence,
                             "2026-11-23T06:30:0" + digit + ".000Z",
                             "token " + digit + " (coordinator)",
                             "cast_ballot",
                             R"({"cycle":2,"note":"ünïcode 'quoted'"})",
                             std::string(64, sequence == 1 ? '0' : 'e'),
                             std::string(64, 'f')};
}

//! The ids of a filled store (see StoreContract::fill) and everything it should hold.
struct Filled {
  std::vector<net::PartnerId> partners;
  std::vector<net::ObjectiveId> objectives;
  std::vector<net::InitiativeId> initiatives;
  Snapshot expected;
};

//! The value of `result`; a failure fails the test (and gives T{}).
template <typename T>
T must(core::Result<T> result) {
  EXPECT_TRUE(result.ok()) << result.error().to_string();
  return result.ok() ? std::move(result).value() : T{};
}

//! Fails the test when `status` failed.
inline void must(const core::Status& status) { EXPECT_TRUE(status.ok()) << status.error().to_string(); }

//! Runs `query` in a transaction of `store` and returns its value; a failure fails the test.
template <typename Query>
auto read_in(program::Store& store, Query query) {
  using Value = std::decay_t<decltype(*query(std::declval<program::StoreSession&>()))>;
  Value out{};
  const core::Status status = store.transact([&](program::StoreSession& session) -> core::Status {
    auto value = query(session);
    if (!value.ok()) {
      return value.error();
    }
    out = std::move(value).value();
    return {};
  });
  EXPECT_TRUE(status.ok()) << status.error().to_string();
  return out;
}

//! Appends the next audit entry to the session's chain, as every change of the program does.
inline core::Status audit_next(program::StoreSession& s) {
  auto last = s.last_audit();
  if (!last.ok()) {
    return last.error();
  }
  return s.append_audit(sample_audit(last->has_value() ? (*last)->sequence + 1 : 1));
}

//! Adds a partner named `name` and its audit entry.
inline core::Status add_partner(program::StoreSession& s, const std::string& name) {
  if (auto id = s.insert_partner(sample_partner(name, net::Tier::kOther)); !id.ok()) {
    return id.error();
  }
  return audit_next(s);
}

//! The names of the store's partners, in id order.
inline std::vector<std::string> partner_names(program::Store& store) {
  std::vector<std::string> names;
  for (const net::Partner& partner : read_in(store, [](program::StoreSession& s) { return s.partners(); })) {
    names.push_back(partner.name);
  }
  return names;
}

//! The contract suite; each test gets a fresh backend and a Store on it.
class StoreContract : public ::testing::TestWithParam<BackendMaker> {
 protected:
  void SetUp() override;
  void TearDown() override;

  //! The Store under test.
  program::Store& store() { return *store_; }
  //! The backend of this test.
  StoreBackend& backend() { return *backend_; }
  //! Closes the Store under test and opens it again (persistent backends only).
  void reopen();
  //! Runs `work` in one transaction and expects it to succeed.
  void write(const std::function<core::Status(program::StoreSession&)>& work);
  //! Stores a charter, 3 partners (one gone), 2 objectives, 3 initiatives, 2 cycles (one with a
  //! shortlist), ballots in both cycles, cycle 1's outcome, realised values, KPI measurements, a
  //! scorecard with scores, two tokens and two audit entries.
  Filled fill();

 private:
  std::unique_ptr<StoreBackend> backend_;
  std::unique_ptr<program::Store> store_;
};

//! The part of the contract only for databases that outlive a Store (persistent() backends):
//! reopening, schema versions, several Stores on one database.
class PersistentStoreContract : public StoreContract {};

//! Success when `result` (a Status or Result) failed with `kind` and a message containing `words`.
template <typename R>
::testing::AssertionResult fails_with(const R& result, core::ErrorKind kind, const std::string& words = {}) {
  if (result.ok()) {
    return ::testing::AssertionFailure() << "worked; expected " << core::name_of(kind);
  }
  const core::Error& error = result.error();
  if (error.kind != kind || error.message.find(words) == std::string::npos) {
    return ::testing::AssertionFailure() << core::name_of(error.kind) << ": " << error.to_string() << "; expected "
                                         << core::name_of(kind) << " saying '" << words << "'";
  }
  return ::testing::AssertionSuccess();
}

}  // namespace covalue::testing
