#include "covalue/core/rules/greedy.hpp"

#include <algorithm>
#include <optional>
#include <vector>

namespace covalue::core::rules {
namespace {

// Satisfaction per unit of cost; nullopt stands for +infinity (a supported project costing nothing).
struct Density {
  std::optional<Rational> value;  // nullopt: infinite

  [[nodiscard]] int compare(const Density& other) const {  // >0 when this is denser
    if (!value || !other.value) {
      return static_cast<int>(!value) - static_cast<int>(!other.value);
    }
    return cmp(*value, *other.value);
  }
};

Density density_of(const Instance& instance, const ApprovalProfile& profile, Satisfaction sat, ProjectIndex p) {
  const Project& project = instance.project(p);
  const Rational total = profile.approval_weight(p) * project_satisfaction(sat, project);
  if (total <= 0) {
    return Density{Rational(0)};
  }
  if (project.cost == 0) {
    return Density{std::nullopt};
  }
  return Density{Rational(total / project.cost)};
}

}  // namespace

Result<Outcome> greedy_welfare(const Instance& instance, const ApprovalProfile& profile, Satisfaction sat,
                               const TieBreaker& ties, TieResolver& resolver, const Outcome& initial) {
  Outcome outcome = initial;
  std::vector<bool> taken(instance.size(), false);
  for (const ProjectIndex p : outcome.selected) {
    taken[p] = true;
  }
  outcome.total_cost = instance.total_cost(outcome.selected);
  Rational remaining = instance.budget() - outcome.total_cost;

  std::vector<std::pair<Density, ProjectIndex>> order;
  for (ProjectIndex p = 0; p < instance.size(); ++p) {
    if (!taken[p]) {
      order.emplace_back(density_of(instance, profile, sat, p), p);
    }
  }
  std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    const int c = a.first.compare(b.first);
    return c != 0 ? c > 0 : ties.rank(a.second) < ties.rank(b.second);
  });

  // Walk blocks of equal density; inside a block, a choice is needed only when the projects that
  // still fit do not all fit together.
  for (std::size_t begin = 0; begin < order.size();) {
    std::size_t end = begin + 1;
    while (end < order.size() && order[end].first.compare(order[begin].first) == 0) {
      ++end;
    }
    std::vector<ProjectIndex> block;
    for (std::size_t i = begin; i < end; ++i) {
      block.push_back(order[i].second);
    }
    while (true) {
      std::vector<ProjectIndex> fitting;
      Rational together;
      for (const ProjectIndex p : block) {
        if (instance.project(p).cost <= remaining) {
          fitting.push_back(p);
          together += instance.project(p).cost;
        }
      }
      if (fitting.empty()) {
        break;
      }
      std::size_t pick = 0;
      if (fitting.size() > 1 && together > remaining) {
        auto choice = resolver.choose(fitting);
        if (!choice.ok()) {
          return choice.error();
        }
        pick = *choice;
      }
      const ProjectIndex chosen = fitting[pick];
      const Density& d = order[begin].first;
      TraceStep step{d.value ? "greedy" : "greedy-free", chosen, d.value.value_or(Rational(0)), {}, {}};
      for (const ProjectIndex p : fitting) {
        if (p != chosen && together > remaining) {
          step.tied.push_back(p);
        }
      }
      outcome.trace.push_back(std::move(step));
      outcome.selected.push_back(chosen);
      outcome.total_cost += instance.project(chosen).cost;
      remaining -= instance.project(chosen).cost;
      block.erase(std::find(block.begin(), block.end(), chosen));
    }
    begin = end;
  }
  return outcome;
}

}  // namespace covalue::core::rules
