// The export and import use cases (program/archive.hpp) on real SQLite stores: what a route calls
// directly, without the CLI's checks in front (tests/cli/archive_cli_test.cpp drives the commands).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "covalue/adapters/sqlite/sqlite_store.hpp"
#include "covalue/program/archive.hpp"
#include "roles_fixture.hpp"

namespace covalue::program {
namespace {

using ArchiveUseCases = testing::RolesFixture;

//! A second, empty store beside the fixture's.
std::unique_ptr<Store> empty_store(const std::filesystem::path& dir, const char* name = "target.db") {
  auto store = adapters::sqlite::open_sqlite_store((dir / name).string());
  EXPECT_TRUE(store.ok()) << store.error().to_string();
  return std::move(*store);
}

//! The target's whole database, as bytes.
std::string image_of(Store& store) {
  auto image = adapters::sqlite::sqlite_image(store);
  EXPECT_TRUE(image.ok()) << image.error().to_string();
  return image.ok() ? *image : std::string();
}

TEST_F(ArchiveUseCases, AnImportedNetworkExportsAsTheArchiveItCameFrom) {
  auto archive = export_network(*store_);
  ASSERT_TRUE(archive.ok()) << archive.error().to_string();
  EXPECT_EQ(archive->tokens.size(), 4U);
  EXPECT_EQ(archive->audit.size(), 8U);  // init, three partners, four tokens
  auto target = empty_store(dir_);
  ASSERT_TRUE(import_network(*target, *archive).ok());
  auto again = export_network(*target);
  ASSERT_TRUE(again.ok()) << again.error().to_string();
  EXPECT_EQ(*again, *archive);
}

TEST_F(ArchiveUseCases, TheUseCaseRefusesABrokenChainWithoutTouchingTheStore) {
  auto archive = export_network(*store_);
  ASSERT_TRUE(archive.ok());
  archive->audit[3].actor = "someone else";
  auto target = empty_store(dir_);
  const std::string before = image_of(*target);
  const std::int64_t changes = adapters::sqlite::sqlite_total_changes(*target).value();
  const core::Status imported = import_network(*target, *archive);
  ASSERT_FALSE(imported.ok());
  EXPECT_EQ(imported.error().kind, core::ErrorKind::kInvalidInput);
  EXPECT_EQ(imported.error().where, "audit");
  EXPECT_NE(imported.error().message.find("broken at entry 4"), std::string::npos) << imported.error().message;
  EXPECT_EQ(image_of(*target), before);
  EXPECT_EQ(adapters::sqlite::sqlite_total_changes(*target).value(), changes) << "refused before any write";
}

TEST_F(ArchiveUseCases, AFailureLateInTheImportRollsEveryRowBack) {
  auto archive = export_network(*store_);
  ASSERT_TRUE(archive.ok());
  archive->tokens.back().partner = 4040;  // written after every other part but the chain: no such partner
  auto target = empty_store(dir_);
  const std::string before = image_of(*target);
  const std::int64_t changes = adapters::sqlite::sqlite_total_changes(*target).value();
  const core::Status imported = import_network(*target, *archive);
  ASSERT_FALSE(imported.ok());
  EXPECT_EQ(imported.error().kind, core::ErrorKind::kNotFound);
  EXPECT_NE(imported.error().message.find("4040"), std::string::npos) << imported.error().message;
  EXPECT_GT(adapters::sqlite::sqlite_total_changes(*target).value(), changes) << "rows written, then rolled back";
  EXPECT_EQ(image_of(*target), before);
  EXPECT_EQ(export_network(*target).error().kind, core::ErrorKind::kNotFound);
}

TEST_F(ArchiveUseCases, ARenameIsTheOneEntryAppendedToTheChain) {
  auto archive = export_network(*store_);
  ASSERT_TRUE(archive.ok());
  auto target = empty_store(dir_);
  ImportOptions options{.rename = "Moved", .actor = Actor::local_operator(), .clock = &clock_};
  ASSERT_TRUE(import_network(*target, *archive, options).ok());
  auto moved = export_network(*target);
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->charter.name, "Moved");
  ASSERT_EQ(moved->audit.size(), archive->audit.size() + 1);
  EXPECT_TRUE(verify_audit_chain(moved->audit).intact());
  EXPECT_EQ(moved->audit.back().action, "rename_network");
  EXPECT_EQ(moved->audit.back().actor, "cli");
  EXPECT_EQ(moved->audit.back().detail, R"({"from":"Audit","to":"Moved"})");
  options.rename = std::string(300, 'x');
  EXPECT_EQ(import_network(*empty_store(dir_, "other.db"), *archive, options).error().where, "name");
}

TEST_F(ArchiveUseCases, ATargetHoldingANetworkIsRefusedUnchanged) {
  auto archive = export_network(*store_);
  ASSERT_TRUE(archive.ok());
  const std::string before = image_of(*store_);
  const core::Status imported = import_network(*store_, *archive);
  ASSERT_FALSE(imported.ok());
  EXPECT_EQ(imported.error().kind, core::ErrorKind::kConflict);
  EXPECT_EQ(imported.error().message, "the network to import into already holds 'Audit'; nothing was imported");
  EXPECT_EQ(image_of(*store_), before);
}

//! The rows of the archive's table `name` (carried row by row), added when missing.
std::vector<ArchiveRow>& rows_of(NetworkArchive& archive, const std::string& name) {
  for (ArchiveTable& table : archive.tables) {
    if (table.name == name) {
      return table.rows;
    }
  }
  archive.tables.push_back({name, {}});
  return archive.tables.back().rows;
}

//! A comment row on `subject_kind` `subject_id` with id `id` (the comments table's columns, in order).
ArchiveRow comment_row(std::int64_t id, const char* subject_kind, std::int64_t subject_id) {
  return {id,
          std::string(subject_kind),
          subject_id,
          std::monostate{},
          std::string("comment"),
          std::monostate{},
          std::monostate{},
          std::string("cli"),
          std::string("cli"),
          std::string("Hello"),
          std::string("[]"),
          std::string("2026-12-04T10:00:00.000Z"),
          std::string(""),
          std::string("visible"),
          std::string("")};
}

//! The error of checking `archive`, or "ok".
std::string checked(const NetworkArchive& archive) {
  const core::Status status = check_archive(archive);
  return status.ok() ? "ok" : status.error().where + ": " + status.error().message;
}

TEST_F(ArchiveUseCases, TheTablesCarriedRowByRowAreCheckedBeforeAnythingIsWritten) {
  auto archive = export_network(*store_);
  ASSERT_TRUE(archive.ok());
  ASSERT_EQ(archive->tables.size(), archive_tables().size());
  NetworkArchive good = *archive;
  rows_of(good, "comments").push_back(comment_row(1, "cycle", 0));  // about no cycle, as activity may be
  EXPECT_EQ(checked(good), "ok");

  NetworkArchive unknown = *archive;
  rows_of(unknown, "comments").push_back(comment_row(1, "initiative", 99));
  EXPECT_EQ(checked(unknown),
            "$.comments[0].subject_id: no initiative with id 99 in the archive; nothing was imported");

  NetworkArchive twice = *archive;
  rows_of(twice, "comments") = {comment_row(1, "cycle", 0), comment_row(1, "cycle", 0)};
  EXPECT_EQ(checked(twice), "$.comments[1]: a second row with the same id; nothing was imported");

  NetworkArchive wrong_type = *archive;
  ArchiveRow row = comment_row(1, "cycle", 0);
  row[9] = std::int64_t{5};  // body
  rows_of(wrong_type, "comments").push_back(row);
  EXPECT_EQ(checked(wrong_type), "$.comments[0].body: expected a string");

  NetworkArchive bad_state = *archive;
  row = comment_row(1, "cycle", 0);
  row[13] = std::string("shouting");
  rows_of(bad_state, "comments").push_back(row);
  EXPECT_NE(checked(bad_state).find("$.comments[0].state: "), std::string::npos) << checked(bad_state);

  NetworkArchive short_row = *archive;
  rows_of(short_row, "milestones").push_back({std::int64_t{1}});
  EXPECT_EQ(checked(short_row), "$.milestones[0]: expected 6 values, not 1");

  NetworkArchive unknown_table = *archive;
  unknown_table.tables.push_back({"web_sessions", {}});
  EXPECT_EQ(checked(unknown_table), "$.web_sessions: not a table an archive carries");

  NetworkArchive stray_hash = *archive;
  stray_hash.password_hashes[42] = "$argon2id$x";
  EXPECT_NE(checked(stray_hash).find("person 42, who is not in the archive"), std::string::npos);
}

TEST_F(ArchiveUseCases, ARefusedTableRowLeavesTheTargetUntouched) {
  auto archive = export_network(*store_);
  ASSERT_TRUE(archive.ok());
  rows_of(*archive, "delegations")
      .push_back({std::int64_t{99}, std::int64_t{1}, std::int64_t{2}, std::string("2026-12-04T10:00:00.000Z")});
  auto target = empty_store(dir_);
  const std::string before = image_of(*target);
  const core::Status imported = import_network(*target, *archive);
  ASSERT_FALSE(imported.ok());
  EXPECT_EQ(imported.error().where, "$.delegations[0].cycle");
  EXPECT_NE(imported.error().message.find("no cycle 99 in the archive"), std::string::npos) << imported.error().message;
  EXPECT_EQ(image_of(*target), before);
}

}  // namespace
}  // namespace covalue::program
