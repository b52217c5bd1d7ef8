#pragma once

// Model values with every field set (negative and fractional rationals, optionals both ways, empty
// and long lists), shared by the storage contract and the JSON round-trip tests.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "covalue/core/network/charter.hpp"
#include "covalue/core/network/cycle.hpp"
#include "covalue/core/network/cycle_outcome.hpp"
#include "covalue/core/network/initiative.hpp"
#include "covalue/core/network/objective.hpp"
#include "covalue/core/network/partner.hpp"
#include "covalue/core/network/partner_ballot.hpp"
#include "covalue/core/network/realised_value.hpp"
#include "covalue/core/ranking/ranking_rule.hpp"

namespace covalue::testing {

namespace net = core::network;

//! The exact rational spelled by `text` ("-7/3", "12.5").
inline core::Rational q(std::string_view text) { return *core::parse_rational(text); }

//! A charter with every policy away from its default.
inline net::Charter sample_charter() {
  net::Charter charter;
  charter.name = "Rhine–Ruhr retail network";
  charter.capacity = q("241/2");
  charter.rule = net::SelectionRule::kNetworkFair;
  charter.fairness = {4, q("1/3"), core::perpetual::WeightPolicy::kNone, core::perpetual::WeightAbsence::kEmpty};
  charter.sharing = net::SharingPolicy::kProportional;
  charter.leadership = {3};
  charter.ranking_rule = core::ranking::RankingRule::kRankedPairs;
  charter.disclosure = net::BallotDisclosure::kPublic;
  charter.deadline_action = net::DeadlineAction::kAuto;
  charter.unit = "EUR";
  return charter;
}

//! A partner; `left` gives it a left_cycle.
inline net::Partner sample_partner(std::string name, net::Tier tier, bool left = false) {
  net::Partner partner;
  partner.name = std::move(name);
  partner.tier = tier;
  partner.joined_cycle = 2;
  if (left) {
    partner.left_cycle = 5;
  }
  return partner;
}

//! An initiative of `proposer` with impacts on `partners` (negative and fractional ones included).
inline net::Initiative sample_initiative(std::string title, net::PartnerId proposer,
                                         const std::vector<net::PartnerId>& partners) {
  net::Initiative initiative;
  initiative.title = std::move(title);
  initiative.description = "Shared forecasting; 'quoted' \"text\" and ünïcode";
  initiative.channel = net::Channel::kConsumerExperience;
  initiative.proposer = proposer;
  initiative.cost = q("35/4");
  const char* estimates[] = {"-5/7", "12.25", "0", "-3", "1000000000000000000000001/3"};
  // Reverse order: the store must keep the order it was given, not sort by partner.
  for (std::size_t i = partners.size(); i-- > 0;) {
    initiative.impacts.push_back(net::Impact{partners[i], q(estimates[i % 5])});
  }
  initiative.volunteers = {proposer};
  initiative.status = net::InitiativeStatus::kCarriedOver;
  initiative.cycle = 1;
  return initiative;
}

//! A ballot of `partner` in `cycle` over `initiatives` with an objection to the last one.
inline net::PartnerBallot sample_ballot(net::CycleNumber cycle, net::PartnerId partner,
                                        const std::vector<net::InitiativeId>& initiatives) {
  net::PartnerBallot ballot;
  ballot.cycle = cycle;
  ballot.partner = partner;
  ballot.format = net::BallotFormat::kScores;
  for (std::size_t i = initiatives.size(); i-- > 0;) {
    ballot.entries.push_back(net::BallotEntry{initiatives[i], q(i % 2 == 0 ? "7/2" : "-1")});
  }
  if (!initiatives.empty()) {
    ballot.objections.push_back(net::Objection{initiatives.back(), "it moves our warehouse"});
  }
  return ballot;
}

//! The rule's certificate part of an outcome: MES payments, a trace with ties, and a drop.
inline core::Outcome sample_rule_outcome() {
  core::Outcome outcome;
  outcome.selected = {2, 0};
  outcome.total_cost = q("47/4");
  outcome.trace = {{"mes", 2, q("1/3"), {1}, {}}, {"add1", 0, q("-1"), {}, {1}}};
  core::MesCertificate mes;
  mes.voter_budget = q("12.5");
  mes.increments = 3;
  mes.purchases = {{2, q("1/3"), {{0, q("5/2")}, {4, q("3")}}, 0, {}, {}}, {0, q("2/7"), {}, 0, {}, {}}};
  outcome.mes = mes;
  return outcome;
}

//! The outcome record of `cycle` deciding `initiatives` for `partners` (at least two of each).
inline net::CycleOutcome sample_outcome(net::CycleNumber cycle, const std::vector<net::InitiativeId>& initiatives,
                                        const std::vector<net::PartnerId>& partners) {
  net::CycleOutcome outcome;
  outcome.cycle = cycle;
  outcome.rule = net::SelectionRule::kPhragmen;
  outcome.capacity = q("100");
  outcome.spent = q("95/2");
  outcome.network_value = q("-3/4");
  outcome.decisions = {
      {initiatives[0], true, net::DecisionReason::kSelectedObjectionMet, "made whole by transfers", {}, std::nullopt},
      {initiatives[1], false, net::DecisionReason::kNotChosen, "it costs 3", {"capacity", "x"}, q("7/2")}};
  net::PartnerResult first{partners[0], q("3/2"), q("-7/3"), q("7/3"), q("5/3"), q("-2/3"), q("1/7"),
                           4,           2,        true,      true,     3,        true,      {q("7/4"), q("2")}};
  net::PartnerResult second{partners[1], q("1"), q("0"), q("0"), q("-5/3"), q("-5/3"), q("0"),
                            0,           0,      false,  false,  0,         false,     {q("0"), q("0")}};
  outcome.partners = {first, second};
  outcome.weight_policy = core::perpetual::WeightPolicy::kQuota;
  outcome.leads = {{initiatives[0], partners[1], true}, {initiatives[1], std::nullopt, false}};
  outcome.sharing = {net::SharingPolicy::kShapley, "sampled", q("1/100"), 20000, "no", {partners[1], partners[0]}};
  outcome.rule_outcome = sample_rule_outcome();
  outcome.candidates = {initiatives[1], initiatives[0], initiatives[1] + 100};
  outcome.network_fair =
      net::NetworkFairCertificate{"feasible", q("9/2"), q("5.5"), q("6"), q("1"), 42, true, "CBC 2.10.8", ""};
  outcome.notes = {"network benefit first", "", "Ünïcode ✓"};
  return outcome;
}

}  // namespace covalue::testing
