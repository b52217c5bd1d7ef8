#pragma once

// The webhook port over HTTP with libcurl.

#include <memory>
#include <string_view>

#include "covalue/core/result.hpp"
#include "covalue/program/notification.hpp"

namespace covalue::adapters::delivery {

//! How long a POST may take.
struct WebhookOptions {
  long connect_timeout_ms{5000};  //!< to open the connection (and TLS)
  long timeout_ms{15000};         //!< for the whole exchange
};

//! Checks a webhook's URL: http:// or https://, a host, no credentials, no blanks or control characters.
//! kInvalidInput naming the field "url".
[[nodiscard]] core::Status validate_webhook_url(std::string_view url);

//! A WebhookPoster: renders the body in the target's format, POSTs it as application/json with
//! X-Covalue-Event (the kind's name), X-Covalue-Delivery (the key) and X-Covalue-Signature (sha256=HEX of the
//! raw body with the target's secret). Redirects are never followed. Outcomes: delivered on 2xx; kRetry on
//! 408, 429, 5xx, a timeout or a connection that fails; kPermanent on a redirect, another 4xx, or a
//! malformed URL or key. Safe to share between threads; idle connections are kept for the next POST.
[[nodiscard]] std::unique_ptr<program::WebhookPoster> make_webhook_poster(const WebhookOptions& options = {});

}  // namespace covalue::adapters::delivery
