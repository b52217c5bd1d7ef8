#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

#include "max_welfare_knapsack.hpp"

namespace covalue::core::rules {
namespace {

constexpr std::int64_t kInt64Limit = std::int64_t{1} << 62;

// best(i, c): the largest value of items i..n-1 within capacity c; row n is all zero. Rows are
// suffixes in rank order, so walking forward and taking an item whenever an optimum still allows
// it yields the lexicographically smallest optimal selection.
class SuffixTable {
 public:
  explicit SuffixTable(const WelfareModel& model)
      : items_(model.values.size()),
        columns_(static_cast<std::size_t>(model.capacity.get_ui()) + 1),
        cells_(std::make_unique_for_overwrite<std::int64_t[]>((items_ + 1) * columns_)) {
    std::fill_n(&cells_[items_ * columns_], columns_, std::int64_t{0});
    for (std::size_t i = 0; i < items_; ++i) {
      values_.push_back(model.values[i].get_si());
      weights_.push_back(static_cast<std::size_t>(model.weights[i].get_ui()));
    }
    for (std::size_t i = items_; i-- > 0;) {
      fill_row(i);
    }
  }

  [[nodiscard]] std::int64_t best(std::size_t item, std::size_t capacity) const {
    return cells_[item * columns_ + capacity];
  }
  [[nodiscard]] std::size_t items() const { return items_; }
  [[nodiscard]] std::size_t capacity() const { return columns_ - 1; }
  [[nodiscard]] std::int64_t value(std::size_t item) const { return values_[item]; }
  [[nodiscard]] std::size_t weight(std::size_t item) const { return weights_[item]; }
  [[nodiscard]] std::uint64_t cells() const { return items_ * columns_; }

 private:
  void fill_row(std::size_t i) {
    const std::int64_t* next = &cells_[(i + 1) * columns_];
    std::int64_t* row = &cells_[i * columns_];
    const std::size_t w = weights_[i];
    const std::int64_t v = values_[i];
    for (std::size_t c = 0; c < columns_; ++c) {
      row[c] = c >= w ? std::max(next[c], v + next[c - w]) : next[c];
    }
  }

  std::size_t items_;
  std::size_t columns_;
  std::unique_ptr<std::int64_t[]> cells_;  // every cell is written before it is read
  std::vector<std::int64_t> values_;
  std::vector<std::size_t> weights_;
};

std::vector<std::uint32_t> preferred_selection(const SuffixTable& table) {
  std::vector<std::uint32_t> chosen;
  std::size_t room = table.capacity();
  for (std::size_t i = 0; i < table.items(); ++i) {
    const std::size_t w = table.weight(i);
    if (w <= room && table.value(i) + table.best(i + 1, room - w) == table.best(i, room)) {
      chosen.push_back(static_cast<std::uint32_t>(i));
      room -= w;
    }
  }
  return chosen;
}

// Every selection of items i.. within `room` worth exactly `need`, in lexicographic order; stops
// once `limit` + 1 are found.
void enumerate(const SuffixTable& table, std::size_t i, std::size_t room, std::int64_t need,
               std::vector<std::uint32_t>& chosen, std::size_t limit, KnapsackAnswer& answer) {
  if (answer.selections.size() > limit) {
    return;
  }
  if (i == table.items()) {
    answer.selections.push_back(chosen);
    return;
  }
  const std::size_t w = table.weight(i);
  if (w <= room && table.value(i) + table.best(i + 1, room - w) >= need) {
    chosen.push_back(static_cast<std::uint32_t>(i));
    enumerate(table, i + 1, room - w, need - table.value(i), chosen, limit, answer);
    chosen.pop_back();
  }
  if (table.best(i + 1, room) >= need) {
    enumerate(table, i + 1, room, need, chosen, limit, answer);
  }
}

}  // namespace

bool dp_applies(const WelfareModel& model, std::size_t cell_limit) {
  Integer total_value = 0;
  for (const Integer& v : model.values) {
    total_value += v;
  }
  if (total_value >= kInt64Limit || !model.capacity.fits_ulong_p()) {
    return false;
  }
  const Integer cells = Integer(model.capacity + 1) * Integer(static_cast<unsigned long>(model.values.size() + 1));
  return cells <= Integer(static_cast<unsigned long>(cell_limit));
}

Result<KnapsackAnswer> solve_by_dp(const WelfareModel& model, const KnapsackRequest& request) {
  const SuffixTable table(model);
  KnapsackAnswer answer;
  answer.method = "dynamic-programming";
  answer.nodes = table.cells();
  const std::int64_t optimum = table.best(0, table.capacity());
  answer.optimum = Integer(static_cast<long>(optimum));
  if (!request.enumerate_limit) {
    answer.selections.push_back(preferred_selection(table));
    return answer;
  }
  const std::size_t limit = *request.enumerate_limit;
  std::vector<std::uint32_t> chosen;
  enumerate(table, 0, table.capacity(), optimum, chosen, limit, answer);
  if (answer.selections.size() > limit) {
    answer.selections.resize(limit);
    answer.more = true;
  }
  return answer;
}

}  // namespace covalue::core::rules
