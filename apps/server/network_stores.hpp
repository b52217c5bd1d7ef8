#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "covalue/program/program.hpp"
#include "covalue/program/store.hpp"
#include "read_cache.hpp"

namespace covalue::server {

//! The networks one server serves: every network of its database, each on its own store (opened once,
//! on first use, and kept) with its own read cache, so that a request runs on its token's network and
//! nothing else. Thread safe.
class NetworkStores {
 public:
  //! A network's store and read cache.
  struct Served {
    program::Store& store;
    ReadCache& cache;
  };

  //! `home` is the store `covalue serve` opened: --network's, the database's only one, or the deployment's
  //! when it holds several; the others are opened from it (Store::open_network).
  explicit NetworkStores(program::Store& home);

  //! The home store: requests without a token read it.
  [[nodiscard]] Served home();
  //! The network the token with this secret hash belongs to (program::kDeploymentNetwork for an
  //! administrator's), or nothing for an unknown token. A token's network never changes, so it is remembered.
  [[nodiscard]] core::Result<std::optional<std::int64_t>> network_of(const std::string& secret_hash);
  //! The network the browser session with this secret hash belongs to, or nothing (remembered as tokens are).
  [[nodiscard]] core::Result<std::optional<std::int64_t>> session_network_of(const std::string& secret_hash);
  //! The store of network `id`, opened on first use.
  [[nodiscard]] core::Result<Served> of(std::int64_t id);
  //! Creates a network with `charter` through `deployment` (a program on network 0 for an administrator):
  //! on a store opened for the next free id, kept for its requests. One creation at a time.
  [[nodiscard]] core::Result<program::CreatedNetwork> create(program::Program& deployment,
                                                             const core::network::Charter& charter);

 private:
  struct Slot {
    std::unique_ptr<program::Store> owned;  //!< null for the home store
    program::Store* store{nullptr};
    ReadCache cache;
  };
  //! Keeps `slot` for network `id` and returns it.
  Served keep(std::int64_t id, std::unique_ptr<Slot> slot);

  program::Store& home_;
  std::mutex mutex_;         //!< guards slots_ and token_networks_
  std::mutex create_mutex_;  //!< one network created at a time: a new network takes the next free id
  std::map<std::int64_t, std::unique_ptr<Slot>> slots_;
  std::unordered_map<std::string, std::int64_t> token_networks_;
};

}  // namespace covalue::server
