#include "lead_flow.hpp"

#include <algorithm>
#include <cassert>
#include <functional>
#include <limits>
#include <queue>
#include <utility>

namespace covalue::core::network::detail {
namespace {

constexpr std::int64_t kUnreached = std::numeric_limits<std::int64_t>::max();
constexpr std::uint32_t kNoArc = std::numeric_limits<std::uint32_t>::max();

}  // namespace

void MinCostFlow::start_storing(std::size_t count) {
  for (std::size_t v = 0; v + 1 < first_.size(); ++v) {
    first_[v + 1] += first_[v];
  }
  arcs_.resize(2 * count);
  position_.resize(count);
}

void MinCostFlow::store(const FlowArcSpec& spec, std::size_t index, std::vector<std::uint32_t>& next) {
  assert(spec.from < potential_.size() && spec.to < potential_.size() && spec.cap >= 0 && spec.cost >= 0);
  const std::uint32_t forward = next[spec.from]++;
  const std::uint32_t backward = next[spec.to]++;
  arcs_[forward] = FlowArc{spec.to, backward, spec.cap, spec.convex, spec.cost};
  arcs_[backward] = FlowArc{spec.from, forward, 0, false, -spec.cost};
  position_[index] = forward;
}

std::int64_t MinCostFlow::reduced_cost(std::uint32_t tail, std::uint32_t arc) const {
  return arcs_[arc].cost + potential_[tail] - potential_[arcs_[arc].to];
}

// Dijkstra on reduced costs (all >= 0 by the invariant), stopped when the sink is settled. The
// potentials then move by min(dist, dist(sink)): every residual arc keeps a reduced cost >= 0 (check
// the four cases of u, v below or above dist(sink)) and every shortest path to the sink gets reduced
// cost 0. Arcs out of the sink are never relaxed: a shortest path to the sink does not pass through it.
bool MinCostFlow::shortest_paths(std::uint32_t source, std::uint32_t sink) {
  std::fill(dist_.begin(), dist_.end(), kUnreached);
  using Entry = std::pair<std::int64_t, std::uint32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
  dist_[source] = 0;
  queue.emplace(0, source);
  while (!queue.empty()) {
    const auto [d, u] = queue.top();
    queue.pop();
    if (d > dist_[u]) {
      continue;
    }
    if (u == sink) {
      break;
    }
    const std::int64_t base = d + potential_[u];
    for (std::uint32_t e = first_[u]; e < first_[u + 1]; ++e) {
      const FlowArc& arc = arcs_[e];
      if (arc.cap == 0) {
        continue;
      }
      const std::int64_t candidate = base + arc.cost - potential_[arc.to];
      if (candidate < dist_[arc.to]) {
        dist_[arc.to] = candidate;
        queue.emplace(candidate, arc.to);
      }
    }
  }
  const std::int64_t to_sink = dist_[sink];
  if (to_sink == kUnreached) {
    return false;
  }
  for (std::size_t v = 0; v < dist_.size(); ++v) {
    potential_[v] += std::min(dist_[v], to_sink);
  }
  return true;
}

void MinCostFlow::push(std::uint32_t arc) {
  FlowArc& forward = arcs_[arc];
  FlowArc& backward = arcs_[forward.rev];
  forward.cap -= 1;
  backward.cap += 1;
  if (forward.convex) {
    // The next unit costs one more; the reverse (never used: it leaves the sink) mirrors it.
    forward.cost += 1;
    backward.cost -= 1;
  }
}

// The first arc from u at or after `current` that is admissible (residual, reduced cost 0) and leads
// to a node not blocked.
std::uint32_t MinCostFlow::next_admissible(std::uint32_t u, std::uint32_t& current,
                                           const std::vector<char>& blocked) const {
  for (; current < first_[u + 1]; ++current) {
    const FlowArc& arc = arcs_[current];
    if (arc.cap > 0 && blocked[arc.to] == 0 && reduced_cost(u, current) == 0) {
      return current;
    }
  }
  return kNoArc;
}

// Pushes one unit along each path of reduced-cost-0 arcs found by depth-first search (with current-arc
// pointers, dead ends and nodes already on the path skipped). Every such path is a shortest path, so
// pushing on it keeps the flow of least cost for its value; a path the search misses is found by the
// next Dijkstra. Each push makes every arc of its path inadmissible (unit capacity, or a convex arc
// whose cost rose), so the pointers never need to move back.
std::int64_t MinCostFlow::augment_all(std::uint32_t source, std::uint32_t sink) {
  std::vector<std::uint32_t> current(first_.begin(), first_.end() - 1);
  std::vector<char> blocked(potential_.size(), 0);  // on the path, or a dead end of this phase
  std::vector<std::uint32_t> path;
  std::int64_t pushed = 0;
  std::uint32_t u = source;
  blocked[source] = 1;
  while (true) {
    if (u == sink) {
      for (const std::uint32_t e : path) {
        push(e);
        blocked[arcs_[e].to] = 0;
      }
      path.clear();
      ++pushed;
      u = source;
      continue;
    }
    const std::uint32_t e = next_admissible(u, current[u], blocked);
    if (e != kNoArc) {
      path.push_back(e);
      u = arcs_[e].to;
      blocked[u] = 1;
      continue;
    }
    if (u == source) {
      return pushed;
    }
    // A dead end: it stays blocked; back up and try the next arc of the node before it.
    u = arcs_[arcs_[path.back()].rev].to;
    path.pop_back();
    ++current[u];
  }
}

std::int64_t MinCostFlow::solve(std::uint32_t source, std::uint32_t sink) {
  std::int64_t total = 0;
  while (shortest_paths(source, sink)) {
    const std::int64_t pushed = augment_all(source, sink);
    assert(pushed > 0);  // the search finds the shortest path Dijkstra just found, at least
    if (pushed == 0) {
      break;
    }
    total += pushed;
  }
  return total;
}

std::int64_t MinCostFlow::flow(std::size_t index) const { return arcs_[arcs_[position_[index]].rev].cap; }

}  // namespace covalue::core::network::detail
