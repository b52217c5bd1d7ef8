#include "network_stores.hpp"

namespace covalue::server {

namespace {

//! How to open network `id` of the database: the deployment (0) or a network by its id.
program::NetworkChoice choice_of(std::int64_t id) {
  program::NetworkChoice choice;
  if (id == program::kDeploymentNetwork) {
    choice.deployment = true;
  } else {
    choice.name_or_id = std::to_string(id);
  }
  return choice;
}

//! The remembered tokens' networks: a bound, as the read cache's entries have one.
constexpr std::size_t kMaxRememberedTokens = 65536;

}  // namespace

NetworkStores::NetworkStores(program::Store& home) : home_(home) {
  auto slot = std::make_unique<Slot>();
  slot->store = &home_;
  slots_.emplace(home_.network(), std::move(slot));
}

NetworkStores::Served NetworkStores::home() {
  const std::lock_guard lock(mutex_);
  Slot& slot = *slots_.at(home_.network());
  return {*slot.store, slot.cache};
}

core::Result<std::optional<std::int64_t>> NetworkStores::network_of(const std::string& secret_hash) {
  {
    const std::lock_guard lock(mutex_);
    if (const auto found = token_networks_.find(secret_hash); found != token_networks_.end()) {
      return std::optional<std::int64_t>(found->second);
    }
  }
  core::Result<std::optional<std::int64_t>> network = home_.token_network(secret_hash);
  if (network && network->has_value()) {
    const std::lock_guard lock(mutex_);
    if (token_networks_.size() >= kMaxRememberedTokens) {
      token_networks_.clear();
    }
    token_networks_.emplace(secret_hash, **network);
  }
  return network;
}

core::Result<std::optional<std::int64_t>> NetworkStores::session_network_of(const std::string& secret_hash) {
  {
    const std::lock_guard lock(mutex_);
    if (const auto found = token_networks_.find(secret_hash); found != token_networks_.end()) {
      return std::optional<std::int64_t>(found->second);
    }
  }
  core::Result<std::optional<std::int64_t>> network = home_.sign_in_network(secret_hash, false);
  if (network && network->has_value()) {
    const std::lock_guard lock(mutex_);
    if (token_networks_.size() >= kMaxRememberedTokens) {
      token_networks_.clear();
    }
    token_networks_.emplace(secret_hash, **network);
  }
  return network;
}

core::Result<NetworkStores::Served> NetworkStores::of(std::int64_t id) {
  {
    const std::lock_guard lock(mutex_);
    if (const auto found = slots_.find(id); found != slots_.end()) {
      return Served{*found->second->store, found->second->cache};
    }
  }
  core::Result<std::unique_ptr<program::Store>> opened = home_.open_network(choice_of(id));
  if (!opened) {
    return opened.error();
  }
  auto slot = std::make_unique<Slot>();
  slot->owned = std::move(*opened);
  slot->store = slot->owned.get();
  return keep(id, std::move(slot));
}

NetworkStores::Served NetworkStores::keep(std::int64_t id, std::unique_ptr<Slot> slot) {
  const std::lock_guard lock(mutex_);
  const auto at = slots_.emplace(id, std::move(slot)).first;  // another request may have opened it first
  return {*at->second->store, at->second->cache};
}

core::Result<program::CreatedNetwork> NetworkStores::create(program::Program& deployment,
                                                            const core::network::Charter& charter) {
  const std::lock_guard creating(create_mutex_);
  program::NetworkChoice next;
  next.create = true;
  core::Result<std::unique_ptr<program::Store>> fresh = home_.open_network(next);
  if (!fresh) {
    return fresh.error();
  }
  core::Result<program::CreatedNetwork> created = deployment.create_network(**fresh, charter);
  if (!created) {
    return created.error();
  }
  auto slot = std::make_unique<Slot>();
  slot->owned = std::move(*fresh);
  slot->store = slot->owned.get();
  (void)keep(created->network.id, std::move(slot));
  return created;
}

}  // namespace covalue::server
