#pragma once

// The network simulator's model (docs/simulator.md): partners with tiers, groups, capabilities and an
// outside option propose initiatives each cycle; the real decide_cycle selects, shares and assigns leads;
// each partner then stays or leaves by the retention-risk factors of the engagement report and its
// discounted net value; new partners join with a probability rising with the network's value. Every
// random draw comes from a stream keyed by (seed, network, purpose, cycle, partner), so a network's run
// depends only on its seed and index, and two policies run on the same seed meet the same partners and,
// while the same partners are members, the same proposals (common random numbers for paired comparison).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "covalue/core/network/charter.hpp"
#include "covalue/core/network/cycle_decision.hpp"
#include "covalue/core/result.hpp"

namespace covalue::core::sim {

//! How partners fill in their ballots.
enum class BallotStyle {
  kOwnGain,  //!< approve what its own estimate says gains it something (inward)
  kNetwork,  //!< approve what has a positive estimated network value and does not harm it (outward)
  kRandom,   //!< approve each candidate with probability 1/2 (the random baseline)
};

//! "own_gain", "network", "random".
constexpr auto enum_names(BallotStyle /*tag*/) {
  using enum BallotStyle;
  return core::NameTable{"ballot style", std::to_array<core::EnumName<BallotStyle>>(
                                             {{kOwnGain, "own_gain"}, {kNetwork, "network"}, {kRandom, "random"}})};
}

//! Who offers to lead a selected initiative.
enum class LeadStyle {
  kProposer,  //!< its proposer volunteers, with no limit on concurrent leads: no rotation
  kRotate,    //!< nobody volunteers: decide_cycle rotates leads to those who led least, within the charter's limit
};

//! "proposer", "rotate".
constexpr auto enum_names(LeadStyle /*tag*/) {
  using enum LeadStyle;
  return core::NameTable{"lead style",
                         std::to_array<core::EnumName<LeadStyle>>({{kProposer, "proposer"}, {kRotate, "rotate"}})};
}

//! A charter and the partners' behaviour under it: what is compared.
struct Policy {
  std::string name;
  network::Charter charter;  //!< the rules of every cycle (its capacity is set per cycle from the model)
  BallotStyle ballots{BallotStyle::kNetwork};
  LeadStyle leads{LeadStyle::kRotate};
  bool object_to_losses{false};  //!< a partner objects to every candidate its own estimate says harms it
  double capacity_scale{1};      //!< the cycle's capacity is the model's times this (a what-if's changed capacity)

  bool operator==(const Policy&) const = default;
};

//! The model's parameters; every default and its source is in docs/simulator.md.
struct ModelParameters {
  std::int64_t partners{20};         //!< members at the start
  std::int64_t max_partners{40};     //!< no joining beyond this many members
  std::int64_t cycles{40};           //!< cycles run
  double minority_share{1.0 / 3.0};  //!< share of partners in the minority group
  double capability_sigma{0.5};      //!< capability ~ LogNormal(0, sigma)
  double proposal_rate{0.5};         //!< expected proposals per member per cycle, times its capability
  std::int64_t max_scope{6};         //!< an initiative touches its proposer and 1..max_scope others
  double same_group{0.75};           //!< chance a touched partner comes from the proposer's group
  double value_scale{10};            //!< mean gross value of an initiative of a capability-1 proposer
  double network_effect{0.33};       //!< gross value x (1 + this x ln(members / partners)): n log n growth
  double deopt_same_group{0.15};     //!< chance a touched partner of the proposer's group is de-optimised
  double deopt_other_group{0.45};    //!< ... of the other group
  double deopt_depth{0.6};           //!< a de-optimised partner loses up to this share of the gross value
  double cost_mean{5};               //!< mean cost of an initiative in capacity units
  double capacity_per_member{1.5};   //!< the cycle's capacity per member
  double coordination_cost{0.02};    //!< each member pays this x (members - 1) per cycle
  double estimate_noise{0.25};       //!< estimate = realised + noise x gross value x N(0, 1)
  double misreport_share{0.1};       //!< share of partners that exaggerate their own estimates
  double misreport_bias{0.5};        //!< ... by this factor (gains and losses alike)
  double abstention{0.1};            //!< mean chance a partner casts no ballot in a cycle
  double shirk{0.1};                 //!< mean chance a lead shirks: its initiative realises half its value
  double discount{0.9};              //!< weight of the past in a partner's discounted net value
  double outside_mean{1.0};          //!< mean value per cycle a partner expects outside the network
  double outside_sigma{0.5};         //!< outside option ~ outside_mean x LogNormal(0, sigma)
  double risk_cost{1.0};             //!< value a risk score of 100 costs a partner per cycle
  double decision_noise{0.1};        //!< stay/leave noise, x outside_mean x N(0, 1)
  std::int64_t grace_cycles{3};      //!< a new member decides only after this many cycles
  double join_rate{0.05};            //!< join chance per cycle per value_scale of smoothed network value

