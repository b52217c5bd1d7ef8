#pragma once
// Private to covalue_pabulib: the pieces the reader, the writer and the checker share.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "covalue/adapters/pabulib/pb_file.hpp"
#include "covalue/core/profile.hpp"
#include "covalue/core/rational.hpp"

namespace covalue::adapters::pabulib::detail {

//! The three sections of a .pb file, in the order they must come.
enum class Section { kMeta, kProjects, kVotes };

//! "META", "PROJECTS", "VOTES".
[[nodiscard]] const char* section_name(Section section);

//! What a PROJECTS or VOTES column means to the model.
enum class ColumnRole { kId, kCost, kCategories, kTargets, kVote, kPoints, kExtra };

//! The role of a column of `section` (PROJECTS or VOTES) for ballots of `kind`.
[[nodiscard]] ColumnRole column_role(std::string_view name, Section section, core::BallotKind kind);

//! True for the blanks the reader trims from unquoted fields and list items.
[[nodiscard]] constexpr bool is_blank(char c) { return c == ' ' || c == '\t'; }

//! `text` without leading and trailing blanks (inline: the lexer calls it for every field).
[[nodiscard]] inline std::string_view trim(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_blank(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

//! ASCII case-insensitive equality.
[[nodiscard]] bool iequals(std::string_view a, std::string_view b);

//! True when `text` names a section (case-insensitive, surrounding blanks ignored).
[[nodiscard]] bool is_section_name(std::string_view text);

//! Parses a number as core::parse_rational does ("12", "-3", "12,5", "1e3", "7/3"), with a fast path
//! for plain digits and short decimals that builds the rational from a machine integer.
[[nodiscard]] bool parse_number(std::string_view text, core::Rational& out);

//! UTF-8 code points in `text` (bytes that are not continuation bytes).
[[nodiscard]] std::uint32_t count_code_points(std::string_view text);

//! Moves `line` and `line_start` (an offset into `text`) past the line ends in text[begin, end),
//! counting "\r\n", "\n" and a lone "\r" as one line end each, as the lexer does.
void advance_lines(std::string_view text, std::size_t begin, std::size_t end, std::uint32_t& line,
                   std::size_t& line_start);

//! Writes `file`; when `layout` is given, records where each META value and ballot field lands.
[[nodiscard]] std::string write_pabulib(const PbFile& file, PbLayout* layout);

// Scanning eight bytes at a time: a word holds text[i, i + 8) with text[i] in its low byte.
static_assert(std::endian::native == std::endian::little, "the .pb scans load text as little-endian words");

//! Bytes in a word.
inline constexpr std::size_t kWordBytes = 8;

//! The eight bytes at `at`, which must all be readable.
[[nodiscard]] inline std::uint64_t load_word(const char* at) {
  std::uint64_t word = 0;
  std::memcpy(&word, at, kWordBytes);
  return word;
}

//! The high bit of each byte of `word` equal to `byte`, and no other bit.
[[nodiscard]] constexpr std::uint64_t bytes_equal(std::uint64_t word, unsigned char byte) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kLow7 = kOnes * 0x7FU;
  const std::uint64_t x = word ^ (kOnes * byte);  // a zero byte where `word` has `byte`
  return ~(((x & kLow7) + kLow7) | x | kLow7);    // no carry crosses a byte: exact, unlike the usual test
}

//! The index (0 to 7) of the lowest byte of a word that `marks` (from bytes_equal) marks; `marks` != 0.
[[nodiscard]] inline std::size_t first_marked(std::uint64_t marks) {
  return static_cast<std::size_t>(std::countr_zero(marks)) / kWordBytes;
}

//! Numbers distinct ids in the order they are added, with open addressing; the viewed ids must
//! outlive the index. Slots hold a hash fragment and a number, so probes rarely touch the keys.
class IdIndex {
 public:
  static constexpr std::uint32_t kMissing = UINT32_MAX;

  //! An empty index sized for about `expected` ids.
  explicit IdIndex(std::size_t expected = 16);

  //! Adds `id` as number size(); false (and no change) when `id` is already there.
  [[nodiscard]] bool insert(std::string_view id);

  //! The number of `id`, or kMissing.
  [[nodiscard]] std::uint32_t find(std::string_view id) const;

  //! How many ids were added.
  [[nodiscard]] std::size_t size() const { return keys_.size(); }

 private:
  // A slot is (hash >> 32) << 32 | (number + 1); 0 is empty.
  [[nodiscard]] std::size_t slot_of(std::string_view id, std::uint64_t hash) const;
  void grow();

  std::vector<std::uint64_t> slots_;
  std::vector<std::string_view> keys_;
};

//! Ids of one to seven bytes packed in a machine word (their bytes, and their length in the top byte)
//! and numbered with open addressing: a vote lists project ids, which are short, and a probe then
//! compares one word rather than a text.
class ShortIdIndex {
 public:
  static constexpr std::uint32_t kMissing = IdIndex::kMissing;
  static constexpr std::size_t kMaxBytes = 7;

  //! The key of `id`, or 0 (never a key) when it is empty or longer than kMaxBytes.
  [[nodiscard]] static std::uint64_t key_of(std::string_view id);

  //! The key of `length` bytes (1 to kMaxBytes) whose packed bytes are `bytes`.
  [[nodiscard]] static std::uint64_t key_of(std::uint64_t bytes, std::size_t length) {
    return bytes | static_cast<std::uint64_t>(length) << kLengthShift;
  }

  //! Numbers `key` (not 0, not added before) as `number`.
  void add(std::uint64_t key, std::uint32_t number);

  //! The number of `key`, or kMissing (always for 0).
  [[nodiscard]] std::uint32_t find(std::uint64_t key) const {
    if (count_ == 0 || key == 0) {
      return kMissing;
    }
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t slot = slot_of(key);; slot = (slot + 1) & mask) {
      if (keys_[slot] == key) {
        return numbers_[slot];
      }
      if (keys_[slot] == 0) {
        return kMissing;
      }
    }
  }

 private:
  static constexpr unsigned kLengthShift = 56;

  [[nodiscard]] std::size_t slot_of(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_);
  }
  void grow();

