#include "covalue/adapters/sql/batcher.hpp"

namespace covalue::adapters::sql {

core::Status Batcher::submit(const Work& work, const RunBatch& run) {
  Pending mine(work);
  std::unique_lock lock(mutex_);
  queue_.push_back(&mine);
  while (!mine.done) {
    if (leading_) {
      mine.wake.wait(lock);
      continue;
    }
    leading_ = true;
    std::vector<Pending*> taken;
    while (!queue_.empty() && taken.size() < max_) {
      taken.push_back(queue_.front());
      queue_.pop_front();
    }
    lock.unlock();
    std::vector<Item*> batch;
    batch.reserve(taken.size());
    for (Pending* pending : taken) {
      batch.push_back(&pending->item);
    }
    run(batch);
    lock.lock();
    // Notified under the lock: a waiter may return (and its Pending die) as soon as the lock is free.
    for (Pending* pending : taken) {
      pending->done = true;
      pending->wake.notify_one();
    }
    leading_ = false;
    if (!queue_.empty()) {
      queue_.front()->wake.notify_one();
    }
  }
  return std::move(mine.item.result);
}

}  // namespace covalue::adapters::sql
