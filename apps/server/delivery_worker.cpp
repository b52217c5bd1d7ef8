#include "delivery_worker.hpp"

#include <cstdio>

namespace covalue::server {

DeliveryWorker::DeliveryWorker(Api& api, DeliveryPorts ports, std::chrono::milliseconds interval)
    : api_(api), ports_(std::move(ports)), interval_(interval), thread_([this] { run(); }) {}

DeliveryWorker::~DeliveryWorker() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void DeliveryWorker::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    const program::DeliveryPass pass = api_.deliver_due(ports_.mailer, ports_.poster, ports_.settings);
    if (pass.claimed > 0) {
      std::fprintf(stderr, "covalue serve: delivery: %lld sent, %lld to retry, %lld dead\n",
                   static_cast<long long>(pass.delivered), static_cast<long long>(pass.retried),
                   static_cast<long long>(pass.dead));
    }
    lock.lock();
    // A full batch: more may be due at once.
    if (pass.claimed < ports_.settings.batch) {
      wake_.wait_for(lock, interval_, [this] { return stopping_; });
    }
  }
}

}  // namespace covalue::server
