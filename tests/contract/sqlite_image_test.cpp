// Images of a SQLite store (sqlite_image, open_sqlite_image): a store opened from an image holds the
// same network, changes to it stay its own, and an image that is not a covalue database is refused.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "covalue/adapters/sqlite/sqlite_store.hpp"
#include "covalue/program/program.hpp"
#include "sample_network.hpp"

namespace covalue::testing {
namespace {

using adapters::sqlite::open_sqlite_image;
using adapters::sqlite::open_sqlite_store;
using adapters::sqlite::sqlite_image;
using adapters::sqlite::sqlite_total_changes;

std::unique_ptr<program::Store> opened(core::Result<std::unique_ptr<program::Store>> store) {
  EXPECT_TRUE(store.ok()) << store.error().to_string();
  return store.ok() ? std::move(store).value() : nullptr;
}

program::Snapshot snapshot_of(program::Store& store) {
  program::Program program(store, {});
  auto snapshot = program.snapshot();
  EXPECT_TRUE(snapshot.ok()) << snapshot.error().to_string();
  return snapshot.ok() ? *snapshot : program::Snapshot{};
}

//! A store with a charter, two partners and a token, the last partner added after the image is taken.
class SqliteImage : public ::testing::Test {
 protected:
  void SetUp() override {
    original_ = opened(open_sqlite_store(":memory:"));
    ASSERT_NE(original_, nullptr);
    program::Program program(*original_, {});
    ASSERT_TRUE(program.init_network(sample_charter()).ok());
    ASSERT_TRUE(program.add_partner("Acme", net::Tier::kManufacturer).ok());
    auto token = program.issue_token(program::Role::kCoordinator, std::nullopt, "lead");
    ASSERT_TRUE(token.ok());
    secret_ = token->secret;
    auto image = sqlite_image(*original_);
    ASSERT_TRUE(image.ok()) << image.error().to_string();
    image_ = *image;
  }

  std::unique_ptr<program::Store> original_;
  std::string image_;
  std::string secret_;
};

TEST_F(SqliteImage, AStoreOpenedFromAnImageHoldsTheSameNetwork) {
  auto copy = opened(open_sqlite_image(image_));
  ASSERT_NE(copy, nullptr);
  const program::Snapshot from_copy = snapshot_of(*copy);
  const program::Snapshot from_original = snapshot_of(*original_);
  ASSERT_FALSE(from_copy.charter.name.empty());
  EXPECT_EQ(from_copy.charter, from_original.charter);
  EXPECT_EQ(from_copy.partners, from_original.partners);
  EXPECT_EQ(copy->version().value(), original_->version().value());
  EXPECT_TRUE(program::Program::authenticate(*copy, secret_).ok());
}

TEST_F(SqliteImage, ChangesToACopyStayItsOwn) {
  auto first = opened(open_sqlite_image(image_));
  auto second = opened(open_sqlite_image(image_));
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  const std::int64_t version = first->version().value();
  program::Program program(*first, {});
  ASSERT_TRUE(program.add_partner("Bolt", net::Tier::kRetailer).ok());
  EXPECT_EQ(snapshot_of(*first).partners.size(), 2U);
  EXPECT_EQ(snapshot_of(*second).partners.size(), 1U);
  EXPECT_EQ(snapshot_of(*original_).partners.size(), 1U);
  EXPECT_GT(first->version().value(), version);
  EXPECT_NE(sqlite_image(*first).value(), sqlite_image(*second).value());
  // An image taken again from an untouched copy opens to the same network once more.
  auto third = opened(open_sqlite_image(sqlite_image(*second).value()));
  ASSERT_NE(third, nullptr);
  EXPECT_EQ(snapshot_of(*third).partners, snapshot_of(*second).partners);
}

TEST_F(SqliteImage, TheChangeCountStandsStillWhileTheDatabaseDoes) {
  auto copy = opened(open_sqlite_image(image_));
  ASSERT_NE(copy, nullptr);
  const std::int64_t opened_with = sqlite_total_changes(*copy).value();
  (void)snapshot_of(*copy);
  ASSERT_TRUE(program::Program::authenticate(*copy, secret_).ok());
  EXPECT_EQ(sqlite_total_changes(*copy).value(), opened_with);
  EXPECT_EQ(sqlite_image(*copy).value(), sqlite_image(*opened(open_sqlite_image(image_))).value());
  program::Program program(*copy, {});
  EXPECT_FALSE(program.add_partner("Acme", net::Tier::kOther).ok());  // a duplicate: nothing written
  ASSERT_TRUE(program.add_partner("Bolt", net::Tier::kRetailer).ok());
  EXPECT_GT(sqlite_total_changes(*copy).value(), opened_with);
}

TEST_F(SqliteImage, AnImageThatIsNotACovalueDatabaseIsRefused) {
  for (const std::string& bad : {std::string("not a database at all"), image_.substr(0, 100)}) {
    auto store = open_sqlite_image(bad);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().kind, core::ErrorKind::kInvalidInput) << store.error().to_string();
  }
}

TEST_F(SqliteImage, AnEmptyImageIsAnEmptyDatabase) {
  auto store = opened(open_sqlite_image(""));
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->version().value(), 0);
}

}  // namespace
}  // namespace covalue::testing
