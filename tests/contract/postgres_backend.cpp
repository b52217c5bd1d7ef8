#include "postgres_backend.hpp"

#include <libpq-fe.h>

#include <cstdlib>
#include <memory>

#include <unistd.h>
#include <atomic>

#include "covalue/adapters/postgres/postgres_store.hpp"

namespace covalue::testing {
namespace {

// Owns the server; gtest tears environments down after the last test.
class PostgresEnvironment final : public ::testing::Environment {
 public:
  PostgresHarness* harness() {
    if (!harness_ && !failed_) {
      auto started = PostgresHarness::start();
      if (started.ok()) {
        harness_ = std::move(started).value();
      } else {
        failed_ = true;
        ADD_FAILURE() << "cannot start PostgreSQL: " << started.error().to_string();
      }
    }
    return harness_.get();
  }
  void TearDown() override { harness_.reset(); }

 private:
  std::unique_ptr<PostgresHarness> harness_;
  bool failed_{false};
};

// Registered before main() so that gtest stops the server after the last test; registering only
// allocates, and a failure to allocate there ends the test binary anyway.
PostgresEnvironment* const environment =  // NOLINT(cert-err58-cpp)
    dynamic_cast<PostgresEnvironment*>(::testing::AddGlobalTestEnvironment(new PostgresEnvironment));

std::string next_name() {
  static std::atomic<int> counter{0};
  return "contract_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

}  // namespace

PostgresHarness* shared_postgres() { return environment->harness(); }

PostgresDatabase::PostgresDatabase() : name_(next_name()) {
  PostgresHarness* harness = shared_postgres();
  if (harness == nullptr) {
    return;
  }
  auto created = harness->create_database(name_);
  EXPECT_TRUE(created.ok()) << created.error().to_string();
  if (created.ok()) {
    url_ = *created;
  }
}

PostgresDatabase::~PostgresDatabase() {
  PostgresHarness* harness = shared_postgres();
  if (harness != nullptr && !url_.empty()) {
    EXPECT_TRUE(harness->drop_database(name_).ok());
  }
}

core::Result<std::unique_ptr<program::Store>> PostgresDatabase::open() {
  if (url_.empty()) {
    return core::make_error(core::ErrorKind::kInternal, "no PostgreSQL database for this test");
  }
  return adapters::postgres::open_postgres_store(url_);
}

void PostgresDatabase::make_schema_newer() {
  run_sql("INSERT INTO schema_migrations (version, description) VALUES (1000, 'from the future')");
}

namespace {

// Runs `sql` on a connection of its own; the first cell of its result ("" when there is none), or a
// failed test.
std::string run_on(const std::string& url, const std::string& sql) {
  const std::unique_ptr<PGconn, decltype(&PQfinish)> connection(PQconnectdb(url.c_str()), &PQfinish);
  if (PQstatus(connection.get()) != CONNECTION_OK) {
    ADD_FAILURE() << "cannot connect to " << url << ": " << PQerrorMessage(connection.get());
    return {};
  }
  const std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(connection.get(), sql.c_str()), &PQclear);
  const ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    ADD_FAILURE() << sql << ": " << PQresultErrorMessage(result.get());
    return {};
  }
  return PQntuples(result.get()) > 0 ? PQgetvalue(result.get(), 0, 0) : "";
}

}  // namespace

void PostgresDatabase::run_sql(const std::string& sql) const { (void)run_on(url_, sql); }

long long PostgresDatabase::query_int(const std::string& sql) const {
  const std::string cell = run_on(url_, sql);
  return cell.empty() ? -1 : std::strtoll(cell.c_str(), nullptr, 10);
}

}  // namespace covalue::testing
