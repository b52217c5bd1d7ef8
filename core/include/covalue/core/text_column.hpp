#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace covalue::core {

//! Strings in one array, for columns whose values repeat (a voter's age, sex, how they voted): each
//! distinct string is stored once and each value as its code, 1 byte wide while fewer than 256
//! strings are distinct, then 2, then 4, so that a value costs a byte or two rather than its text.
class TextColumn {
 public:
  //! Appends a value.
  void push_back(std::string_view value);
  //! Makes room for `count` values.
  void reserve(std::size_t count) { codes_.reserve(count * width_); }

  [[nodiscard]] std::size_t size() const { return codes_.size() / width_; }
  //! The value at `index`, valid until the column changes.
  [[nodiscard]] std::string_view operator[](std::size_t index) const;

  //! Equal values in the same order.
  bool operator==(const TextColumn& other) const;

 private:
  [[nodiscard]] std::string_view distinct(std::uint32_t code) const {
    return std::string_view(text_).substr(ends_[code], ends_[code + 1] - ends_[code]);
  }
  [[nodiscard]] std::uint32_t code_of(std::string_view value);
  void widen();
  void grow_slots();

  std::string text_;                    // the distinct strings, one after the other
  std::vector<std::uint32_t> ends_{0};  // string c is text_[ends_[c], ends_[c + 1])
  std::vector<std::uint32_t> slots_;    // open addressing over the distinct strings: code + 1, 0 when empty
  std::vector<std::uint8_t> codes_;     // one code per value, `width_` bytes each (native byte order)
  std::size_t width_{1};
};

}  // namespace covalue::core
