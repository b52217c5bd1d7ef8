// Small text helpers shared by the reader, the writer and the checker, and the id index.
#include <cstdint>
#include <string_view>
#include <utility>

#include "covalue/core/short_text.hpp"
#include "pb_internal.hpp"

namespace covalue::adapters::pabulib::detail {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Plain digits, optionally with one '.' or ',' between digits, short enough for 64 bits.
bool parse_short_decimal(std::string_view text, core::Rational& out) {
  static_assert(sizeof(unsigned long) >= sizeof(std::uint64_t));  // NOLINT(google-runtime-int)
  constexpr std::size_t kMaxDigits = 18;
  if (text.empty() || text.size() > kMaxDigits || !is_digit(text.front()) || !is_digit(text.back())) {
    return false;
  }
  std::uint64_t value = 0;
  std::uint64_t scale = 1;
  bool in_fraction = false;
  for (const char c : text) {
    if (is_digit(c)) {
      value = value * 10 + static_cast<std::uint64_t>(c - '0');
      scale = in_fraction ? scale * 10 : scale;
    } else if ((c == '.' || c == ',') && !in_fraction) {
      in_fraction = true;
    } else {
      return false;
    }
  }
  mpq_set_ui(out.get_mpq_t(), value, scale);
  if (scale != 1) {
    out.canonicalize();
  }
  return true;
}

}  // namespace

const char* section_name(Section section) {
  switch (section) {
    case Section::kMeta:
      return "META";
    case Section::kProjects:
      return "PROJECTS";
    case Section::kVotes:
      return "VOTES";
  }
  return "META";
}

ColumnRole column_role(std::string_view name, Section section, core::BallotKind kind) {
  if (section == Section::kProjects) {
    if (iequals(name, "project_id")) {
      return ColumnRole::kId;
    }
    if (iequals(name, "cost")) {
      return ColumnRole::kCost;
    }
    if (iequals(name, "category") || iequals(name, "categories")) {
      return ColumnRole::kCategories;
    }
    if (iequals(name, "target") || iequals(name, "targets")) {
      return ColumnRole::kTargets;
    }
    return ColumnRole::kExtra;
  }
  if (iequals(name, "voter_id")) {
    return ColumnRole::kId;
  }
  if (iequals(name, "vote")) {
    return ColumnRole::kVote;
  }
  const bool scored = kind == core::BallotKind::kCumulative || kind == core::BallotKind::kScoring;
  return scored && iequals(name, "points") ? ColumnRole::kPoints : ColumnRole::kExtra;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) {
      return false;
    }
  }
  return true;
}

bool is_section_name(std::string_view text) {
  text = trim(text);
  return iequals(text, "meta") || iequals(text, "projects") || iequals(text, "votes");
}

bool parse_number(std::string_view text, core::Rational& out) {
  if (parse_short_decimal(text, out)) {
    return true;
  }
  auto parsed = core::parse_rational(text);
  if (!parsed.ok()) {
    return false;
  }
  out = std::move(parsed).value();
  return true;
}

std::uint32_t count_code_points(std::string_view text) {
  std::uint32_t count = 0;
  for (const char c : text) {
    count += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1U : 0U;
  }
  return count;
}

void advance_lines(std::string_view text, std::size_t begin, std::size_t end, std::uint32_t& line,
                   std::size_t& line_start) {
  for (std::size_t i = begin; i < end; ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == end || text[i + 1] != '\n'))) {
      ++line;
      line_start = i + 1;
    }
  }
}

IdIndex::IdIndex(std::size_t expected) {
  std::size_t capacity = 16;
  while (capacity < expected * 2) {
    capacity *= 2;
  }
  slots_.resize(capacity);
  keys_.reserve(expected);
}

std::size_t IdIndex::slot_of(std::string_view id, std::uint64_t hash) const {
  constexpr unsigned kShift = 32;
  const std::size_t mask = slots_.size() - 1;
  const std::uint64_t tag = hash >> kShift << kShift;
  std::size_t slot = static_cast<std::size_t>(hash) & mask;
  for (;;) {
    const std::uint64_t entry = slots_[slot];
    if (entry == 0 ||
        ((entry >> kShift << kShift) == tag && core::same_short_text(keys_[(entry & 0xFFFFFFFFU) - 1], id))) {
      return slot;
    }
    slot = (slot + 1) & mask;
  }
}

bool IdIndex::insert(std::string_view id) {
  if ((keys_.size() + 1) * 2 > slots_.size()) {
    grow();
  }
  const std::uint64_t hash = core::hash_short_text(id);
  std::uint64_t& entry = slots_[slot_of(id, hash)];
  if (entry != 0) {
    return false;
  }
  keys_.push_back(id);
  entry = (hash >> 32U << 32U) | keys_.size();
  return true;
}

std::uint32_t IdIndex::find(std::string_view id) const {
  const std::uint64_t entry = slots_[slot_of(id, core::hash_short_text(id))];
  return entry == 0 ? kMissing : static_cast<std::uint32_t>((entry & 0xFFFFFFFFU) - 1);
}

void IdIndex::grow() {
  std::vector<std::uint64_t> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const std::uint64_t entry : old) {
    if (entry != 0) {
      std::size_t slot = static_cast<std::size_t>(core::hash_short_text(keys_[(entry & 0xFFFFFFFFU) - 1])) & mask;
      while (slots_[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots_[slot] = entry;
    }
  }
}

std::uint64_t ShortIdIndex::key_of(std::string_view id) {
  if (id.empty() || id.size() > kMaxBytes) {
    return 0;
  }
  std::uint64_t bytes = 0;
  for (std::size_t i = 0; i < id.size(); ++i) {
    bytes |= std::uint64_t{static_cast<unsigned char>(id[i])} << (8 * i);
  }
  return key_of(bytes, id.size());
}

void ShortIdIndex::add(std::uint64_t key, std::uint32_t number) {
  constexpr std::size_t kFirstSlots = 64;
  if (keys_.empty()) {
    keys_.assign(kFirstSlots, 0);
    numbers_.assign(kFirstSlots, kMissing);
    shift_ = 64 - 6;  // kFirstSlots is 2^6
  } else if ((count_ + 1) * 2 > keys_.size()) {
    grow();
  }
  const std::size_t mask = keys_.size() - 1;
  std::size_t slot = slot_of(key);
  while (keys_[slot] != 0) {
    slot = (slot + 1) & mask;
  }
  keys_[slot] = key;
  numbers_[slot] = number;
  ++count_;
}

void ShortIdIndex::grow() {
  std::vector<std::uint64_t> keys(keys_.size() * 2, 0);
  std::vector<std::uint32_t> numbers(keys.size(), kMissing);
  keys.swap(keys_);
  numbers.swap(numbers_);
  --shift_;
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] != 0) {
      std::size_t slot = slot_of(keys[i]);
      while (keys_[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      keys_[slot] = keys[i];
      numbers_[slot] = numbers[i];
    }
  }
}

}  // namespace covalue::adapters::pabulib::detail
