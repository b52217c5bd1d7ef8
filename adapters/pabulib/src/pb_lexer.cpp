// The row and field lexer of .pb text: ';' separated fields, Python-csv quoting, any line ends.
#include <array>
#include <bit>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "pb_internal.hpp"

namespace covalue::adapters::pabulib::detail {
namespace {

// Bytes that end an unquoted field.
constexpr std::array<bool, 256> kFieldEnd = [] {
  std::array<bool, 256> table{};
  table[static_cast<unsigned char>(';')] = true;
  table[static_cast<unsigned char>('\n')] = true;
  table[static_cast<unsigned char>('\r')] = true;
  return table;
}();

bool ends_field(char c) { return kFieldEnd[static_cast<unsigned char>(c)]; }

}  // namespace

bool Row::blank() const { return fields.size() == 1 && !fields[0].quoted && fields[0].text.empty(); }

Lexer::Lexer(std::string_view text) : text_(text) {}

LexStatus Lexer::next(Row& row) {
  row.fields.clear();
  row.terminated = true;
  if (pos_ >= text_.size()) {
    return LexStatus::kEnd;
  }
  if (next_plain(row)) {
    return LexStatus::kRow;
  }
  for (;;) {
    Field& field = row.fields.emplace_back();
    field.offset = pos_;
    field.line_start = line_start_;
    field.line = line_;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      if (!read_quoted(field)) {
        return LexStatus::kUnterminatedQuote;
      }
    } else {
      read_unquoted(field);
    }
    if (pos_ >= text_.size()) {
      row.terminated = false;
      return LexStatus::kRow;
    }
    if (text_[pos_] != ';') {
      skip_line_end();
      return LexStatus::kRow;
    }
    ++pos_;
  }
}

// Most rows are plain: no quote, no carriage return, a '\n' at the end. Such a row is split sixteen
// bytes at a time, by the bit masks of its ';' and '\n' bytes, into the fields the loop below would
// make of it. False (and nothing read) for any other row, or when fewer than sixteen bytes are left.
bool Lexer::next_plain(Row& row) {
#if defined(__SSE2__)
  constexpr std::size_t kBlock = 16;
  const char* const data = text_.data();
  std::size_t field_start = pos_;
  const auto add_field = [&](std::size_t end) {
    row.fields.push_back(
        Field{trim(std::string_view(data + field_start, end - field_start)), field_start, line_start_, line_, false});
    field_start = end + 1;
  };
  const __m128i semicolons = _mm_set1_epi8(';');
  const __m128i newlines = _mm_set1_epi8('\n');
  const __m128i quotes = _mm_set1_epi8('"');
  const __m128i returns = _mm_set1_epi8('\r');
  for (std::size_t at = pos_; at + kBlock <= text_.size(); at += kBlock) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));  // NOLINT: an unaligned load
    const auto mask = [&](__m128i byte) {
      return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, byte)));
    };
    const unsigned line_end = mask(newlines);
    // The bytes of this block that belong to the row: up to its '\n', or all sixteen.
    const unsigned in_row = line_end != 0 ? (line_end & (0U - line_end)) - 1 : 0xFFFFU;
    if (((mask(quotes) | mask(returns)) & in_row) != 0) {
      row.fields.clear();
      return false;
    }
    for (unsigned ends = mask(semicolons) & in_row; ends != 0; ends &= ends - 1) {
      add_field(at + static_cast<std::size_t>(std::countr_zero(ends)));
    }
    if (line_end != 0) {
      add_field(at + static_cast<std::size_t>(std::countr_zero(line_end)));
      pos_ = field_start;
      ++line_;
      line_start_ = pos_;
      return true;
    }
  }
  row.fields.clear();
#else
  (void)row;
#endif
  return false;
}

void Lexer::read_unquoted(Field& field) {
  const std::size_t begin = pos_;
  const char* const data = text_.data();
  const std::size_t size = text_.size();
  std::size_t end = begin;
  while (end < size && !ends_field(data[end])) {
    ++end;
  }
  pos_ = end;
  field.text = trim(text_.substr(begin, end - begin));
}

bool Lexer::read_quoted(Field& field) {
  field.quoted = true;
  const std::size_t begin = pos_ + 1;
  bool escaped = false;
  std::size_t close = begin;
  for (;;) {
    close = text_.find('"', close);
    if (close == std::string_view::npos) {
      advance_lines(text_, begin, text_.size(), line_, line_start_);
      pos_ = text_.size();
      return false;
    }
    if (close + 1 < text_.size() && text_[close + 1] == '"') {
      escaped = true;
      close += 2;
      continue;
    }
    break;
  }
  advance_lines(text_, begin, close, line_, line_start_);
  field.text = escaped ? unescape(begin, close) : text_.substr(begin, close - begin);
  pos_ = close + 1;
  std::size_t after = pos_;  // blanks between the closing quote and the field's end are dropped
  while (after < text_.size() && is_blank(text_[after])) {
    ++after;
  }
  if (after >= text_.size() || ends_field(text_[after])) {
    pos_ = after;
    return true;
  }
  // Text after the closing quote joins the field, as Python's csv module does when not strict.
  while (after < text_.size() && !ends_field(text_[after])) {
    ++after;
  }
  std::string joined(field.text);
  joined.append(text_.substr(pos_, after - pos_));
  field.text = owned_.emplace_back(std::move(joined));
  pos_ = after;
  return true;
}

std::string_view Lexer::unescape(std::size_t begin, std::size_t end) {
  std::string value;
  value.reserve(end - begin);
  for (std::size_t i = begin; i < end; ++i) {
    value.push_back(text_[i]);
    if (text_[i] == '"') {
      ++i;  // the second quote of a doubled pair
    }
  }
  return owned_.emplace_back(std::move(value));
}

void Lexer::skip_line_end() {
  if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
    ++pos_;
  }
  ++pos_;
  ++line_;
  line_start_ = pos_;
}

PbPosition Lexer::position(std::uint32_t line, std::size_t line_start, std::size_t offset) const {
  return PbPosition{line, count_code_points(text_.substr(line_start, offset - line_start)) + 1};
}

PbPosition Lexer::position(const Field& field) const { return position(field.line, field.line_start, field.offset); }

PbPosition Lexer::here() const { return position(line_, line_start_, pos_); }

}  // namespace covalue::adapters::pabulib::detail
