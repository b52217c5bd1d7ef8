#include "covalue/core/text.hpp"

#include <array>

namespace covalue::core {
namespace {

bool continuation(unsigned char byte) { return (byte & 0xC0U) == 0x80U; }

// The allowed range of the second byte after a lead byte (Unicode's table of well-formed sequences),
// and how many bytes the sequence has; length 0 for a byte that cannot lead.
struct Lead {
  std::size_t length{0};
  unsigned char low{0x80};
  unsigned char high{0xBF};
};

Lead lead_of(unsigned char byte) {
  if (byte < 0x80) {
    return {1, 0, 0};
  }
  if (byte >= 0xC2 && byte <= 0xDF) {
    return {2, 0x80, 0xBF};
  }
  if (byte == 0xE0) {
    return {3, 0xA0, 0xBF};
  }
  if (byte == 0xED) {
    return {3, 0x80, 0x9F};  // no surrogates
  }
  if (byte >= 0xE1 && byte <= 0xEF) {
    return {3, 0x80, 0xBF};
  }
  if (byte == 0xF0) {
    return {4, 0x90, 0xBF};
  }
  if (byte >= 0xF1 && byte <= 0xF3) {
    return {4, 0x80, 0xBF};
  }
  if (byte == 0xF4) {
    return {4, 0x80, 0x8F};  // nothing above U+10FFFF
  }
  return {};
}

bool is_control(char32_t code) { return code < 0x20 || (code >= 0x7F && code <= 0x9F); }

std::string escape_byte(unsigned char byte) {
  static constexpr std::array<char, 16> kHex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
  return std::string("\\x") + kHex[byte >> 4U] + kHex[byte & 0xFU];
}

std::string describe(char32_t code) {
  switch (code) {
    case 0:
      return "a NUL character";
    case '\n':
      return "a line break";
    case '\t':
      return "a tab";
    default:
      break;
  }
  return "the control character U+" + escape_byte(static_cast<unsigned char>(code >> 8U)).substr(2) +
         escape_byte(static_cast<unsigned char>(code & 0xFFU)).substr(2);
}

}  // namespace

DecodedChar decode_utf8(std::string_view text) {
  const auto first = static_cast<unsigned char>(text.front());
  const Lead lead = lead_of(first);
  if (lead.length == 0 || text.size() < lead.length) {
    return {};
  }
  if (lead.length == 1) {
    return {first, 1};
  }
  const auto second = static_cast<unsigned char>(text[1]);
  if (second < lead.low || second > lead.high) {
    return {};
  }
  char32_t code = first & (0xFFU >> (lead.length + 1));
  for (std::size_t k = 1; k < lead.length; ++k) {
    const auto byte = static_cast<unsigned char>(text[k]);
    if (!continuation(byte)) {
      return {};
    }
    code = (code << 6U) | (byte & 0x3FU);
  }
  return {code, lead.length};
}

Status check_text(std::string_view text, TextShape shape, std::size_t max_chars, const std::string& where) {
  std::size_t chars = 0;
  for (std::size_t at = 0; at < text.size();) {
    const DecodedChar decoded = decode_utf8(text.substr(at));
    ++chars;
    if (decoded.length == 0) {
      return make_error(ErrorKind::kInvalidInput,
                        "not valid UTF-8 at character " + std::to_string(chars) + " (byte " +
                            escape_byte(static_cast<unsigned char>(text[at])) + ")",
                        where);
    }
    const bool allowed_break = shape == TextShape::kParagraphs && (decoded.code == '\n' || decoded.code == '\t');
    if (is_control(decoded.code) && !allowed_break) {
      return make_error(ErrorKind::kInvalidInput,
                        describe(decoded.code) + " at character " + std::to_string(chars) + " is not allowed" +
                            (shape == TextShape::kLine ? " (one line of text)" : ""),
                        where);
    }
    if (chars > max_chars) {
      return make_error(ErrorKind::kInvalidInput,
                        "is longer than " + std::to_string(max_chars) + " characters: " + quote_excerpt(text), where);
    }
    at += decoded.length;
  }
  return {};
}

std::size_t count_chars(std::string_view text) {
  std::size_t chars = 0;
  for (std::size_t at = 0; at < text.size(); ++chars) {
    const DecodedChar decoded = decode_utf8(text.substr(at));
    at += decoded.length == 0 ? 1 : decoded.length;
  }
  return chars;
}

std::string quote_excerpt(std::string_view text, std::size_t max_chars) {
  std::string out = "'";
  std::size_t chars = 0;
  std::size_t at = 0;
  for (; at < text.size() && chars < max_chars; ++chars) {
    const DecodedChar decoded = decode_utf8(text.substr(at));
    if (decoded.length == 0 || is_control(decoded.code)) {
      const std::size_t bytes = decoded.length == 0 ? 1 : decoded.length;
      for (std::size_t k = 0; k < bytes; ++k) {
        out += escape_byte(static_cast<unsigned char>(text[at + k]));
      }
      at += bytes;
      continue;
    }
    out.append(text.substr(at, decoded.length));
    at += decoded.length;
  }
  out += at < text.size() ? "'..." : "'";
  return out;
}

}  // namespace covalue::core
