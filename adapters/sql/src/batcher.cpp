#include "covalue/adapters/sql/batcher.hpp"

namespace covalue::adapters::sql {

Batcher::Item* Batcher::Batch::take() {
  const std::lock_guard lock(batcher_.mutex_);
  if (batcher_.queue_.empty() || items_.size() == batcher_.max_) {
    return nullptr;
  }
  Pending* next = batcher_.queue_.front();
  batcher_.queue_.pop_front();
  batcher_.taken_.push_back(next);
  items_.push_back(&next->item);
  return &next->item;
}

void Batcher::fail_kept(const std::vector<Item*>& items, const core::Error& error) {
  for (Item* item : items) {
    if (item->result.ok()) {
      item->result = error;
    }
  }
}

core::Status Batcher::submit(std::int64_t network, const Work& work, const RunBatch& run) {
  Pending mine(network, work);
  std::unique_lock lock(mutex_);
  queue_.push_back(&mine);
  while (!mine.done) {
    if (leading_) {
      mine.wake.wait(lock);
      continue;
    }
    leading_ = true;
    lock.unlock();
    Batch batch(*this);
    run(batch);
    lock.lock();
    // Notified under the lock: a waiter may return (and its Pending die) as soon as the lock is free.
    for (Pending* pending : taken_) {
      pending->done = true;
      pending->wake.notify_one();
    }
    taken_.clear();
    leading_ = false;
    if (!queue_.empty()) {
      queue_.front()->wake.notify_one();
    }
  }
  return std::move(mine.item.result);
}

}  // namespace covalue::adapters::sql
