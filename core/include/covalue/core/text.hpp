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

// Text for a terminal. A terminal gives each code point 0, 1 or 2 columns (wcwidth); tables line up
// by those columns, not by bytes or code points. Text from people or files goes through these before
// it is printed, so no control character or escape sequence reaches the terminal.

//! Columns a terminal gives one code point: 0 for combining marks, format characters (zero-width
//! space and joiner, variation selectors) and control characters; 2 for East Asian Wide and
//! Fullwidth ones (CJK, Hangul, fullwidth forms, emoji with emoji presentation); 1 otherwise
//! (East Asian Ambiguous included). Unicode 14 data, see scripts/make-width-table.py.
[[nodiscard]] int char_width(char32_t code);

//! `text` made safe to print: each byte of a control character (C0 with newline and tab, DEL, C1), of
//! a bidi embedding, override or isolate (U+202A..U+202E, U+2066..U+2069), of a line or paragraph
//! separator (U+2028, U+2029) and each malformed byte is written as an escape ("\x1b", as
//! quote_excerpt does); everything else is kept. The result is well-formed UTF-8 and does not change
//! when made safe again.
[[nodiscard]] std::string terminal_safe(std::string_view text);

//! Columns that terminal_safe(text) takes on a terminal: char_width summed over its code points.
[[nodiscard]] std::size_t display_width(std::string_view text);

//! terminal_safe(text) cut to at most `columns` columns, ended by "~" when cut. Cuts fall between
//! characters, never inside a UTF-8 sequence, and keep a character with what extends it: combining
//! marks, variation selectors, emoji modifiers, a zero-width joiner and what it joins, the two halves
//! of a flag.
[[nodiscard]] std::string cut_to_width(std::string_view text, std::size_t columns);

//! Where padding puts the text in its column.
enum class Align {
  kLeft,  //!< spaces after the text
  kRight  //!< spaces before the text
};

//! terminal_safe(text) padded with spaces to at least `columns` columns (never cut).
[[nodiscard]] std::string pad_to_width(std::string_view text, std::size_t columns, Align align = Align::kLeft);

//! terminal_safe(text) exactly `columns` columns wide: cut_to_width, then pad_to_width.
[[nodiscard]] std::string fit_width(std::string_view text, std::size_t columns, Align align = Align::kLeft);

}  // namespace covalue::core
