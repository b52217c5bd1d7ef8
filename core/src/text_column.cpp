#include "covalue/core/text_column.hpp"

#include <cstring>

#include "covalue/core/short_text.hpp"

namespace covalue::core {
namespace {

constexpr std::size_t kFirstSlots = 16;

// A code of `width` bytes at `at` (native byte order).
std::uint32_t load(const std::uint8_t* at, std::size_t width) {
  if (width == 1) {
    return *at;
  }
  if (width == 2) {
    std::uint16_t code = 0;
    std::memcpy(&code, at, sizeof(code));
    return code;
  }
  std::uint32_t code = 0;
  std::memcpy(&code, at, sizeof(code));
  return code;
}

void store(std::uint8_t* at, std::size_t width, std::uint32_t code) {
  if (width == 1) {
    *at = static_cast<std::uint8_t>(code);
  } else if (width == 2) {
    const auto narrow = static_cast<std::uint16_t>(code);
    std::memcpy(at, &narrow, sizeof(narrow));
  } else {
    std::memcpy(at, &code, sizeof(code));
  }
}

}  // namespace

void TextColumn::push_back(std::string_view value) {
  const std::uint32_t code = code_of(value);
  if (width_ == 1 && code <= UINT8_MAX) {  // the usual column: fewer than 256 distinct strings
    codes_.push_back(static_cast<std::uint8_t>(code));
    return;
  }
  if (width_ < sizeof(std::uint32_t) && code >> (8 * width_) != 0) {
    widen();
  }
  const std::size_t at = codes_.size();
  codes_.resize(at + width_);
  store(&codes_[at], width_, code);
}

std::string_view TextColumn::operator[](std::size_t index) const {
  return distinct(load(codes_.data() + index * width_, width_));
}

bool TextColumn::operator==(const TextColumn& other) const {
  if (size() != other.size()) {
    return false;
  }
  if (width_ == other.width_ && text_ == other.text_ && ends_ == other.ends_) {
    return codes_ == other.codes_;  // the same strings met in the same order
  }
  for (std::size_t i = 0; i < size(); ++i) {
    if ((*this)[i] != other[i]) {
      return false;
    }
  }
  return true;
}

std::uint32_t TextColumn::code_of(std::string_view value) {
  if (slots_.empty()) {
    slots_.assign(kFirstSlots, 0);
  }
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = static_cast<std::size_t>(hash_short_text(value)) & mask;
  for (; slots_[slot] != 0; slot = (slot + 1) & mask) {
    if (same_short_text(distinct(slots_[slot] - 1), value)) {
      return slots_[slot] - 1;
    }
  }
  const auto code = static_cast<std::uint32_t>(ends_.size() - 1);
  text_.append(value);
  ends_.push_back(static_cast<std::uint32_t>(text_.size()));
  slots_[slot] = code + 1;
  if ((static_cast<std::size_t>(code) + 1) * 2 > slots_.size()) {
    grow_slots();
  }
  return code;
}

void TextColumn::grow_slots() {
  std::vector<std::uint32_t> slots(slots_.size() * 2, 0);
  const std::size_t mask = slots.size() - 1;
  for (std::uint32_t code = 0; code + 1 < ends_.size(); ++code) {
    std::size_t slot = static_cast<std::size_t>(hash_short_text(distinct(code))) & mask;
    while (slots[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = code + 1;
  }
  slots_.swap(slots);
}

void TextColumn::widen() {
  const std::size_t count = size();
  const std::size_t wider = width_ * 2;
  std::vector<std::uint8_t> codes;
  codes.reserve(codes_.capacity() / width_ * wider);
  codes.resize(count * wider);
  for (std::size_t i = 0; i < count; ++i) {
    store(&codes[i * wider], wider, load(&codes_[i * width_], width_));
  }
  codes_.swap(codes);
  width_ = wider;
}

}  // namespace covalue::core
