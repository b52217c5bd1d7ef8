#pragma once

// Group commit on the one connection that writes to a database file: every transact() of every
// SQLite store of the file (whichever its network) is queued, and one thread at a time (the leader: a
// caller that finds no batch running) takes the queued works, runs them one after another inside ONE
// transaction, each in its own savepoint on a session of its own network, commits once and hands every
// caller its result. A commit (and, with synchronous=FULL, its fsync) is paid once per batch instead of
// once per work, and the networks of a file never wait for each other's hold of SQLite's one write
// lock. The work of a waiting caller runs on the leader's thread. Each network's reads are kept between
// batches while its audit chain stays where they were read (sql/read_cache.hpp): one cache per network,
// one TransactionReads per network present in a batch.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

#include "connection.hpp"
#include "covalue/adapters/sql/batcher.hpp"
#include "covalue/adapters/sql/read_cache.hpp"
#include "covalue/program/store.hpp"

namespace covalue::adapters::sqlite {

//! The work of one transact() call.
using Work = std::function<core::Status(program::StoreSession&)>;

//! Serialises the transactions of one connection and commits them in batches.
class GroupCommit {
 public:
  //! Takes over `db`, which must be outside a transaction.
  explicit GroupCommit(std::unique_ptr<Connection> db) : db_(std::move(db)) {}

  //! Runs `work` on a session of `network` as Store::transact promises: in a savepoint of the next
  //! batch, kept when it returns ok and undone when it fails or throws (kInternal); its result is given
  //! once the batch has committed (a failed COMMIT fails every work of the batch). kInternal when called
  //! from inside a work of this GroupCommit, whichever network either is for.
  [[nodiscard]] core::Status transact(std::int64_t network, const Work& work);

  //! True while the calling thread runs a batch of this GroupCommit (inside some work of it).
  [[nodiscard]] bool running_here() const;

  //! Calls `use(connection)` between batches, or at once from inside a work of this GroupCommit (the
  //! connection is then inside the batch's transaction).
  template <typename Use>
  auto with_connection(Use use) -> decltype(use(std::declval<Connection&>())) {
    if (running_here()) {
      return use(*db_);
    }
    const std::lock_guard lock(connection_mutex_);
    return use(*db_);
  }

 private:
  // At most this many works share one transaction, so that the first of them waits for its commit no
  // longer than about this many works take to run.
  static constexpr std::size_t kMaxBatch = 32;

  class BatchReads;

  // Runs one batch (sql/batcher.hpp); holds the connection throughout.
  void run_batch(sql::Batcher::Batch& batch);
  // Runs the works of a batch whose BEGIN succeeded; false when the transaction was lost midway.
  [[nodiscard]] bool run_works(sql::Batcher::Batch& batch, BatchReads& reads);

  sql::Batcher batcher_{kMaxBatch};  // the queue of works and its leader
  std::mutex connection_mutex_;      // held by the leader for a whole batch; guards what follows
  std::unique_ptr<Connection> db_;
  std::map<std::int64_t, sql::ReadCache> caches_;  // each network's reads, kept between batches
};

}  // namespace covalue::adapters::sqlite
