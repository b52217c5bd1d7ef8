#include <algorithm>
#include <iterator>
#include <utility>

#include "covalue/core/rules/committee.hpp"

namespace covalue::core::rules {
namespace {

// The state of one Phragmén completion: who is in, and each group's load per unit of weight.
class CommitteePhragmen {
 public:
  CommitteePhragmen(const ApprovalProfile& profile, const TieBreaker& ties, Outcome outcome,
                    std::vector<Rational> loads)
      : profile_(profile),
        ties_(ties),
        outcome_(std::move(outcome)),
        loads_(std::move(loads)),
        taken_(profile.num_projects(), false) {
    for (const ProjectIndex p : outcome_.selected) {
      taken_[p] = true;
    }
  }

  // Adds the approved candidate with the smallest new load; false when none is left.
  Result<bool> add_approved(TieResolver& resolver) {
    std::vector<ProjectIndex> tied;
    Rational best;
    for (ProjectIndex p = 0; p < profile_.num_projects(); ++p) {
      if (taken_[p] || profile_.approval_weight(p) <= 0) {
        continue;
      }
      Rational load = new_load(p);
      const int c = tied.empty() ? -1 : cmp(load, best);
      if (c < 0) {
        best = std::move(load);
        tied.assign(1, p);
      } else if (c == 0) {
        tied.push_back(p);
      }
    }
    if (tied.empty()) {
      return false;
    }
    auto chosen = pick(tied, resolver);
    if (!chosen.ok()) {
      return chosen.error();
    }
    for (const GroupIndex g : profile_.supporters(*chosen)) {
      loads_[g] = best;
    }
    take(*chosen, "phragmen", best, tied);
    return true;
  }

  // Fills `missing` seats with unapproved candidates; every choice of a set is one path of choices.
  Status fill_unapproved(std::size_t missing, TieResolver& resolver) {
    std::vector<ProjectIndex> rest;
    for (ProjectIndex p = 0; p < profile_.num_projects(); ++p) {
      if (!taken_[p]) {
        rest.push_back(p);
      }
    }
    if (rest.size() < missing) {
      return make_error(ErrorKind::kInvalidInput, "the committee size exceeds the number of candidates");
    }
    ties_.order(rest);
    for (std::size_t start = 0; missing > 0; --missing) {
      // Options: positions that leave enough candidates after them, so each set arises once.
      const std::vector<ProjectIndex> options(rest.begin() + static_cast<std::ptrdiff_t>(start),
                                              rest.end() - static_cast<std::ptrdiff_t>(missing - 1));
      auto chosen = pick(options, resolver);
      if (!chosen.ok()) {
        return chosen.error();
      }
      start = static_cast<std::size_t>(std::find(rest.begin(), rest.end(), *chosen) - rest.begin()) + 1;
      take(*chosen, "unapproved", Rational(0), options);
    }
    return {};
  }

  [[nodiscard]] Outcome& outcome() { return outcome_; }

 private:
  [[nodiscard]] Rational new_load(ProjectIndex p) const {
    Rational sum(1);
    for (const GroupIndex g : profile_.supporters(p)) {
      sum += profile_.weight(g) * loads_[g];
    }
    return Rational(sum / profile_.approval_weight(p));
  }

  Result<ProjectIndex> pick(std::vector<ProjectIndex> tied, TieResolver& resolver) const {
    auto choice = pick_tied(tied, ties_, resolver);
    if (!choice.ok()) {
      return choice.error();
    }
    return tied[*choice];
  }

  void take(ProjectIndex chosen, const char* phase, const Rational& value, const std::vector<ProjectIndex>& tied) {
    TraceStep step{phase, chosen, value, {}, {}};
    std::copy_if(tied.begin(), tied.end(), std::back_inserter(step.tied), [&](ProjectIndex p) { return p != chosen; });
    outcome_.trace.push_back(std::move(step));
    outcome_.selected.push_back(chosen);
    outcome_.total_cost += 1;
    taken_[chosen] = true;
  }

  const ApprovalProfile& profile_;
  const TieBreaker& ties_;
  Outcome outcome_;
  std::vector<Rational> loads_;
  std::vector<bool> taken_;
};

}  // namespace

Result<Outcome> committee_phragmen(const ApprovalProfile& profile, std::size_t size, const TieBreaker& ties,
                                   TieResolver& resolver, Outcome initial, std::vector<Rational> loads) {
  if (loads.size() != profile.num_groups()) {
    return make_error(ErrorKind::kInternal, "committee_phragmen needs one load per voter group");
  }
  if (size > profile.num_projects()) {
    return make_error(ErrorKind::kInvalidInput, "the committee size exceeds the number of candidates");
  }
  initial.total_cost = Rational(static_cast<unsigned long>(initial.selected.size()));
  CommitteePhragmen state(profile, ties, std::move(initial), std::move(loads));
  while (state.outcome().selected.size() < size) {
    auto added = state.add_approved(resolver);
    if (!added.ok()) {
      return added.error();
    }
    if (!*added) {
      auto filled = state.fill_unapproved(size - state.outcome().selected.size(), resolver);
      if (!filled.ok()) {
        return filled.error();
      }
    }
  }
  return std::move(state.outcome());
}

}  // namespace covalue::core::rules
