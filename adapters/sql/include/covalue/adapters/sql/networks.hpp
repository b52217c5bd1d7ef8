#pragma once

// The networks of a database: which one a store works on, the list, and what a dialect's Store does
// alike for them (StoreBase).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "covalue/adapters/sql/db.hpp"
#include "covalue/program/store.hpp"

namespace covalue::adapters::sql {

//! The id of the network `choice` names: the next free id to create one; the only network (1 when
//! there is none yet); or the one of that name or id. kNotFound names the networks there are;
//! kInvalidInput when several exist and none was named. `where` is the database, for messages.
[[nodiscard]] core::Result<std::int64_t> resolve_network(Db& db, const program::NetworkChoice& choice,
                                                         const std::string& where);

//! The newest audit sequence of `network` (0 for none): Store::version().
[[nodiscard]] core::Result<std::int64_t> network_version(Db& db, std::int64_t network);

//! What the Store of every dialect does alike: the network it works on, and the reads across the networks
//! of its database, each run on a Db the dialect lends outside the store's transactions (lend()).
class StoreBase : public program::Store {
 public:
  //! A store of `network`.
  explicit StoreBase(std::int64_t network) : network_(network) {}

  [[nodiscard]] std::int64_t network() const final { return network_; }
  [[nodiscard]] core::Result<std::vector<program::NetworkInfo>> networks() final;
  [[nodiscard]] core::Result<std::optional<std::int64_t>> token_network(const std::string& secret_hash) final;
  [[nodiscard]] core::Result<std::optional<std::int64_t>> sign_in_network(const std::string& secret_hash,
                                                                          bool password_link) final;
  [[nodiscard]] core::Result<std::vector<std::int64_t>> email_networks(const std::string& email) final;

 protected:
  //! Runs `use` on a Db of the database outside the store's transactions; a failure to lend one is its result.
  [[nodiscard]] virtual core::Status lend(const std::function<core::Status(Db&)>& use) = 0;

  //! The value of `use(db)` on a Db that lend() gives.
  template <typename Use>
  auto on_lent(Use use) -> decltype(use(std::declval<Db&>())) {
    std::optional<decltype(use(std::declval<Db&>()))> out;
    const core::Status lent = lend([&](Db& db) {
      out = use(db);
      return core::Status();
    });
    if (!lent.ok()) {
      return lent.error();
    }
    return std::move(*out);
  }

  const std::int64_t network_;  // the network the store works on
};

}  // namespace covalue::adapters::sql
