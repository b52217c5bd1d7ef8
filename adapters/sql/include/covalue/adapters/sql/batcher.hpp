#pragma once

// Leader/follower batching of a store's transactions (group commit). Every caller queues its work;
// one caller at a time (the leader: one that finds no batch running) runs a batch: it takes queued
// works one after another, up to `max`, runs them together in one transaction of the dialect's
// choosing, then hands every caller its result. A waiting caller's work runs on the leader's thread.
// No thread ever waits for a particular sleeper to be scheduled: whoever finds no batch running leads
// the next one, and a leader leads until its own work is done.

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <vector>

#include "covalue/program/store.hpp"

namespace covalue::adapters::sql {

//! Queues works and runs them in batches.
class Batcher {
 public:
  //! The work of one transact() call.
  using Work = std::function<core::Status(program::StoreSession&)>;

  //! One queued work: the network it is for, and its result, set by the batch that ran it.
  struct Item {
    const Work* work;
    std::int64_t network;
    core::Status result;
  };

  //! The works one leader runs, taken from the queue as the batch goes.
  class Batch {
   public:
    //! The next queued work, or nothing when the queue is empty or the batch full.
    [[nodiscard]] Item* take();
    //! Every work taken so far, in queue order.
    [[nodiscard]] const std::vector<Item*>& items() const { return items_; }

   private:
    friend class Batcher;
    explicit Batch(Batcher& batcher) : batcher_(batcher) {}
    Batcher& batcher_;
    std::vector<Item*> items_;
  };

  //! Runs a batch: takes its works and sets the result of every work it took.
  using RunBatch = std::function<void(Batch& batch)>;

  //! Gives every item that had succeeded `error` (what kept their transaction from committing).
  static void fail_kept(const std::vector<Item*>& items, const core::Error& error);

  //! At most `max` works per batch (at least one).
  explicit Batcher(std::size_t max) : max_(max == 0 ? 1 : max) {}

  //! Queues `work` for `network` and returns its result once a batch (led by this caller or another)
  //! has run it with `run`. Every caller of one Batcher must pass an equivalent `run`.
  [[nodiscard]] core::Status submit(std::int64_t network, const Work& work, const RunBatch& run);

 private:
  struct Pending {
    Pending(std::int64_t network, const Work& work) : item{&work, network, {}} {}
    Item item;
    bool done{false};
    std::condition_variable wake;
  };

  std::size_t max_;
  std::mutex mutex_;  // guards queue_, leading_, taken_ and the done flags
  std::deque<Pending*> queue_;
  std::vector<Pending*> taken_;  // by the running batch
  bool leading_{false};
};

}  // namespace covalue::adapters::sql
