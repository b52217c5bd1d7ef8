#include "covalue/adapters/delivery/mail_message.hpp"

#include <sodium.h>

#include <array>
#include <chrono>
#include <ctime>
#include <string>
#include <string_view>

#include "covalue/adapters/delivery/mime_text.hpp"
#include "covalue/core/enum_names.hpp"
#include "covalue/core/html.hpp"
#include "library_init.hpp"

namespace covalue::adapters::delivery {

namespace {

using core::ErrorKind;
using core::html_escape;
using core::make_error;

bool is_id_char(char ch) {
  const auto byte = static_cast<unsigned char>(ch);
  return byte > 0x20 && byte < 0x7f && ch != '<' && ch != '>' && ch != '"' && ch != '(' && ch != ')' && ch != ',' &&
         ch != ';' && ch != ':' && ch != '\\' && ch != '[' && ch != ']';
}

//! "<left@right>" with id characters on both sides of one '@'.
bool is_message_id(std::string_view id) {
  if (id.size() < 5 || id.size() > 250 || id.front() != '<' || id.back() != '>') {
    return false;
  }
  return is_mail_address(id.substr(1, id.size() - 2));
}

//! A MIME boundary that quoted-printable text cannot contain ("=_" never occurs in it), unique per message.
std::string boundary_for(std::string_view message_id) {
  init_sodium();
  std::array<unsigned char, 8> hash{};
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(message_id.data()),
                     message_id.size(), nullptr, 0);
  std::array<char, hash.size() * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  return std::string("=_covalue_") + hex.data();
}

std::string mailbox(std::string_view header, std::string_view name, std::string_view address) {
  std::string line = std::string(header) + ": ";
  const std::string clean = one_line(name);
  if (clean.find_first_not_of(' ') != std::string::npos) {
    const std::string encoded = encode_display_name(clean, line.size());
    const std::size_t last_line = encoded.rfind('\n');
    const std::size_t width =
        last_line == std::string::npos ? line.size() + encoded.size() : encoded.size() - last_line - 1;
    line += encoded;
    line += width + address.size() + 3 > 78 ? "\r\n <" : " <";
  } else {
    line += "<";
  }
  return line + std::string(address) + ">\r\n";
}

std::string headers(const program::MailEnvelope& envelope, const program::Notification& message, std::string_view date,
                    std::string_view boundary) {
  std::string out = "Date: " + std::string(date) + "\r\n";
  out += mailbox("From", message.network.empty() ? "covalue" : message.network, envelope.from);
  out += mailbox("To", envelope.to_name, envelope.to);
  out += "Subject: " + encode_header_text(message.subject, 9) + "\r\n";
  out += "Message-ID: " + envelope.message_id + "\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Auto-Submitted: auto-generated\r\n";
  out += "X-Covalue-Event: " + std::string(core::name_of(message.kind)) + "\r\n";
  if (!envelope.unsubscribe_url.empty()) {
    out += "List-Unsubscribe: <" + envelope.unsubscribe_url + ">\r\n";
    out += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
  }
  out += "Content-Type: multipart/alternative;\r\n boundary=\"" + std::string(boundary) + "\"\r\n";
  return out;
}

std::string part(std::string_view boundary, std::string_view type, std::string_view content) {
  return "--" + std::string(boundary) + "\r\nContent-Type: " + std::string(type) +
         "; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + quoted_printable(content);
}

}  // namespace

