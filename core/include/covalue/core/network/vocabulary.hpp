#pragma once

#include <array>

#include "covalue/core/enum_names.hpp"

namespace covalue::core::network {

//! Where a partner sits in the supply chain.
enum class Tier { kRawMaterials, kManufacturer, kDistributor, kLogistics, kRetailer, kMarketplace, kLastMile, kOther };

//! Which part of the chain an initiative improves.
enum class Channel { kSales, kManufacturing, kSupplyChain, kConsumerExperience };

//! Life of an initiative: proposed -> selected -> in_progress -> delivered -> reviewed, or one of the
//! side exits (rejected, withdrawn, carried_over: not selected, offered again in the next cycle). While it is
//! delivered its lead may mark it blocked (with a reason) and back in progress.
enum class InitiativeStatus {
  kProposed,
  kSelected,
  kInProgress,
  kDelivered,
  kReviewed,
  kRejected,
  kWithdrawn,
  kCarriedOver,
  kBlocked,
};

//! Life of a cycle: proposing -> voting -> closed (selected, executing) -> reviewed (actuals recorded).
enum class CycleState { kProposing, kVoting, kClosed, kReviewed };

//! What the scheduler does when a cycle's deadline passes: remind the coordinator (who moves the cycle),
//! or move the cycle itself (proposing -> voting, voting -> closed).
enum class DeadlineAction { kRemind, kAuto };

// Charter proposals and coordination (issue 14 item 4).
//! How the charter itself changes: a coordinator changes it directly (coordinator), or the partners decide a
//! charter proposal by consent (adopted when its window ends unless a partner objects) or by a qualified majority
//! of the partners' weights (one partner, one vote).
enum class AmendmentRule { kCoordinator, kConsent, kMajority };
//! Who holds the coordinator role: the coordinators the network named (fixed), or the representatives of one of the
//! partners willing to coordinate for a term of cycles: in turn (rotation), or elected by the partners when a term
//! ends (election).
enum class Coordination { kFixed, kRotation, kElection };

//! The SCOR-style KPIs an objective can target.
enum class Kpi {
  kPerfectOrderRate,
  kOrderCycleTime,
  kCostToServe,
  kStockOutRate,
  kOnTimeDelivery,
  kReturnRate,
  kConsumerSatisfaction,
  kCustom,
};

//! How a ballot expresses a partner's preferences.
enum class BallotFormat { kApprovals, kRanking, kScores, kPoints };

//! How ballots and impacts become the selected portfolio.
//! `consensus` takes initiatives in the order of the partners' consensus ranking (the charter's
//! ranking rule) while they fit the capacity.
enum class SelectionRule { kEqualShares, kPhragmen, kGreedy, kNetworkFair, kConsensus };

//! Who sees the ballots once a cycle is closed (before that, only their own partner does).
enum class BallotDisclosure { kPublic, kAnonymous, kSecret };

//! How the network's value is shared back through transfers.
enum class SharingPolicy { kNone, kShapley, kProportional };

//! Names of the network's enums: snake_case, stored in databases and sent by the API.
constexpr auto enum_names(Tier /*tag*/) {
  using enum Tier;
  return core::NameTable{"tier", std::to_array<core::EnumName<Tier>>({{kRawMaterials, "raw_materials"},
                                                                      {kManufacturer, "manufacturer"},
                                                                      {kDistributor, "distributor"},
                                                                      {kLogistics, "logistics"},
                                                                      {kRetailer, "retailer"},
                                                                      {kMarketplace, "marketplace"},
                                                                      {kLastMile, "last_mile"},
                                                                      {kOther, "other"}})};
}

//! The names of channel values.
constexpr auto enum_names(Channel /*tag*/) {
  using enum Channel;
  return core::NameTable{"channel",
                         std::to_array<core::EnumName<Channel>>({{kSales, "sales"},
                                                                 {kManufacturing, "manufacturing"},
                                                                 {kSupplyChain, "supply_chain"},
                                                                 {kConsumerExperience, "consumer_experience"}})};
}

//! The names of initiative status values.
constexpr auto enum_names(InitiativeStatus /*tag*/) {
  using enum InitiativeStatus;
  return core::NameTable{"initiative status",
                         std::to_array<core::EnumName<InitiativeStatus>>({{kProposed, "proposed"},
                                                                          {kSelected, "selected"},
                                                                          {kInProgress, "in_progress"},
                                                                          {kDelivered, "delivered"},
                                                                          {kReviewed, "reviewed"},
                                                                          {kRejected, "rejected"},
                                                                          {kWithdrawn, "withdrawn"},
                                                                          {kCarriedOver, "carried_over"},
                                                                          {kBlocked, "blocked"}})};
}

//! The names of cycle state values.
constexpr auto enum_names(CycleState /*tag*/) {
  using enum CycleState;
  return core::NameTable{
      "cycle state",
      std::to_array<core::EnumName<CycleState>>(
          {{kProposing, "proposing"}, {kVoting, "voting"}, {kClosed, "closed"}, {kReviewed, "reviewed"}})};
}

//! The names of deadline action values.
constexpr auto enum_names(DeadlineAction /*tag*/) {
  using enum DeadlineAction;
  return core::NameTable{"deadline action",
                         std::to_array<core::EnumName<DeadlineAction>>({{kRemind, "remind"}, {kAuto, "auto"}})};
}

//! The names of amendment rule values.
constexpr auto enum_names(AmendmentRule /*tag*/) {
  using enum AmendmentRule;
  return core::NameTable{"amendment rule",
                         std::to_array<core::EnumName<AmendmentRule>>(
                             {{kCoordinator, "coordinator"}, {kConsent, "consent"}, {kMajority, "majority"}})};
}

//! The names of coordination values.
constexpr auto enum_names(Coordination /*tag*/) {
  using enum Coordination;
  return core::NameTable{"coordination", std::to_array<core::EnumName<Coordination>>(
                                             {{kFixed, "fixed"}, {kRotation, "rotation"}, {kElection, "election"}})};
}

//! The names of KPI values.
constexpr auto enum_names(Kpi /*tag*/) {
  using enum Kpi;
  return core::NameTable{"KPI", std::to_array<core::EnumName<Kpi>>({{kPerfectOrderRate, "perfect_order_rate"},
                                                                    {kOrderCycleTime, "order_cycle_time"},
                                                                    {kCostToServe, "cost_to_serve"},
                                                                    {kStockOutRate, "stock_out_rate"},
                                                                    {kOnTimeDelivery, "on_time_delivery"},
                                                                    {kReturnRate, "return_rate"},
                                                                    {kConsumerSatisfaction, "consumer_satisfaction"},
                                                                    {kCustom, "custom"}})};
}

//! The names of ballot format values.
constexpr auto enum_names(BallotFormat /*tag*/) {
  using enum BallotFormat;
  return core::NameTable{
      "ballot format",
      std::to_array<core::EnumName<BallotFormat>>(
          {{kApprovals, "approvals"}, {kRanking, "ranking"}, {kScores, "scores"}, {kPoints, "points"}})};
}

//! `network-fair` is the spelling of databases written before issue 11.
constexpr auto enum_names(SelectionRule /*tag*/) {
  using enum SelectionRule;
  return core::NameTable{"selection rule",
                         std::to_array<core::EnumName<SelectionRule>>({{kEqualShares, "mes"},
                                                                       {kPhragmen, "phragmen"},
                                                                       {kGreedy, "greedy"},
                                                                       {kNetworkFair, "network_fair", {"network-fair"}},
                                                                       {kConsensus, "consensus"}})};
}

//! The names of ballot disclosure values.
constexpr auto enum_names(BallotDisclosure /*tag*/) {
  using enum BallotDisclosure;
  return core::NameTable{"ballot disclosure",
                         std::to_array<core::EnumName<BallotDisclosure>>(
                             {{kPublic, "public"}, {kAnonymous, "anonymous"}, {kSecret, "secret"}})};
}

//! The names of sharing policy values.
constexpr auto enum_names(SharingPolicy /*tag*/) {
  using enum SharingPolicy;
  return core::NameTable{"sharing policy",
                         std::to_array<core::EnumName<SharingPolicy>>(
                             {{kNone, "none"}, {kShapley, "shapley"}, {kProportional, "proportional"}})};
}

//! The one lookup of a name, found from this namespace too (`net::name_of(tier)`).
using core::name_of;

}  // namespace covalue::core::network
