#include "covalue/core/network/lead_assignment.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "lead_flow.hpp"

// The lexicographic objective as one min-cost maximum flow.
//
// Network: source -> initiative i (capacity 1, cost 0); initiative i -> partner p for every eligible p
// (capacity 1, cost 0 when p volunteers for i, else W); partner p -> sink (capacity free slots, convex:
// the j-th unit costs past_leads_p + j, so the total over a partner's k new leads is exactly its rotation
// cost sum_{j=1..k} (past_leads_p + j)). Flows of value f are the assignments of f initiatives.
//
// Level 1: a maximum flow leads as many initiatives as possible; successive shortest paths end with a
// maximum flow of least cost among maximum flows, so levels 2 and 3 are decided by the cost
// W * (non-volunteer leads) + R, where R is the rotation cost.
//
// Levels 2 and 3 by one weight W = F * (P + F) + 1, F = min(initiatives, total free slots) the most
// leads any assignment makes, P the largest past_leads. Every assignment has 0 <= R <= F * (P + F):
// it makes at most F leads and each costs past_leads_p + j <= P + F (j <= F). Take two maximum flows
// with the same number of leads, a and b, with fewer non-volunteer leads in a (n_a < n_b). Then
//   cost(a) = W n_a + R_a <= W n_a + F (P + F) < W (n_a + 1) <= W n_b <= W n_b + R_b = cost(b),
// so a least-cost flow has the fewest non-volunteer leads (the most volunteer leads: the number of
// leads is fixed), and among those the least R. Every cost and potential is checked to fit in int64.

namespace covalue::core::network {
namespace {

using detail::FlowArcSpec;
using Lists = std::vector<std::vector<std::uint32_t>>;

Error invalid(const std::string& message) { return make_error(ErrorKind::kInvalidInput, message, "lead problem"); }

// Sorted, duplicate-free copies of the per-initiative lists; an error names the first bad index.
Result<Lists> normalised(const Lists& lists, std::size_t partners, const char* what) {
  Lists out(lists.size());
  for (std::size_t i = 0; i < lists.size(); ++i) {
    for (const std::uint32_t p : lists[i]) {
      if (p >= partners) {
        return invalid(std::string(what) + " of initiative " + std::to_string(i) + " names partner " +
                       std::to_string(p) + " of only " + std::to_string(partners));
      }
    }
    out[i] = lists[i];
    std::sort(out[i].begin(), out[i].end());
    out[i].erase(std::unique(out[i].begin(), out[i].end()), out[i].end());
  }
  return out;
}

Status check_sizes(const LeadProblem& problem) {
  if (problem.free_slots.size() != problem.past_leads.size()) {
    return invalid("free_slots has " + std::to_string(problem.free_slots.size()) + " partners, past_leads " +
                   std::to_string(problem.past_leads.size()));
  }
  if (problem.volunteers.size() != problem.eligible.size()) {
    return invalid("volunteers has " + std::to_string(problem.volunteers.size()) + " initiatives, eligible " +
                   std::to_string(problem.eligible.size()));
  }
  for (std::size_t p = 0; p < problem.past_leads.size(); ++p) {
    if (problem.past_leads[p] < 0) {
      return invalid("past_leads of partner " + std::to_string(p) + " is negative");
    }
  }
  if (problem.eligible.size() + problem.past_leads.size() + 2 > std::numeric_limits<std::uint32_t>::max() / 2) {
    return invalid("too many partners and initiatives");
  }
  return {};
}

Status check_volunteers_eligible(const Lists& volunteers, const Lists& eligible) {
  for (std::size_t i = 0; i < volunteers.size(); ++i) {
    for (const std::uint32_t p : volunteers[i]) {
      if (!std::binary_search(eligible[i].begin(), eligible[i].end(), p)) {
        return invalid("partner " + std::to_string(p) + " volunteers for initiative " + std::to_string(i) +
                       " but is not eligible to lead it");
      }
    }
  }
  return {};
}

// Free slots, negatives counted as 0 (a partner already over a lowered limit takes no new lead) and
// anything above the number of initiatives cut to it.
std::vector<std::int64_t> usable_slots(const LeadProblem& problem) {
  const auto initiatives = static_cast<std::int64_t>(problem.eligible.size());
  std::vector<std::int64_t> slots(problem.free_slots.size());
  for (std::size_t p = 0; p < slots.size(); ++p) {
    slots[p] = std::clamp<std::int64_t>(problem.free_slots[p], 0, initiatives);
  }
  return slots;
}

// W = F (P + F) + 1 (see the proof above), or an error when some cost or potential could overflow:
// a path visits at most `nodes` arcs, each costing at most max(W, P + F), and Dijkstra adds two
// potentials to such sums, so 8 * nodes * max(W, P + F) must fit.
Result<std::int64_t> volunteer_weight(const LeadProblem& problem, const std::vector<std::int64_t>& slots) {
  std::int64_t total_slots = 0;
  for (const std::int64_t s : slots) {
    total_slots += s;  // each <= number of initiatives < 2^31, fewer than 2^31 partners
  }
  const std::int64_t most_leads = std::min(total_slots, static_cast<std::int64_t>(problem.eligible.size()));
  const std::int64_t most_past =
      problem.past_leads.empty() ? 0 : *std::max_element(problem.past_leads.begin(), problem.past_leads.end());
  const auto nodes = static_cast<std::int64_t>(problem.eligible.size() + problem.past_leads.size() + 2);
  std::int64_t unit = 0;
  std::int64_t weight = 0;
  std::int64_t largest = 0;
  std::int64_t check = 0;
  if (__builtin_add_overflow(most_past, most_leads, &unit) || __builtin_mul_overflow(most_leads, unit, &weight) ||
      __builtin_add_overflow(weight, 1, &weight) || __builtin_add_overflow(std::max(weight, unit), 1, &largest) ||
      __builtin_mul_overflow(largest, nodes, &check) || __builtin_mul_overflow(check, 8, &check)) {
    return invalid("past_leads and sizes too large for exact 64-bit costs");
  }
  return weight;
}

// The arcs of the network described at the top, in a fixed order: source arcs, then each initiative's
// arcs to its eligible partners (ascending), then the partners' convex arcs to the sink.
class LeadArcs {
 public:
  LeadArcs(const LeadProblem& problem, const Lists& eligible, const Lists& volunteers,
           const std::vector<std::int64_t>& slots, std::int64_t weight)
      : problem_(problem), eligible_(eligible), volunteers_(volunteers), slots_(slots), weight_(weight) {}

