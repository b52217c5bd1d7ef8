#include "auth_throttle.hpp"

namespace covalue::server {

AuthThrottle::AuthThrottle(std::size_t limit, std::chrono::seconds window) : limit_(limit), window_(window) {}

std::chrono::seconds AuthThrottle::retry_after(const std::string& client, Clock::time_point now) {
  const std::scoped_lock lock(mutex_);
  const auto it = failures_.find(client);
  if (it == failures_.end() || it->second.size() < limit_) {
    return std::chrono::seconds(0);
  }
  const Clock::duration left = it->second.front() + window_ - now;
  if (left <= Clock::duration::zero()) {
    return std::chrono::seconds(0);
  }
  return std::chrono::ceil<std::chrono::seconds>(left);
}

bool AuthThrottle::record_failure(const std::string& client, Clock::time_point now) {
  const std::scoped_lock lock(mutex_);
  auto it = failures_.find(client);
  if (it == failures_.end()) {
    if (failures_.size() >= kMaxClients) {
      forget_expired(now);
      if (failures_.size() >= kMaxClients) {
        return false;
      }
    }
    it = failures_.emplace(client, std::deque<Clock::time_point>()).first;
  }
  std::deque<Clock::time_point>& times = it->second;
  times.push_back(now);
  while (times.size() > limit_) {
    times.pop_front();
  }
  return times.size() == limit_ && now - times.front() < window_;
}

void AuthThrottle::forget_expired(Clock::time_point now) {
  for (auto it = failures_.begin(); it != failures_.end();) {
    it = now - it->second.back() >= window_ ? failures_.erase(it) : std::next(it);
  }
}

}  // namespace covalue::server
