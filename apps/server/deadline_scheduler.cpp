#include "deadline_scheduler.hpp"

#include <cstdio>

namespace covalue::server {

DeadlineScheduler::DeadlineScheduler(Api& api, std::chrono::milliseconds interval, program::DigestSettings digest)
    : api_(api), interval_(interval), digest_(digest), thread_([this] { run(); }) {}

DeadlineScheduler::~DeadlineScheduler() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void DeadlineScheduler::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    for (const Api::ScheduledStep& taken : api_.run_deadlines()) {
      const program::DeadlineStep& step = taken.step;
      // A due deadline stays due pass after pass until the coordinator acts: say so once, not every interval.
      if (!step.moved && !reported_.insert({taken.network, step.cycle, step.deadline, step.at}).second) {
        continue;
      }
      std::fprintf(stderr, "covalue serve: scheduler: network %lld, cycle %lld: %s %s passed: %s\n",
                   static_cast<long long>(taken.network), static_cast<long long>(step.cycle), step.deadline.c_str(),
                   step.at.c_str(),
                   step.moved ? (step.state == core::network::CycleState::kVoting ? "moved to voting" : "closed")
                              : "due, for the coordinator to move (deadline_action remind)");
    }
    if (const std::int64_t digests = api_.record_digests(digest_); digests > 0) {
      std::fprintf(stderr, "covalue serve: scheduler: %lld digests recorded\n", static_cast<long long>(digests));
    }
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace covalue::server
