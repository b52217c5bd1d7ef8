#include "connection_pool.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace covalue::adapters::postgres {

ConnectionPool::Lease::~Lease() {
  if (connection_) {
    pool_->give_back(std::move(connection_));
  }
}

ConnectionPool::ConnectionPool(std::string url, std::size_t size, std::unique_ptr<Connection> first)
    : url_(std::move(url)), size_(std::max<std::size_t>(size, 1)) {
  if (first) {
    idle_.push_back(std::move(first));
    open_ = 1;
  }
}

core::Result<ConnectionPool::Lease> ConnectionPool::acquire() {
  std::unique_lock lock(mutex_);
  returned_.wait(lock, [this] { return !idle_.empty() || open_ < size_; });
  if (!idle_.empty()) {
    std::unique_ptr<Connection> connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(connection));
  }
  ++open_;  // reserved while connecting, outside the lock
  lock.unlock();
  auto opened = Connection::open(url_);
  if (!opened.ok()) {
    const std::lock_guard relock(mutex_);
    --open_;
    returned_.notify_one();
    return opened.error();
  }
  return Lease(this, std::move(opened).value());
}

void ConnectionPool::offer(std::unique_ptr<Connection> connection) {
  const std::lock_guard lock(mutex_);
  if (connection && connection->usable() && open_ < size_) {
    idle_.push_back(std::move(connection));
    ++open_;
    returned_.notify_one();
  }
}

std::shared_ptr<ConnectionPool> ConnectionPool::shared(const std::string& url, std::size_t size,
                                                       std::unique_ptr<Connection> first) {
  static std::mutex mutex;
  static std::map<std::pair<std::string, std::size_t>, std::weak_ptr<ConnectionPool>> pools;
  const std::lock_guard lock(mutex);
  std::weak_ptr<ConnectionPool>& slot = pools[{url, size}];
  if (std::shared_ptr<ConnectionPool> pool = slot.lock()) {
    pool->offer(std::move(first));
    return pool;
  }
  auto pool = std::make_shared<ConnectionPool>(url, size, std::move(first));
  slot = pool;
  return pool;
}

void ConnectionPool::give_back(std::unique_ptr<Connection> connection) {
  const std::lock_guard lock(mutex_);
  if (connection->usable()) {
    idle_.push_back(std::move(connection));
  } else {
    --open_;
  }
  returned_.notify_one();
}

}  // namespace covalue::adapters::postgres
