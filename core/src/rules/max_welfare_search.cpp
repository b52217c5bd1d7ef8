#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

#include "max_welfare_knapsack.hpp"

namespace covalue::core::rules {
namespace {

__extension__ using Int128 = __int128;
constexpr std::int64_t kInt64Limit = std::int64_t{1} << 62;

// floor(a * b / c) for non-negative a, b and positive c, without overflow.
std::int64_t mul_div(std::int64_t a, std::int64_t b, std::int64_t c) {
  return static_cast<std::int64_t>(static_cast<Int128>(a) * b / c);
}
Integer mul_div(const Integer& a, const Integer& b, const Integer& c) { return Integer(a * b / c); }

// True when a / b > c / d for positive b and d.
bool ratio_greater(std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d) {
  return static_cast<Int128>(a) * d > static_cast<Int128>(c) * b;
}
bool ratio_greater(const Integer& a, const Integer& b, const Integer& c, const Integer& d) { return a * d > c * b; }

std::int64_t to_number(const Integer& n, std::int64_t /*tag*/) { return n.get_si(); }
Integer to_number(const Integer& n, const Integer& /*tag*/) { return n; }

enum class Fix : std::uint8_t { kFree, kIn, kOut };

// The model in the search's number type, with the items ordered by value per unit of cost.
template <typename Int>
struct Items {
  std::vector<Int> value;
  std::vector<Int> weight;
  Int capacity{};
  std::vector<std::uint32_t> by_ratio;

  explicit Items(const WelfareModel& model) {
    for (std::size_t i = 0; i < model.values.size(); ++i) {
      value.push_back(to_number(model.values[i], Int{}));
      weight.push_back(to_number(model.weights[i], Int{}));
    }
    capacity = to_number(model.capacity, Int{});
    by_ratio.resize(value.size());
    std::iota(by_ratio.begin(), by_ratio.end(), std::uint32_t{0});
    std::stable_sort(by_ratio.begin(), by_ratio.end(), [&](std::uint32_t a, std::uint32_t b) {
      return ratio_greater(value[a], weight[a], value[b], weight[b]);
    });
  }
};

// One depth-first search over the free items (in ratio order) for selections worth at least
// `need_`. Improving mode raises `need_` past every selection found, so the last one found is
// optimal; collecting mode keeps `need_` and gathers selections until `stop_after` are found.
template <typename Int>
class DepthFirst {
 public:
  DepthFirst(const Items<Int>& items, const std::vector<Fix>& fixes, std::uint64_t& nodes, std::uint64_t node_limit)
      : items_(items), nodes_(nodes), node_limit_(node_limit) {
    Int room = items.capacity;
    prefix_weight_.push_back(Int{});
    prefix_value_.push_back(Int{});
    for (const std::uint32_t i : items.by_ratio) {
      if (fixes[i] == Fix::kFree) {
        free_.push_back(i);
        prefix_weight_.push_back(prefix_weight_.back() + items.weight[i]);
        prefix_value_.push_back(prefix_value_.back() + items.value[i]);
      }
    }
    for (std::uint32_t i = 0; i < fixes.size(); ++i) {
      if (fixes[i] == Fix::kIn) {
        chosen_.push_back(i);
        base_value_ += items.value[i];
        room -= items.weight[i];
      }
    }
    base_room_ = room;
  }

  //! Finds an optimal selection among those worth at least `need` (found() is empty when none is).
  void improve(const Int& need) {
    improving_ = true;
    run(need);
  }
  //! Collects selections worth at least `need`, stopping after `stop_after` of them.
  void collect(const Int& need, std::size_t stop_after) {
    improving_ = false;
    stop_after_ = stop_after;
    run(need);
  }

  [[nodiscard]] bool aborted() const { return aborted_; }
  [[nodiscard]] const std::vector<std::vector<std::uint32_t>>& found() const { return found_; }
  [[nodiscard]] const Int& best_value() const { return best_value_; }

 private:
  void run(const Int& need) {
    need_ = need;
    if (base_room_ < Int{}) {
      return;  // the fixed items alone overflow the budget
    }
    dfs(0, base_value_, base_room_);
  }

  void dfs(std::size_t i, const Int& value, const Int& room) {
    if (stop_ || ++nodes_ > node_limit_) {
      aborted_ = aborted_ || !stop_;
      stop_ = true;
      return;
    }
    const Int reach = prefix_weight_[i] + room;
    const auto end =
        std::upper_bound(prefix_weight_.begin() + static_cast<std::ptrdiff_t>(i), prefix_weight_.end(), reach);
    const auto fit = static_cast<std::size_t>(end - prefix_weight_.begin()) - 1;  // items i..fit-1 fit together
    const Int greedy_value = value + prefix_value_[fit] - prefix_value_[i];
    if (fit == free_.size()) {
      leaf(greedy_value, i);  // everything left fits: taking it all beats every other completion
      return;
    }
    const std::uint32_t split = free_[fit];
    const Int bound =
        greedy_value + mul_div(items_.value[split], Int(reach - prefix_weight_[fit]), items_.weight[split]);
    if (bound < need_) {
      return;
    }
    const std::uint32_t item = free_[i];
    if (items_.weight[item] <= room) {
      chosen_.push_back(item);
      dfs(i + 1, Int(value + items_.value[item]), Int(room - items_.weight[item]));
      chosen_.pop_back();
    }
    dfs(i + 1, value, room);
  }

