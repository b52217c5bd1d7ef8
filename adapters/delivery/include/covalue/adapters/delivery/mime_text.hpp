#pragma once

// The text encodings an e-mail needs (RFC 2045 quoted-printable, RFC 2047 encoded words) and HTML escaping.
// Every function takes any bytes and returns output that is safe to put where its name says: no CR or LF
// ever reaches a header, no body line exceeds 76 characters, no user text becomes markup.

#include <string>
#include <string_view>

namespace covalue::adapters::delivery {

//! `text` with every control character (CR and LF included) replaced by a space: a header value's content.
[[nodiscard]] std::string one_line(std::string_view text);

//! A header's unstructured value (Subject): as it is when it is short printable ASCII, otherwise RFC 2047
//! base64 encoded words of UTF-8, folded with CRLF SP so that no line of the header exceeds 78 characters.
//! `name_length` is the length of "Name: " before the value on the first line.
[[nodiscard]] std::string encode_header_text(std::string_view text, std::size_t name_length);

//! A display name (RFC 5322 phrase) before an address: as it is when it is plain words, otherwise RFC 2047
//! encoded words (folded like encode_header_text).
[[nodiscard]] std::string encode_display_name(std::string_view name, std::size_t name_length);

//! `text` (lines separated by LF, CRLF or CR) as a quoted-printable body: CRLF line ends, lines of at most
//! 76 characters (soft breaks), '=' and every byte outside printable ASCII encoded, trailing blanks and a
//! leading '.' encoded.
[[nodiscard]] std::string quoted_printable(std::string_view text);

//! Whether `url` is an absolute http:// or https:// URL without blanks, control characters, quotes or angle
//! brackets: safe as a link target in HTML, a header, or a chat tool's button.
[[nodiscard]] bool is_web_url(std::string_view url);

}  // namespace covalue::adapters::delivery
