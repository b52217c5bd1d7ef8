#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <tuple>

#include "api.hpp"

namespace covalue::server {

//! `covalue serve`'s scheduler: a thread that runs Api::run_deadlines and Api::record_digests (as `digest` says)
//! now and then every `interval`, logging each step to stderr, until it is destroyed (which waits for a pass under
//! way to end).
class DeadlineScheduler {
 public:
  DeadlineScheduler(Api& api, std::chrono::milliseconds interval, program::DigestSettings digest = {});
  ~DeadlineScheduler();
  DeadlineScheduler(const DeadlineScheduler&) = delete;
  DeadlineScheduler& operator=(const DeadlineScheduler&) = delete;
  DeadlineScheduler(DeadlineScheduler&&) = delete;
  DeadlineScheduler& operator=(DeadlineScheduler&&) = delete;

 private:
  void run();

  Api& api_;
  std::chrono::milliseconds interval_;
  program::DigestSettings digest_;
  //! The due (remind) deadlines already reported: network, cycle, which deadline, when (the scheduler's thread only).
  std::set<std::tuple<std::int64_t, std::int64_t, std::string, std::string>> reported_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_{false};
  std::thread thread_;  // last: starts once the members above are made
};

}  // namespace covalue::server
