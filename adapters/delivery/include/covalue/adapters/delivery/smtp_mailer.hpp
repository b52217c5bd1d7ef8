#pragma once

// The e-mail port over SMTP with libcurl: `covalue serve --smtp smtp://HOST:PORT --mail-from ADDRESS
// [--smtp-user U --smtp-password-file F]`.

#include <memory>
#include <string>

#include "covalue/core/result.hpp"
#include "covalue/program/notification.hpp"

namespace covalue::adapters::delivery {

//! Where and how to send e-mail.
struct SmtpConfig {
  std::string url;                //!< smtp://HOST:PORT (STARTTLS per require_tls) or smtps://HOST:PORT (implicit TLS)
  std::string from;               //!< the sender address of every message (MAIL FROM and the From header)
  std::string user;               //!< SMTP AUTH user; empty: no authentication
  std::string password;           //!< SMTP AUTH password (from `--smtp-password-file`)
  bool require_tls{false};        //!< smtp://: STARTTLS or no delivery (retried); false: when the server offers it
  std::string ca_file;            //!< PEM file of the CAs to trust; empty: the system's
  long connect_timeout_ms{5000};  //!< to open the connection
  long timeout_ms{30000};         //!< for one whole message
};

//! Checks a configuration: the URL's scheme (smtp or smtps), host and port, no credentials or path in the
//! URL, the from address, positive timeouts, a password only with a user. kInvalidInput naming the field.
[[nodiscard]] core::Status validate_smtp_config(const SmtpConfig& config);

//! A Mailer sending through the configured server (after validate_smtp_config). Safe to share between
//! threads: each concurrent send uses its own libcurl handle and an idle handle keeps its connection open
//! for the next message. Outcomes: delivered on a 250 to the data; kRetry when the server cannot be reached
//! or times out, answers 4xx, refuses the login or TLS; kPermanent on a 5xx reply (the recipient or the
//! message refused) or a malformed address. The detail names the server and its reply.
[[nodiscard]] core::Result<std::unique_ptr<program::Mailer>> make_smtp_mailer(const SmtpConfig& config);

}  // namespace covalue::adapters::delivery
