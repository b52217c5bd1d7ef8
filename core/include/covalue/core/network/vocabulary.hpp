#pragma once

#include <string_view>

#include "covalue/core/result.hpp"

namespace covalue::core::network {

//! Where a partner sits in the supply chain.
enum class Tier { kRawMaterials, kManufacturer, kDistributor, kLogistics, kRetailer, kMarketplace, kLastMile, kOther };

//! Which part of the chain an initiative improves.
enum class Channel { kSales, kManufacturing, kSupplyChain, kConsumerExperience };

//! Life of an initiative: proposed -> selected -> in_progress -> delivered -> reviewed, or one of the
//! side exits (rejected, withdrawn, carried_over: not selected, offered again in the next cycle).
enum class InitiativeStatus {
  kProposed,
  kSelected,
  kInProgress,
  kDelivered,
  kReviewed,
  kRejected,
  kWithdrawn,
  kCarriedOver,
};

//! Life of a cycle: proposing -> voting -> closed (selected, executing) -> reviewed (actuals recorded).
enum class CycleState { kProposing, kVoting, kClosed, kReviewed };

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

//! Stable snake_case names ("raw_materials", "consumer_experience", "in_progress", "mes", ...) and back.
//! Parsing names the accepted values in its error.
[[nodiscard]] const char* name_of(Tier value);
[[nodiscard]] const char* name_of(Channel value);
[[nodiscard]] const char* name_of(InitiativeStatus value);
[[nodiscard]] const char* name_of(CycleState value);
[[nodiscard]] const char* name_of(Kpi value);
[[nodiscard]] const char* name_of(BallotFormat value);
[[nodiscard]] const char* name_of(SelectionRule value);
[[nodiscard]] const char* name_of(SharingPolicy value);
[[nodiscard]] const char* name_of(BallotDisclosure value);

[[nodiscard]] Result<Tier> parse_tier(std::string_view text);
[[nodiscard]] Result<Channel> parse_channel(std::string_view text);
[[nodiscard]] Result<InitiativeStatus> parse_initiative_status(std::string_view text);
[[nodiscard]] Result<CycleState> parse_cycle_state(std::string_view text);
[[nodiscard]] Result<Kpi> parse_kpi(std::string_view text);
[[nodiscard]] Result<BallotFormat> parse_ballot_format(std::string_view text);
[[nodiscard]] Result<SelectionRule> parse_selection_rule(std::string_view text);
[[nodiscard]] Result<SharingPolicy> parse_sharing_policy(std::string_view text);
[[nodiscard]] Result<BallotDisclosure> parse_ballot_disclosure(std::string_view text);

//! Every accepted name of an enum, comma separated (for help texts).
[[nodiscard]] std::string_view tier_names();
[[nodiscard]] std::string_view channel_names();
[[nodiscard]] std::string_view kpi_names();
[[nodiscard]] std::string_view ballot_format_names();
[[nodiscard]] std::string_view selection_rule_names();
[[nodiscard]] std::string_view sharing_policy_names();
[[nodiscard]] std::string_view ballot_disclosure_names();

}  // namespace covalue::core::network
