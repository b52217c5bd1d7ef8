#pragma once

// The SQL store's Db over one PostgreSQL transaction. Round trips are what a transaction waits for, so
// writes whose rows nobody reads, savepoints and their release are deferred and sent with the next
// statement, with sync() at the end of each write of the session, or with COMMIT: a ballot cast is the
// writer lock, the chain's head read (with BEGIN), the ballot's write, the audit append, and COMMIT.
// A failed statement inside a savepoint is undone by
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
  //! Works on `db` inside the transaction `tx`; `first` (BEGIN, say) goes with the first round trip.
  PgDb(Connection& db, pqxx::transaction_base& tx, const std::string& first = {}) : db_(db), tx_(tx) {
    if (!first.empty()) {
      add_deferred(first);
    }
  }

  [[nodiscard]] sql::Statement prepare(const char* sql) override;
  //! Savepoints and their release are deferred; rolling back to one is not.
  [[nodiscard]] core::Status savepoint(int depth) override;
  [[nodiscard]] core::Status release(int depth) override;
  [[nodiscard]] core::Status rollback_to(int depth) override;
  [[nodiscard]] core::Status sync() override;

  //! Runs `sql` with `params`, recording a failure that aborts the transaction. What was deferred goes
  //! first, in the same round trip (the values then written into the text, escaped by libpq).
  [[nodiscard]] core::Result<pqxx::result> run(const char* sql, const std::vector<Param>& params);
  //! Keeps a write for the next round trip (its values written into the text).
  [[nodiscard]] core::Status defer(const char* sql, const std::vector<Param>& params);
  //! The deferred statements, each ended by ";", and forgets them: the store sends them with COMMIT.
  [[nodiscard]] std::string take_deferred();
  //! Opens the savepoint of one work of a batch (deferred).
  void begin_work();
  //! Keeps what the work did (the savepoint's release is deferred).
  void end_work();
  //! Undoes the failed work back to its savepoint: false when the transaction cannot go on (a
  //! serialisation failure, a lost connection, or the undo failed).
  [[nodiscard]] bool undo_work();
  //! True for a write whose rows nobody reads (INSERT, UPDATE or DELETE without RETURNING).
  [[nodiscard]] static bool deferrable(const char* sql);

  //! True when a serialisation failure or deadlock was reported: the work must run again.
  [[nodiscard]] bool must_retry() const { return retry_; }
  //! The failure that aborted the transaction, if any.
  [[nodiscard]] const std::optional<core::Error>& aborted() const { return aborted_; }

 private:
  // Runs savepoint control SQL after what was deferred; a failure aborts the transaction.
  [[nodiscard]] core::Status control(const std::string& sql);
  // `sql` with each "$?" replaced by its value as an SQL literal (NULL when empty).
  [[nodiscard]] core::Result<std::string> with_values(const char* sql, const std::vector<Param>& params);
  void add_deferred(const std::string& sql);
  // Records a caught failure; `fatal` when it aborts the transaction whatever the savepoints.
  core::Error fail(bool fatal);

  Connection& db_;
  pqxx::transaction_base& tx_;
  std::string deferred_;  // statements for the next round trip, each ended by ";"
  std::optional<core::Error> aborted_;
  bool retry_{false};
  int depth_{0};
};

}  // namespace covalue::adapters::postgres
