// Notification preferences: the kinds people choose for, their defaults, and one-click unsubscribe tokens.
#include "covalue/program/preferences.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <charconv>

#include "crypto.hpp"
#include "unsubscribe_token.hpp"

namespace covalue::program {

std::vector<EventKind> preference_kinds() {
  std::vector<EventKind> kinds;
  for (const EventKind kind : core::all_of<EventKind>()) {
    if (kind != EventKind::kDigest) {
      kinds.push_back(kind);
    }
  }
  return kinds;
}

Cadence default_cadence(EventKind kind) {
  switch (kind) {
    case EventKind::kVotingOpened:
    case EventKind::kVotingClosesSoon:
    case EventKind::kDeadlineDue:
    case EventKind::kCycleClosed:
    case EventKind::kLeadNamed:
    case EventKind::kActualsDue:
    case EventKind::kDelegated:  // the proxy has until the close to cast the ballot
      return Cadence::kImmediately;
    default:
      return Cadence::kDaily;
  }
}

Cadence cadence_of(const std::vector<Preference>& chosen, PersonId person, EventKind kind) {
  const auto found = std::find_if(chosen.begin(), chosen.end(),
                                  [&](const Preference& p) { return p.person == person && p.kind == kind; });
  return found != chosen.end() ? found->cadence : default_cadence(kind);
}

namespace {

core::Error bad_token(const std::string& why) {
  return core::make_error(core::ErrorKind::kInvalidInput, "the unsubscribe token " + why, "token");
}

//! A positive decimal id of at most 18 digits.
bool parse_id(std::string_view text, std::int64_t& out) {
  if (text.empty() || text.size() > 18 || text.front() == '0') {
    return false;
  }
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size();
}

std::string mac_of(const std::string& secret, std::int64_t network, PersonId person, EventKind kind) {
  detail::ensure_sodium();
  const std::string message = "covalue-unsubscribe:" + std::to_string(network) + ":" + std::to_string(person) + ":" +
                              std::string(name_of(kind));
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
  crypto_auth_hmacsha256_final(&state, mac.data());
  return detail::to_hex(mac.data(), mac.size());
}

}  // namespace

core::Result<std::int64_t> unsubscribe_token_network(std::string_view token) {
  core::Result<UnsubscribeTarget> target = detail::parse_unsubscribe(token);
  if (!target) {
    return target.error();
  }
  return target->network;
}

namespace detail {

std::string new_network_secret() {
  ensure_sodium();
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return to_hex(bytes.data(), bytes.size());
}

std::string sign_unsubscribe(const std::string& secret, std::int64_t network, PersonId person, EventKind kind) {
  return std::to_string(network) + "." + std::to_string(person) + "." + std::string(name_of(kind)) + "." +
         mac_of(secret, network, person, kind);
}

core::Result<UnsubscribeTarget> parse_unsubscribe(std::string_view token) {
  if (token.empty()) {
    return bad_token("is missing: open the link of the e-mail as it came");
  }
  if (token.size() > 200) {
    return bad_token("is too long to be one");
  }
  std::array<std::string_view, 4> parts;
  std::size_t at = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::size_t end = i + 1 < parts.size() ? token.find('.', at) : token.size();
    if (end == std::string_view::npos) {
      return bad_token("is not shaped as NETWORK.PERSON.KIND.SIGNATURE");
    }
    parts.at(i) = token.substr(at, end - at);
    at = end + 1;
  }
  UnsubscribeTarget target;
  if (!parse_id(parts[0], target.network) || !parse_id(parts[1], target.person)) {
    return bad_token("does not name a network and a person");
  }
  core::Result<EventKind> kind = core::parse_name<EventKind>(parts[2]);
  if (!kind) {
    return bad_token("does not name a kind of event");
  }
  target.kind = *kind;
  if (parts[3].size() != std::size_t{2} * crypto_auth_hmacsha256_BYTES ||
      !std::all_of(parts[3].begin(), parts[3].end(),
                   [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); })) {
    return bad_token("has no signature");
  }
  return target;
}

bool unsubscribe_signed(const std::string& secret, std::string_view token, const UnsubscribeTarget& target) {
  const std::string expected = mac_of(secret, target.network, target.person, target.kind);
  const std::string_view given = token.substr(token.rfind('.') + 1);
  return given.size() == expected.size() && sodium_memcmp(given.data(), expected.data(), expected.size()) == 0;
}

}  // namespace detail
}  // namespace covalue::program
