#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace covalue::server {

//! Failed authentications per client address: after `limit` failures within a sliding `window`, the
//! address is refused (429) until the oldest of them is `window` old. Remembers at most kMaxClients
//! addresses (those whose failures are all older than the window are forgotten first). Thread safe.
class AuthThrottle {
 public:
  using Clock = std::chrono::steady_clock;

  //! Addresses remembered at most; past it, a new address is not tracked until old ones expire.
  static constexpr std::size_t kMaxClients = 10000;

  //! Refuses an address after `limit` failures within `window`.
  AuthThrottle(std::size_t limit, std::chrono::seconds window);

  //! How long `client` must wait before it may authenticate again, rounded up to whole seconds (0: not
  //! throttled).
  [[nodiscard]] std::chrono::seconds retry_after(const std::string& client, Clock::time_point now);

  //! Records a failed authentication of `client`; true when this failure starts its throttling.
  bool record_failure(const std::string& client, Clock::time_point now);

  //! The number of failures that throttles an address, and the window they are counted in.
  [[nodiscard]] std::size_t limit() const { return limit_; }
  [[nodiscard]] std::chrono::seconds window() const { return window_; }

 private:
  //! Forgets addresses whose failures are all older than the window.
  void forget_expired(Clock::time_point now);

  std::size_t limit_;
  std::chrono::seconds window_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<Clock::time_point>> failures_;  //!< the last `limit_` per address
};

}  // namespace covalue::server
