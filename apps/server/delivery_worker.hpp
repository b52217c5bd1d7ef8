#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "api.hpp"

namespace covalue::server {

//! What the delivery worker sends through: null ports leave their channel waiting (the inbox needs none).
struct DeliveryPorts {
  program::Mailer* mailer{nullptr};
  program::WebhookPoster* poster{nullptr};
  program::DeliverySettings settings;
};

//! `covalue serve`'s delivery worker: a thread that runs Api::deliver_due now and then every `interval`, logging
//! each pass that did something to stderr, until it is destroyed (which waits for a pass under way to end).
class DeliveryWorker {
 public:
  DeliveryWorker(Api& api, DeliveryPorts ports, std::chrono::milliseconds interval);
  ~DeliveryWorker();
  DeliveryWorker(const DeliveryWorker&) = delete;
  DeliveryWorker& operator=(const DeliveryWorker&) = delete;
  DeliveryWorker(DeliveryWorker&&) = delete;
  DeliveryWorker& operator=(DeliveryWorker&&) = delete;

 private:
  void run();

  Api& api_;
  DeliveryPorts ports_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_{false};
  std::thread thread_;  // last: starts once the members above are made
};

}  // namespace covalue::server
