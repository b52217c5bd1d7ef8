// Largest excess as a maximum-weight closure, solved by Dinic's maximum flow on exact integers.
#include <algorithm>
#include <cstddef>
#include <queue>

#include "largest_excess.hpp"

namespace covalue::core::games::detail {
namespace {

// A flow network with Dinic's algorithm; edge e's reverse is e ^ 1.
template <typename Int>
class FlowNetwork {
 public:
  explicit FlowNetwork(std::size_t nodes) : adjacency_(nodes), level_(nodes), next_(nodes) {}

  void add_edge(std::size_t from, std::size_t to, const Int& capacity) {
    adjacency_[from].push_back(edges_.size());
    edges_.push_back({to, capacity});
    adjacency_[to].push_back(edges_.size());
    edges_.push_back({from, Int(0)});
  }

  Int max_flow(std::size_t source, std::size_t sink) {
    Int flow(0);
    while (build_levels(source, sink)) {
      std::fill(next_.begin(), next_.end(), std::size_t{0});
      flow += blocking_flow(source, sink);
    }
    return flow;
  }

  // The nodes the source reaches in the residual graph (after max_flow: the smallest minimum cut).
  [[nodiscard]] std::vector<bool> source_side(std::size_t source) const {
    std::vector<bool> seen(adjacency_.size(), false);
    std::vector<std::size_t> stack{source};
    seen[source] = true;
    while (!stack.empty()) {
      const std::size_t u = stack.back();
      stack.pop_back();
      for (const std::size_t e : adjacency_[u]) {
        if (edges_[e].capacity > 0 && !seen[edges_[e].to]) {
          seen[edges_[e].to] = true;
          stack.push_back(edges_[e].to);
        }
      }
    }
    return seen;
  }

 private:
  struct Edge {
    std::size_t to{0};
    Int capacity{0};
  };

  bool build_levels(std::size_t source, std::size_t sink) {
    std::fill(level_.begin(), level_.end(), -1);
    std::queue<std::size_t> queue;
    level_[source] = 0;
    queue.push(source);
    while (!queue.empty()) {
      const std::size_t u = queue.front();
      queue.pop();
      for (const std::size_t e : adjacency_[u]) {
        if (edges_[e].capacity > 0 && level_[edges_[e].to] < 0) {
          level_[edges_[e].to] = level_[u] + 1;
          queue.push(edges_[e].to);
        }
      }
    }
    return level_[sink] >= 0;
  }

  // Pushes along the path, then returns how many of its edges stay usable (the path keeps that prefix).
  std::size_t push_path(const std::vector<std::size_t>& path, Int& flow) {
    Int bottleneck = edges_[path.front()].capacity;
    for (const std::size_t e : path) {
      if (edges_[e].capacity < bottleneck) {
        bottleneck = edges_[e].capacity;
      }
    }
    std::size_t keep = path.size();
    for (std::size_t k = 0; k < path.size(); ++k) {
      edges_[path[k]].capacity -= bottleneck;
      edges_[path[k] ^ 1U].capacity += bottleneck;
      if (keep == path.size() && edges_[path[k]].capacity == 0) {
        keep = k;
      }
    }
    flow += bottleneck;
    return keep;
  }

  // One blocking flow on the level graph, by iterative depth-first search.
  Int blocking_flow(std::size_t source, std::size_t sink) {
    Int flow(0);
    std::vector<std::size_t> path;
    std::size_t u = source;
    while (true) {
      if (u == sink) {
        path.resize(push_path(path, flow));
        u = path.empty() ? source : edges_[path.back()].to;
        continue;
      }
      bool advanced = false;
      for (; next_[u] < adjacency_[u].size(); ++next_[u]) {
        const std::size_t e = adjacency_[u][next_[u]];
        if (edges_[e].capacity > 0 && level_[edges_[e].to] == level_[u] + 1) {
          path.push_back(e);
          u = edges_[e].to;
          advanced = true;
          break;
        }
      }
      if (advanced) {
        continue;
      }
      if (u == source) {
        return flow;
      }
      level_[u] = -1;
      u = edges_[path.back() ^ 1U].to;
      path.pop_back();
      ++next_[u];
    }
  }

  std::vector<Edge> edges_;
  std::vector<std::vector<std::size_t>> adjacency_;
  std::vector<std::ptrdiff_t> level_;
  std::vector<std::size_t> next_;
};

constexpr std::size_t kSource = 0;
constexpr std::size_t kSink = 1;

// Node weight w: a source edge when w > 0 (returned as earned), a sink edge when w < 0.
template <typename Int>
void add_weight(FlowNetwork<Int>& network, std::size_t node, const Int& weight, Int& earned) {
  if (weight > 0) {
    network.add_edge(kSource, node, weight);
    earned += weight;
  } else if (weight < 0) {
    network.add_edge(node, kSink, Int(-weight));
  }
}

// A capacity no minimum cut can afford: more than every finite capacity together.
template <typename Int>
Int unaffordable(const TypedSubgame<Int>& game) {
  Int total(1);
  for (const TypedImpact<Int>& impact : game.entries) {
    total += impact.value > 0 ? impact.value : Int(-impact.value);
  }
  for (const Int& weight : game.weights) {
    total += weight > 0 ? weight : Int(-weight);
  }
  return total;
}

// Nodes: source, sink, players, initiatives, then one per (player, initiative it helps) pair.
template <typename Int>
Excess solve_closure(const TypedSubgame<Int>& game) {
  const std::size_t n = game.num_players;
  const std::size_t first_initiative = 2 + n;
  const Int infinite = unaffordable(game);
  std::vector<Int> initiative_weight(game.base);
  std::size_t pairs = 0;
  for (const TypedImpact<Int>& impact : game.entries) {
    pairs += impact.value > 0 ? 1 : 0;
    if (impact.value < 0) {
      initiative_weight[impact.initiative] += impact.value;
    }
  }
  FlowNetwork<Int> network(first_initiative + game.num_initiatives + pairs);
  Int earned(0);
  std::size_t pair = first_initiative + game.num_initiatives;
  for (std::size_t p = 0; p < n; ++p) {
    add_weight(network, 2 + p, Int(-game.weights[p]), earned);
    for (std::size_t e = game.offsets[p]; e < game.offsets[p + 1]; ++e) {
      const TypedImpact<Int>& impact = game.entries[e];
      if (impact.value < 0) {
        network.add_edge(first_initiative + impact.initiative, 2 + p, infinite);
        continue;
      }
      add_weight(network, pair, impact.value, earned);
      network.add_edge(pair, 2 + p, infinite);
      network.add_edge(pair++, first_initiative + impact.initiative, infinite);
    }
  }
  for (std::size_t i = 0; i < game.num_initiatives; ++i) {
    add_weight(network, first_initiative + i, initiative_weight[i], earned);
  }
  Excess out{to_integer(Int(earned - network.max_flow(kSource, kSink))), {}};
  const std::vector<bool> side = network.source_side(kSource);
  for (std::size_t p = 0; p < n; ++p) {
    if (side[2 + p]) {
      out.members.push_back(static_cast<std::uint32_t>(p));
    }
  }
  return out;
}

}  // namespace

Excess largest_excess_by_closure(const Subgame& game) {
  return with_typed(game, [](const auto& typed) { return solve_closure(typed); });
}

}  // namespace covalue::core::games::detail
