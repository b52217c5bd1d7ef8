// Naive greedy utilitarian pass, for the greedy rule and the greedy completion of MES.
#include <algorithm>
#include <vector>

#include "verify_internal.hpp"

namespace covalue::core::verify_detail {
namespace {

// Total satisfaction per unit of cost: infinite for a supported project that costs nothing, zero for
// a project nobody gains from.
struct Density {
  bool infinite{false};
  Rational value;

  [[nodiscard]] int compare(const Density& other) const {
    if (infinite || other.infinite) {
      return static_cast<int>(infinite) - static_cast<int>(other.infinite);
    }
    return cmp(value, other.value);
  }
  [[nodiscard]] std::string describe() const { return infinite ? "infinite" : text(value); }
};

Density density_of(const VerifyContext& ctx, ProjectIndex p) {
  const Rational total = ctx.total_satisfaction(p);
  const Rational& cost = ctx.instance.project(p).cost;
  if (total <= 0) {
    return Density{false, Rational(0)};
  }
  if (cost == 0) {
    return Density{true, Rational(0)};
  }
  return Density{false, Rational(total / cost)};
}

struct Candidate {
  ProjectIndex project;
  Density density;
};

// Projects not in `start`, densest first, ties by tie-breaking rank.
std::vector<Candidate> by_density(const VerifyContext& ctx, std::span<const ProjectIndex> start) {
  std::vector<Candidate> order;
  for (ProjectIndex p = 0; p < ctx.instance.size(); ++p) {
    if (std::find(start.begin(), start.end(), p) == start.end()) {
      order.push_back(Candidate{p, density_of(ctx, p)});
    }
  }
  std::sort(order.begin(), order.end(), [&](const Candidate& a, const Candidate& b) {
    const int c = a.density.compare(b.density);
    return c != 0 ? c > 0 : ctx.ties.rank(a.project) < ctx.ties.rank(b.project);
  });
  return order;
}

Rational remaining_after(const VerifyContext& ctx, std::span<const ProjectIndex> start) {
  Rational remaining = ctx.instance.budget();
  for (const ProjectIndex p : start) {
    remaining -= ctx.instance.project(p).cost;
  }
  return remaining;
}

// Resolute: the pass is unique; compare it step by step.
void compare_with_pass(const VerifyContext& ctx, std::span<const ProjectIndex> start,
                       std::span<const ProjectIndex> added, const std::string& what) {
  ctx.check(what + ": recomputed by a naive greedy pass (density order, ties by rank)");
  Rational remaining = remaining_after(ctx, start);
  std::size_t step = 0;
  for (const Candidate& c : by_density(ctx, start)) {
    const Rational& cost = ctx.instance.project(c.project).cost;
    if (cost > remaining) {
      continue;
    }
    if (step >= added.size()) {
      ctx.fail(what + ": the outcome stops after " + std::to_string(step) + " projects but " + ctx.name(c.project) +
               " (density " + c.density.describe() + ") still fits");
      return;
    }
    if (added[step] != c.project) {
      ctx.fail(what + " step " + std::to_string(step + 1) + ": " + ctx.name(added[step]) +
               " is selected but a greedy pass selects " + ctx.name(c.project) + " (density " + c.density.describe() +
               ")");
      return;
    }
    remaining -= cost;
    ++step;
  }
  if (step < added.size()) {
    ctx.fail(what + " step " + std::to_string(step + 1) + ": " + ctx.name(added[step]) +
             " is selected but a greedy pass selects nothing more");
  }
}

// Irresolute: any order inside a class of equal density is allowed. The outcome must take classes
// in density order, and whatever a class leaves out must not fit once its chosen members are paid.
void check_tie_classes(const VerifyContext& ctx, std::span<const ProjectIndex> start,
                       std::span<const ProjectIndex> added, const std::string& what) {
  ctx.check(what + ": a greedy pass under some order of tied projects");
  Rational remaining = remaining_after(ctx, start);
  const std::vector<Candidate> order = by_density(ctx, start);
  std::size_t next = 0;
  for (std::size_t begin = 0; begin < order.size();) {
    std::size_t end = begin + 1;
    while (end < order.size() && order[end].density.compare(order[begin].density) == 0) {
      ++end;
    }
    const auto in_class = [&](ProjectIndex p) {
      return std::any_of(order.begin() + static_cast<std::ptrdiff_t>(begin),
                         order.begin() + static_cast<std::ptrdiff_t>(end),
                         [p](const Candidate& c) { return c.project == p; });
    };
    const std::size_t first = next;
    for (; next < added.size() && in_class(added[next]); ++next) {
      remaining -= ctx.instance.project(added[next]).cost;
    }
    const auto chosen = added.subspan(first, next - first);
    for (std::size_t i = begin; i < end; ++i) {
      const ProjectIndex p = order[i].project;
      if (std::find(chosen.begin(), chosen.end(), p) == chosen.end() && ctx.instance.project(p).cost <= remaining) {
        ctx.fail(what + ": " + ctx.name(p) + " (density " + order[i].density.describe() +
                 ") still fits after the projects of its density, but is not selected");
      }
    }
    begin = end;
  }
  if (next < added.size()) {
    ctx.fail(what + " step " + std::to_string(next + 1) + ": " + ctx.name(added[next]) +
             " is selected out of density order");
  }
}

}  // namespace

void verify_greedy_pass(const VerifyContext& ctx, std::span<const ProjectIndex> start,
                        std::span<const ProjectIndex> added, const std::string& what) {
  if (ctx.options.irresolute) {
    check_tie_classes(ctx, start, added, what);
  } else {
    compare_with_pass(ctx, start, added, what);
  }
}

}  // namespace covalue::core::verify_detail
