// What the store says of a row it cannot read back: a stored value changed behind covalue's back (a
// SQLite file edited by hand) is kInternal "corrupt database: <table>.<column>: ...", never a crash or
// a silently wrong value; a list column drops a name it no longer knows.
#include <sqlite3.h>

#include <string>
#include <vector>

#include "../support/temp_dir.hpp"
#include "covalue/adapters/sqlite/sqlite_store.hpp"
#include "store_contract.hpp"

namespace covalue::testing {
namespace {

using adapters::sqlite::open_sqlite_store;
using core::ErrorKind;
using program::StoreSession;

//! A database file with a partner, a charter proposal, a coordinator election, a webhook and a delivery,
//! changed by hand between the store's runs.
class CorruptRows : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = open_sqlite_store(path_);
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    program::Store& store = **opened;
    const net::PartnerId partner =
        read_in(store, [](StoreSession& s) { return s.insert_partner(sample_partner("Acme", net::Tier::kOther)); });
    program::CharterProposal proposal;
    proposal.proposed = sample_charter();
    proposal.fields = {"capacity", "rule"};
    proposal.proposer = partner;
    read_in(store, [&](StoreSession& s) { return s.insert_charter_proposal(proposal); });
    program::CoordinatorElection election;
    election.term_cycle = 1;
    election.elected = partner;
    read_in(store, [&](StoreSession& s) { return s.insert_coordinator_election(election); });
    program::Webhook hook;
    hook.url = "https://chat.example/hooks/1";
    hook.events = {program::EventKind::kCycleClosed, program::EventKind::kVotingClosesSoon};
    read_in(store, [&](StoreSession& s) { return s.insert_webhook(hook); });
  }

  //! Runs `sql` on the database with no store open, then opens the store again.
  std::unique_ptr<program::Store> after(const char* sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    char* message = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &message), SQLITE_OK) << (message ? message : "");
    sqlite3_free(message);
    sqlite3_close(db);
    auto opened = open_sqlite_store(path_);
    EXPECT_TRUE(opened.ok()) << opened.error().to_string();
    return opened.ok() ? std::move(opened).value() : nullptr;
  }

 private:
  TempDir dir_{"covalue-corrupt-"};
  std::string path_ = dir_.file("network.db");
};

//! The error of reading with `read` from `store`.
template <typename Read>
core::Status read_status(program::Store& store, Read read) {
  return store.transact([&](StoreSession& s) -> core::Status {
    auto value = read(s);
    return value.ok() ? core::Status() : core::Status(value.error());
  });
}

TEST_F(CorruptRows, AProposedCharterThatIsNotJson) {
  auto store = after("UPDATE charter_proposals SET proposed = 'not json'");
  ASSERT_NE(store, nullptr);
  const core::Status read = read_status(*store, [](StoreSession& s) { return s.charter_proposals(); });
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind, ErrorKind::kInternal);
  EXPECT_EQ(read.error().message, "corrupt database: charter_proposals.proposed of proposal 1: not JSON");
}

TEST_F(CorruptRows, AProposedCharterThatIsNoCharter) {
  auto store = after("UPDATE charter_proposals SET proposed = '[1, 2]'");
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(fails_with(read_status(*store, [](StoreSession& s) { return s.charter_proposals(); }),
                         ErrorKind::kInternal, "corrupt database: charter_proposals.proposed of proposal 1: "));
}

TEST_F(CorruptRows, AnUnknownProposalState) {
  auto store = after("UPDATE charter_proposals SET state = 'pondering'");
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(fails_with(read_status(*store, [](StoreSession& s) { return s.charter_proposals(); }),
                         ErrorKind::kInternal, "corrupt database: charter_proposals.state: "));
}

TEST_F(CorruptRows, AnUnknownElectionState) {
  auto store = after("UPDATE coordinator_elections SET state = 'pondering'");
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(fails_with(read_status(*store, [](StoreSession& s) { return s.coordinator_elections(); }),
                         ErrorKind::kInternal, "corrupt database: coordinator_elections.state: "));
}

TEST_F(CorruptRows, AProposalsFieldsAndAWebhooksKindsAreCommaLists) {
  auto store = after(
      "UPDATE charter_proposals SET fields = 'unit,,capacity'; "
      "UPDATE webhooks SET events = 'cycle_closed,no_such_kind,lead_named'");
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(read_in(*store, [](StoreSession& s) { return s.charter_proposals(); }).at(0).fields,
            (std::vector<std::string>{"unit", "", "capacity"}));
  EXPECT_EQ(read_in(*store, [](StoreSession& s) { return s.webhooks(); }).at(0).events,
            (std::vector<program::EventKind>{program::EventKind::kCycleClosed, program::EventKind::kLeadNamed}));
}

TEST_F(CorruptRows, ANoneElectedIsStoredAsZero) {
  auto store = after("UPDATE coordinator_elections SET elected_id = 0");
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(read_in(*store, [](StoreSession& s) { return s.coordinator_elections(); }).at(0).elected, std::nullopt);
}

}  // namespace
}  // namespace covalue::testing