bool is_mail_address(std::string_view address) {
  const std::size_t at = address.find('@');
  if (address.size() < 3 || address.size() > 254 || at == 0 || at == std::string_view::npos ||
      at + 1 == address.size() || address.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  for (const char ch : address) {
    if (!is_id_char(ch)) {
      return false;
    }
  }
  return true;
}

std::string rfc5322_date(std::chrono::system_clock::time_point time) {
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  std::array<char, 64> text{};
  std::snprintf(text.data(), text.size(), "%s, %02d %s %04d %02d:%02d:%02d +0000",
                kDays.at(static_cast<std::size_t>(utc.tm_wday)), utc.tm_mday,
                kMonths.at(static_cast<std::size_t>(utc.tm_mon)), utc.tm_year + 1900, utc.tm_hour, utc.tm_min,
                utc.tm_sec);
  return text.data();
}

std::string mail_text_body(const program::MailEnvelope& envelope, const program::Notification& message) {
  std::string out = message.subject + "\n";
  for (const std::string& paragraph : message.paragraphs) {
    out += "\n" + paragraph + "\n";
  }
  if (!message.facts.empty()) {
    out += "\n";
    for (const auto& [label, value] : message.facts) {
      out += label + ": " + value + "\n";
    }
  }
  if (!message.link.empty()) {
    out += "\nOpen in covalue: " + message.link + "\n";
  }
  out += "\n-- \n" + (message.network.empty() ? std::string("covalue") : message.network) + " (covalue)\n";
  if (!envelope.unsubscribe_url.empty()) {
    out += "Stop these messages: " + envelope.unsubscribe_url + "\n";
  }
  if (!envelope.preferences_url.empty()) {
    out += "Choose which e-mails you get: " + envelope.preferences_url + "\n";
  }
  return out;
}

std::string mail_html_body(const program::MailEnvelope& envelope, const program::Notification& message) {
  std::string out = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + html_escape(message.subject) +
                    "</title></head>\n<body>\n<h1>" + html_escape(message.subject) + "</h1>\n";
  for (const std::string& paragraph : message.paragraphs) {
    out += "<p>" + html_escape(paragraph) + "</p>\n";
  }
  if (!message.facts.empty()) {
    out += "<table>\n";
    for (const auto& [label, value] : message.facts) {
      out += "<tr><th align=\"left\">" + html_escape(label) + "</th><td>" + html_escape(value) + "</td></tr>\n";
    }
    out += "</table>\n";
  }
  if (is_web_url(message.link)) {
    out += "<p><a href=\"" + html_escape(message.link) + "\">Open in covalue</a></p>\n";
  } else if (!message.link.empty()) {
    out += "<p>In covalue: " + html_escape(message.link) + "</p>\n";
  }
  const std::string network = message.network.empty() ? std::string("covalue") : message.network;
  out += "<hr>\n<p><small>" + html_escape(network) + " (covalue)";
  if (!envelope.unsubscribe_url.empty()) {
    out += " &middot; <a href=\"" + html_escape(envelope.unsubscribe_url) + "\">Stop these messages</a>";
  }
  if (is_web_url(envelope.preferences_url)) {
    out += " &middot; <a href=\"" + html_escape(envelope.preferences_url) + "\">Choose which e-mails you get</a>";
  }
  return out + "</small></p>\n</body></html>\n";
}

core::Result<std::string> render_mail_message(const program::MailEnvelope& envelope,
                                              const program::Notification& message, std::string_view date) {
  if (!is_mail_address(envelope.from)) {
    return make_error(ErrorKind::kInvalidInput, "not an e-mail address: '" + one_line(envelope.from) + "'", "from");
  }
  if (!is_mail_address(envelope.to)) {
    return make_error(ErrorKind::kInvalidInput, "not an e-mail address: '" + one_line(envelope.to) + "'", "to");
  }
  if (!is_message_id(envelope.message_id)) {
    return make_error(ErrorKind::kInvalidInput,
                      "not a Message-ID (<left@right>): '" + one_line(envelope.message_id) + "'", "message_id");
  }
  if (!envelope.unsubscribe_url.empty() && !is_web_url(envelope.unsubscribe_url)) {
    return make_error(ErrorKind::kInvalidInput, "not an http(s) URL: '" + one_line(envelope.unsubscribe_url) + "'",
                      "unsubscribe_url");
  }
  const std::string boundary = boundary_for(envelope.message_id);
  std::string out = headers(envelope, message, one_line(date), boundary);
  out += "\r\nThis is a multi-part message in MIME format.\r\n\r\n";
  out += part(boundary, "text/plain", mail_text_body(envelope, message));
  out += part(boundary, "text/html", mail_html_body(envelope, message));
  return out + "--" + boundary + "--\r\n";
}

}  // namespace covalue::adapters::delivery
