#pragma once

// Leader/follower batching of a store's transactions (group commit). Every caller queues its work;
// one caller at a time (the leader: one that finds no batch running) takes up to `max` queued works
// and runs them together, in one transaction of the dialect's choosing, then hands every caller its
// result. A waiting caller's work runs on the leader's thread. No thread ever waits for a particular
// sleeper to be scheduled: whoever finds no batch running leads the next one.

#include <condition_variable>
#include <cstddef>
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

  //! One queued work and its result, set by the batch that ran it.
  struct Item {
    const Work* work;
    core::Status result;
  };

  //! Runs a batch: sets every item's result.
  using RunBatch = std::function<void(const std::vector<Item*>& batch)>;

  //! At most `max` works per batch (at least one).
  explicit Batcher(std::size_t max) : max_(max == 0 ? 1 : max) {}

  //! Queues `work` and returns its result once a batch (led by this caller or another) has run it with
  //! `run`. Every caller of one Batcher must pass an equivalent `run`.
  [[nodiscard]] core::Status submit(const Work& work, const RunBatch& run);

 private:
  struct Pending {
    explicit Pending(const Work& work) : item{&work, {}} {}
    Item item;
    bool done{false};
    std::condition_variable wake;
  };

  std::size_t max_;
  std::mutex mutex_;  // guards queue_, leading_ and the done flags
  std::deque<Pending*> queue_;
  bool leading_{false};
};

}  // namespace covalue::adapters::sql
