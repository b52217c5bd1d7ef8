#pragma once
// Private to covalue_pabulib: the pieces the reader, the writer and the checker share.

#include <cstddef>
#include <cstdint>
#include <deque>
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

 private:
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
