// The webhook poster against a real HTTP receiver (http.server) on a loopback port: the signature verifies,
// the headers are there, Slack's and Teams' shapes have their required fields, failures map to retry or
// permanent.

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "covalue/adapters/delivery/webhook_body.hpp"
#include "covalue/adapters/delivery/webhook_poster.hpp"
#include "delivery_harness.hpp"

namespace covalue::adapters::delivery {
namespace {

using nlohmann::json;
using program::DeliveryOutcome;
using program::EventKind;
using program::Notification;
using program::WebhookFormat;
using program::WebhookTarget;
using testing::WebhookReceiver;

Notification sample_webhook_notification() {
  Notification message;
  message.kind = EventKind::kCycleClosed;
  message.network = "Fresh Chain";
  message.subject = "Cycle 4 closed: 3 initiatives selected";
  message.paragraphs = {"UrbanMart gains 12.5 this cycle.", "<!channel> & <https://evil.example|click>"};
  message.facts = {{"Your net value", "12.5"}, {"Your transfer", "-2"}, {"Leads", "Shared cross-dock"}};
  message.link = "https://covalue.example/cycles/4";
  message.occurred_at = "2026-12-10T17:00:00Z";
  return message;
}

//! HMAC-SHA256 of a file's bytes, computed by Python's hmac module (independent of the adapter's libsodium).
std::string python_hmac(const std::string& secret, const std::filesystem::path& file) {
  const std::string script =
      "import hmac,hashlib,sys; print('sha256=' + hmac.new(sys.argv[1].encode(), "
      "open(sys.argv[2],'rb').read(), hashlib.sha256).hexdigest(), end='')";
  return testing::command_output(testing::kSystemPython + " -c \"" + script + "\" '" + secret + "' " + file.string());
}

TEST(WebhookPoster, TheSignatureVerifiesAndTheHeadersArePresent) {
  const WebhookReceiver receiver;
  const auto poster = make_webhook_poster();
  const WebhookTarget target{receiver.url(), "whsec-Ż-42", WebhookFormat::kJson};
  const auto report = poster->post(target, "e17.p3.webhook9", sample_webhook_notification());
  ASSERT_EQ(report.outcome, DeliveryOutcome::kDelivered) << report.detail;
  const auto requests = receiver.requests();
  ASSERT_EQ(requests.size(), 1U);
  const auto& request = requests[0];
  EXPECT_EQ(request.path, "/hook");
  EXPECT_EQ(request.header("Content-Type"), "application/json");
  EXPECT_EQ(request.header("X-Covalue-Event"), "cycle_closed");
  EXPECT_EQ(request.header("X-Covalue-Delivery"), "e17.p3.webhook9");
  const std::string signature = request.header("X-Covalue-Signature");
  EXPECT_EQ(signature, python_hmac("whsec-Ż-42", request.body_file));
  EXPECT_NE(signature, python_hmac("another secret", request.body_file));
  EXPECT_EQ(signature.size(), 7U + 64U);
  EXPECT_EQ(signature, webhook_signature("whsec-Ż-42", request.body));
  const json body = json::parse(request.body);
  EXPECT_EQ(body["delivery"], "e17.p3.webhook9");
  EXPECT_EQ(body["kind"], "cycle_closed");
  EXPECT_EQ(body["network"], "Fresh Chain");
  EXPECT_EQ(body["subject"], "Cycle 4 closed: 3 initiatives selected");
  EXPECT_EQ(body["paragraphs"].size(), 2U);
  EXPECT_EQ(body["facts"][0], json({{"label", "Your net value"}, {"value", "12.5"}}));
  EXPECT_EQ(body["link"], "https://covalue.example/cycles/4");
  EXPECT_EQ(body["occurred_at"], "2026-12-10T17:00:00Z");
}

TEST(WebhookPoster, SlackGetsTextAndBlocksWithALinkBack) {
  const WebhookReceiver receiver;
  const auto report =
      make_webhook_poster()->post({receiver.url(), "s", WebhookFormat::kSlack}, "k1", sample_webhook_notification());
  ASSERT_EQ(report.outcome, DeliveryOutcome::kDelivered) << report.detail;
  const auto request = receiver.requests().at(0);
  EXPECT_EQ(request.header("X-Covalue-Signature"), python_hmac("s", request.body_file));
  const json body = json::parse(request.body);
  ASSERT_TRUE(body["text"].is_string());
  EXPECT_NE(body["text"].get<std::string>().find("Cycle 4 closed"), std::string::npos);
  const json& blocks = body["blocks"];
  ASSERT_TRUE(blocks.is_array());
  EXPECT_EQ(blocks[0]["type"], "header");
  EXPECT_EQ(blocks[0]["text"]["type"], "plain_text");
  bool button = false;
  bool fields = false;
  for (const json& block : blocks) {
    ASSERT_TRUE(block["type"].is_string());
    if (block["type"] == "actions") {
      EXPECT_EQ(block["elements"][0]["type"], "button");
      EXPECT_EQ(block["elements"][0]["url"], "https://covalue.example/cycles/4");
      EXPECT_EQ(block["elements"][0]["text"]["type"], "plain_text");
      button = true;
    }
    if (block.contains("fields")) {
      EXPECT_EQ(block["fields"].size(), 3U);
      EXPECT_EQ(block["fields"][0]["type"], "mrkdwn");
      fields = true;
    }
    if (block["type"] == "section" && block.contains("text")) {
      const std::string text = block["text"]["text"];
      EXPECT_EQ(text.find("<!channel>"), std::string::npos) << text;  // user text cannot ping or link
      EXPECT_EQ(text.find("<https://"), std::string::npos) << text;
    }
  }
  EXPECT_TRUE(button);
  EXPECT_TRUE(fields);
}

TEST(WebhookPoster, TeamsGetsAnAdaptiveCardWithALinkBack) {
  const WebhookReceiver receiver;
  const auto report =
      make_webhook_poster()->post({receiver.url(), "t", WebhookFormat::kTeams}, "k2", sample_webhook_notification());
  ASSERT_EQ(report.outcome, DeliveryOutcome::kDelivered) << report.detail;
  const json body = json::parse(receiver.requests().at(0).body);
  EXPECT_EQ(body["type"], "message");
  ASSERT_EQ(body["attachments"].size(), 1U);
  const json& attachment = body["attachments"][0];
  EXPECT_EQ(attachment["contentType"], "application/vnd.microsoft.card.adaptive");
  EXPECT_TRUE(attachment.contains("contentUrl"));
  const json& card = attachment["content"];
  EXPECT_EQ(card["type"], "AdaptiveCard");
  EXPECT_EQ(card["version"], "1.2");
  ASSERT_TRUE(card["body"].is_array());
  EXPECT_EQ(card["body"][0]["type"], "TextBlock");
  EXPECT_EQ(card["body"][0]["text"], "Cycle 4 closed: 3 initiatives selected");
  bool fact_set = false;
  for (const json& element : card["body"]) {
    if (element["type"] == "FactSet") {
      EXPECT_EQ(element["facts"][1], json({{"title", "Your transfer"}, {"value", "-2"}}));
      fact_set = true;
    }
  }
  EXPECT_TRUE(fact_set);
  EXPECT_EQ(card["actions"][0]["type"], "Action.OpenUrl");
  EXPECT_EQ(card["actions"][0]["url"], "https://covalue.example/cycles/4");
}

TEST(WebhookPoster, ServerErrorsAndThrottlingAreRetriedOtherRefusalsArePermanent) {
  const WebhookReceiver receiver;
  const auto poster = make_webhook_poster();
  const auto outcome_of = [&](const std::string& path) {
    return poster->post({receiver.url(path), "s", WebhookFormat::kJson}, "k", sample_webhook_notification());
  };
  const auto server_error = outcome_of("/status/500");
  EXPECT_EQ(server_error.outcome, DeliveryOutcome::kRetry);
  EXPECT_NE(server_error.detail.find("HTTP 500 from 127.0.0.1:"), std::string::npos) << server_error.detail;
  EXPECT_NE(server_error.detail.find("refused by the test receiver"), std::string::npos) << server_error.detail;
  EXPECT_EQ(outcome_of("/status/503").outcome, DeliveryOutcome::kRetry);
  EXPECT_EQ(outcome_of("/status/429").outcome, DeliveryOutcome::kRetry);
  const auto gone = outcome_of("/status/410");
  EXPECT_EQ(gone.outcome, DeliveryOutcome::kPermanent);
  EXPECT_NE(gone.detail.find("HTTP 410"), std::string::npos) << gone.detail;
  EXPECT_EQ(outcome_of("/status/404").outcome, DeliveryOutcome::kPermanent);
  EXPECT_EQ(outcome_of("/status/204").outcome, DeliveryOutcome::kDelivered);
  EXPECT_EQ(outcome_of("/hook").outcome, DeliveryOutcome::kDelivered);
  EXPECT_EQ(receiver.requests().size(), 7U);
}

TEST(WebhookPoster, RedirectsAreNotFollowed) {
  const WebhookReceiver receiver;
  const auto report = make_webhook_poster()->post({receiver.url("/redirect"), "s", WebhookFormat::kJson}, "k",
                                                  sample_webhook_notification());
  EXPECT_EQ(report.outcome, DeliveryOutcome::kPermanent);
  EXPECT_NE(report.detail.find("HTTP 302"), std::string::npos) << report.detail;
  EXPECT_EQ(receiver.requests().size(), 1U);
}

TEST(WebhookPoster, AnUnreachableReceiverIsRetriedQuickly) {
  const int port = testing::closed_port();
  const auto start = std::chrono::steady_clock::now();
  const auto report =
      make_webhook_poster()->post({"http://127.0.0.1:" + std::to_string(port) + "/hook", "s", WebhookFormat::kJson},
                                  "k", sample_webhook_notification());
  EXPECT_EQ(report.outcome, DeliveryOutcome::kRetry);
  EXPECT_NE(report.detail.find("127.0.0.1:" + std::to_string(port)), std::string::npos) << report.detail;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(WebhookPoster, MalformedTargetsAndKeysArePermanentWithoutAPost) {
  const WebhookReceiver receiver;
  const auto poster = make_webhook_poster();
  for (const std::string& url :
       {std::string("ftp://127.0.0.1/x"), std::string("javascript:alert(1)"), std::string("http://"),
        std::string("http://user:pw@127.0.0.1:1/x"), receiver.url() + "\r\nX-Injected: 1"}) {
    const auto report = poster->post({url, "s", WebhookFormat::kJson}, "k", sample_webhook_notification());
    EXPECT_EQ(report.outcome, DeliveryOutcome::kPermanent) << url;
    EXPECT_NE(report.detail.find("url: "), std::string::npos) << report.detail;
  }
  const auto key =
      poster->post({receiver.url(), "s", WebhookFormat::kJson}, "k\r\nX-Injected: 1", sample_webhook_notification());
  EXPECT_EQ(key.outcome, DeliveryOutcome::kPermanent);
  EXPECT_TRUE(receiver.requests().empty());
  EXPECT_TRUE(validate_webhook_url("https://hooks.slack.com/services/T0/B0/x").ok());
}

TEST(WebhookBody, TextThatIsNotUtf8StillMakesValidJson) {
  Notification message = sample_webhook_notification();
  message.subject = "bad \xff\xfe bytes";
  message.paragraphs = {"\xc3"};
  for (const WebhookFormat format : {WebhookFormat::kJson, WebhookFormat::kSlack, WebhookFormat::kTeams}) {
    const json body = json::parse(render_webhook_body(format, "k", message), nullptr, false);
    EXPECT_FALSE(body.is_discarded()) << core::name_of(format);
  }
}

TEST(WebhookBody, SlackLimitsHold) {
  Notification message = sample_webhook_notification();
  message.subject = std::string(400, 'h');
  message.paragraphs = {std::string(5000, 'p')};
  message.facts.assign(14, {"label", "value"});
  message.link = "/cycles/4";  // a path: no button (Slack needs an absolute URL)
  const json body = json::parse(render_webhook_body(WebhookFormat::kSlack, "k", message));
  EXPECT_LE(body["blocks"][0]["text"]["text"].get<std::string>().size(), 150U);
  EXPECT_LE(body["blocks"][1]["text"]["text"].get<std::string>().size(), 3000U);
  EXPECT_EQ(body["blocks"][2]["fields"].size(), 10U);
  for (const json& block : body["blocks"]) {
    EXPECT_NE(block["type"], "actions");
  }
}

}  // namespace
}  // namespace covalue::adapters::delivery
