#include "covalue/core/outcome.hpp"

#include <algorithm>
#include <limits>
#include <string>
#include <utility>

namespace covalue::core {

std::vector<ProjectIndex> Outcome::sorted_selection() const {
  std::vector<ProjectIndex> sorted = selected;
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// Replays the class splits of a class-level certificate over the voter groups.
class ClassSplits {
 public:
  ClassSplits(const ApprovalProfile& profile, const Rational& budget)
      : profile_(profile), class_of_(profile.num_groups(), 0), budget_(1, budget), paying_(1, kNone) {}

  // Expands purchase `k` (of a project known to the profile) into `out`.
  void expand(std::size_t k, const ProjectPayments& purchase, GroupPayments& out) {
    const std::string where = "purchase " + std::to_string(k + 1) + ": budget class ";
    const std::size_t known = budget_.size();
    std::vector<std::uint32_t> payers;  // in the order named: pay_cap, then pay_all
    std::vector<std::uint32_t> to;      // beside each, the class its payers move to (kNone: they have nothing left)
    for (const auto* list : {&purchase.pay_cap, &purchase.pay_all}) {
      for (const std::uint32_t c : *list) {
        if (c >= known) {
          out.faults.push_back(where + std::to_string(c) + " pays but only classes 0 to " + std::to_string(known - 1) +
                               " exist by then");
        } else if (paying_[c] != kNone) {
          out.faults.push_back(where + std::to_string(c) + " is named twice");
        } else {
          paying_[c] = static_cast<std::uint32_t>(payers.size());
          payers.push_back(c);
          to.push_back(list == &purchase.pay_cap ? new_class(budget_[c] - purchase.cap) : kNone);
        }
      }
    }
    std::vector<std::size_t> members(payers.size(), 0);
    for (const GroupIndex g : profile_.supporters(purchase.project)) {
      const std::uint32_t c = class_of_[g];
      const std::uint32_t i = c == kNone ? kNone : paying_[c];
      if (i == kNone) {
        continue;
      }
      out.purchases[k].push_back(GroupPayment{g, to[i] == kNone ? budget_[c] : purchase.cap});
      out.classes[k].push_back(c);
      class_of_[g] = to[i];
      ++members[i];
    }
    for (std::size_t i = 0; i < payers.size(); ++i) {
      if (members[i] == 0) {
        out.faults.push_back(where + std::to_string(payers[i]) + " pays but none of its voter groups approves " +
                             "the project");
      }
      paying_[payers[i]] = kNone;
    }
  }

 private:
  std::uint32_t new_class(Rational budget) {
    budget_.push_back(std::move(budget));
    paying_.push_back(kNone);
    return static_cast<std::uint32_t>(budget_.size() - 1);
  }

  const ApprovalProfile& profile_;
  std::vector<std::uint32_t> class_of_;  // per group: its class now (kNone: it has nothing left)
  std::vector<Rational> budget_;         // per class: what each of its groups has left, per unit of weight
  std::vector<std::uint32_t> paying_;    // per class: its index among the current purchase's payers
};

}  // namespace

GroupPayments group_payments(const MesCertificate& certificate, const ApprovalProfile& profile) {
  GroupPayments out;
  out.purchases.resize(certificate.purchases.size());
  out.classes.resize(certificate.purchases.size());
  ClassSplits splits(profile, certificate.voter_budget);
  bool per_group = false;
  bool per_class = false;
  for (std::size_t k = 0; k < certificate.purchases.size(); ++k) {
    const ProjectPayments& purchase = certificate.purchases[k];
    per_group = per_group || !purchase.payments.empty();
    per_class = per_class || !purchase.pay_cap.empty() || !purchase.pay_all.empty();
    if (purchase.project >= profile.num_projects()) {
      continue;
    }
    out.purchases[k] = purchase.payments;
    out.classes[k].assign(purchase.payments.size(), -1);
    splits.expand(k, purchase, out);
  }
  if (per_group && per_class) {
    out.faults.emplace_back("the certificate mixes payments per voter group with payments per budget class");
  }
  return out;
}

}  // namespace covalue::core
