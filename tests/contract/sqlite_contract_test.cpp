// The storage contract on SQLite: a database file in a fresh temporary directory, and ":memory:".
// Also what only SQLite has: its files, foreign files, and the steps of its schema.
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <random>

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

}  // namespace
}  // namespace covalue::testing
