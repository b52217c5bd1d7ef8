// The archive's guard, table by table (program/archive_tables.hpp): every table and column of the schema, as a
// database made by this binary holds them, is carried by the network archive or excluded on purpose with a
// reason. A table or column added without either fails here, by name, until the archive carries it or
// archive_exclusions() says why not.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "connection.hpp"
#include "covalue/adapters/sqlite/sqlite_store.hpp"
#include "covalue/program/archive_tables.hpp"

namespace covalue::adapters::sqlite {
namespace {

//! A database file made (migrated to the newest schema step) by this binary, removed afterwards.
class ArchiveCoverage : public ::testing::Test {
 protected:
  ArchiveCoverage() {
    std::random_device seed;
    dir_ = std::filesystem::temp_directory_path() / ("covalue-coverage-" + std::to_string(seed()));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "network.db").string();
    auto store = open_sqlite_store(path_);
    EXPECT_TRUE(store.ok()) << store.error().to_string();
    auto db = Connection::open(path_);
    EXPECT_TRUE(db.ok()) << db.error().to_string();
    if (db.ok()) {
      db_ = std::move(db).value();
    }
  }
  ~ArchiveCoverage() override {
    db_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  //! The texts in column 0 of the rows of `sql`.
  std::vector<std::string> texts(const std::string& sql) {
    static std::set<std::string> kept;  // the connection keeps statements by the address of their text
    const char* text = kept.insert(sql).first->c_str();
    std::vector<std::string> out;
    Statement query = db_->prepare(text);
    for (auto row = query.step(); row.ok() && *row; row = query.step()) {
      out.push_back(query.text_at(0));
    }
    return out;
  }

  //! Every table of the database (but SQLite's own).
  std::vector<std::string> tables() {
    return texts("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  }

  //! The columns of `table`.
  std::vector<std::string> columns(const std::string& table) {
    return texts("SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid");
  }

  //! "table.column" for every column of the database that the archive neither carries nor excludes.
  std::vector<std::string> unaccounted() {
    std::vector<std::string> out;
    for (const std::string& table : tables()) {
      for (const std::string& column : columns(table)) {
        if (program::archive_account(table, column).empty()) {
          out.push_back(table + "." + column);
        }
      }
    }
    return out;
  }

  std::filesystem::path dir_;
  std::string path_;
  std::unique_ptr<Connection> db_;
};

TEST_F(ArchiveCoverage, EveryTableAndColumnIsCarriedOrExcludedWithAReason) {
  ASSERT_TRUE(db_);
  ASSERT_GT(tables().size(), 40U);  // the schema is really read
  for (const std::string& missing : unaccounted()) {
    ADD_FAILURE() << missing
                  << " is neither carried by the network archive nor excluded: add its table to archive_tables() (or "
                     "its column to the part that carries it, archive_typed_columns()), or to archive_exclusions() "
                     "with the reason (program/src/archive_tables.cpp; docs/archive.md)";
  }
}

TEST_F(ArchiveCoverage, EveryCarriedTableAndColumnExists) {
  ASSERT_TRUE(db_);
  std::set<std::string> present;
  for (const std::string& table : tables()) {
    for (const std::string& column : columns(table)) {
      present.insert(table + "." + column);
    }
  }
  for (const program::ArchiveTableSpec& spec : program::archive_tables()) {
    for (const program::ArchiveColumn& column : spec.columns) {
      EXPECT_TRUE(present.contains(std::string(spec.name) + "." + column.name))
          << spec.name << "." << column.name << " is carried row by row but is not in the schema";
    }
    EXPECT_TRUE(present.contains(std::string(spec.name) + ".network_id")) << spec.name << " belongs to no network";
  }
}

// The guard can fail: a table and a column added by a later step, and carried by nothing, are named.
TEST_F(ArchiveCoverage, ATableOrColumnAddedWithoutTheArchiveIsNamed) {
  ASSERT_TRUE(db_);
  ASSERT_TRUE(db_->execute("CREATE TABLE mediation_votes (network_id INTEGER NOT NULL, voter INTEGER NOT NULL);"
                           "ALTER TABLE charter ADD COLUMN vote_quorum INTEGER NOT NULL DEFAULT 10;"
                           "ALTER TABLE comments ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;")
                  .ok());
  EXPECT_EQ(unaccounted(),
            (std::vector<std::string>{"charter.vote_quorum", "comments.pinned", "mediation_votes.voter"}));
}

TEST(ArchiveAccount, SaysHowEachColumnIsAccountedFor) {
  EXPECT_EQ(program::archive_account("partners", "name"), "typed: partners");
  EXPECT_EQ(program::archive_account("comments", "body"), "rows: comments");
  EXPECT_TRUE(program::archive_account("web_sessions", "secret_hash").starts_with("excluded: "));
  EXPECT_TRUE(program::archive_account("milestones", "network_id").starts_with("excluded: "));
  EXPECT_EQ(program::archive_account("partners", "nickname"), "");
  EXPECT_EQ(program::archive_account("nothing", "id"), "");
}

}  // namespace
}  // namespace covalue::adapters::sqlite
