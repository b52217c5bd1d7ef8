#pragma once

// The e-mail settings of `covalue serve` (the settings table's mail.* rows) made into the SMTP mailer.

#include <memory>
#include <string>

#include "covalue/core/result.hpp"
#include "covalue/program/notification.hpp"

namespace covalue::cli {

//! `covalue serve --smtp URL --mail-from ADDRESS [--smtp-user U --smtp-password-file F] [--smtp-require-tls]`.
struct MailArgs {
  std::string smtp;
  std::string from;
  std::string user;
  std::string password_file;
  bool require_tls{false};
};

//! The mailer the server sends e-mail through; null without --smtp. An error naming the flag for a bad URL,
//! a missing or malformed --mail-from, a password file that cannot be read or is empty, or a user without a
//! password file (or the reverse).
[[nodiscard]] core::Result<std::unique_ptr<program::Mailer>> open_mailer(const MailArgs& args);

//! The address e-mail links start with: `public_url` (--public-url) without a trailing slash, an error naming
//! --public-url when it is not an http(s) URL; when it is empty, http://LISTEN for a --listen with a host and a
//! port other than 0.0.0.0, [::] or port 0; else empty (paths, and no unsubscribe link).
[[nodiscard]] core::Result<std::string> public_url_of(std::string public_url, const std::string& listen);

}  // namespace covalue::cli
