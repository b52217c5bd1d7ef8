#include "covalue/adapters/delivery/webhook_body.hpp"

#include <sodium.h>

#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "covalue/adapters/delivery/mime_text.hpp"
#include "covalue/core/enum_names.hpp"
#include "library_init.hpp"

namespace covalue::adapters::delivery {

namespace {

using nlohmann::json;

// Block Kit's limits: a header's text, a section's text, a field's text, fields per section.
constexpr std::size_t kSlackHeader = 150;
constexpr std::size_t kSlackSection = 3000;
constexpr std::size_t kSlackField = 2000;
constexpr std::size_t kSlackFields = 10;
constexpr std::size_t kSlackBlocks = 50;

//! At most `limit` bytes of `text`, not cut inside a UTF-8 sequence, with "…" when cut.
std::string cut(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) {
    return std::string(text);
  }
  std::size_t at = limit - 3;
  while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xc0U) == 0x80U) {
    --at;
  }
  return std::string(text.substr(0, at)) + "\xe2\x80\xa6";
}

//! Text for Slack's mrkdwn: &, < and > escaped, so user text cannot make links or mentions.
std::string slack_escape(std::string_view text) {
  std::string out;
  for (const char ch : text) {
    if (ch == '&') {
      out += "&amp;";
    } else if (ch == '<') {
      out += "&lt;";
    } else if (ch == '>') {
      out += "&gt;";
    } else {
      out += ch;
    }
  }
  return out;
}

json plain_text(std::string_view text) { return {{"type", "plain_text"}, {"text", std::string(text)}}; }
json mrkdwn(std::string_view text) { return {{"type", "mrkdwn"}, {"text", std::string(text)}}; }

json own_body(std::string_view key, const program::Notification& message) {
  json facts = json::array();
  for (const auto& [label, value] : message.facts) {
    facts.push_back({{"label", label}, {"value", value}});
  }
  return {{"delivery", std::string(key)}, {"kind", core::name_of(message.kind)}, {"network", message.network},
          {"subject", message.subject},   {"paragraphs", message.paragraphs},    {"facts", facts},
          {"link", message.link},         {"occurred_at", message.occurred_at}};
}

json slack_body(const program::Notification& message) {
  json blocks = json::array();
  blocks.push_back({{"type", "header"}, {"text", plain_text(cut(one_line(message.subject), kSlackHeader))}});
  for (const std::string& paragraph : message.paragraphs) {
    if (blocks.size() + 3 < kSlackBlocks && !paragraph.empty()) {
      blocks.push_back({{"type", "section"}, {"text", mrkdwn(cut(slack_escape(paragraph), kSlackSection))}});
    }
  }
  json fields = json::array();
  for (const auto& [label, value] : message.facts) {
    if (fields.size() < kSlackFields) {
      fields.push_back(mrkdwn(cut("*" + slack_escape(label) + "*\n" + slack_escape(value), kSlackField)));
    }
  }
  if (!fields.empty()) {
    blocks.push_back({{"type", "section"}, {"fields", fields}});
  }
  if (is_web_url(message.link)) {
    json button = {{"type", "button"}, {"text", plain_text("Open in covalue")}, {"url", message.link}};
    blocks.push_back({{"type", "actions"}, {"elements", json::array({button})}});
  } else if (!message.link.empty()) {
    blocks.push_back(
        {{"type", "context"}, {"elements", json::array({mrkdwn("In covalue: " + slack_escape(message.link))})}});
  }
  const std::string network = message.network.empty() ? std::string() : " (" + one_line(message.network) + ")";
  return {{"text", cut(slack_escape(one_line(message.subject) + network), kSlackSection)}, {"blocks", blocks}};
}

json teams_body(const program::Notification& message) {
  json body = json::array();
  body.push_back(
      {{"type", "TextBlock"}, {"text", message.subject}, {"size", "Large"}, {"weight", "Bolder"}, {"wrap", true}});
  if (!message.network.empty()) {
    body.push_back(
        {{"type", "TextBlock"}, {"text", message.network}, {"isSubtle", true}, {"spacing", "None"}, {"wrap", true}});
  }
  for (const std::string& paragraph : message.paragraphs) {
    body.push_back({{"type", "TextBlock"}, {"text", paragraph}, {"wrap", true}});
  }
  if (!message.facts.empty()) {
    json facts = json::array();
    for (const auto& [label, value] : message.facts) {
      facts.push_back({{"title", label}, {"value", value}});
    }
    body.push_back({{"type", "FactSet"}, {"facts", facts}});
  }
  json actions = json::array();
  if (is_web_url(message.link)) {
    actions.push_back({{"type", "Action.OpenUrl"}, {"title", "Open in covalue"}, {"url", message.link}});
  } else if (!message.link.empty()) {
    body.push_back({{"type", "TextBlock"}, {"text", "In covalue: " + message.link}, {"wrap", true}});
  }
  json card = {{"$schema", "http://adaptivecards.io/schemas/adaptive-card.json"},
               {"type", "AdaptiveCard"},
               {"version", "1.2"},
               {"body", body},
               {"actions", actions}};
  json attachment = {
      {"contentType", "application/vnd.microsoft.card.adaptive"}, {"contentUrl", nullptr}, {"content", card}};
  return {{"type", "message"}, {"attachments", json::array({attachment})}};
}

}  // namespace

std::string render_webhook_body(program::WebhookFormat format, std::string_view delivery_key,
                                const program::Notification& message) {
  json body;
  switch (format) {
    case program::WebhookFormat::kSlack:
      body = slack_body(message);
      break;
    case program::WebhookFormat::kTeams:
      body = teams_body(message);
      break;
    case program::WebhookFormat::kJson:
      body = own_body(delivery_key, message);
      break;
  }
  return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string webhook_signature(std::string_view secret, std::string_view body) {
  init_sodium();
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()), body.size());
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256_final(&state, mac.data());
  std::array<char, mac.size() * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
  return std::string("sha256=") + hex.data();
}

}  // namespace covalue::adapters::delivery
