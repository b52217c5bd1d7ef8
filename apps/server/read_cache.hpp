#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "covalue/program/access.hpp"

namespace covalue::server {

//! Answers computed from the store, each valid for one Store::version() (a negative version, as a
//! write request has, is never cached). Not state: a request re-validates against the store's version,
//! so several processes may serve one database. Authenticated tokens are kept for kActorLifetime:
//! a token revoked through another process stops working within that time (at once through this
//! one). Thread safe.
class ReadCache {
 public:
  //! The text cached under `key` for `version`, or null.
  [[nodiscard]] std::shared_ptr<const std::string> text(const std::string& key, std::int64_t version);
  //! Caches `text` under `key` for `version`.
  void put_text(const std::string& key, std::int64_t version, std::shared_ptr<const std::string> text);

  //! How long an authenticated token is believed without asking the store again.
  static constexpr std::chrono::seconds kActorLifetime{1};

  //! The actor a secret's hash stood for less than kActorLifetime ago, if cached.
  [[nodiscard]] std::optional<program::Actor> actor(const std::string& secret_hash);
  //! Caches the actor of a secret's hash, as of now.
  void put_actor(const std::string& secret_hash, const program::Actor& actor);
  //! Forgets every authenticated token (after a revocation).
  void forget_actors();

  //! The key of what an actor may see of the store (redacted ballots): "all", "representative of partner 3", ...
  [[nodiscard]] static std::string view_of(const program::Actor& actor);

 private:
  template <typename T>
  struct Entry {
    std::int64_t version{-1};
    T value;
  };
  static constexpr std::size_t kMaxEntries = 4096;

  std::mutex mutex_;
  std::unordered_map<std::string, Entry<std::shared_ptr<const std::string>>> texts_;
  struct Authenticated {
    std::chrono::steady_clock::time_point checked;
    program::Actor actor;
  };
  std::unordered_map<std::string, Authenticated> actors_;
};

}  // namespace covalue::server
