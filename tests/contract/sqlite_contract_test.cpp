// The storage contract on SQLite: a database file in a fresh temporary directory, and ":memory:".
// Also what only SQLite has: its files, foreign files, and the steps of its schema.
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "../support/temp_dir.hpp"
#include "covalue/adapters/sqlite/sqlite_store.hpp"
#include "store_contract.hpp"

namespace covalue::testing {
namespace {

using adapters::sqlite::open_sqlite_store;

//! A fresh temporary directory for the contract's database files.
class ContractDir : public TempDir {
 public:
  ContractDir() : TempDir("covalue-contract-") {}
};

//! Runs SQL on a SQLite database behind covalue's back.
void run_sql(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &message), SQLITE_OK) << (message ? message : "");
  sqlite3_free(message);
  sqlite3_close(db);
}

class SqliteFile final : public StoreBackend {
 public:
  core::Result<std::unique_ptr<program::Store>> open() override { return open_sqlite_store(path_); }
  [[nodiscard]] bool persistent() const override { return true; }
  void make_schema_newer() override {
    run_sql(path_, "INSERT INTO schema_migrations (version, description) VALUES (1000, 'from the future')");
  }

 private:
  ContractDir dir_;
  std::string path_ = dir_.file("network.db");
};

class SqliteMemory final : public StoreBackend {
 public:
  core::Result<std::unique_ptr<program::Store>> open() override { return open_sqlite_store(":memory:"); }
  [[nodiscard]] bool persistent() const override { return false; }
  void make_schema_newer() override {}
};

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContract,
                         ::testing::Values(BackendMaker{"file", [] { return std::make_unique<SqliteFile>(); }},
                                           BackendMaker{"memory", [] { return std::make_unique<SqliteMemory>(); }}),
                         backend_name);
INSTANTIATE_TEST_SUITE_P(Sqlite, PersistentStoreContract,
                         ::testing::Values(BackendMaker{"file", [] { return std::make_unique<SqliteFile>(); }}),
                         backend_name);

TEST(SqliteStore, RefusesAFileThatIsNotADatabase) {
  const ContractDir dir;
  const std::string path = dir.file("notes.txt");
  std::ofstream(path) << "these are not the tables you are looking for\n" << std::string(4096, 'x');
  auto opened = open_sqlite_store(path);
  ASSERT_TRUE(fails_with(opened, core::ErrorKind::kInvalidInput, path));
  EXPECT_EQ(opened.error().where, path);
}

