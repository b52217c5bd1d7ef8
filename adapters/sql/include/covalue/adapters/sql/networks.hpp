#pragma once

// The networks of a database: which one a store works on, and the list.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "covalue/adapters/sql/db.hpp"
#include "covalue/program/store.hpp"

namespace covalue::adapters::sql {

//! Every network of the database, by id.
[[nodiscard]] core::Result<std::vector<program::NetworkInfo>> list_networks(Db& db);

//! The id of the network `choice` names: the next free id to create one; the only network (1 when
//! there is none yet); or the one of that name or id. kNotFound names the networks there are;
//! kInvalidInput when several exist and none was named. `where` is the database, for messages.
[[nodiscard]] core::Result<std::int64_t> resolve_network(Db& db, const program::NetworkChoice& choice,
                                                         const std::string& where);

//! The network whose token has this secret hash, or nothing (Store::token_network).
[[nodiscard]] core::Result<std::optional<std::int64_t>> token_network(Db& db, const std::string& secret_hash);

//! The network of the session (or set-password link) with this secret hash, or nothing (Store::sign_in_network).
[[nodiscard]] core::Result<std::optional<std::int64_t>> sign_in_network(Db& db, const std::string& secret_hash,
                                                                        bool password_link);

//! The networks where a present person with a password has this e-mail address (Store::email_networks).
[[nodiscard]] core::Result<std::vector<std::int64_t>> email_networks(Db& db, const std::string& email);

//! The newest audit sequence of `network` (0 for none): Store::version().
[[nodiscard]] core::Result<std::int64_t> network_version(Db& db, std::int64_t network);

}  // namespace covalue::adapters::sql
