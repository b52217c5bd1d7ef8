#include "read_cache.hpp"

namespace covalue::server {

namespace {

//! Drops everything once a map grows past `limit` (old versions are never asked for again).
template <typename Map>
void bound(Map& map, std::size_t limit) {
  if (map.size() >= limit) {
    map.clear();
  }
}

}  // namespace

std::shared_ptr<const std::string> ReadCache::text(const std::string& key, std::int64_t version) {
  const std::lock_guard lock(mutex_);
  const auto it = texts_.find(key);
  return version >= 0 && it != texts_.end() && it->second.version == version ? it->second.value : nullptr;
}

void ReadCache::put_text(const std::string& key, std::int64_t version, std::shared_ptr<const std::string> text) {
  if (version < 0) {
    return;
  }
  const std::lock_guard lock(mutex_);
  bound(texts_, kMaxEntries);
  texts_[key] = {version, std::move(text)};
}

std::optional<program::Actor> ReadCache::actor(const std::string& secret_hash) {
  const std::lock_guard lock(mutex_);
  const auto it = actors_.find(secret_hash);
  if (it == actors_.end() || std::chrono::steady_clock::now() - it->second.checked > kActorLifetime) {
    return std::nullopt;
  }
  return it->second.actor;
}

void ReadCache::put_actor(const std::string& secret_hash, const program::Actor& actor) {
  const std::lock_guard lock(mutex_);
  bound(actors_, kMaxEntries);
  actors_[secret_hash] = {std::chrono::steady_clock::now(), actor};
}

void ReadCache::forget_actors() {
  const std::lock_guard lock(mutex_);
  actors_.clear();
}

std::string ReadCache::view_of(const program::Actor& actor) {
  if (actor.role == program::Role::kOperator) {
    return "all";
  }
  return std::string(program::name_of(actor.role)) +
         (actor.partner ? " of partner " + std::to_string(*actor.partner) : "") +
         (actor.rotation_coordinator ? " coordinating" : "");
}

}  // namespace covalue::server
