#include "covalue/core/network/retention_risk.hpp"

#include <algorithm>

namespace covalue::core::network {
namespace {

constexpr std::int64_t kMissedWeight = 25;
constexpr std::int64_t kDryWeight = 25;
constexpr std::int64_t kNegativeNetWeight = 15;
constexpr std::int64_t kSelectionWeight = 15;
constexpr std::int64_t kDeoptWeight = 10;
constexpr std::int64_t kLeadershipWeight = 10;

Rational fraction(std::int64_t numerator, std::int64_t denominator) {
  return Rational(numerator) / Rational(denominator);
}

}  // namespace

RiskWindow& RiskWindow::operator+=(const RiskWindow& other) {
  cycles += other.cycles;
  missed += other.missed;
  supported += other.supported;
  supported_selected += other.supported_selected;
  over_share += other.over_share;
  own_leads += other.own_leads;
  all_leads += other.all_leads;
  return *this;
}

RiskWindow risk_window_of(const CycleOutcome& outcome, PartnerId partner, const Rational& policy_share) {
  RiskWindow w;
  w.cycles = 1;
  Rational total;
  for (const PartnerResult& result : outcome.partners) {
    total += result.deoptimisation;
  }
  for (const PartnerResult& result : outcome.partners) {
    if (result.partner != partner) {
      continue;
    }
    w.supported += result.supported;
    w.supported_selected += result.supported_selected;
    w.over_share += total != 0 && result.deoptimisation / total > policy_share ? 1 : 0;
  }
  for (const LeadAssignment& lead : outcome.leads) {
    w.own_leads += lead.lead == partner ? 1 : 0;
    w.all_leads += lead.lead.has_value() ? 1 : 0;
  }
  return w;
}

std::vector<RiskContribution> retention_risk(const RiskWindow& window, std::int64_t dry_spell,
                                             const Rational& cumulative_net_value, std::int64_t max_dry_spell) {
  std::vector<RiskContribution> out;
  if (window.missed > 0 && window.cycles > 0) {
    out.push_back({RiskFactor::kMissedBallots, fraction(kMissedWeight * window.missed, window.cycles)});
  }
  if (dry_spell > 0) {
    const Rational dry = max_dry_spell <= 0 ? Rational(1) : fraction(std::min(dry_spell, max_dry_spell), max_dry_spell);
    out.push_back({RiskFactor::kDrySpell, kDryWeight * dry});
  }
  if (cumulative_net_value < 0) {
    out.push_back({RiskFactor::kNegativeNetValue, Rational(kNegativeNetWeight)});
  }
  if (window.supported > 0 && 2 * window.supported_selected < window.supported) {
    out.push_back({RiskFactor::kSelection,
                   fraction(kSelectionWeight * (window.supported - window.supported_selected), window.supported)});
  }
  if (window.over_share > 0 && window.cycles > 0) {
    out.push_back({RiskFactor::kDeoptShare, fraction(kDeoptWeight * window.over_share, window.cycles)});
  }
  if (window.own_leads == 0 && window.all_leads > 0) {
    out.push_back({RiskFactor::kLeadership, Rational(kLeadershipWeight)});
  }
  return out;
}

Rational risk_points(const std::vector<RiskContribution>& contributions) {
  Rational sum;
  for (const RiskContribution& c : contributions) {
    sum += c.points;
  }
  return sum;
}

}  // namespace covalue::core::network
