// The SMTP mailer against a real SMTP server (aiosmtpd) on a loopback port: what arrives, how it decodes,
// authentication, STARTTLS, and how failures map to retry or permanent.

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "covalue/adapters/delivery/smtp_mailer.hpp"
#include "delivery_harness.hpp"

namespace covalue::adapters::delivery {
namespace {

using program::DeliveryOutcome;
using program::EventKind;
using program::MailEnvelope;
using program::Notification;
using testing::SmtpSink;
using testing::TempDir;

Notification sample_notification() {
  Notification message;
  message.kind = EventKind::kVotingClosesSoon;
  message.network = "Fresh Chain";
  message.subject = "Voting on cycle 4 closes in 6 hours";
  message.paragraphs = {"UrbanMart has not voted yet.", "Cast the ballot before the deadline."};
  message.facts = {{"Voting closes", "10 Dec 17:00 UTC"}, {"Initiatives", "7"}};
  message.link = "https://covalue.example/cycles/4";
  message.occurred_at = "2026-12-10T11:00:00Z";
  return message;
}

MailEnvelope sample_envelope() {
  return {"ignored@example.com",
          "ana@urbanmart.example",
          "Ana Nowak",
          "<e17.r3.mail@covalue>",
          "https://covalue.example/unsubscribe?t=abc",
          "https://covalue.example/preferences"};
}

std::unique_ptr<program::Mailer> mailer_for(const std::string& url, SmtpConfig config = {}) {
  config.url = url;
  if (config.from.empty()) {
    config.from = "covalue@fresh.example";
  }
  auto made = make_smtp_mailer(config);
  if (!made.ok()) {
    throw std::runtime_error(made.error().to_string());
  }
  return std::move(made).value();
}

bool all_ascii(const std::string& bytes) {
  for (const char ch : bytes) {
    if (static_cast<unsigned char>(ch) > 0x7f) {
      return false;
    }
  }
  return true;
}

TEST(SmtpMailer, DeliversBothPartsWithTheHeadersOfTheEnvelope) {
  const SmtpSink sink;
  const auto mailer = mailer_for(sink.url());
  const auto report = mailer->send(sample_envelope(), sample_notification());
  ASSERT_EQ(report.outcome, DeliveryOutcome::kDelivered) << report.detail;
  ASSERT_EQ(sink.messages().size(), 1U);
  const auto envelope = SmtpSink::envelope(sink.messages()[0]);
  EXPECT_EQ(envelope["mail_from"], "covalue@fresh.example");
  EXPECT_EQ(envelope["rcpt_tos"], nlohmann::json::array({"ana@urbanmart.example"}));
  const auto mail = SmtpSink::parse(sink.messages()[0]);
  ASSERT_TRUE(mail.is_object());
  EXPECT_EQ(mail["content_type"], "multipart/alternative");
  EXPECT_EQ(mail["defects"], nlohmann::json::array());
  EXPECT_FALSE(mail["bare_lf"].get<bool>());
  EXPECT_LE(mail["longest_line"].get<int>(), 78);
  const auto& headers = mail["headers"];
  EXPECT_EQ(headers["Message-ID"], "<e17.r3.mail@covalue>");
  EXPECT_EQ(headers["Subject"], "Voting on cycle 4 closes in 6 hours");
  EXPECT_EQ(headers["From"], "Fresh Chain <covalue@fresh.example>");
  EXPECT_EQ(headers["To"], "Ana Nowak <ana@urbanmart.example>");
  EXPECT_EQ(headers["List-Unsubscribe"], "<https://covalue.example/unsubscribe?t=abc>");
  EXPECT_EQ(headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click");
  EXPECT_EQ(headers["X-Covalue-Event"], "voting_closes_soon");
  EXPECT_TRUE(headers.contains("Date"));
  const std::string text = mail["parts"]["text/plain"];
  const std::string html = mail["parts"]["text/html"];
  for (const std::string& part : {text, html}) {
    EXPECT_NE(part.find("UrbanMart has not voted yet."), std::string::npos) << part;
    EXPECT_NE(part.find("10 Dec 17:00 UTC"), std::string::npos) << part;
  }
  EXPECT_NE(text.find("https://covalue.example/cycles/4"), std::string::npos);
  EXPECT_NE(html.find("href=\"https://covalue.example/cycles/4\""), std::string::npos);
}

TEST(SmtpMailer, NoUnsubscribeHeadersWithoutAnUnsubscribeUrl) {
  const SmtpSink sink;
  MailEnvelope envelope = sample_envelope();
  envelope.unsubscribe_url.clear();
  ASSERT_EQ(mailer_for(sink.url())->send(envelope, sample_notification()).outcome, DeliveryOutcome::kDelivered);
  const auto mail = SmtpSink::parse(sink.messages().at(0));
  EXPECT_FALSE(mail["headers"].contains("List-Unsubscribe"));
  EXPECT_FALSE(mail["headers"].contains("List-Unsubscribe-Post"));
}

TEST(SmtpMailer, TheMessageIdIsTheSameOnEverySendOverOneConnection) {
  const SmtpSink sink;
  const auto mailer = mailer_for(sink.url());
  for (int attempt = 0; attempt < 2; ++attempt) {
    ASSERT_EQ(mailer->send(sample_envelope(), sample_notification()).outcome, DeliveryOutcome::kDelivered);
  }
  MailEnvelope other = sample_envelope();
  other.message_id = "<e18.r3.mail@covalue>";
  ASSERT_EQ(mailer->send(other, sample_notification()).outcome, DeliveryOutcome::kDelivered);
  const auto messages = sink.messages();
  ASSERT_EQ(messages.size(), 3U);
  // One connection carried all three (libcurl keeps it open in the mailer's handle).
  EXPECT_EQ(SmtpSink::envelope(messages[0])["client_port"], SmtpSink::envelope(messages[2])["client_port"]);
  EXPECT_EQ(SmtpSink::parse(messages[0])["headers"]["Message-ID"], "<e17.r3.mail@covalue>");
  EXPECT_EQ(SmtpSink::parse(messages[1])["headers"]["Message-ID"], "<e17.r3.mail@covalue>");
  EXPECT_EQ(SmtpSink::parse(messages[2])["headers"]["Message-ID"], "<e18.r3.mail@covalue>");
}

TEST(SmtpMailer, NonAsciiSubjectAndNamesDecode) {
  const SmtpSink sink;
  Notification message = sample_notification();
  message.network = "Łańcuch Dostaw «Nord»";
  message.subject = "Głosowanie w cyklu 4 kończy się za 6 godzin — oddaj głos, zanim minie termin 🗳 (ważne)";
  message.paragraphs = {"Zażółć gęślą jaźń."};
  MailEnvelope envelope = sample_envelope();
  envelope.to_name = "Zoë Łukasiewicz-Wróblewska";
  ASSERT_EQ(mailer_for(sink.url())->send(envelope, message).outcome, DeliveryOutcome::kDelivered);
  const auto path = sink.messages().at(0);
  EXPECT_TRUE(all_ascii(testing::read_file(path)));
  const auto mail = SmtpSink::parse(path);
  EXPECT_EQ(mail["headers"]["Subject"], message.subject);
  EXPECT_EQ(mail["headers"]["To"], "Zoë Łukasiewicz-Wróblewska <ana@urbanmart.example>");
  EXPECT_EQ(mail["headers"]["From"], "Łańcuch Dostaw «Nord» <covalue@fresh.example>");
  EXPECT_NE(mail["parts"]["text/plain"].get<std::string>().find("Zażółć gęślą jaźń."), std::string::npos);
  EXPECT_NE(mail["parts"]["text/html"].get<std::string>().find("Zażółć gęślą jaźń."), std::string::npos);
  EXPECT_EQ(mail["defects"], nlohmann::json::array());
  EXPECT_LE(mail["longest_line"].get<int>(), 78);
}

TEST(SmtpMailer, HtmlEscapesUserText) {
  const SmtpSink sink;
  Notification message = sample_notification();
  message.paragraphs = {"Proposal <script>alert('x')</script> & \"friends\""};
  message.facts = {{"<b>Lead</b>", "<img src=x onerror=alert(1)>"}};
  message.link = "javascript:alert(1)";
  ASSERT_EQ(mailer_for(sink.url())->send(sample_envelope(), message).outcome, DeliveryOutcome::kDelivered);
  const auto mail = SmtpSink::parse(sink.messages().at(0));
  const std::string html = mail["parts"]["text/html"];
  EXPECT_EQ(html.find("<script>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<img"), std::string::npos) << html;
  EXPECT_EQ(html.find("<b>"), std::string::npos) << html;
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;friends&quot;"), std::string::npos)
      << html;
  const std::string text = mail["parts"]["text/plain"];
  EXPECT_NE(text.find("Proposal <script>alert('x')</script> & \"friends\""), std::string::npos) << text;
}

TEST(SmtpMailer, LineBreaksInUserTextCannotAddHeadersOrRecipients) {
  const SmtpSink sink;
  Notification message = sample_notification();
  message.subject = "Hello\r\nBcc: victim@example.com\r\n\r\nforged body";
  message.network = "Net\nX-Injected: yes";
  MailEnvelope envelope = sample_envelope();
  envelope.to_name = "Eve\r\nCc: other@example.com";
  ASSERT_EQ(mailer_for(sink.url())->send(envelope, message).outcome, DeliveryOutcome::kDelivered);
  const auto path = sink.messages().at(0);
  EXPECT_EQ(SmtpSink::envelope(path)["rcpt_tos"], nlohmann::json::array({"ana@urbanmart.example"}));
  const auto headers = SmtpSink::parse(path)["headers"];
  EXPECT_FALSE(headers.contains("Bcc"));
  EXPECT_FALSE(headers.contains("Cc"));
  EXPECT_FALSE(headers.contains("X-Injected"));
  EXPECT_EQ(headers["Subject"], "Hello  Bcc: victim@example.com    forged body");
}

TEST(SmtpMailer, MalformedAddressesAreRefusedWithoutSending) {
  const SmtpSink sink;
  const auto mailer = mailer_for(sink.url());
  for (const std::string& to : {std::string("ana@urbanmart.example>\r\nRCPT TO:<x@y.z"), std::string("no-at-sign"),
                                std::string("a@b@c"), std::string()}) {
    MailEnvelope envelope = sample_envelope();
    envelope.to = to;
    const auto report = mailer->send(envelope, sample_notification());
    EXPECT_EQ(report.outcome, DeliveryOutcome::kPermanent) << to;
    EXPECT_NE(report.detail.find("to: not an e-mail address"), std::string::npos) << report.detail;
  }
  MailEnvelope envelope = sample_envelope();
  envelope.message_id = "<x@y>\r\nBcc: z@w";
  EXPECT_EQ(mailer->send(envelope, sample_notification()).outcome, DeliveryOutcome::kPermanent);
  EXPECT_TRUE(sink.messages().empty());
}

TEST(SmtpMailer, LongParagraphsStayWithinLineLimitsAndDecodeIntact) {
  const SmtpSink sink;
  Notification message = sample_notification();
  std::string long_word(5000, 'x');
  std::string long_prose;
  for (int i = 0; i < 400; ++i) {
    long_prose += "żółw " + std::to_string(i) + " . ";
  }
  message.paragraphs = {long_word, long_prose, ".leading dot", "trailing blanks   "};
  message.subject = std::string(300, 'S');
  ASSERT_EQ(mailer_for(sink.url())->send(sample_envelope(), message).outcome, DeliveryOutcome::kDelivered);
  const auto mail = SmtpSink::parse(sink.messages().at(0));
  EXPECT_LE(mail["longest_line"].get<int>(), 78);
  EXPECT_EQ(mail["headers"]["Subject"], message.subject);
  const std::string text = mail["parts"]["text/plain"];
  EXPECT_NE(text.find(long_word), std::string::npos);
  EXPECT_NE(text.find(long_prose), std::string::npos);
  EXPECT_NE(text.find("\n.leading dot\n"), std::string::npos);
  EXPECT_NE(text.find("trailing blanks   \n"), std::string::npos);
}

TEST(SmtpMailer, AuthenticatesWithUserAndPassword) {
  const SmtpSink sink({"--user", "relay", "--password", "s3cret pass"});
  SmtpConfig good;
  good.user = "relay";
  good.password = "s3cret pass";
  const auto report = mailer_for(sink.url(), good)->send(sample_envelope(), sample_notification());
  ASSERT_EQ(report.outcome, DeliveryOutcome::kDelivered) << report.detail;
  ASSERT_EQ(sink.messages().size(), 1U);
  EXPECT_EQ(SmtpSink::envelope(sink.messages()[0])["login"], "relay");

  SmtpConfig wrong = good;
  wrong.password = "guess";
  const auto refused = mailer_for(sink.url(), wrong)->send(sample_envelope(), sample_notification());
  EXPECT_EQ(refused.outcome, DeliveryOutcome::kRetry) << refused.detail;
  EXPECT_NE(refused.detail.find("535"), std::string::npos) << refused.detail;
  const auto anonymous = mailer_for(sink.url())->send(sample_envelope(), sample_notification());
  EXPECT_EQ(anonymous.outcome, DeliveryOutcome::kRetry) << anonymous.detail;
  EXPECT_NE(anonymous.detail.find("530"), std::string::npos) << anonymous.detail;
  EXPECT_EQ(sink.messages().size(), 1U);
}

TEST(SmtpMailer, AnUnreachableServerIsRetriedQuickly) {
  const int port = testing::closed_port();
  const auto mailer = mailer_for("smtp://127.0.0.1:" + std::to_string(port));
  const auto start = std::chrono::steady_clock::now();
  const auto report = mailer->send(sample_envelope(), sample_notification());
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(report.outcome, DeliveryOutcome::kRetry);
  EXPECT_NE(report.detail.find("127.0.0.1:" + std::to_string(port)), std::string::npos) << report.detail;
  EXPECT_LT(took, std::chrono::seconds(2));
}

TEST(SmtpMailer, A5xxReplyIsPermanentA4xxIsRetriedAndTheNextMessageStillGoes) {
  const SmtpSink sink;
  const auto mailer = mailer_for(sink.url());
  MailEnvelope rejected = sample_envelope();
  rejected.to = "reject-me@urbanmart.example";
  const auto permanent = mailer->send(rejected, sample_notification());
  EXPECT_EQ(permanent.outcome, DeliveryOutcome::kPermanent) << permanent.detail;
  EXPECT_NE(permanent.detail.find("SMTP 550 from 127.0.0.1:" + std::to_string(sink.port())), std::string::npos)
      << permanent.detail;
  EXPECT_NE(permanent.detail.find("mailbox unavailable"), std::string::npos) << permanent.detail;
  MailEnvelope deferred = sample_envelope();
  deferred.to = "later@urbanmart.example";
  const auto retry = mailer->send(deferred, sample_notification());
  EXPECT_EQ(retry.outcome, DeliveryOutcome::kRetry) << retry.detail;
  EXPECT_NE(retry.detail.find("SMTP 451"), std::string::npos) << retry.detail;
  const auto after = mailer->send(sample_envelope(), sample_notification());
  EXPECT_EQ(after.outcome, DeliveryOutcome::kDelivered) << after.detail;
  EXPECT_EQ(sink.messages().size(), 1U);
}

TEST(SmtpMailer, ThreadsShareOneMailer) {
  const SmtpSink sink;
  const auto mailer = mailer_for(sink.url());
  std::vector<std::thread> threads;
  std::vector<int> delivered(4, 0);
  for (std::size_t t = 0; t < delivered.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        MailEnvelope envelope = sample_envelope();
        envelope.message_id = "<t" + std::to_string(t) + "." + std::to_string(i) + "@covalue>";
        delivered[t] += mailer->send(envelope, sample_notification()).outcome == DeliveryOutcome::kDelivered ? 1 : 0;
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(delivered, std::vector<int>(4, 10));
  EXPECT_EQ(sink.messages().size(), 40U);
}

//! A throw-away self-signed certificate for 127.0.0.1 (openssl), in `dir`: cert.pem and key.pem.
bool make_certificate(const TempDir& dir) {
  const std::string command =
      "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
      "-addext subjectAltName=IP:127.0.0.1 -keyout " +
      dir.file("key.pem") + " -out " + dir.file("cert.pem") + " >/dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

TEST(SmtpMailer, StartTlsWithAuthentication) {
  const TempDir certs("covalue-tls-");
  ASSERT_TRUE(make_certificate(certs));
  const SmtpSink sink({"--tls-cert", certs.file("cert.pem"), "--tls-key", certs.file("key.pem"), "--user", "relay",
                       "--password", "pw"});
  SmtpConfig config;
  config.require_tls = true;
  config.ca_file = certs.file("cert.pem");
  config.user = "relay";
  config.password = "pw";
  const auto report = mailer_for(sink.url(), config)->send(sample_envelope(), sample_notification());
  ASSERT_EQ(report.outcome, DeliveryOutcome::kDelivered) << report.detail;
  EXPECT_EQ(SmtpSink::envelope(sink.messages().at(0))["login"], "relay");

  config.require_tls = false;  // offered: used, so the sink (which requires it) accepts
  EXPECT_EQ(mailer_for(sink.url(), config)->send(sample_envelope(), sample_notification()).outcome,
            DeliveryOutcome::kDelivered);

  SmtpConfig untrusted = config;  // the system's CAs do not know the throw-away certificate
  untrusted.ca_file.clear();
  const auto refused = mailer_for(sink.url(), untrusted)->send(sample_envelope(), sample_notification());
  EXPECT_EQ(refused.outcome, DeliveryOutcome::kRetry) << refused.detail;
  EXPECT_EQ(sink.messages().size(), 2U);
}

TEST(SmtpMailer, RequiredTlsIsNeverDowngraded) {
  const SmtpSink sink;  // offers no STARTTLS
  SmtpConfig config;
  config.require_tls = true;
  const auto report = mailer_for(sink.url(), config)->send(sample_envelope(), sample_notification());
  EXPECT_EQ(report.outcome, DeliveryOutcome::kRetry) << report.detail;
  EXPECT_TRUE(sink.messages().empty());
}

//! The error validate_smtp_config gives for `url` (after `change` to the rest of a good configuration), or "ok".
std::string config_error(const std::string& url, const std::function<void(SmtpConfig&)>& change = {}) {
  SmtpConfig config;
  config.url = url;
  config.from = "covalue@fresh.example";
  if (change) {
    change(config);
  }
  const core::Status status = validate_smtp_config(config);
  return status.ok() ? std::string("ok") : status.error().to_string();
}

TEST(SmtpConfigCheck, NamesWhatIsWrong) {
  EXPECT_EQ(config_error("smtp://mail.example:587"), "ok");
  EXPECT_EQ(config_error("smtps://[::1]:465"), "ok");
  EXPECT_NE(config_error("http://mail.example:25").find("smtp: the scheme must be smtp or smtps"), std::string::npos);
  EXPECT_NE(config_error("smtp://mail.example").find("smtp: no port"), std::string::npos);
  EXPECT_NE(config_error("smtp://mail.example:70000").find("smtp: not a URL"), std::string::npos);
  EXPECT_NE(config_error("mail.example:25").find("smtp: "), std::string::npos);
  EXPECT_NE(config_error("smtp://user:pw@mail.example:25").find("credentials do not belong in the URL"),
            std::string::npos);
  EXPECT_NE(config_error("smtp://mail.example:25/x?y").find("a path, query or fragment"), std::string::npos);
  EXPECT_NE(
      config_error("smtp://mail.example:25", [](SmtpConfig& c) { c.from = "not an address"; }).find("mail-from: "),
      std::string::npos);
  EXPECT_NE(config_error("smtp://mail.example:25", [](SmtpConfig& c) { c.password = "pw"; }).find("without a user"),
            std::string::npos);
  EXPECT_NE(config_error("smtp://mail.example:25", [](SmtpConfig& c) { c.connect_timeout_ms = 0; }).find("positive"),
            std::string::npos);
  SmtpConfig bad;
  bad.url = "ftp://x:1";
  bad.from = "a@b.c";
  EXPECT_FALSE(make_smtp_mailer(bad).ok());
}

}  // namespace
}  // namespace covalue::adapters::delivery
