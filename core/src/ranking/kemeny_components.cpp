// Strongly connected parts of the weak majority relation (Kosaraju on the dense matrix).
#include <algorithm>

#include "covalue/core/ranking/kemeny.hpp"

namespace covalue::core::ranking {
namespace {

// a -> b when a is not beaten by b; `reverse` follows the edges backwards.
bool edge(const PairwiseMatrix& pairwise, Candidate a, Candidate b, bool reverse) {
  return a != b && (reverse ? pairwise.margin(b, a) >= 0 : pairwise.margin(a, b) >= 0);
}

// Iterative depth-first search; appends the visited candidates in order of completion.
void visit(const PairwiseMatrix& pairwise, Candidate root, bool reverse, std::vector<char>& seen,
           std::vector<Candidate>& finished) {
  const std::uint32_t n = pairwise.size();
  std::vector<std::pair<Candidate, Candidate>> stack{{root, 0}};
  seen[root] = 1;
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    while (next < n && (seen[next] != 0 || !edge(pairwise, node, next, reverse))) {
      ++next;
    }
    if (next == n) {
      finished.push_back(node);
      stack.pop_back();
      continue;
    }
    const Candidate child = next++;
    seen[child] = 1;
    stack.emplace_back(child, 0);
  }
}

}  // namespace

std::vector<std::vector<Candidate>> condorcet_components(const PairwiseMatrix& pairwise) {
  const std::uint32_t n = pairwise.size();
  std::vector<char> seen(n, 0);
  std::vector<Candidate> order;
  for (Candidate c = 0; c < n; ++c) {
    if (seen[c] == 0) {
      visit(pairwise, c, false, seen, order);
    }
  }
  std::fill(seen.begin(), seen.end(), 0);
  std::vector<std::vector<Candidate>> parts;
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    if (seen[*it] == 0) {
      parts.emplace_back();
      visit(pairwise, *it, true, seen, parts.back());
      std::sort(parts.back().begin(), parts.back().end());
    }
  }
  std::sort(parts.begin(), parts.end(),
            [&](const auto& x, const auto& y) { return pairwise.margin(x.front(), y.front()) > 0; });
  return parts;
}

}  // namespace covalue::core::ranking
