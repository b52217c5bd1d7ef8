#pragma once

// The SQL store's Db over one PostgreSQL transaction. A failed statement inside a savepoint is undone by
// the session (ROLLBACK TO) and the transaction goes on; outside one, or when the failure is a
// serialisation failure, a deadlock or a lost connection, the transaction is aborted: later statements
// report that failure and the store rolls back (and runs the work again when it may).

#include <optional>
#include <string>
#include <vector>

#include "covalue/adapters/sql/db.hpp"
#include "pg_connection.hpp"

namespace covalue::adapters::postgres {

//! The statements and savepoints of one PostgreSQL transaction, as the SQL store sees them.
class PgDb final : public sql::Db {
 public:
  //! Works on `db` inside the transaction `tx` (begun by the store).
  PgDb(Connection& db, pqxx::transaction_base& tx) : db_(db), tx_(tx) {}

  [[nodiscard]] sql::Statement prepare(const char* sql) override;
  [[nodiscard]] core::Status savepoint(int depth) override;
  [[nodiscard]] core::Status release(int depth) override;
  [[nodiscard]] core::Status rollback_to(int depth) override;

  //! Runs `sql` with `params`, recording a failure that aborts the transaction.
  [[nodiscard]] core::Result<pqxx::result> run(const char* sql, const std::vector<Param>& params);

  //! True when a serialisation failure or deadlock was reported: the work must run again.
  [[nodiscard]] bool must_retry() const { return retry_; }
  //! The failure that aborted the transaction, if any.
  [[nodiscard]] const std::optional<core::Error>& aborted() const { return aborted_; }

 private:
  // Runs savepoint control SQL; a failure aborts the transaction.
  [[nodiscard]] core::Status control(const std::string& sql);
  // Records a caught failure; `fatal` when it aborts the transaction whatever the savepoints.
  core::Error fail(bool fatal);

  Connection& db_;
  pqxx::transaction_base& tx_;
  std::optional<core::Error> aborted_;
  bool retry_{false};
  int depth_{0};
};

}  // namespace covalue::adapters::postgres
