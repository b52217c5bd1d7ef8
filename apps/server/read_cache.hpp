#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "covalue/program/access.hpp"
#include "covalue/program/snapshot.hpp"

namespace covalue::server {

//! Answers computed from the store, each valid for one Store::version(). Not state: a request
//! re-validates against the store's version, so several processes may serve one database. Thread safe.
class ReadCache {
 public:
  //! The text cached under `key` for `version`, or null.
  [[nodiscard]] std::shared_ptr<const std::string> text(const std::string& key, std::int64_t version);
  //! Caches `text` under `key` for `version`.
  void put_text(const std::string& key, std::int64_t version, std::shared_ptr<const std::string> text);

  //! The snapshot cached for a view (see view_of) at `version`, or null.
  [[nodiscard]] std::shared_ptr<const program::Snapshot> snapshot(const std::string& view, std::int64_t version);
  //! Caches a snapshot for a view at `version`.
  void put_snapshot(const std::string& view, std::int64_t version, std::shared_ptr<const program::Snapshot> snapshot);

  //! The actor a secret's hash stood for at `version`, if cached.
  [[nodiscard]] std::optional<program::Actor> actor(const std::string& secret_hash, std::int64_t version);
  //! Caches the actor of a secret's hash at `version`.
  void put_actor(const std::string& secret_hash, std::int64_t version, const program::Actor& actor);

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
  std::unordered_map<std::string, Entry<std::shared_ptr<const program::Snapshot>>> snapshots_;
  std::unordered_map<std::string, Entry<program::Actor>> actors_;
};

}  // namespace covalue::server
