#pragma once

// One-click unsubscribe tokens (RFC 8058): "NETWORK.PERSON.KIND.MAC", the MAC an HMAC-SHA256 over the network, the
// person and the kind with the network's secret "unsubscribe" (network_secrets; 32 random bytes, made when the
// first e-mail needs it). Ids alone never unsubscribe anyone: without the MAC a token is refused.

#include <cstdint>
#include <string>
#include <string_view>

#include "covalue/core/result.hpp"
#include "covalue/program/preferences.hpp"

namespace covalue::program::detail {

//! The name of the network secret that signs unsubscribe tokens.
inline constexpr const char* kUnsubscribeSecret = "unsubscribe";

//! A fresh secret: 64 random hex digits.
[[nodiscard]] std::string new_network_secret();

//! The token of (`network`, `person`, `kind`) signed with `secret`.
[[nodiscard]] std::string sign_unsubscribe(const std::string& secret, std::int64_t network, PersonId person,
                                           EventKind kind);

//! The target of a token shaped as sign_unsubscribe makes them (its MAC not checked yet); kInvalidInput naming
//! "token" otherwise.
[[nodiscard]] core::Result<UnsubscribeTarget> parse_unsubscribe(std::string_view token);

//! Whether `token` carries the MAC `secret` gives its target (compared in constant time).
[[nodiscard]] bool unsubscribe_signed(const std::string& secret, std::string_view token,
                                      const UnsubscribeTarget& target);

}  // namespace covalue::program::detail
