#include "covalue/adapters/delivery/smtp_mailer.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "covalue/adapters/delivery/mail_message.hpp"
#include "covalue/adapters/delivery/mime_text.hpp"
#include "curl_pool.hpp"
#include "library_init.hpp"

namespace covalue::adapters::delivery {

namespace {

using core::ErrorKind;
using core::make_error;
using program::DeliveryOutcome;
using program::DeliveryReport;

//! The URL's parts, read by libcurl's own parser.
struct UrlParts {
  std::string scheme, host, port;
  bool has_credentials{false};
  bool has_path{false};
};

struct UrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};

std::string url_part(CURLU* url, CURLUPart which) {
  char* text = nullptr;
  if (curl_url_get(url, which, &text, 0) != CURLUE_OK || text == nullptr) {
    return {};
  }
  std::string out(text);
  curl_free(text);
  return out;
}

core::Result<UrlParts> parse_url(const std::string& text) {
  const std::unique_ptr<CURLU, UrlDeleter> url(curl_url());
  if (!url || curl_url_set(url.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK) {
    return make_error(ErrorKind::kInvalidInput, "not a URL: '" + one_line(text) + "' (smtp://HOST:PORT)", "smtp");
  }
  UrlParts parts{url_part(url.get(), CURLUPART_SCHEME), url_part(url.get(), CURLUPART_HOST),
                 url_part(url.get(), CURLUPART_PORT)};
  parts.has_credentials =
      !url_part(url.get(), CURLUPART_USER).empty() || !url_part(url.get(), CURLUPART_PASSWORD).empty();
  const std::string path = url_part(url.get(), CURLUPART_PATH);
  parts.has_path = (!path.empty() && path != "/") || !url_part(url.get(), CURLUPART_QUERY).empty() ||
                   !url_part(url.get(), CURLUPART_FRAGMENT).empty();
  return parts;
}

//! What one send collects from libcurl's callbacks: the message to upload and the server's replies.
struct Exchange {
  std::string_view data;
  std::vector<std::string> replies;  //!< the server's reply lines, each cut to 200 bytes

  //! The last reply line with code `code` (libcurl may QUIT after a refusal: "221 Bye" comes later).
  [[nodiscard]] std::string reply_with(long code) const {
    const std::string prefix = std::to_string(code);
    for (auto it = replies.rbegin(); it != replies.rend(); ++it) {
      if (it->starts_with(prefix)) {
        return *it;
      }
    }
    return replies.empty() ? std::string() : replies.back();
  }
};

std::size_t read_message(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* exchange = static_cast<Exchange*>(user);
  const std::size_t n = std::min(size * count, exchange->data.size());
  std::memcpy(buffer, exchange->data.data(), n);
  exchange->data.remove_prefix(n);
  return n;
}

//! libcurl hands every SMTP reply line to the header callback: keep them, trimmed and short.
std::size_t keep_reply(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* exchange = static_cast<Exchange*>(user);
  std::string line = one_line(std::string_view(buffer, size * count));
  while (!line.empty() && line.back() == ' ') {
    line.pop_back();
  }
  if (!line.empty() && exchange->replies.size() < 64) {
    exchange->replies.push_back(line.substr(0, 200));
  }
  return size * count;
}

//! The outcome of a failed transfer from libcurl's code and the server's last reply code: 5xx is permanent.
//! Refused logins and TLS (530 authentication required, 535 credentials refused, 538 encryption required) are
//! the deployment's configuration, not this message's: fixable, so retried.
DeliveryOutcome classify(CURLcode code, long reply) {
  if (code == CURLE_LOGIN_DENIED || code == CURLE_USE_SSL_FAILED || reply == 530 || reply == 535 || reply == 538) {
    return DeliveryOutcome::kRetry;
  }
  return reply >= 500 && reply < 600 ? DeliveryOutcome::kPermanent : DeliveryOutcome::kRetry;
}

class SmtpMailer final : public program::Mailer {
 public:
  SmtpMailer(SmtpConfig config, std::string server) : config_(std::move(config)), server_(std::move(server)) {}

  [[nodiscard]] DeliveryReport send(const program::MailEnvelope& envelope,
                                    const program::Notification& message) override {
    try {
      program::MailEnvelope with_from = envelope;
      with_from.from = config_.from;
      const core::Result<std::string> rendered =
          render_mail_message(with_from, message, rfc5322_date(std::chrono::system_clock::now()));
      if (!rendered.ok()) {
        return {DeliveryOutcome::kPermanent, "cannot send to " + server_ + ": " + rendered.error().to_string()};
      }
      return transfer(with_from, *rendered);
    } catch (const std::exception& error) {  // memory: never let it cross the port
      return {DeliveryOutcome::kRetry, std::string("cannot send to ") + server_ + ": " + error.what()};
    }
  }

 private:
  DeliveryReport transfer(const program::MailEnvelope& envelope, const std::string& data) {
    const CurlPool::Lease lease = pool_.borrow();
    CURL* curl = lease.get();
    if (curl == nullptr) {
      return {DeliveryOutcome::kRetry, "cannot send to " + server_ + ": libcurl could not make a handle"};
    }
    Exchange exchange{data, {}};
    const SlistPtr recipients(curl_slist_append(nullptr, ("<" + envelope.to + ">").c_str()));
    const std::string from = "<" + envelope.from + ">";
    std::array<char, CURL_ERROR_SIZE> error{};
    configure(curl, exchange, error.data());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients.get());
    const CURLcode code = curl_easy_perform(curl);
    long reply = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, nullptr);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
    if (code == CURLE_OK) {
      return {DeliveryOutcome::kDelivered, {}};
    }
    std::string detail = reply > 0
                             ? "SMTP " + std::to_string(reply) + " from " + server_ + ": " + exchange.reply_with(reply)
                             : "cannot send to " + server_;
    detail += " (" + curl_error_text(code, error.data()) + ")";
    return {classify(code, reply), detail};
  }