  void leaf(const Int& value, std::size_t rest) {
    if (value < need_) {
      return;
    }
    std::vector<std::uint32_t> selection = chosen_;
    selection.insert(selection.end(), free_.begin() + static_cast<std::ptrdiff_t>(rest), free_.end());
    std::sort(selection.begin(), selection.end());
    if (improving_) {
      best_value_ = value;
      need_ = value + 1;
      found_.clear();
      found_.push_back(std::move(selection));
      return;
    }
    found_.push_back(std::move(selection));
    stop_ = found_.size() >= stop_after_;
  }

  const Items<Int>& items_;
  std::uint64_t& nodes_;
  std::uint64_t node_limit_;
  std::vector<std::uint32_t> free_;
  std::vector<Int> prefix_weight_;
  std::vector<Int> prefix_value_;
  std::vector<std::uint32_t> chosen_;
  Int base_value_{};
  Int base_room_{};
  Int need_{};
  Int best_value_{};
  bool improving_{true};
  std::size_t stop_after_{1};
  bool stop_{false};
  bool aborted_{false};
  std::vector<std::vector<std::uint32_t>> found_;
};

Error time_limit(std::uint64_t nodes) {
  return make_error(ErrorKind::kTimeLimit, "maximum welfare: branch-and-bound stopped after " + std::to_string(nodes) +
                                               " nodes without proving optimality");
}

// Fixes items in rank order, each in when an optimal selection still includes it: the result is
// the lexicographically smallest optimal selection. `witness` is an optimal selection consistent
// with the fixes so far, so only items outside it need a search.
template <typename Int>
Result<std::vector<std::uint32_t>> preferred(const Items<Int>& items, const Int& optimum,
                                             const std::vector<std::uint32_t>& witness, std::uint64_t& nodes,
                                             std::uint64_t node_limit) {
  std::vector<Fix> fixes(items.value.size(), Fix::kFree);
  std::vector<bool> in_witness(items.value.size(), false);
  for (const std::uint32_t i : witness) {
    in_witness[i] = true;
  }
  for (std::size_t i = 0; i < fixes.size(); ++i) {
    fixes[i] = Fix::kIn;
    if (in_witness[i]) {
      continue;
    }
    DepthFirst<Int> search(items, fixes, nodes, node_limit);
    search.collect(optimum, 1);
    if (search.aborted()) {
      return time_limit(nodes);
    }
    if (search.found().empty()) {
      fixes[i] = Fix::kOut;
      continue;
    }
    std::fill(in_witness.begin(), in_witness.end(), false);
    for (const std::uint32_t j : search.found().front()) {
      in_witness[j] = true;
    }
  }
  std::vector<std::uint32_t> selection;
  for (std::uint32_t i = 0; i < fixes.size(); ++i) {
    if (fixes[i] == Fix::kIn) {
      selection.push_back(i);
    }
  }
  return selection;
}

template <typename Int>
Result<KnapsackAnswer> solve(const WelfareModel& model, const KnapsackRequest& request) {
  const Items<Int> items(model);
  const std::vector<Fix> free(items.value.size(), Fix::kFree);
  KnapsackAnswer answer;
  answer.method = "branch-and-bound";
  DepthFirst<Int> first(items, free, answer.nodes, request.node_limit);
  first.improve(Int{});
  if (first.aborted() || first.found().empty()) {
    return time_limit(answer.nodes);
  }
  const Int optimum = first.best_value();
  answer.optimum = Integer(optimum);
  if (!request.enumerate_limit) {
    auto selection = preferred(items, optimum, first.found().front(), answer.nodes, request.node_limit);
    if (!selection.ok()) {
      return selection.error();
    }
    answer.selections.push_back(std::move(selection).value());
    return answer;
  }
  const std::size_t limit = *request.enumerate_limit;
  DepthFirst<Int> all(items, free, answer.nodes, request.node_limit);
  all.collect(optimum, limit + 1);
  if (all.aborted()) {
    return time_limit(answer.nodes);
  }
  answer.selections = all.found();
  std::sort(answer.selections.begin(), answer.selections.end());
  if (answer.selections.size() > limit) {
    answer.selections.resize(limit);
    answer.more = true;
  }
  return answer;
}

bool fits_int64(const std::vector<Integer>& numbers) {
  Integer total = 0;
  for (const Integer& n : numbers) {
    total += n;
  }
  return total < kInt64Limit;
}

}  // namespace

Result<KnapsackAnswer> solve_by_search(const WelfareModel& model, const KnapsackRequest& request) {
  if (fits_int64(model.values) && fits_int64(model.weights)) {
    return solve<std::int64_t>(model, request);
  }
  return solve<Integer>(model, request);
}

}  // namespace covalue::core::rules