  //! Checks every parameter against its row of model_parameters(); the error names it ("discount").
  [[nodiscard]] Status validate() const;

  bool operator==(const ModelParameters&) const = default;
};

//! One row of the parameter table: its name (the TOML key), range and help; exactly one of the two
//! member pointers is set.
struct ParameterRow {
  std::string_view name;
  double ModelParameters::*real{nullptr};
  std::int64_t ModelParameters::*integer{nullptr};
  double min{0};
  double max{0};
  std::string_view help;
};

//! Every model parameter, in the order docs/simulator.md lists them.
[[nodiscard]] std::span<const ParameterRow> model_parameters();

//! The row named `name`, or null.
[[nodiscard]] const ParameterRow* find_parameter(std::string_view name);

//! Sets a parameter from a number, checking its type and range (kInvalidInput naming it).
[[nodiscard]] Status set_parameter(ModelParameters& model, const ParameterRow& row, double value);

//! What one network did in one cycle.
struct CycleFigures {
  std::int64_t members{0};          //!< members during the cycle
  std::int64_t initial_members{0};  //!< of the partners present at the start, members during the cycle
  std::int64_t proposals{0};
  std::int64_t selected{0};
  double network_value{0};  //!< realised value of the selection over members, minus coordination costs
  double value_per_member{0};
  bool in_core{false};  //!< decide_cycle's core check: the cycle's allocation is in the core
};

//! One network's whole run.
struct NetworkRun {
  std::vector<CycleFigures> cycles;
  double total_value{0};  //!< the sum of network_value over the cycles
  double gini{0};         //!< Gini of the cumulative net values of the final members (signed, as the reports)
  std::int64_t longest_dry_spell{0};
  double quota_compliance{0};  //!< share of (member, cycle) with perpetual quota - wins < 1
  std::int64_t joined{0};
  std::int64_t left{0};
};

//! A member's stay-or-leave decision: it stays while its discounted net value per cycle, less what its
//! retention risk (core::network::retention_risk, 0-100) costs it (risk_cost x risk / 100), plus a shock
//! (decision_noise x outside_mean x a standard normal draw), is at least its outside option.
[[nodiscard]] bool stays(const ModelParameters& model, double discounted_value, double risk_points, double outside,
                         double normal_draw);

//! The chance a partner joins after a cycle: join_rate x max(0, smoothed network value) / value_scale, at
//! most 1; 0 once the network has max_partners members.
[[nodiscard]] double join_probability(const ModelParameters& model, double smoothed_network_value,
                                      std::int64_t members);

//! A real partner a simulated network starts with (`simulate run --from-db`): what its history says. Its
//! latent traits (group, capability, outside option, misreporting) are drawn as for any partner.
struct StartingPartner {
  std::string name;
  network::Tier tier{network::Tier::kOther};
  std::int64_t cycles_member{0};     //!< closed cycles it has been a member of (its grace period counts them)
  std::int64_t dry_spell{0};         //!< its dry spell after the last closed cycle
  double cumulative{0};              //!< its net value (estimated value plus transfers) over those cycles
  std::int64_t past_leads{0};        //!< initiatives it was named lead of
  std::optional<double> abstention;  //!< share of its ballots missed, when it has had any

  bool operator==(const StartingPartner&) const = default;
};

//! Runs network `index` of the run with `seed` under `policy` through decide_cycle, cycle after cycle,
//! starting from `model.partners` fresh partners, or from `start` when it holds any (then model.partners must
//! be its size). Errors: what decide_cycle returns (naming the cycle), or kInvalidInput for bad parameters.
[[nodiscard]] Result<NetworkRun> simulate_network(const ModelParameters& model, const Policy& policy,
                                                  std::uint64_t seed, std::uint64_t index,
                                                  const network::DecisionTools& tools,
                                                  std::span<const StartingPartner> start = {});

}  // namespace covalue::core::sim