  template <typename Add>
  void operator()(const Add& add) const {
    const auto m = static_cast<std::uint32_t>(eligible_.size());
    const auto n = static_cast<std::uint32_t>(slots_.size());
    for (std::uint32_t i = 0; i < m; ++i) {
      add(FlowArcSpec{0, 1 + i, 1, 0, false});
    }
    std::vector<bool> volunteering(n, false);
    for (std::uint32_t i = 0; i < m; ++i) {
      for (const std::uint32_t p : volunteers_[i]) {
        volunteering[p] = true;
      }
      for (const std::uint32_t p : eligible_[i]) {
        add(FlowArcSpec{1 + i, 1 + m + p, 1, volunteering[p] ? 0 : weight_, false});
      }
      for (const std::uint32_t p : volunteers_[i]) {
        volunteering[p] = false;
      }
    }
    for (std::uint32_t p = 0; p < n; ++p) {
      add(FlowArcSpec{1 + m + p, m + n + 1, static_cast<std::int32_t>(slots_[p]), problem_.past_leads[p] + 1, true});
    }
  }

 private:
  const LeadProblem& problem_;
  const Lists& eligible_;
  const Lists& volunteers_;
  const std::vector<std::int64_t>& slots_;
  std::int64_t weight_;
};

LeadAssignmentResult read_assignment(const LeadProblem& problem, const detail::MinCostFlow& flow, const Lists& eligible,
                                     const Lists& volunteers) {
  const std::size_t m = eligible.size();
  LeadAssignmentResult result;
  result.lead.assign(m, std::nullopt);
  result.by_volunteer.assign(m, false);
  std::vector<std::int64_t> new_leads(problem.past_leads.size(), 0);
  std::size_t arc = m;
  for (std::size_t i = 0; i < m; ++i) {
    for (const std::uint32_t p : eligible[i]) {
      if (flow.flow(arc++) > 0) {
        result.lead[i] = p;
        result.by_volunteer[i] = std::binary_search(volunteers[i].begin(), volunteers[i].end(), p);
        result.assigned += 1;
        result.volunteers_used += result.by_volunteer[i] ? 1 : 0;
        new_leads[p] += 1;
      }
    }
  }
  for (std::size_t p = 0; p < new_leads.size(); ++p) {
    const std::int64_t k = new_leads[p];
    result.rotation_cost += k * problem.past_leads[p] + k * (k + 1) / 2;
  }
  return result;
}

}  // namespace

Result<LeadAssignmentResult> assign_leads(const LeadProblem& problem) {
  if (Status sizes = check_sizes(problem); !sizes.ok()) {
    return sizes.error();
  }
  auto eligible = normalised(problem.eligible, problem.past_leads.size(), "eligible");
  if (!eligible.ok()) {
    return eligible.error();
  }
  auto volunteers = normalised(problem.volunteers, problem.past_leads.size(), "volunteers");
  if (!volunteers.ok()) {
    return volunteers.error();
  }
  if (Status subset = check_volunteers_eligible(*volunteers, *eligible); !subset.ok()) {
    return subset.error();
  }
  const std::vector<std::int64_t> slots = usable_slots(problem);
  const auto weight = volunteer_weight(problem, slots);
  if (!weight.ok()) {
    return weight.error();
  }
  const auto m = static_cast<std::uint32_t>(eligible->size());
  const auto n = static_cast<std::uint32_t>(slots.size());
  detail::MinCostFlow flow(m + n + 2, LeadArcs(problem, *eligible, *volunteers, slots, *weight));
  flow.solve(0, m + n + 1);
  return read_assignment(problem, flow, *eligible, *volunteers);
}

}  // namespace covalue::core::network