  void configure(CURL* curl, Exchange& exchange, char* error) const {
    curl_easy_setopt(curl, CURLOPT_URL, config_.url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_message);
    curl_easy_setopt(curl, CURLOPT_READDATA, &exchange);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, keep_reply);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &exchange);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, config_.connect_timeout_ms);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, config_.timeout_ms);
    curl_easy_setopt(curl, CURLOPT_USE_SSL, config_.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY);
    if (!config_.ca_file.empty()) {
      curl_easy_setopt(curl, CURLOPT_CAINFO, config_.ca_file.c_str());
    }
    if (!config_.user.empty()) {
      curl_easy_setopt(curl, CURLOPT_USERNAME, config_.user.c_str());
      curl_easy_setopt(curl, CURLOPT_PASSWORD, config_.password.c_str());
    }
  }

  SmtpConfig config_;
  std::string server_;  //!< "HOST:PORT", for details
  CurlPool pool_;
};

}  // namespace

core::Status validate_smtp_config(const SmtpConfig& config) {
  init_curl();
  const core::Result<UrlParts> parts = parse_url(config.url);
  if (!parts.ok()) {
    return parts.error();
  }
  if (parts->scheme != "smtp" && parts->scheme != "smtps") {
    return make_error(ErrorKind::kInvalidInput,
                      "the scheme must be smtp or smtps, not '" + one_line(parts->scheme) + "' in '" + config.url + "'",
                      "smtp");
  }
  if (parts->host.empty()) {
    return make_error(ErrorKind::kInvalidInput, "no host in '" + config.url + "' (smtp://HOST:PORT)", "smtp");
  }
  if (parts->port.empty() || parts->port == "0") {
    return make_error(ErrorKind::kInvalidInput, "no port in '" + config.url + "' (smtp://HOST:PORT, 1 to 65535)",
                      "smtp");
  }
  if (parts->has_credentials) {
    return make_error(ErrorKind::kInvalidInput,
                      "credentials do not belong in the URL: give --smtp-user and --smtp-password-file", "smtp");
  }
  if (parts->has_path) {
    return make_error(ErrorKind::kInvalidInput, "a path, query or fragment in '" + config.url + "' (smtp://HOST:PORT)",
                      "smtp");
  }
  if (!is_mail_address(config.from)) {
    return make_error(ErrorKind::kInvalidInput, "not an e-mail address: '" + one_line(config.from) + "'", "mail-from");
  }
  if (config.user.empty() && !config.password.empty()) {
    return make_error(ErrorKind::kUsage, "a password without a user", "smtp-user");
  }
  if (config.user.find_first_of("\r\n") != std::string::npos ||
      config.password.find_first_of("\r\n") != std::string::npos) {
    return make_error(ErrorKind::kInvalidInput, "a line break in the user or password", "smtp-user");
  }
  if (config.connect_timeout_ms <= 0 || config.timeout_ms <= 0) {
    return make_error(ErrorKind::kInvalidInput, "timeouts must be positive", "smtp");
  }
  return {};
}

core::Result<std::unique_ptr<program::Mailer>> make_smtp_mailer(const SmtpConfig& config) {
  const core::Status valid = validate_smtp_config(config);
  if (!valid.ok()) {
    return valid.error();
  }
  const UrlParts parts = *parse_url(config.url);
  const bool ipv6 = parts.host.find(':') != std::string::npos && parts.host.front() != '[';
  std::string server = (ipv6 ? "[" + parts.host + "]" : parts.host) + ":" + parts.port;
  return std::unique_ptr<program::Mailer>(std::make_unique<SmtpMailer>(config, std::move(server)));
}

}  // namespace covalue::adapters::delivery
