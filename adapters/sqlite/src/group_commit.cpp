#include "group_commit.hpp"

#include <deque>
#include <exception>
#include <map>
#include <string>

#include "covalue/adapters/sql/session.hpp"
#include "sqlite_db.hpp"

namespace covalue::adapters::sqlite {
namespace {

using core::ErrorKind;
using core::make_error;
using core::Status;

// The GroupCommit whose batch the current thread is running, if any.
thread_local const GroupCommit* tl_running = nullptr;

// Marks the current thread as running a batch of `owner` for as long as it lives.
class RunningBatch {
 public:
  explicit RunningBatch(const GroupCommit* owner) : previous_(std::exchange(tl_running, owner)) {}
  RunningBatch(const RunningBatch&) = delete;
  RunningBatch& operator=(const RunningBatch&) = delete;
  ~RunningBatch() { tl_running = previous_; }

 private:
  const GroupCommit* previous_;
};

// Runs the work on a session of `db` for `network`, its reads cached; an exception becomes kInternal.
Status run_guarded(Connection& db, std::int64_t network, sql::TransactionReads& reads, const Work& work) {
  SqliteDb view(db);
  sql::Session session(view, network, &reads);
  return sql::run_work(session, work);
}

// What became of one work inside the batch's transaction.
struct Outcome {
  Status status;
  bool transaction_intact{true};  // false: the batch can no longer be committed
};

// Undoes a failed work: back to its savepoint, which is then released.
Outcome undo(Connection& db, sql::TransactionReads& reads, Status failed) {
  reads.work_undone();
  if (auto back = db.prepare("ROLLBACK TO store_work").run(); !back.ok()) {
    return {std::move(failed), false};
  }
  const bool released = db.prepare("RELEASE store_work").run().ok();
  return {std::move(failed), released};
}

// Runs one work in its own savepoint: released when the work returns ok, rolled back to when it fails.
Outcome run_in_savepoint(Connection& db, std::int64_t network, sql::TransactionReads& reads, const Work& work) {
  if (auto begun = db.prepare("SAVEPOINT store_work").run(); !begun.ok()) {
    return {begun, !db.autocommit()};
  }
  Status status = run_guarded(db, network, reads, work);
  if (db.autocommit()) {
    // SQLite has rolled the whole transaction back on its own (an I/O error, a full disk, ...).
    if (status.ok()) {
      status = make_error(ErrorKind::kInternal, "the database rolled the transaction back");
    }
    return {std::move(status), false};
  }
  if (!status.ok()) {
    return undo(db, reads, std::move(status));
  }
  if (auto released = db.prepare("RELEASE store_work").run(); !released.ok()) {
    return undo(db, reads, released);
  }
  return {};
}

// SQLite may already have rolled back on its own (after an I/O error, say).
void rollback(Connection& db) {
  if (!db.autocommit()) {
    (void)db.execute("ROLLBACK");
  }
}

}  // namespace

// The reads of one batch: one TransactionReads per network with a work in the batch, on that network's
// cache (created on first use).
class GroupCommit::BatchReads {
 public:
  explicit BatchReads(std::map<std::int64_t, sql::ReadCache>& caches) : caches_(caches) {}

  //! The reads of `network` in this batch.
  sql::TransactionReads& of(std::int64_t network) {
    for (Entry& entry : reads_) {
      if (entry.network == network) {
        return entry.reads;
      }
    }
    return reads_.emplace_back(network, caches_[network]).reads;
  }

  //! The batch committed: every network's reads go to its cache.
  void commit() {
    for (Entry& entry : reads_) {
      entry.reads.commit();
    }
  }

 private:
  struct Entry {
    Entry(std::int64_t n, sql::ReadCache& cache) : network(n), reads(cache) {}
    std::int64_t network;
    sql::TransactionReads reads;
  };

  std::map<std::int64_t, sql::ReadCache>& caches_;
  std::deque<Entry> reads_;  // a deque: references stay valid as networks join
};

bool GroupCommit::running_here() const { return tl_running == this; }

Status GroupCommit::transact(std::int64_t network, const Work& work) {
  if (running_here()) {
    return make_error(ErrorKind::kInternal,
                      "transact() called from inside a transaction of the same store or of another network "
                      "of its database");
  }
  return batcher_.submit(network, work, [this](sql::Batcher::Batch& batch) { run_batch(batch); });
}

void GroupCommit::run_batch(sql::Batcher::Batch& batch) {
  const std::lock_guard connection(connection_mutex_);
  const RunningBatch running(this);
  if (auto begun = db_->prepare("BEGIN IMMEDIATE").run(); !begun.ok()) {
    while (sql::Batcher::Item* next = batch.take()) {
      next->result = begun;
    }
  } else {
    BatchReads reads(caches_);
    if (run_works(batch, reads)) {
      if (auto committed = db_->prepare("COMMIT").run(); !committed.ok()) {
        rollback(*db_);
        sql::Batcher::fail_kept(batch.items(), committed.error());
      } else {
        reads.commit();
      }
    }
  }
}

bool GroupCommit::run_works(sql::Batcher::Batch& batch, BatchReads& reads) {
  while (sql::Batcher::Item* next = batch.take()) {
    Outcome outcome = run_in_savepoint(*db_, next->network, reads.of(next->network), *next->work);
    next->result = std::move(outcome.status);
    if (!outcome.transaction_intact) {
      rollback(*db_);
      sql::Batcher::fail_kept(batch.items(),
                              make_error(ErrorKind::kInternal,
                                         "the transaction was rolled back after a failure in another work of its "
                                         "batch; nothing of this work was written"));
      return false;
    }
  }
  return true;
}

}  // namespace covalue::adapters::sqlite
