#pragma once

// Group commit on the one connection that writes: every transact() of a SQLite store is queued, and
// one thread at a time (the leader: a caller that finds no batch running) takes the queued works,
// runs them one after another inside ONE transaction, each in its own savepoint, commits once and
// hands every caller its result. A commit (and, with synchronous=FULL, its fsync) is paid once per
// batch instead of once per work. The work of a waiting caller runs on the leader's thread. The
// network's reads are kept between batches while its audit chain stays where they were read
// (sql/read_cache.hpp).

#include <array>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>

#include "connection.hpp"
#include "covalue/adapters/sql/read_cache.hpp"
#include "covalue/program/store.hpp"

namespace covalue::adapters::sqlite {

//! The work of one transact() call.
using Work = std::function<core::Status(program::StoreSession&)>;

//! Serialises the transactions of one connection and commits them in batches.
class GroupCommit {
 public:
  //! Takes over `db`, which must be outside a transaction; works run on sessions of `network`.
  GroupCommit(std::unique_ptr<Connection> db, std::int64_t network) : db_(std::move(db)), network_(network) {}

  //! Runs `work` as Store::transact promises: in a savepoint of the next batch, kept when it returns
  //! ok and undone when it fails or throws (kInternal); its result is given once the batch has
  //! committed (a failed COMMIT fails every work of the batch). kInternal when called from inside a
  //! work of this GroupCommit.
  [[nodiscard]] core::Status transact(const Work& work);

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
  // One caller's work, waiting on its own stack until a leader has run it.
  struct Pending {
    explicit Pending(const Work& w) : work(&w) {}
    const Work* work;
    core::Status result;
    bool done{false};  // the result is final
    std::condition_variable wake;
  };

  // At most this many works share one transaction, so that the first of them waits for its commit no
  // longer than about this many works take to run.
  static constexpr std::size_t kMaxBatch = 32;

  // The works one leader runs in one transaction, in queue order.
  struct Batch {
    std::array<Pending*, kMaxBatch> works{};
    std::size_t size{0};
  };

  // Runs one batch from the queue's front; holds the connection throughout.
  void run_batch(Batch& batch);
  // Runs the works of a batch whose BEGIN succeeded; false when the transaction was lost midway.
  [[nodiscard]] bool run_works(Batch& batch, sql::TransactionReads& reads);
  // Moves the queue's front into the batch and returns it; nothing when the queue is empty or the
  // batch full.
  [[nodiscard]] Pending* take_next(Batch& batch);
  // Under queue_mutex_: marks every work of the batch done, wakes its caller, and frees the lead
  // (waking the next waiter, which leads unless a newcomer does first).
  void finish(const Batch& batch);

  std::mutex queue_mutex_;  // guards queue_, leading_ and the done/result of queued works
  std::deque<Pending*> queue_;
  bool leading_{false};          // a batch is running or about to
  std::mutex connection_mutex_;  // held by the leader for a whole batch
  std::unique_ptr<Connection> db_;
  std::int64_t network_;
  sql::ReadCache cache_;  // the network's reads, kept between batches (read_cache.hpp)
};

}  // namespace covalue::adapters::sqlite
