#include "dashboard.hpp"

#include "handler_support.hpp"

namespace covalue::server {

namespace net = core::network;
using nlohmann::json;

namespace {

//! An exact figure as the reports write it (decimal when finite), or null.
json report_number(const std::optional<core::Rational>& value) {
  return value ? json(core::to_decimal_string(*value)) : json();
}

//! An exact figure as a fraction string, or null.
json exact(const std::optional<core::Rational>& value) { return value ? json(core::to_string(*value)) : json(); }

json cycle_json(const program::DashboardCycle& cycle) {
  return {{"number", cycle.number},
          {"state", net::name_of(cycle.state)},
          {"estimated_value", report_number(cycle.estimated_value)},
          {"realised_value", report_number(cycle.realised_value)},
          {"cumulative_estimated", report_number(cycle.cumulative_estimated)},
          {"cumulative_realised", report_number(cycle.cumulative_realised)},
          {"participation_rate", exact(cycle.participation_rate)},
          {"gini", exact(cycle.gini)},
          {"max_dry_spell", or_null(cycle.max_dry_spell)}};
}

json partner_json(const program::DashboardPartner& row) {
  json values = json::array();
  for (const core::Rational& value : row.cumulative_net_value) {
    values.push_back(core::to_string(value));
  }
  json dry = json::array();
  for (const std::optional<std::int64_t>& spell : row.dry_spell) {
    dry.push_back(or_null(spell));
  }
  return {{"id", row.partner.id},
          {"name", row.partner.name},
          {"tier", net::name_of(row.partner.tier)},
          {"status", row.partner.left_cycle ? "left" : "member"},
          {"cumulative_net_value", std::move(values)},
          {"dry_spell", std::move(dry)},
          {"risk_score", or_null(row.risk_score)},
          {"risk_band", or_null(row.risk_band)},
          {"risk_reasons", row.risk_reasons}};
}

}  // namespace

json dashboard_json(const program::Dashboard& dashboard) {
  json cycles = json::array();
  for (const program::DashboardCycle& cycle : dashboard.cycles) {
    cycles.push_back(cycle_json(cycle));
  }
  json partners = json::array();
  for (const program::DashboardPartner& partner : dashboard.partners) {
    partners.push_back(partner_json(partner));
  }
  return json{{"network",
               {{"name", dashboard.charter.name},
                {"capacity", core::to_string(dashboard.charter.capacity)},
                {"max_dry_spell", dashboard.charter.fairness.max_dry_spell}}},
              {"cycles", std::move(cycles)},
              {"partners", std::move(partners)}};
}

}  // namespace covalue::server
