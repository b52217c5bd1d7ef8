#pragma once

// A Notification as a webhook's POST body, in covalue's own JSON or the shapes Slack's and Microsoft Teams'
// incoming webhooks accept, and the body's signature.

#include <string>
#include <string_view>

#include "covalue/program/notification.hpp"

namespace covalue::adapters::delivery {

//! The body (UTF-8 JSON; text that is not UTF-8 gets U+FFFD) in `format`:
//! - json: {"delivery", "kind", "network", "subject", "paragraphs", "facts": [{"label", "value"}], "link",
//!   "occurred_at"};
//! - slack: {"text": the subject (the notification's fallback), "blocks": a header, a section per paragraph,
//!   the facts as section fields and a button linking back}, text escaped for Slack's mrkdwn and cut to its
//!   limits;
//! - teams: {"type": "message", "attachments": [an Adaptive Card 1.2 with the subject, paragraphs, a FactSet
//!   and an Action.OpenUrl linking back]}.
//! The link back is a button only when it is an absolute http(s) URL; a path is shown as text.
[[nodiscard]] std::string render_webhook_body(program::WebhookFormat format, std::string_view delivery_key,
                                              const program::Notification& message);

//! X-Covalue-Signature's value: "sha256=" and the lowercase hex HMAC-SHA256 of `body` keyed with `secret`.
[[nodiscard]] std::string webhook_signature(std::string_view secret, std::string_view body);

}  // namespace covalue::adapters::delivery
