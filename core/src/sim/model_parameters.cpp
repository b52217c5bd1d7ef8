#include <array>
#include <cmath>
#include <string>

#include "covalue/core/sim/network_model.hpp"

namespace covalue::core::sim {
namespace {

using M = ModelParameters;

constexpr double kMaxMembers = 1000;
constexpr double kMaxCycles = 10000;
constexpr double kLarge = 1e6;

ParameterRow integer_row(std::string_view name, std::int64_t M::*member, double min, double max,
                         std::string_view help) {
  return {name, nullptr, member, min, max, help};
}

ParameterRow real_row(std::string_view name, double M::*member, double min, double max, std::string_view help) {
  return {name, member, nullptr, min, max, help};
}

const std::array<ParameterRow, 28>& table() {
  static const std::array<ParameterRow, 28> rows = {
      integer_row("partners", &M::partners, 2, kMaxMembers, "members at the start"),
      integer_row("max_partners", &M::max_partners, 2, kMaxMembers, "no joining beyond this many members"),
      integer_row("cycles", &M::cycles, 1, kMaxCycles, "cycles run"),
      real_row("minority_share", &M::minority_share, 0, 1, "share of partners in the minority group"),
      real_row("capability_sigma", &M::capability_sigma, 0, 3, "capability ~ LogNormal(0, sigma)"),
      real_row("proposal_rate", &M::proposal_rate, 0, 10, "proposals per member per cycle, times its capability"),
      integer_row("max_scope", &M::max_scope, 1, 50, "an initiative touches its proposer and 1..max_scope others"),
      real_row("same_group", &M::same_group, 0, 1, "chance a touched partner is of the proposer's group"),
      real_row("value_scale", &M::value_scale, 0, kLarge, "mean gross value of a capability-1 proposer's initiative"),
      real_row("network_effect", &M::network_effect, 0, 10, "gross value x (1 + this x ln(members / partners))"),
      real_row("deopt_same_group", &M::deopt_same_group, 0, 1, "chance a touched partner of its group loses"),
      real_row("deopt_other_group", &M::deopt_other_group, 0, 1, "chance a touched partner of the other group loses"),
      real_row("deopt_depth", &M::deopt_depth, 0, 10, "a loser loses up to this share of the gross value"),
      real_row("cost_mean", &M::cost_mean, 0.1, kLarge, "mean cost of an initiative in capacity units"),
      real_row("capacity_per_member", &M::capacity_per_member, 0.01, kLarge, "the cycle's capacity per member"),
      real_row("coordination_cost", &M::coordination_cost, 0, kLarge, "each member pays this x (members - 1)"),
      real_row("estimate_noise", &M::estimate_noise, 0, 10, "estimate = realised + noise x gross value x N(0,1)"),
      real_row("misreport_share", &M::misreport_share, 0, 1, "share of partners exaggerating their estimates"),
      real_row("misreport_bias", &M::misreport_bias, 0, 10, "... by this factor"),
      real_row("abstention", &M::abstention, 0, 1, "mean chance a partner casts no ballot"),
      real_row("shirk", &M::shirk, 0, 1, "mean chance a lead shirks (half the value realised)"),
      real_row("discount", &M::discount, 0, 1, "weight of the past in the discounted net value"),
      real_row("outside_mean", &M::outside_mean, 0, kLarge, "mean value per cycle of the outside option"),
      real_row("outside_sigma", &M::outside_sigma, 0, 3, "outside option ~ mean x LogNormal(0, sigma)"),
      real_row("risk_cost", &M::risk_cost, 0, kLarge, "value a retention-risk score of 100 costs per cycle"),
      real_row("decision_noise", &M::decision_noise, 0, kLarge, "stay/leave noise x outside_mean x N(0,1)"),
      integer_row("grace_cycles", &M::grace_cycles, 0, kMaxCycles, "a new member decides after this many cycles"),
      real_row("join_rate", &M::join_rate, 0, kLarge, "join chance per value_scale of smoothed network value"),
  };
  return rows;
}

std::string number_text(double value) {
  std::string text = std::to_string(value);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') {
    text.pop_back();
  }
  return text;
}

}  // namespace

std::span<const ParameterRow> model_parameters() { return table(); }

const ParameterRow* find_parameter(std::string_view name) {
  for (const ParameterRow& row : model_parameters()) {
    if (row.name == name) {
      return &row;
    }
  }
  return nullptr;
}

Status set_parameter(ModelParameters& model, const ParameterRow& row, double value) {
  const std::string name(row.name);
  if (!std::isfinite(value) || value < row.min || value > row.max) {
    return make_error(
        ErrorKind::kInvalidInput,
        "must be from " + number_text(row.min) + " to " + number_text(row.max) + ", got " + number_text(value), name);
  }
  if (row.integer != nullptr) {
    if (std::floor(value) != value) {
      return make_error(ErrorKind::kInvalidInput, "must be a whole number, got " + number_text(value), name);
    }
    model.*row.integer = static_cast<std::int64_t>(value);
  } else {
    model.*row.real = value;
  }
  return {};
}

Status ModelParameters::validate() const {
  ModelParameters copy = *this;
  for (const ParameterRow& row : model_parameters()) {
    const double value = row.integer != nullptr ? static_cast<double>(this->*row.integer) : this->*row.real;
    if (Status ok = set_parameter(copy, row, value); !ok) {
      return ok;
    }
  }
  if (max_partners < partners) {
    return make_error(
        ErrorKind::kInvalidInput,
        "must be at least partners (" + std::to_string(partners) + "), got " + std::to_string(max_partners),
        "max_partners");
  }
  return {};
}

}  // namespace covalue::core::sim
