#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "covalue/core/rational.hpp"

namespace covalue::core {

class NumberSpan;

//! Exact numbers in one array, stored as 64-bit integers while every value is one and as rationals
//! from the first value that is not: a column of integers costs no allocation per value.
class NumberColumn {
 public:
  //! Appends a value.
  void push_back(const Rational& value);
  //! Appends an integer value.
  void push_back(std::int64_t value);
  //! Makes room for `count` values.
  void reserve(std::size_t count);

  [[nodiscard]] std::size_t size() const { return rational_ ? rationals_.size() : integers_.size(); }
  //! The value at `index`.
  [[nodiscard]] Rational operator[](std::size_t index) const;
  //! The sign (-1, 0 or 1) of the value at `index`, without building it.
  [[nodiscard]] int sign(std::size_t index) const;
  //! True while every value is a 64-bit integer; integers() then holds them.
  [[nodiscard]] bool integral() const { return !rational_; }
  [[nodiscard]] const std::vector<std::int64_t>& integers() const { return integers_; }
  //! The values [begin, end).
  [[nodiscard]] NumberSpan span(std::size_t begin, std::size_t end) const;

  //! Equal values in the same order, however each column stores them.
  bool operator==(const NumberColumn& other) const;

 private:
  void make_rational();

  std::vector<std::int64_t> integers_;
  std::vector<Rational> rationals_;
  bool rational_{false};
};

//! A window on a NumberColumn: the values [begin, end) of it, valid while the column is unchanged.
class NumberSpan {
 public:
  NumberSpan() = default;
  NumberSpan(const NumberColumn& column, std::size_t begin, std::size_t end)
      : column_(&column), begin_(begin), end_(end) {}

  [[nodiscard]] std::size_t size() const { return end_ - begin_; }
  [[nodiscard]] bool empty() const { return begin_ == end_; }
  //! The value at `index` of the window.
  [[nodiscard]] Rational operator[](std::size_t index) const { return (*column_)[begin_ + index]; }
  //! Its sign (-1, 0 or 1).
  [[nodiscard]] int sign(std::size_t index) const { return column_->sign(begin_ + index); }
  //! The values, as rationals.
  [[nodiscard]] std::vector<Rational> to_vector() const;

 private:
  const NumberColumn* column_{nullptr};
  std::size_t begin_{0};
  std::size_t end_{0};
};

inline NumberSpan NumberColumn::span(std::size_t begin, std::size_t end) const { return {*this, begin, end}; }

}  // namespace covalue::core
