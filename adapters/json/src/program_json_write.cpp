// Encoders of the program's domain types (program_json.hpp).
#include <cstdint>
#include <vector>

#include "covalue/adapters/json/program_json.hpp"

namespace covalue::adapters::json {
namespace {

using core::to_string;
using nlohmann::json;
namespace net = core::network;

json ids_to_json(const std::vector<std::int64_t>& ids) {
  json out = json::array();
  for (const std::int64_t id : ids) {
    out.push_back(id);
  }
  return out;
}

template <typename T>
json optional_to_json(const std::optional<T>& value) {
  return value ? json(*value) : json();
}

json optional_rational(const std::optional<core::Rational>& value) { return value ? json(to_string(*value)) : json(); }

//! A deadline: its UTC time, or null for none.
json moment_or_null(const std::string& moment) { return moment.empty() ? json() : json(moment); }

}  // namespace

json charter_to_json(const net::Charter& charter) {
  return {{"name", charter.name},
          {"capacity", to_string(charter.capacity)},
          {"rule", net::name_of(charter.rule)},
          {"fairness",
           {{"max_dry_spell", charter.fairness.max_dry_spell},
            {"max_deopt_share", to_string(charter.fairness.max_deopt_share)},
            {"perpetual_weighting", charter.fairness.weight_policy != core::perpetual::WeightPolicy::kNone},
            {"weight_policy", core::name_of(charter.fairness.weight_policy)},
            {"weight_absence", core::name_of(charter.fairness.weight_absence)}}},
          {"sharing", net::name_of(charter.sharing)},
          {"leadership", {{"max_concurrent_leads", charter.leadership.max_concurrent_leads}}},
          {"ranking_rule", core::name_of(charter.ranking_rule)},
          {"disclosure", net::name_of(charter.disclosure)},
          {"deadline_action", net::name_of(charter.deadline_action)},
          {"unit", charter.unit},
          {"reminder_hours", charter.reminder_hours},
          {"close_turnout_warning", charter.close_turnout_warning},

          // Charter proposals and coordination (issue 14 item 4).
          {"amendment_rule", net::name_of(charter.amendment_rule)},
          {"amendment_majority", to_string(charter.amendment_majority)},
          {"amendment_window_hours", to_string(charter.amendment_window_hours)},
          {"coordination", net::name_of(charter.coordination)},
          {"coordination_term", charter.coordination_term},

          // Ballot limits (issue 15 item 6).
          {"score_max", to_string(charter.score_max)},
          {"points_budget", to_string(charter.points_budget)}};
}

json partner_to_json(const net::Partner& partner) {
  return {{"id", partner.id},
          {"name", partner.name},
          {"tier", net::name_of(partner.tier)},
          {"joined_cycle", partner.joined_cycle},
          {"left_cycle", optional_to_json(partner.left_cycle)}};
}

json objective_to_json(const net::Objective& objective) {
  return {{"id", objective.id},
          {"partner", objective.partner},
          {"kpi", net::name_of(objective.kpi)},
          {"name", objective.name},
          {"unit", objective.unit},
          {"baseline", to_string(objective.baseline)},
          {"target", to_string(objective.target)}};
}

json initiative_to_json(const net::Initiative& initiative) {
  json impacts = json::array();
  for (const net::Impact& impact : initiative.impacts) {
    impacts.push_back({{"partner", impact.partner}, {"estimate", to_string(impact.estimate)}});
  }
  return {{"id", initiative.id},
          {"title", initiative.title},
          {"description", initiative.description},
          {"channel", net::name_of(initiative.channel)},
          {"proposer", initiative.proposer},
          {"cost", to_string(initiative.cost)},
          {"impacts", std::move(impacts)},
          {"objectives", ids_to_json(initiative.objectives)},
          {"volunteers", ids_to_json(initiative.volunteers)},
          {"nominees", ids_to_json(initiative.nominees)},
          {"status", net::name_of(initiative.status)},
          {"undecided", initiative.undecided()},
          {"cycle", initiative.cycle},
          {"lead", optional_to_json(initiative.lead)},
          {"network_value", to_string(initiative.network_value())}};
}

json cycle_to_json(const net::Cycle& cycle) {
  return {{"number", cycle.number},
          {"state", net::name_of(cycle.state)},
          {"capacity", to_string(cycle.capacity)},
          {"rule", net::name_of(cycle.rule)},
          {"shortlist", ids_to_json(cycle.shortlist)},
          {"proposals_close_at", moment_or_null(cycle.proposals_close_at)},
          {"voting_closes_at", moment_or_null(cycle.voting_closes_at)}};
}

json ballot_to_json(const net::PartnerBallot& ballot) {
  json entries = json::array();
  for (const net::BallotEntry& entry : ballot.entries) {
    entries.push_back({{"initiative", entry.initiative}, {"value", to_string(entry.value)}});
  }
  json objections = json::array();
  for (const net::Objection& objection : ballot.objections) {
    objections.push_back({{"initiative", objection.initiative}, {"reason", objection.reason}});
  }
  json out = {{"cycle", ballot.cycle},
              {"partner", ballot.partner},
              {"format", net::name_of(ballot.format)},
              {"entries", std::move(entries)},
              {"objections", std::move(objections)}};
  if (ballot.cast_by != 0) {
    out["cast_by"] = ballot.cast_by;  // its proxy cast it (a delegation)
  }
  return out;
}

json realised_value_to_json(const net::RealisedValue& value) {
  return {{"cycle", value.cycle},
          {"initiative", value.initiative},
          {"partner", value.partner},
          {"target", optional_rational(value.target)},
          {"forecast", optional_rational(value.forecast)},
          {"actual", to_string(value.actual)}};
}

json kpi_measurement_to_json(const net::KpiMeasurement& measurement) {
  return {{"cycle", measurement.cycle}, {"objective", measurement.objective}, {"value", to_string(measurement.value)}};
}

json scorecard_to_json(const net::Scorecard& scorecard) {
  json criteria = json::array();
  for (const net::ScorecardCriterion& criterion : scorecard.criteria) {
    criteria.push_back({{"name", criterion.name},
                        {"kind", net::name_of(criterion.kind)},
                        {"weight", to_string(criterion.weight)},
                        {"low", to_string(criterion.low)},
                        {"high", to_string(criterion.high)}});
  }
  return {{"formula", net::name_of(scorecard.formula)},
          {"criteria", std::move(criteria)},
          {"shortlist_size", scorecard.shortlist_size}};
}

json initiative_score_to_json(const net::InitiativeScore& score) {
  return {{"initiative", score.initiative},
          {"partner", score.partner},
          {"criterion", score.criterion},
          {"value", to_string(score.value)}};
}

json scorecard_entry_to_json(const net::ScorecardEntry& entry) {
  json averages = json::array();
  for (const std::optional<core::Rational>& average : entry.averages) {
    averages.push_back(optional_rational(average));
  }
  return {{"initiative", entry.initiative},
          {"score", optional_rational(entry.score)},
          {"averages", std::move(averages)},
          {"scorers", entry.scorers},
          {"rank", entry.rank}};
}

}  // namespace covalue::adapters::json
