#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/network/ids.hpp"
#include "covalue/core/result.hpp"

namespace covalue::program {

namespace net = core::network;

//! What a caller may do. The operator is whoever holds the database itself (the CLI): everything.
//! Coordinators run the cycle and manage partners; representatives act for their own partner;
//! observers read. Administrators belong to the deployment (network 0), not to a network: they
//! create networks and issue each one's first coordinator token, nothing else.
enum class Role { kOperator, kCoordinator, kRepresentative, kObserver, kAdmin };

//! The names of role values.
constexpr auto enum_names(Role /*tag*/) {
  using enum Role;
  return core::NameTable{"role", std::to_array<core::EnumName<Role>>({{kOperator, "operator"},
                                                                      {kCoordinator, "coordinator"},
                                                                      {kRepresentative, "representative"},
                                                                      {kObserver, "observer"},
                                                                      {kAdmin, "admin"}})};
}

//! The one lookup of a name, found from this namespace too (`program::name_of(role)`).
using core::name_of;

//! Who is calling a use case; named in the audit log.
struct Actor {
  Role role{Role::kOperator};
  std::optional<net::PartnerId> partner;  //!< representatives (and partner observers): their partner
  std::string name{"operator"};           //!< "operator", "token 3 (coordinator)", ...
  std::optional<std::int64_t> person;     //!< the person whose token this is, if it was issued to one
  std::optional<std::int64_t> session;    //!< the browser session it signed in with, if it did
  //! A representative whose partner's term it is under the charter's coordination rotation: it coordinates too
  //! (set by Program::resolve_coordination only).
  bool rotation_coordinator{false};

  //! The CLI's actor: the operator, named "cli".
  [[nodiscard]] static Actor local_operator();
  //! The deadline scheduler's actor (serve's thread and `scheduler run-once`): the operator, named "scheduler".
  [[nodiscard]] static Actor scheduler();
  //! True for an administrator of the deployment.
  [[nodiscard]] bool administers() const { return role == Role::kAdmin; }
  //! True for the operator and coordinators.
  [[nodiscard]] bool coordinates() const {
    return role == Role::kOperator || role == Role::kCoordinator || rotation_coordinator;
  }
  //! True when this actor may act for `partner` (the operator, or its representative).
  [[nodiscard]] bool acts_for(net::PartnerId id) const {
    return role == Role::kOperator || (role == Role::kRepresentative && partner == id);
  }
};

using TokenId = std::int64_t;
//! A person's id in its network (person.hpp).
using PersonId = std::int64_t;

//! A stored access token: only the hash of its secret is kept.
struct AccessToken {
  TokenId id{0};
  Role role{Role::kObserver};
  std::optional<net::PartnerId> partner;
  std::optional<PersonId> person;  //!< the person the token was issued to, if any
  std::string label;
  std::string secret_hash;  //!< hex BLAKE2b-256 of the secret
  std::string issued_at;    //!< ISO 8601 UTC
  bool revoked{false};

  bool operator==(const AccessToken&) const = default;
};

//! A token just issued: the secret is shown once and never stored.
struct IssuedToken {
  AccessToken token;
  std::string secret;  //!< "cvt_" + 64 hex digits
};

//! A fresh random secret (libsodium) and the hex hash it is stored under.
[[nodiscard]] std::string new_token_secret();
[[nodiscard]] std::string hash_token_secret(std::string_view secret);

}  // namespace covalue::program
