#include "dashboard.hpp"

#include <algorithm>
#include <map>

#include "covalue/adapters/json/report_json.hpp"
#include "covalue/program/report.hpp"

namespace covalue::server {

namespace net = core::network;
using nlohmann::json;

namespace {

//! The rows of a report table as objects keyed by column.
json table_rows(const program::Report& report, const std::string& key) {
  for (const program::ReportTable& table : report.tables) {
    if (table.key == key) {
      return adapters::json::report_to_json(program::Report{report.name, {}, {table}})[key];
    }
  }
  return json::array();
}

//! Fills the decided-cycle figures of one cycle and adds its net values to `cumulative`.
void add_outcome(const net::CycleOutcome& outcome, std::map<net::PartnerId, core::Rational>& cumulative, json& cycle) {
  std::int64_t voted = 0;
  std::int64_t max_dry = 0;
  for (const net::PartnerResult& result : outcome.partners) {
    cumulative[result.partner] += result.net_value;
    voted += result.voted ? 1 : 0;
    max_dry = std::max(max_dry, result.dry_spell);
  }
  std::vector<core::Rational> values;
  values.reserve(cumulative.size());
  for (const auto& [partner, value] : cumulative) {
    values.push_back(value);
  }
  const core::Rational participation =
      outcome.partners.empty() ? core::Rational(0)
                               : core::Rational(voted) / core::Rational(static_cast<long>(outcome.partners.size()));
  cycle["participation_rate"] = core::to_string(participation);
  cycle["gini"] = core::to_string(program::gini(values));
  cycle["max_dry_spell"] = max_dry;
}

//! Per cycle figures; fills per partner series (`net_values`, `dry_spells`) as it goes.
json cycle_series(const program::Snapshot& snapshot, const json& network_rows,
                  std::map<net::PartnerId, json>& net_values, std::map<net::PartnerId, json>& dry_spells) {
  std::map<net::PartnerId, core::Rational> cumulative;
  json cycles = json::array();
  for (const net::Cycle& cycle : snapshot.cycles) {
    json row = {{"number", cycle.number}, {"state", net::name_of(cycle.state)}};
    json figures = json::object();
    for (const json& candidate : network_rows) {
      if (candidate.value("cycle", json()) == json(cycle.number)) {
        figures = candidate;
      }
    }
    for (const char* key : {"estimated_value", "realised_value", "cumulative_estimated", "cumulative_realised"}) {
      row[key] = figures.contains(key) ? figures[key] : json();
    }
    row["participation_rate"] = nullptr;
    row["gini"] = nullptr;
    row["max_dry_spell"] = nullptr;
    const net::CycleOutcome* outcome = snapshot.find_outcome(cycle.number);
    std::map<net::PartnerId, std::int64_t> dry;
    if (outcome != nullptr) {
      add_outcome(*outcome, cumulative, row);
      for (const net::PartnerResult& result : outcome->partners) {
        dry[result.partner] = result.dry_spell;
      }
    }
    for (const net::Partner& partner : snapshot.partners) {
      const auto value = cumulative.find(partner.id);
      net_values[partner.id].push_back(core::to_string(value == cumulative.end() ? core::Rational(0) : value->second));
      const auto spell = dry.find(partner.id);
      dry_spells[partner.id].push_back(spell == dry.end() ? json() : json(spell->second));
    }
    cycles.push_back(std::move(row));
  }
  return cycles;
}

}  // namespace

core::Result<json> dashboard_json(const program::Snapshot& snapshot) {
  core::Result<program::Report> network = program::network_report(snapshot);
  core::Result<program::Report> engagement = program::engagement_report(snapshot);
  if (!network || !engagement) {
    return network ? engagement.error() : network.error();
  }
  std::map<net::PartnerId, json> net_values;
  std::map<net::PartnerId, json> dry_spells;
  json cycles = cycle_series(snapshot, table_rows(*network, "cycles"), net_values, dry_spells);
  std::map<std::int64_t, json> risk;
  for (const json& row : table_rows(*engagement, "partners")) {
    if (row.contains("partner") && row["partner"].is_number_integer()) {
      risk[row["partner"].get<std::int64_t>()] = row;
    }
  }
  json partners = json::array();
  for (const net::Partner& partner : snapshot.partners) {
    const json row = risk.contains(partner.id) ? risk[partner.id] : json::object();
    partners.push_back(
        {{"id", partner.id},
         {"name", partner.name},
         {"tier", net::name_of(partner.tier)},
         {"status", partner.left_cycle ? "left" : "member"},
         {"cumulative_net_value", net_values[partner.id].is_null() ? json::array() : net_values[partner.id]},
         {"dry_spell", dry_spells[partner.id].is_null() ? json::array() : dry_spells[partner.id]},
         {"risk_score", row.value("risk_score", json())},
         {"risk_band", row.value("risk_band", json())},
         {"risk_reasons", row.value("risk_reasons", json())}});
  }
  return json{{"network",
               {{"name", snapshot.charter.name},
                {"capacity", core::to_string(snapshot.charter.capacity)},
                {"max_dry_spell", snapshot.charter.fairness.max_dry_spell}}},
              {"cycles", std::move(cycles)},
              {"partners", std::move(partners)}};
}

}  // namespace covalue::server
