#pragma once

// The SQL store's Db over one PostgreSQL connection in libpq's pipeline mode. Round trips are what a
// transaction waits for, so every statement is a prepared statement sent at once without waiting for
// its result; the store waits only where it reads rows (or counts them), at sync() in the precise mode,
// and at COMMIT. A ballot cast is then two round trips: the writer lock, BEGIN and the chain's head
// read; then the writes, the audit append, COMMIT and the unlock.
//
// Two modes. Precise: each write of the session and each work of a batch runs in a savepoint, and
// sync() at the end of each write waits for it, so that a write's failure is its own and is undone by
// its savepoint (as the store's contract says). Optimistic: no savepoints and no waiting at sync(), so
// any failure aborts the whole transaction (and a work that fails after sending writes cannot be
// undone alone); the store then runs the same works again in the precise mode. Failures are rare (the
// program checks first), so most transactions pay only the two round trips and none of the savepoints.
//
// A failed statement in the pipeline makes the server skip what follows up to the next synchronisation
// point; inside a savepoint the session undoes it (ROLLBACK TO) after such a point and goes on. Outside
// one, or when the failure is a serialisation failure, a deadlock or a lost connection, the
// transaction is aborted: later statements report that failure and the store rolls back (and runs the
// work again when it may).

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "covalue/adapters/sql/db.hpp"
#include "pg_connection.hpp"

namespace covalue::adapters::postgres {

//! The statements of one PostgreSQL transaction (or of autocommit reads), as the SQL store sees them.
class PgDb final : public sql::Db {
 public:
  enum class Mode { kPrecise, kOptimistic };

  //! Puts `db` in pipeline mode (it stays in it between users); what its last user left unread is read
  //! (and ignored) before the first result this one waits for.
  PgDb(Connection& db, Mode mode);
  PgDb(const PgDb&) = delete;
  PgDb& operator=(const PgDb&) = delete;
  PgDb(PgDb&&) = delete;
  PgDb& operator=(PgDb&&) = delete;
  //! Reads what is still on its way, unless finish_later() left it to the connection's next user (the
  //! connection is marked broken if it cannot).
  ~PgDb() override;

  [[nodiscard]] sql::Statement prepare(const char* sql) override;
  //! Savepoints and their release are sent without waiting; rolling back to one waits.
  [[nodiscard]] core::Status savepoint(int depth) override;
  [[nodiscard]] core::Status release(int depth) override;
  [[nodiscard]] core::Status rollback_to(int depth) override;
  //! Precise mode: waits for everything sent and reports the first failure. Optimistic: only reports
  //! a failure already seen.
  [[nodiscard]] core::Status sync() override;

  //! Sends the prepared statement for `sql` (neutral text) with `params`; the number to wait() for.
  //! A `deferred` one is not waited for: in the optimistic mode its failure aborts the transaction.
  std::size_t send(const char* sql, const std::vector<Param>& params, bool deferred = false);
  //! Sends `sql` (one statement, no parameters, not prepared); the number to wait() for.
  std::size_t send_text(const std::string& sql);
  //! Sends a synchronisation point: a failure before it no longer makes the server skip what follows.
  void send_sync();
  //! Waits for the result of statement `number`: its rows, or its failure (or the earlier failure that
  //! made the server skip it).
  [[nodiscard]] core::Result<PgResult> wait(std::size_t number);
  //! Waits for everything sent (with a synchronisation point at the end); false when the connection
  //! broke.
  bool drain();
  //! Ends with a synchronisation point whose results (and those of everything sent since the last
  //! wait) nobody needs: the connection's next user reads them, so nobody waits for them now.
  void finish_later();

  //! Opens the savepoint of one work of a batch (sent without waiting).
  void begin_work();
  //! Keeps what the work did (the savepoint's release is sent without waiting).
  void end_work();
  //! Undoes the failed work back to its savepoint: false when the transaction cannot go on (a
  //! serialisation failure, a lost connection, or the undo failed).
  [[nodiscard]] bool undo_work();
  //! True for a write whose rows nobody reads (INSERT, UPDATE or DELETE without RETURNING).
  [[nodiscard]] static bool deferrable(const char* sql);
  //! True when any failure runs the transaction again in the precise mode.
  [[nodiscard]] bool optimistic() const { return mode_ == Mode::kOptimistic; }

  //! True when a serialisation failure or deadlock was reported: the work must run again.
  [[nodiscard]] bool must_retry() const { return retry_; }
  //! The failure that aborted the transaction, if any.
  [[nodiscard]] const std::optional<core::Error>& aborted() const { return aborted_; }
  //! The mode the transaction runs in.
  [[nodiscard]] Mode mode() const { return mode_; }

 private:
  // kLeftover and kLeftoverSync: what the connection's last user left unread (finish_later()).
  enum class Kind { kPrepare, kQuery, kDeferred, kControl, kSync, kLeftover, kLeftoverSync };
  struct Sent {
    Kind kind;
    std::string name;  // the prepared statement's (kPrepare)
  };

  // Reads results up to statement `number` (all when it is past the last one sent).
  void read_through(std::size_t number, std::optional<core::Result<PgResult>>* wanted);
  // Records a failed result of a statement of `kind`.
  core::Error fail(const PGresult* result, Kind kind);
  void broke(const std::string& what);

  Connection& db_;
  Mode mode_;
  std::deque<Sent> sent_;  // sent and not read yet, in order
  std::size_t next_{0};    // the number of the next statement sent
  std::size_t read_{0};    // the number of the first statement not read yet
  bool flushed_{true};     // nothing sent since the last flush request or synchronisation point
  bool unsynced_{false};   // statements sent since the last synchronisation point
  bool skipping_{false};   // a failure since the last synchronisation point: the server skips
  std::optional<core::Error> skipped_because_;
  std::optional<core::Error> first_failure_;  // since the last sync()
  std::optional<core::Error> aborted_;
  bool retry_{false};
  int depth_{0};
  std::size_t work_began_{0};  // the number of the first statement of the batch's current work
  bool later_{false};          // finish_later(): what is still on its way is left to the next user
};

}  // namespace covalue::adapters::postgres
