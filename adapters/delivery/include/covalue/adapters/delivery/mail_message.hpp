#pragma once

// A Notification as an RFC 5322 message: multipart/alternative with a plain-text and an HTML part, both
// UTF-8 in quoted-printable, CRLF line ends, every header line within 78 characters.

#include <chrono>
#include <string>
#include <string_view>

#include "covalue/core/result.hpp"
#include "covalue/program/notification.hpp"

namespace covalue::adapters::delivery {

//! Whether `address` is a plain addr-spec (local@domain) that is safe in an SMTP command and a header: no
//! blanks, control characters, angle brackets, quotes or commas, one '@', at most 254 characters.
[[nodiscard]] bool is_mail_address(std::string_view address);

//! A time as an RFC 5322 date in UTC: "Fri, 04 Dec 2026 13:56:17 +0000".
[[nodiscard]] std::string rfc5322_date(std::chrono::system_clock::time_point time);

//! The whole message, ready for SMTP DATA: Date (`date`, an RFC 5322 date), From (the network's name and
//! envelope.from), To, Subject, Message-ID (envelope.message_id, so it is the same on every attempt),
//! MIME-Version, Auto-Submitted, X-Covalue-Event, List-Unsubscribe and List-Unsubscribe-Post (RFC 8058)
//! when envelope.unsubscribe_url is set, then both parts. kInvalidInput, naming the field, when an address,
//! the Message-ID or the unsubscribe URL is malformed (user text is never refused: it is encoded).
[[nodiscard]] core::Result<std::string> render_mail_message(const program::MailEnvelope& envelope,
                                                            const program::Notification& message,
                                                            std::string_view date);

//! The plain-text part's content (before transfer encoding), LF line ends.
[[nodiscard]] std::string mail_text_body(const program::MailEnvelope& envelope, const program::Notification& message);

//! The HTML part's content (before transfer encoding): every piece of user text escaped.
[[nodiscard]] std::string mail_html_body(const program::MailEnvelope& envelope, const program::Notification& message);

}  // namespace covalue::adapters::delivery
