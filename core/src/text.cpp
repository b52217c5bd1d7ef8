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

// One piece of a text as a terminal shows it: a character kept as it is, or the escapes of its bytes.
struct Piece {
  std::size_t bytes{1};  // input bytes it covers
  char32_t code{0};      // the code point, when kept
  bool escaped{false};
  std::size_t width{0};  // columns of what is printed
};

constexpr std::size_t kEscapeWidth = 4;  // "\x1b"
constexpr char32_t kZeroWidthJoiner = 0x200D;

// Characters that may not reach a terminal as they are: controls, and those that reorder or break lines.
bool unsafe_on_terminal(char32_t code) {
  return is_control(code) || (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069) ||
         code == 0x2028 || code == 0x2029;
}

bool regional_indicator(char32_t code) { return code >= 0x1F1E6 && code <= 0x1F1FF; }

bool emoji_modifier(char32_t code) { return code >= 0x1F3FB && code <= 0x1F3FF; }

Piece next_piece(std::string_view text, std::size_t at) {
  const auto byte = static_cast<unsigned char>(text[at]);
  if (byte >= 0x20 && byte < 0x7F) {
    return {1, byte, false, 1};
  }
  const DecodedChar decoded = decode_utf8(text.substr(at));
  if (decoded.length == 0) {
    return {1, 0, true, kEscapeWidth};
  }
  if (unsafe_on_terminal(decoded.code)) {
    return {decoded.length, decoded.code, true, kEscapeWidth * decoded.length};
  }
  return {decoded.length, decoded.code, false, static_cast<std::size_t>(char_width(decoded.code))};
}

// The bytes and columns of what a cut keeps together from `at`: a character with the marks, selectors,
// modifiers and joined characters after it, or the two regional indicators of a flag.
struct Span {
  std::size_t bytes{0};
  std::size_t width{0};
};

Span next_cluster(std::string_view text, std::size_t at) {
  const Piece first = next_piece(text, at);
  Span span{first.bytes, first.width};
  if (first.escaped) {
    return span;
  }
  bool flag_open = regional_indicator(first.code);
  char32_t last = first.code;
  while (at + span.bytes < text.size()) {
    const Piece piece = next_piece(text, at + span.bytes);
    const bool joins = !piece.escaped && (piece.width == 0 || last == kZeroWidthJoiner || emoji_modifier(piece.code) ||
                                          (flag_open && regional_indicator(piece.code)));
    if (!joins) {
      break;
    }
    span.bytes += piece.bytes;
    span.width += piece.width;
    flag_open = false;
    last = piece.code;
  }
  return span;
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

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const Piece piece = next_piece(text, at);
    if (piece.escaped) {
      for (std::size_t k = 0; k < piece.bytes; ++k) {
        out += escape_byte(static_cast<unsigned char>(text[at + k]));
      }
    } else {
      out.append(text.substr(at, piece.bytes));
    }
    at += piece.bytes;
  }
  return out;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t at = 0; at < text.size();) {
    const Piece piece = next_piece(text, at);
    width += piece.width;
    at += piece.bytes;
  }
  return width;
}

std::string cut_to_width(std::string_view text, std::size_t columns) {
  if (display_width(text) <= columns) {
    return terminal_safe(text);
  }
  if (columns == 0) {
    return {};
  }
  const std::size_t room = columns - 1;  // one column for the "~"
  std::size_t used = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    const Span cluster = next_cluster(text, at);
    if (used + cluster.width > room) {
      break;
    }
    used += cluster.width;
    at += cluster.bytes;
  }
  return terminal_safe(text.substr(0, at)) + "~";
}

std::string pad_to_width(std::string_view text, std::size_t columns, Align align) {
  std::string safe = terminal_safe(text);
  const std::size_t width = display_width(safe);
  if (width >= columns) {
    return safe;
  }
  const std::string spaces(columns - width, ' ');
  return align == Align::kLeft ? safe + spaces : spaces + safe;
}

std::string fit_width(std::string_view text, std::size_t columns, Align align) {
  return pad_to_width(cut_to_width(text, columns), columns, align);
}

}  // namespace covalue::core
