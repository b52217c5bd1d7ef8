#pragma once

// The storage contract on PostgreSQL: one private server for the whole test binary (started on first
// use, stopped when the tests end) and a fresh database per test.

#include <memory>
#include <string>

#include "postgres_harness.hpp"
#include "store_contract.hpp"

namespace covalue::testing {

//! The test binary's PostgreSQL server, started on first call; null (with the test failed) when it
//! cannot run.
[[nodiscard]] PostgresHarness* shared_postgres();

//! Fails the current test when PostgreSQL is not installed (`make deps` installs it) or will not start.
#define COVALUE_REQUIRE_POSTGRES()                                                                      \
  do {                                                                                                  \
    if (!::covalue::testing::PostgresHarness::available()) {                                            \
      GTEST_FAIL() << "PostgreSQL 15 is missing from " << PostgresHarness::bin_dir() << " (make deps)"; \
    }                                                                                                   \
    ASSERT_NE(::covalue::testing::shared_postgres(), nullptr);                                          \
  } while (false)

//! A fresh database on the shared server, dropped when the object dies.
class PostgresDatabase final : public StoreBackend {
 public:
  PostgresDatabase();
  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;
  ~PostgresDatabase() override;

  [[nodiscard]] core::Result<std::unique_ptr<program::Store>> open() override;
  [[nodiscard]] bool persistent() const override { return true; }
  void make_schema_newer() override;

  //! Runs `sql` on the database behind covalue's back; a failure fails the test.
  void run_sql(const std::string& sql) const;
  //! The integer in the first cell of `sql`'s result, run behind covalue's back (-1 and a failed test
  //! when it fails).
  [[nodiscard]] long long query_int(const std::string& sql) const;
  //! The database's URL.
  [[nodiscard]] const std::string& url() const { return url_; }

 private:
  std::string name_;
  std::string url_;
};

}  // namespace covalue::testing
