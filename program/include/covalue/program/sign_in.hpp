#pragma once

// Signing in as people: a password (Argon2id, libsodium's crypto_pwhash_str) set through a one-time
// set-password link, and a browser session opened with it. Secrets (passwords, session and link secrets)
// are never stored: sessions and links are kept under the BLAKE2b hash of their secret, passwords as
// Argon2id strings.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "covalue/core/result.hpp"
#include "covalue/core/settings.hpp"
#include "covalue/program/access.hpp"
#include "covalue/program/person.hpp"

namespace covalue::program {

//! The shortest and longest password accepted, in bytes of UTF-8.
inline constexpr std::size_t kMinPasswordBytes = 12;
inline constexpr std::size_t kMaxPasswordBytes = 256;

//! How long sessions and set-password links last (the settings table's session.* rows).
struct SignInSettings {
  //! A session ends after this long without a request.
  std::int64_t idle_seconds{core::settings::integer_default("session.idle_seconds")};
  //! A session ends this long after it was opened, however busy.
  std::int64_t lifetime_seconds{core::settings::integer_default("session.lifetime_seconds")};
  //! A set-password link works this long after it was made.
  std::int64_t link_seconds{core::settings::integer_default("session.link_seconds")};

  bool operator==(const SignInSettings&) const = default;
};

//! A browser session of a person: kept under the hash of its secret (the cookie's value).
struct WebSession {
  std::int64_t id{0};
  PersonId person{0};
  std::string secret_hash;   //!< hex BLAKE2b-256 of the secret
  std::string created_at;    //!< ISO 8601 UTC
  std::string last_seen_at;  //!< the last request it authenticated, to a minute
  std::string expires_at;    //!< created_at + the lifetime: it ends then at the latest
  bool revoked{false};

  bool operator==(const WebSession&) const = default;
};

//! A one-time link that lets a person set (or reset) its password: kept under the hash of its secret.
struct PasswordLink {
  std::int64_t id{0};
  PersonId person{0};
  std::string secret_hash;  //!< hex BLAKE2b-256 of the secret
  std::string created_at;   //!< ISO 8601 UTC
  std::string expires_at;   //!< it works until then
  bool used{false};         //!< used, or replaced by a newer link

  bool operator==(const PasswordLink&) const = default;
};

//! A session just opened: its secret (the cookie's value) exists here only.
struct OpenedSession {
  WebSession session;
  std::string secret;  //!< "cvs_" + 64 hex digits
  Person person;
};

//! A set-password link just made: its secret exists here only.
struct IssuedPasswordLink {
  PasswordLink link;
  std::string secret;  //!< "cvp_" + 64 hex digits
  //! The web UI's page that uses it: "/set-password#cvp_..." (the secret in the fragment never reaches a server's
  //! logs or a Referer header).
  [[nodiscard]] std::string path() const { return "/set-password#" + secret; }
};

//! kInvalidInput naming `where` unless `password` is between kMinPasswordBytes and kMaxPasswordBytes long.
//! The message never quotes the password.
[[nodiscard]] core::Status check_password(std::string_view password, const std::string& where);

//! The Argon2id string of `password` (libsodium's crypto_pwhash_str with the interactive limits: 2 passes
//! over 64 MiB), salted afresh; kInternal when the memory cannot be had.
[[nodiscard]] core::Result<std::string> hash_password(std::string_view password);

//! True when `password` matches `stored` (an Argon2id string from hash_password); false for anything else.
[[nodiscard]] bool verify_password(const std::string& stored, std::string_view password);

//! Spends the time of one verification against no one's password, so that an unknown e-mail address
//! answers as slowly as a wrong password.
void verify_no_password(std::string_view password);

//! A fresh random secret of a session ("cvs_...") or of a set-password link ("cvp_...").
[[nodiscard]] std::string new_session_secret();
[[nodiscard]] std::string new_password_link_secret();

//! True when `secret` has the shape of a session's ("cvs_" + 64 hex digits) or a link's ("cvp_" + ...).
[[nodiscard]] bool is_session_secret(std::string_view secret);
[[nodiscard]] bool is_password_link_secret(std::string_view secret);

//! `time` (ISO 8601 UTC as Clock::now() writes it) plus `seconds`, written the same way; nothing when
//! `time` is not such a time.
[[nodiscard]] std::optional<std::string> add_seconds(std::string_view time, std::int64_t seconds);

}  // namespace covalue::program
