// SQLite's schema steps: an older database is brought up to date step by step, keeping its data; a
// newer one is refused; a step that fails leaves the database as it was.
#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <random>
#include <string>

#include "connection.hpp"
#include "schema.hpp"

namespace covalue::adapters::sqlite {
namespace {

constexpr Migration kStepOne{1, "a table", "CREATE TABLE a (x INTEGER NOT NULL) STRICT;"};
constexpr Migration kStepTwo{2, "a column and a table",
                             "ALTER TABLE a ADD COLUMN y TEXT NOT NULL DEFAULT 'new'; CREATE TABLE b (z INTEGER);"};
constexpr Migration kBadStep{3, "a broken step", "CREATE TABLE c (w INTEGER); CREATE TABLE c (w INTEGER);"};

class SqliteMigration : public ::testing::Test {
 protected:
  SqliteMigration() {
    std::random_device seed;
    dir_ = std::filesystem::temp_directory_path() / ("covalue-migration-" + std::to_string(seed()));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "network.db").string();
  }
  ~SqliteMigration() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  // A connection on the test's database file.
  std::unique_ptr<Connection> connect() {
    auto db = Connection::open(path_);
    EXPECT_TRUE(db.ok()) << db.error().to_string();
    return db.ok() ? std::move(db).value() : nullptr;
  }

  // One integer computed by `sql`.
  std::int64_t number(const char* sql) {
    auto db = connect();
    Statement query = db->prepare(sql);
    auto row = query.step();
    EXPECT_TRUE(row.ok() && *row) << sql;
    return row.ok() && *row ? query.int_at(0) : -1;
  }

  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(SqliteMigration, AnOlderDatabaseIsUpgradedStepByStepKeepingItsData) {
  const std::array<Migration, 1> old_steps{kStepOne};
  const std::array<Migration, 2> new_steps{kStepOne, kStepTwo};
  {
    auto db = connect();
    ASSERT_TRUE(migrate(*db, old_steps).ok());
    ASSERT_TRUE(db->prepare("INSERT INTO a (x) VALUES (?1)").bind_int(7).run().ok());
  }
  EXPECT_EQ(number("SELECT max(version) FROM schema_migrations"), 1);
  {
    auto db = connect();
    const auto upgraded = migrate(*db, new_steps);
    ASSERT_TRUE(upgraded.ok()) << upgraded.error().to_string();
  }
  EXPECT_EQ(number("SELECT count(*) FROM schema_migrations"), 2);
  EXPECT_EQ(number("SELECT x FROM a WHERE y = 'new'"), 7);
  EXPECT_EQ(number("SELECT count(*) FROM b"), 0);
  auto again = connect();
  EXPECT_TRUE(migrate(*again, new_steps).ok());  // nothing left to do
  EXPECT_EQ(number("SELECT count(*) FROM schema_migrations"), 2);
}

TEST_F(SqliteMigration, ANewerDatabaseIsRefused) {
  const std::array<Migration, 2> new_steps{kStepOne, kStepTwo};
  ASSERT_TRUE(migrate(*connect(), new_steps).ok());
  const std::array<Migration, 1> old_steps{kStepOne};
  const auto refused = migrate(*connect(), old_steps);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::kConflict);
  EXPECT_EQ(refused.error().where, path_);
}

TEST_F(SqliteMigration, AFailingStepLeavesTheDatabaseAsItWas) {
  const std::array<Migration, 1> first{kStepOne};
  ASSERT_TRUE(migrate(*connect(), first).ok());
  const std::array<Migration, 3> broken{kStepOne, kStepTwo, kBadStep};
  EXPECT_FALSE(migrate(*connect(), broken).ok());
  EXPECT_EQ(number("SELECT max(version) FROM schema_migrations"), 1);
  EXPECT_EQ(number("SELECT count(*) FROM sqlite_schema WHERE name IN ('b', 'c')"), 0);
}

TEST_F(SqliteMigration, TheStepsOfThisBinaryAreNumberedOneByOne) {
  const auto steps = schema_migrations();
  ASSERT_FALSE(steps.empty());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    EXPECT_EQ(steps[i].version, static_cast<int>(i + 1));
  }
}

}  // namespace
}  // namespace covalue::adapters::sqlite
