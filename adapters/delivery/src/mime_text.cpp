#include "covalue/adapters/delivery/mime_text.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "library_init.hpp"

namespace covalue::adapters::delivery {

namespace {

constexpr std::size_t kMaxHeaderLine = 78;
constexpr std::size_t kMaxBodyLine = 76;
constexpr std::string_view kWordStart = "=?UTF-8?B?";
constexpr std::string_view kWordEnd = "?=";
// 45 bytes make 60 base64 characters: an encoded word of 72, under RFC 2047's 75.
constexpr std::size_t kWordBytes = 45;

bool is_control(unsigned char ch) { return ch < 0x20 || ch == 0x7f; }

bool is_printable_ascii(std::string_view text) {
  for (const char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte < 0x20 || byte > 0x7e) {
      return false;
    }
  }
  return true;
}

std::string base64(std::string_view bytes) {
  init_sodium();
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

//! Where to cut `text` at most `limit` bytes in, not inside a UTF-8 sequence (unless the text is not UTF-8).
std::size_t cut_at(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) {
    return text.size();
  }
  std::size_t at = limit;
  while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xc0U) == 0x80U) {
    --at;
  }
  return at == 0 ? limit : at;
}

std::string encoded_words(std::string_view text, std::size_t name_length) {
  constexpr std::size_t kOverhead = kWordStart.size() + kWordEnd.size();
  constexpr std::size_t kLeast = 6;  // room for any UTF-8 character
  std::string out;
  std::size_t line = name_length;
  while (!text.empty()) {
    const std::size_t blank = out.empty() ? 0 : 1;
    const std::size_t used = line + blank + kOverhead;
    std::size_t room = used < kMaxHeaderLine ? std::min((kMaxHeaderLine - used) / 4 * 3, kWordBytes) : 0;
    if (room < kLeast && !out.empty()) {
      out += "\r\n";
      line = 0;
      continue;
    }
    room = std::max(room, kLeast);
    const std::size_t n = cut_at(text, room);
    const std::string word = std::string(kWordStart) + base64(text.substr(0, n)) + std::string(kWordEnd);
    if (blank != 0) {
      out += ' ';
    }
    out += word;
    line += blank + word.size();
    text.remove_prefix(n);
  }
  return out;
}

bool is_phrase_char(char ch) {
  constexpr std::string_view kAtext = "!#$%&'*+-/?^_`{|}~ ";
  const auto byte = static_cast<unsigned char>(ch);
  return (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
         kAtext.find(ch) != std::string_view::npos;
}

void append_hex(std::string& out, unsigned char byte) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  out += '=';
  out += kHex[byte >> 4U];
  out += kHex[byte & 0x0fU];
}

//! One line of text (no line break in it) as quoted-printable lines, each ending in CRLF.
void quoted_printable_line(std::string_view line, std::string& out) {
  std::size_t width = 0;
  std::string token;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto byte = static_cast<unsigned char>(line[i]);
    const bool blank = byte == ' ' || byte == '\t';
    const bool last = i + 1 == line.size();
    token.clear();
    if ((byte > 32 && byte < 127 && byte != '=' && !(byte == '.' && width == 0)) || (blank && !last)) {
      token += static_cast<char>(byte);
    } else {
      append_hex(token, byte);
    }
    // A soft break ("=") takes the last column; the final token of the line may use it.
    const std::size_t room = last ? kMaxBodyLine : kMaxBodyLine - 1;
    if (width + token.size() > room) {
      out += "=\r\n";
      width = 0;
      if (token == ".") {
        token.clear();
        append_hex(token, byte);
      }
    }
    out += token;
    width += token.size();
  }
  out += "\r\n";
}

}  // namespace

std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& ch : out) {
    if (is_control(static_cast<unsigned char>(ch))) {
      ch = ' ';
    }
  }
  return out;
}

std::string encode_header_text(std::string_view text, std::size_t name_length) {
  std::string clean = one_line(text);
  if (is_printable_ascii(clean) && clean.find("=?") == std::string::npos &&
      name_length + clean.size() <= kMaxHeaderLine) {
    return clean;
  }
  return encoded_words(clean, name_length);
}

std::string encode_display_name(std::string_view name, std::size_t name_length) {
  std::string clean = one_line(name);
  bool plain = name_length + clean.size() <= kMaxHeaderLine;
  for (const char ch : clean) {
    plain = plain && is_phrase_char(ch);
  }
  if (plain) {
    return clean;
  }
  return encoded_words(clean, name_length);
}

std::string quoted_printable(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8 + 8);
  while (!text.empty()) {
    const std::size_t end = text.find_first_of("\r\n");
    quoted_printable_line(text.substr(0, end), out);
    if (end == std::string_view::npos) {
      break;
    }
    const std::size_t next = text.compare(end, 2, "\r\n") == 0 ? end + 2 : end + 1;
    text.remove_prefix(next);
  }
  return out;
}

bool is_web_url(std::string_view url) {
  const bool scheme = url.starts_with("https://") || url.starts_with("http://");
  const std::size_t host = url.find("//") + 2;
  if (!scheme || url.size() <= host || url.size() > 2000) {
    return false;
  }
  for (const char ch : url) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte <= 0x20 || byte >= 0x7f || ch == '"' || ch == '\'' || ch == '<' || ch == '>' || ch == '\\' || ch == '`') {
      return false;
    }
  }
  return true;
}

}  // namespace covalue::adapters::delivery
