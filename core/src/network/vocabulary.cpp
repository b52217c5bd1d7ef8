#include "covalue/core/network/vocabulary.hpp"

#include "covalue/core/network/scorecard.hpp"
#include "covalue/core/text.hpp"

#include <array>
#include <string>
#include <utility>

namespace covalue::core::network {
namespace {

//! A name table for an enum whose values run 0..N-1, in declaration order.
template <typename Enum, std::size_t kCount>
struct NameTable {
  std::array<const char*, kCount> names;
  std::string_view all;  // the names, comma separated
  const char* what;      // what the value is, for errors ("tier")

  [[nodiscard]] const char* name(Enum value) const { return names.at(static_cast<std::size_t>(value)); }

  [[nodiscard]] Result<Enum> parse(std::string_view text) const {
    for (std::size_t i = 0; i < kCount; ++i) {
      if (text == names[i]) {
        return static_cast<Enum>(i);
      }
    }
    return make_error(ErrorKind::kInvalidInput, std::string("unknown ") + what + " " + quote_excerpt(text) +
                                                    " (expected one of: " + std::string(all) + ")");
  }
};

constexpr NameTable<Tier, 8> kTiers{
    {"raw_materials", "manufacturer", "distributor", "logistics", "retailer", "marketplace", "last_mile", "other"},
    "raw_materials, manufacturer, distributor, logistics, retailer, marketplace, last_mile, other",
    "tier"};
constexpr NameTable<Channel, 4> kChannels{{"sales", "manufacturing", "supply_chain", "consumer_experience"},
                                          "sales, manufacturing, supply_chain, consumer_experience",
                                          "channel"};
constexpr NameTable<InitiativeStatus, 8> kStatuses{
    {"proposed", "selected", "in_progress", "delivered", "reviewed", "rejected", "withdrawn", "carried_over"},
    "proposed, selected, in_progress, delivered, reviewed, rejected, withdrawn, carried_over",
    "initiative status"};
constexpr NameTable<CycleState, 4> kCycleStates{
    {"proposing", "voting", "closed", "reviewed"}, "proposing, voting, closed, reviewed", "cycle state"};
constexpr NameTable<Kpi, 8> kKpis{{"perfect_order_rate", "order_cycle_time", "cost_to_serve", "stock_out_rate",
                                   "on_time_delivery", "return_rate", "consumer_satisfaction", "custom"},
                                  "perfect_order_rate, order_cycle_time, cost_to_serve, stock_out_rate, "
                                  "on_time_delivery, return_rate, consumer_satisfaction, custom",
                                  "KPI"};
constexpr NameTable<BallotFormat, 4> kFormats{
    {"approvals", "ranking", "scores", "points"}, "approvals, ranking, scores, points", "ballot format"};
constexpr NameTable<SelectionRule, 5> kRules{{"mes", "phragmen", "greedy", "network-fair", "consensus"},
                                             "mes, phragmen, greedy, network-fair, consensus",
                                             "selection rule"};
constexpr NameTable<BallotDisclosure, 3> kDisclosures{
    {"public", "anonymous", "secret"}, "public, anonymous, secret", "ballot disclosure"};
constexpr NameTable<CriterionKind, 7> kCriterionKinds{
    {"value", "time_criticality", "risk_reduction", "reach", "confidence", "effort", "custom"},
    "value, time_criticality, risk_reduction, reach, confidence, effort, custom",
    "criterion kind"};
constexpr NameTable<ScorecardFormula, 3> kFormulas{{"rice", "wsjf", "weighted"}, "rice, wsjf, weighted", "formula"};
constexpr NameTable<SharingPolicy, 3> kSharing{
    {"none", "shapley", "proportional"}, "none, shapley, proportional", "sharing policy"};

}  // namespace

const char* name_of(Tier value) { return kTiers.name(value); }
const char* name_of(Channel value) { return kChannels.name(value); }
const char* name_of(InitiativeStatus value) { return kStatuses.name(value); }
const char* name_of(CycleState value) { return kCycleStates.name(value); }
const char* name_of(Kpi value) { return kKpis.name(value); }
const char* name_of(BallotFormat value) { return kFormats.name(value); }
const char* name_of(SelectionRule value) { return kRules.name(value); }
const char* name_of(SharingPolicy value) { return kSharing.name(value); }
const char* name_of(BallotDisclosure value) { return kDisclosures.name(value); }
const char* name_of(CriterionKind value) { return kCriterionKinds.name(value); }
const char* name_of(ScorecardFormula value) { return kFormulas.name(value); }

Result<Tier> parse_tier(std::string_view text) { return kTiers.parse(text); }
Result<Channel> parse_channel(std::string_view text) { return kChannels.parse(text); }
Result<InitiativeStatus> parse_initiative_status(std::string_view text) { return kStatuses.parse(text); }
Result<CycleState> parse_cycle_state(std::string_view text) { return kCycleStates.parse(text); }
Result<Kpi> parse_kpi(std::string_view text) { return kKpis.parse(text); }
Result<BallotFormat> parse_ballot_format(std::string_view text) { return kFormats.parse(text); }
Result<SelectionRule> parse_selection_rule(std::string_view text) { return kRules.parse(text); }
Result<SharingPolicy> parse_sharing_policy(std::string_view text) { return kSharing.parse(text); }
Result<BallotDisclosure> parse_ballot_disclosure(std::string_view text) { return kDisclosures.parse(text); }
Result<CriterionKind> parse_criterion_kind(std::string_view text) { return kCriterionKinds.parse(text); }
Result<ScorecardFormula> parse_scorecard_formula(std::string_view text) { return kFormulas.parse(text); }

std::string_view tier_names() { return kTiers.all; }
std::string_view channel_names() { return kChannels.all; }
std::string_view kpi_names() { return kKpis.all; }
std::string_view ballot_format_names() { return kFormats.all; }
std::string_view selection_rule_names() { return kRules.all; }
std::string_view sharing_policy_names() { return kSharing.all; }
std::string_view ballot_disclosure_names() { return kDisclosures.all; }

}  // namespace covalue::core::network
