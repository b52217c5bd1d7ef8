#pragma once

#include <cstdint>
#include <vector>

namespace covalue::core::network::detail {

//! One arc of the residual network, stored with the other arcs of its tail.
struct FlowArc {
  std::uint32_t to{0};
  std::uint32_t rev{0};  //!< position of the reverse arc
  std::int32_t cap{0};
  bool convex{false};  //!< a forward convex arc: each unit pushed raises its cost by 1
  std::int64_t cost{0};
};

//! An arc to add: tail, head, capacity, cost per unit; `convex` arcs raise their cost by 1 per unit
//! pushed (the j-th unit costs cost + j - 1), which models the rotation cost of a partner's new leads.
struct FlowArcSpec {
  std::uint32_t from{0};
  std::uint32_t to{0};
  std::int32_t cap{0};
  std::int64_t cost{0};
  bool convex{false};
};

//! Min-cost maximum flow from `source` to `sink` by successive shortest paths with potentials
//! (primal-dual: one Dijkstra, then every shortest path found by depth-first search on the arcs of
//! reduced cost 0, repeated). Integer costs, all >= 0 at the start; paths never pass through the sink,
//! so convex arcs into the sink only ever gain flow. Deterministic: ties follow node and arc order.
class MinCostFlow {
 public:
  //! A network with `nodes` nodes whose arcs `emit(add)` lists by calling add(FlowArcSpec) once per
  //! arc; it is called twice (to count the arcs of each node, then to store them) and must list the
  //! same arcs in the same order both times. Arcs keep that order within their tail.
  template <typename Emit>
  MinCostFlow(std::uint32_t nodes, const Emit& emit) : first_(nodes + 1, 0), potential_(nodes, 0), dist_(nodes, 0) {
    std::size_t count = 0;
    emit([&](const FlowArcSpec& spec) {
      ++first_[spec.from + 1];
      ++first_[spec.to + 1];
      ++count;
    });
    start_storing(count);
    std::vector<std::uint32_t> next(first_.begin(), first_.end() - 1);
    std::size_t index = 0;
    emit([&](const FlowArcSpec& spec) { store(spec, index++, next); });
  }

  //! Pushes as much flow as possible from source to sink at the least cost; returns the flow value.
  std::int64_t solve(std::uint32_t source, std::uint32_t sink);

  //! The flow on the arc added as arcs[index].
  [[nodiscard]] std::int64_t flow(std::size_t index) const;

 private:
  void start_storing(std::size_t count);
  void store(const FlowArcSpec& spec, std::size_t index, std::vector<std::uint32_t>& next);
  bool shortest_paths(std::uint32_t source, std::uint32_t sink);
  std::int64_t augment_all(std::uint32_t source, std::uint32_t sink);
  [[nodiscard]] std::uint32_t next_admissible(std::uint32_t u, std::uint32_t& current,
                                              const std::vector<char>& blocked) const;
  void push(std::uint32_t arc);
  [[nodiscard]] std::int64_t reduced_cost(std::uint32_t tail, std::uint32_t arc) const;

  std::vector<std::uint32_t> first_;     // the arcs of node v are arcs_[first_[v] .. first_[v + 1])
  std::vector<FlowArc> arcs_;            // grouped by tail, in the order they were added
  std::vector<std::uint32_t> position_;  // per added arc: where its forward arc is
  std::vector<std::int64_t> potential_;  // per node
  std::vector<std::int64_t> dist_;       // per node, of the last Dijkstra
};

}  // namespace covalue::core::network::detail
