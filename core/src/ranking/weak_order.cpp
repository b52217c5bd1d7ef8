#include "covalue/core/ranking/weak_order.hpp"

#include <algorithm>
#include <numeric>

namespace covalue::core::ranking {

WeakOrder order_by_scores(const std::vector<Rational>& scores, bool lower_is_better) {
  std::vector<Candidate> order(scores.size());
  std::iota(order.begin(), order.end(), Candidate{0});
  std::stable_sort(order.begin(), order.end(), [&](Candidate a, Candidate b) {
    return lower_is_better ? scores[a] < scores[b] : scores[a] > scores[b];
  });
  WeakOrder tiers;
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (i == 0 || scores[order[i]] != scores[order[i - 1]]) {
      tiers.emplace_back();
    }
    tiers.back().push_back(order[i]);
  }
  return tiers;
}

namespace {

// How many candidates beat each candidate.
std::vector<std::uint32_t> beaten_counts(std::uint32_t n, const std::vector<char>& beats) {
  std::vector<std::uint32_t> beaten_by(n, 0);
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = 0; b < n; ++b) {
      beaten_by[b] += beats[(a * n) + b] != 0 ? 1 : 0;
    }
  }
  return beaten_by;
}

}  // namespace

WeakOrder layer_by_relation(std::uint32_t n, const std::vector<char>& beats) {
  std::vector<std::uint32_t> beaten_by = beaten_counts(n, beats);
  std::vector<char> placed(n, 0);
  WeakOrder tiers;
  Tier layer;
  for (Candidate c = 0; c < n; ++c) {
    if (beaten_by[c] == 0) {
      layer.push_back(c);
    }
  }
  while (!layer.empty()) {
    Tier next;
    for (const Candidate a : layer) {
      placed[a] = 1;
      for (Candidate b = 0; b < n; ++b) {
        if (beats[(static_cast<std::size_t>(a) * n) + b] != 0 && --beaten_by[b] == 0) {
          next.push_back(b);
        }
      }
    }
    tiers.push_back(std::move(layer));
    std::sort(next.begin(), next.end());
    layer = std::move(next);
  }
  Tier leftovers;  // candidates on a cycle of the relation
  for (Candidate c = 0; c < n; ++c) {
    if (placed[c] == 0) {
      leftovers.push_back(c);
    }
  }
  if (!leftovers.empty()) {
    tiers.push_back(std::move(leftovers));
  }
  return tiers;
}

std::vector<std::uint32_t> tier_index(const WeakOrder& order, std::uint32_t num_candidates) {
  std::vector<std::uint32_t> index(num_candidates, static_cast<std::uint32_t>(order.size()));
  for (std::uint32_t t = 0; t < order.size(); ++t) {
    for (const Candidate c : order[t]) {
      index[c] = t;
    }
  }
  return index;
}

WeakOrder reversed(const WeakOrder& order) { return WeakOrder(order.rbegin(), order.rend()); }

WeakOrder as_weak_order(const std::vector<Candidate>& linear) {
  WeakOrder order;
  order.reserve(linear.size());
  for (const Candidate c : linear) {
    order.push_back(Tier{c});
  }
  return order;
}

}  // namespace covalue::core::ranking
