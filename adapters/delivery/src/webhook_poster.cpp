#include "covalue/adapters/delivery/webhook_poster.hpp"

#include <curl/curl.h>

#include <array>
#include <memory>
#include <string>
#include <string_view>

#include "covalue/adapters/delivery/mime_text.hpp"
#include "covalue/adapters/delivery/webhook_body.hpp"
#include "covalue/core/enum_names.hpp"
#include "curl_pool.hpp"
#include "library_init.hpp"

namespace covalue::adapters::delivery {

namespace {

using core::ErrorKind;
using core::make_error;
using program::DeliveryOutcome;
using program::DeliveryReport;

constexpr std::size_t kKeptAnswer = 200;

//! Keeps the start of the receiver's answer, for the detail of a failure.
std::size_t keep_answer(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* answer = static_cast<std::string*>(user);
  if (answer->size() < kKeptAnswer) {
    answer->append(buffer, std::min(size * count, kKeptAnswer - answer->size()));
  }
  return size * count;
}

//! The receiver's host and port, for details ("hooks.example:443").
std::string host_of(const std::string& url) {
  CURLU* parsed = curl_url();
  std::string out = "the webhook";
  char* host = nullptr;
  char* port = nullptr;
  if (parsed != nullptr && curl_url_set(parsed, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK &&
      curl_url_get(parsed, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
      curl_url_get(parsed, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK) {
    out = std::string(host) + ":" + port;
  }
  curl_free(host);
  curl_free(port);
  curl_url_cleanup(parsed);
  return out;
}

bool is_token(std::string_view text) {
  if (text.empty() || text.size() > 200) {
    return false;
  }
  for (const char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte <= 0x20 || byte >= 0x7f) {
      return false;
    }
  }
  return true;
}

DeliveryOutcome classify_status(long status) {
  if (status >= 200 && status < 300) {
    return DeliveryOutcome::kDelivered;
  }
  if (status == 408 || status == 429 || status >= 500) {
    return DeliveryOutcome::kRetry;
  }
  return DeliveryOutcome::kPermanent;  // a redirect (not followed) or the receiver refusing this request
}

class HttpWebhookPoster final : public program::WebhookPoster {
 public:
  explicit HttpWebhookPoster(WebhookOptions options) : options_(options) {}

  [[nodiscard]] DeliveryReport post(const program::WebhookTarget& target, const std::string& delivery_key,
                                    const program::Notification& message) override {
    try {
      const core::Status url = validate_webhook_url(target.url);
      if (!url.ok()) {
        return {DeliveryOutcome::kPermanent, url.error().to_string()};
      }
      if (!is_token(delivery_key)) {
        return {DeliveryOutcome::kPermanent, "delivery key: not a header value: '" + one_line(delivery_key) + "'"};
      }
      const std::string body = render_webhook_body(target.format, delivery_key, message);
      return send(target, delivery_key, message, body);
    } catch (const std::exception& error) {  // memory: never let it cross the port
      return {DeliveryOutcome::kRetry, std::string("cannot post the webhook: ") + error.what()};
    }
  }

 private:
  DeliveryReport send(const program::WebhookTarget& target, const std::string& key,
                      const program::Notification& message, const std::string& body) {
    const CurlPool::Lease lease = pool_.borrow();
    CURL* curl = lease.get();
    if (curl == nullptr) {
      return {DeliveryOutcome::kRetry, "cannot post the webhook: libcurl could not make a handle"};
    }
    SlistPtr headers(curl_slist_append(nullptr, "Content-Type: application/json"));
    for (const std::string& line :
         {std::string("Expect:"), "X-Covalue-Event: " + std::string(core::name_of(message.kind)),
          "X-Covalue-Delivery: " + key, "X-Covalue-Signature: " + webhook_signature(target.secret, body)}) {
      curl_slist* grown = curl_slist_append(headers.get(), line.c_str());
      if (grown == nullptr) {
        return {DeliveryOutcome::kRetry, "cannot post the webhook: out of memory"};
      }
      static_cast<void>(headers.release());
      headers.reset(grown);
    }
    std::string answer;
    std::array<char, CURL_ERROR_SIZE> error{};
    configure(curl, target.url, body, headers.get(), answer, error.data());
    const CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
    const std::string where = host_of(target.url);
    if (code != CURLE_OK) {
      return {DeliveryOutcome::kRetry, "cannot post to " + where + ": " + curl_error_text(code, error.data())};
    }
    const DeliveryOutcome outcome = classify_status(status);
    if (outcome == DeliveryOutcome::kDelivered) {
      return {outcome, {}};
    }
    return {outcome, "HTTP " + std::to_string(status) + " from " + where + ": " + one_line(answer)};
  }

  void configure(CURL* curl, const std::string& url, const std::string& body, curl_slist* headers, std::string& answer,
                 char* error) const {
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "covalue-webhook/1");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, keep_answer);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, options_.timeout_ms);
  }

  WebhookOptions options_;
  CurlPool pool_;
};

}  // namespace

core::Status validate_webhook_url(std::string_view url) {
  init_curl();
  const std::string text(url);
  if (!is_web_url(url)) {
    return make_error(ErrorKind::kInvalidInput, "not an http:// or https:// URL: '" + one_line(text) + "'", "url");
  }
  CURLU* parsed = curl_url();
  char* host = nullptr;
  char* user = nullptr;
  const bool valid = parsed != nullptr && curl_url_set(parsed, CURLUPART_URL, text.c_str(), 0) == CURLUE_OK &&
                     curl_url_get(parsed, CURLUPART_HOST, &host, 0) == CURLUE_OK;
  const bool credentials = valid && curl_url_get(parsed, CURLUPART_USER, &user, 0) == CURLUE_OK;
  curl_free(host);
  curl_free(user);
  curl_url_cleanup(parsed);
  if (!valid) {
    return make_error(ErrorKind::kInvalidInput, "not a URL with a host: '" + text + "'", "url");
  }
  if (credentials) {
    return make_error(ErrorKind::kInvalidInput, "credentials do not belong in a webhook's URL: '" + text + "'", "url");
  }
  return {};
}

std::unique_ptr<program::WebhookPoster> make_webhook_poster(const WebhookOptions& options) {
  init_curl();
  return std::make_unique<HttpWebhookPoster>(options);
}

}  // namespace covalue::adapters::delivery
