#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "covalue/core/result.hpp"

namespace covalue::core {

//! One code point decoded from UTF-8, and how many bytes it took.
struct DecodedChar {
  char32_t code{0};
  std::size_t length{0};  //!< 0 when the bytes at the position are not well-formed UTF-8
};

//! Decodes the code point that starts `text` (which must not be empty): well-formed UTF-8 only, as
//! Unicode defines it (no overlong forms, no surrogates, nothing above U+10FFFF); length 0 otherwise.
[[nodiscard]] DecodedChar decode_utf8(std::string_view text);

//! The shape a text may take: one line (names, titles, labels) or several (descriptions, reasons).
enum class TextShape {
  kLine,       //!< no control characters at all
  kParagraphs  //!< newline and tab allowed; other control characters refused
};

//! Checks a text a person sends: well-formed UTF-8, no NUL or other control characters (C0, DEL and
//! C1; newline and tab allowed in kParagraphs), at most `max_chars` code points. kInvalidInput naming
//! `where` and the character position (1-based) otherwise.
[[nodiscard]] Status check_text(std::string_view text, TextShape shape, std::size_t max_chars,
                                const std::string& where);

//! The number of code points of well-formed UTF-8 text (each malformed byte counts as one).
[[nodiscard]] std::size_t count_chars(std::string_view text);

//! A short, safe excerpt of some input to quote in an error message: at most `max_chars` code points,
//! cut on a character boundary and ended by "..." when cut; control characters and malformed bytes
//! are written as escapes ("\x1b"), so a message never carries them into a log or a terminal.
[[nodiscard]] std::string quote_excerpt(std::string_view text, std::size_t max_chars = 32);

}  // namespace covalue::core