  std::vector<std::uint64_t> keys_;     // 0 for an empty slot
  std::vector<std::uint32_t> numbers_;  // beside their keys
  std::size_t count_{0};
  unsigned shift_{64};
};

//! One field of a row: its text (unquoted, unescaped; blanks trimmed unless quoted) and where it starts.
struct Field {
  std::string_view text;
  std::size_t offset{0};      //!< byte offset of its first character (the quote when quoted)
  std::size_t line_start{0};  //!< byte offset of the start of its line
  std::uint32_t line{0};
  bool quoted{false};
};

//! The fields of one line (or of several, when a quoted field holds line ends).
struct Row {
  std::vector<Field> fields;
  bool terminated{true};  //!< false when the text ended without a line end

  //! True for a row with no content (an empty or blank line).
  [[nodiscard]] bool blank() const;
};

//! What Lexer::next produced.
enum class LexStatus { kRow, kEnd, kUnterminatedQuote };

//! Splits .pb text into rows of ';'-separated fields with the quoting of Python's csv module:
//! a field that starts with '"' runs to the next lone '"', and "" inside it is one '"'.
class Lexer {
 public:
  //! Lexes `text` (without a byte-order mark); the text must outlive the lexer's fields.
  explicit Lexer(std::string_view text);

  //! Reads the next row into `row`. On kUnterminatedQuote, row.fields.back() is the open field.
  [[nodiscard]] LexStatus next(Row& row);

  //! 1-based position of the byte at `offset` of a line that starts at `line_start`.
  [[nodiscard]] PbPosition position(std::uint32_t line, std::size_t line_start, std::size_t offset) const;
  //! Position of a field.
  [[nodiscard]] PbPosition position(const Field& field) const;
  //! Position just past the last byte read.
  [[nodiscard]] PbPosition here() const;

  //! Bytes not yet read.
  [[nodiscard]] std::string_view rest() const { return text_.substr(pos_); }

  //! How far bytes from `field` on may be read: the end of the text when the field views it (an
  //! unescaped field), else the field's own end.
  [[nodiscard]] const char* readable_end(std::string_view field) const {
    const bool in_text = !text_.empty() && std::less_equal<>()(text_.data(), field.data()) &&
                         std::less_equal<>()(field.data() + field.size(), text_.data() + text_.size());
    return in_text ? text_.data() + text_.size() : field.data() + field.size();
  }

 private:
  [[nodiscard]] bool next_plain(Row& row);
  [[nodiscard]] bool read_quoted(Field& field);
  void read_unquoted(Field& field);
  [[nodiscard]] std::string_view unescape(std::size_t begin, std::size_t end);
  void skip_line_end();

  std::string_view text_;
  std::size_t pos_{0};
  std::size_t line_start_{0};
  std::uint32_t line_{1};
  std::deque<std::string> owned_;  // unescaped fields; a deque keeps their addresses stable
};

}  // namespace covalue::adapters::pabulib::detail
