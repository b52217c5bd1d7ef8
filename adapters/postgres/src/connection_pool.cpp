#include "connection_pool.hpp"

#include <algorithm>
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
