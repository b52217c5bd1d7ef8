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

}  // namespace
}  // namespace covalue::program