TEST(SqliteStore, RefusesAnotherApplicationsDatabase) {
  const ContractDir dir;
  const std::string path = dir.file("other.db");
  run_sql(path, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
  EXPECT_TRUE(fails_with(open_sqlite_store(path), core::ErrorKind::kInvalidInput, "not a covalue database"));
}

TEST(SqliteStore, RefusesAPathItCannotOpen) {
  const ContractDir dir;
  const std::string path = dir.file("no/such/folder/network.db");
  EXPECT_TRUE(fails_with(open_sqlite_store(path), core::ErrorKind::kInvalidInput, path));
}

TEST(SqliteStore, NamesTheVersionsOfANewerSchema) {
  const ContractDir dir;
  const std::string path = dir.file("network.db");
  ASSERT_TRUE(open_sqlite_store(path).ok());
  run_sql(path, "INSERT INTO schema_migrations (version, description) VALUES (1000, 'from the future')");
  EXPECT_TRUE(fails_with(open_sqlite_store(path), core::ErrorKind::kConflict,
                         "schema version 1000, newer than this covalue knows (" +
                             std::to_string(adapters::sqlite::sqlite_schema_version()) + ")"));
}

TEST(SqliteStore, UsesWriteAheadLoggingForFiles) {
  const ContractDir dir;
  const std::string path = dir.file("network.db");
  ASSERT_TRUE(open_sqlite_store(path).ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

//! A database file holding a partner, a charter proposal, a coordinator election and a webhook, for changes
//! behind covalue's back: what the store says of a row it cannot read back.
class SqliteRows : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = open_sqlite_store(path_);
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    program::Store& store = **opened;
    const net::PartnerId partner = read_in(
        store, [](program::StoreSession& s) { return s.insert_partner(sample_partner("Acme", net::Tier::kOther)); });
    program::CharterProposal proposal;
    proposal.proposed = sample_charter();
    proposal.fields = {"capacity", "rule"};
    proposal.proposer = partner;
    read_in(store, [&](program::StoreSession& s) { return s.insert_charter_proposal(proposal); });
    program::CoordinatorElection election;
    election.term_cycle = 1;
    election.elected = partner;
    read_in(store, [&](program::StoreSession& s) { return s.insert_coordinator_election(election); });
    program::Webhook hook;
    hook.url = "https://chat.example/hooks/1";
    hook.events = {program::EventKind::kCycleClosed, program::EventKind::kVotingClosesSoon};
    read_in(store, [&](program::StoreSession& s) { return s.insert_webhook(hook); });
  }

  //! The store, opened again after `sql` ran on its file.
  std::unique_ptr<program::Store> after(const char* sql) {
    run_sql(path_, sql);
    auto opened = open_sqlite_store(path_);
    EXPECT_TRUE(opened.ok()) << opened.error().to_string();
    return opened.ok() ? std::move(opened).value() : nullptr;
  }

 private:
  ContractDir dir_;
  std::string path_ = dir_.file("network.db");
};

TEST_F(SqliteRows, AProposalsFieldsAndAWebhooksKindsAreCommaLists) {
  auto store = after(
      "UPDATE charter_proposals SET fields = 'unit,,capacity'; "
      "UPDATE webhooks SET events = 'cycle_closed,no_such_kind,lead_named'");
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(read_in(*store, [](program::StoreSession& s) { return s.charter_proposals(); }).at(0).fields,
            (std::vector<std::string>{"unit", "", "capacity"}));
  EXPECT_EQ(read_in(*store, [](program::StoreSession& s) { return s.webhooks(); }).at(0).events,
            (std::vector<program::EventKind>{program::EventKind::kCycleClosed, program::EventKind::kLeadNamed}));
}

TEST_F(SqliteRows, NobodyElectedIsStoredAsZero) {
  auto store = after("UPDATE coordinator_elections SET elected_id = 0");
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(read_in(*store, [](program::StoreSession& s) { return s.coordinator_elections(); }).at(0).elected,
            std::nullopt);
}

//! A change behind covalue's back, and what reading the changed rows then says.
struct Corruption {
  const char* sql;
  bool elections;  //!< the change is read with the coordinator elections, else with the charter proposals
  const char* says;
};

class CorruptRow : public SqliteRows, public ::testing::WithParamInterface<Corruption> {};

TEST_P(CorruptRow, IsAnInternalErrorNamingTheValue) {
  auto store = after(GetParam().sql);
  ASSERT_NE(store, nullptr);
  const core::Status read = store->transact([&](program::StoreSession& s) -> core::Status {
    if (GetParam().elections) {
      auto elections = s.coordinator_elections();
      return elections.ok() ? core::Status() : core::Status(elections.error());
    }
    auto proposals = s.charter_proposals();
    return proposals.ok() ? core::Status() : core::Status(proposals.error());
  });
  EXPECT_TRUE(fails_with(read, core::ErrorKind::kInternal, GetParam().says));
}

INSTANTIATE_TEST_SUITE_P(
    Sqlite, CorruptRow,
    ::testing::Values(Corruption{"UPDATE charter_proposals SET proposed = 'not json'", false,
                                 "corrupt database: charter_proposals.proposed of proposal 1: not JSON"},
                      Corruption{"UPDATE charter_proposals SET proposed = '[1, 2]'", false,
                                 "corrupt database: charter_proposals.proposed of proposal 1: "},
                      Corruption{"UPDATE charter_proposals SET state = 'pondering'", false,
                                 "corrupt database: charter_proposals.state: "},
                      Corruption{"UPDATE coordinator_elections SET state = 'pondering'", true,
                                 "corrupt database: coordinator_elections.state: "}));

}  // namespace
}  // namespace covalue::testing
