// Decoders of the program's domain types (program_json.hpp): every error names the JSON path at fault.
#include <algorithm>
#include <string_view>

#include "covalue/adapters/json/program_json.hpp"
#include "json_fields.hpp"

namespace covalue::adapters::json {
namespace {

using core::ErrorKind;
using core::make_error;
using nlohmann::json;
namespace net = core::network;

//! An enum member by its name, or `fallback` when absent.
template <typename T>
T optional_name(FieldReader& reader, const json& node, const char* key, T fallback,
                core::Result<T> (*parse)(std::string_view)) {
  if (!node.is_object() || !node.contains(key)) {
    return fallback;
  }
  return reader.name(key, parse);
}

//! The members of `node` must all be `known`; records the error in `reader` otherwise.
void check_members(FieldReader& reader, const json& node, const std::string& path,
                   const std::vector<std::string>& known) {
  if (core::Status status = reject_unknown_members(node, path, known); !status) {
    reader.fail(status.error());
  }
}

core::Result<net::Impact> impact_from_json(const json& node, const std::string& path) {
  FieldReader reader(node, path);
  check_members(reader, node, path, {"partner", "estimate"});
  net::Impact impact;
  impact.partner = reader.integer("partner");
  impact.estimate = reader.rational("estimate");
  return reader.finish(std::move(impact));
}

core::Result<net::ScorecardCriterion> criterion_from_json(const json& node, const std::string& path) {
  FieldReader reader(node, path);
  check_members(reader, node, path, {"name", "kind", "weight", "low", "high"});
  net::ScorecardCriterion criterion;
  criterion.name = reader.text("name");
  criterion.kind = optional_name(reader, node, "kind", criterion.kind, core::parse_name<net::CriterionKind>);
  criterion.weight = reader.optional_rational("weight").value_or(criterion.weight);
  criterion.low = reader.optional_rational("low").value_or(criterion.low);
  criterion.high = reader.optional_rational("high").value_or(criterion.high);
  return reader.finish(std::move(criterion));
}

net::FairnessPolicy fairness_from_json(FieldReader& parent, const json& node, const std::string& path,
                                       net::FairnessPolicy fairness) {
  if (!node.contains("fairness")) {
    return fairness;
  }
  const json& member = node.at("fairness");
  FieldReader reader(member, path + ".fairness");
  check_members(reader, member, path + ".fairness",
                {"max_dry_spell", "max_deopt_share", "perpetual_weighting", "weight_policy", "weight_absence"});
  fairness.max_dry_spell = reader.optional_integer("max_dry_spell").value_or(fairness.max_dry_spell);
  fairness.max_deopt_share = reader.optional_rational("max_deopt_share").value_or(fairness.max_deopt_share);
  // perpetual_weighting is the older form of weight_policy (core::perpetual::older_form); weight_policy wins.
  if (member.is_object() && member.contains("perpetual_weighting") && !member.contains("weight_policy")) {
    fairness.weight_policy = core::perpetual::older_form(reader.boolean("perpetual_weighting"), fairness.weight_policy);
  }
  fairness.weight_policy = optional_name(reader, member, "weight_policy", fairness.weight_policy,
                                         core::parse_name<core::perpetual::WeightPolicy>);
  fairness.weight_absence = optional_name(reader, member, "weight_absence", fairness.weight_absence,
                                          core::parse_name<core::perpetual::WeightAbsence>);
  if (!reader.ok()) {
    parent.fail(reader.error());
  }
  return fairness;
}

net::LeadershipPolicy leadership_from_json(FieldReader& parent, const json& node, const std::string& path,
                                           net::LeadershipPolicy leadership) {
  if (!node.contains("leadership")) {
    return leadership;
  }
  const json& member = node.at("leadership");
  FieldReader reader(member, path + ".leadership");
  check_members(reader, member, path + ".leadership", {"max_concurrent_leads"});
  leadership.max_concurrent_leads =
      reader.optional_integer("max_concurrent_leads").value_or(leadership.max_concurrent_leads);
  if (!reader.ok()) {
    parent.fail(reader.error());
  }
  return leadership;
}

}  // namespace

core::Result<net::Charter> charter_from_json(const json& node, const std::string& path, const net::Charter& base) {
  FieldReader reader(node, path);
  check_members(reader, node, path,
                {"name", "capacity", "rule", "fairness", "sharing", "leadership", "ranking_rule", "disclosure",
                 "deadline_action", "unit", "reminder_hours", "close_turnout_warning",
                 // Charter proposals and coordination (issue 14 item 4).
                 "amendment_rule", "amendment_majority", "amendment_window_hours", "coordination", "coordination_term",
                 // Ballot limits (issue 15 item 6).
                 "score_max", "points_budget"});
  if (!reader.ok()) {
    return reader.error();
  }
  net::Charter charter = base;
  charter.unit = reader.optional_text("unit", base.unit);
  charter.reminder_hours = reader.optional_text("reminder_hours", base.reminder_hours);
  charter.close_turnout_warning = reader.optional_integer("close_turnout_warning").value_or(base.close_turnout_warning);
  charter.name = reader.optional_text("name", base.name);
  charter.capacity = reader.optional_rational("capacity").value_or(base.capacity);
  charter.rule = optional_name(reader, node, "rule", base.rule, core::parse_name<net::SelectionRule>);
  charter.fairness = fairness_from_json(reader, node, path, base.fairness);
  charter.sharing = optional_name(reader, node, "sharing", base.sharing, core::parse_name<net::SharingPolicy>);
  charter.leadership = leadership_from_json(reader, node, path, base.leadership);
  charter.ranking_rule =
      optional_name(reader, node, "ranking_rule", base.ranking_rule, core::parse_name<core::ranking::RankingRule>);
  charter.disclosure =
      optional_name(reader, node, "disclosure", base.disclosure, core::parse_name<net::BallotDisclosure>);
  charter.deadline_action =
      optional_name(reader, node, "deadline_action", base.deadline_action, core::parse_name<net::DeadlineAction>);
  // Charter proposals and coordination (issue 14 item 4).
  charter.amendment_rule =
      optional_name(reader, node, "amendment_rule", base.amendment_rule, core::parse_name<net::AmendmentRule>);
  charter.amendment_majority = reader.optional_rational("amendment_majority").value_or(base.amendment_majority);
  charter.amendment_window_hours =
      reader.optional_rational("amendment_window_hours").value_or(base.amendment_window_hours);
  charter.coordination =
      optional_name(reader, node, "coordination", base.coordination, core::parse_name<net::Coordination>);
  charter.coordination_term = reader.optional_integer("coordination_term").value_or(base.coordination_term);
  // Ballot limits (issue 15 item 6).
  charter.score_max = reader.optional_rational("score_max").value_or(base.score_max);
  charter.points_budget = reader.optional_rational("points_budget").value_or(base.points_budget);
  return reader.finish(std::move(charter));
}

core::Result<net::Objective> objective_from_json(const json& node, const std::string& path) {
  FieldReader reader(node, path);
  check_members(reader, node, path, {"partner", "kpi", "name", "unit", "baseline", "target"});
  net::Objective objective;
  objective.partner = reader.integer("partner");
  objective.kpi = reader.name("kpi", core::parse_name<net::Kpi>);
  objective.name = reader.optional_text("name", "");
  objective.unit = reader.optional_text("unit", "");
  objective.baseline = reader.optional_rational("baseline").value_or(core::Rational(0));
  objective.target = reader.rational("target");
  return reader.finish(std::move(objective));
}

core::Result<net::Initiative> initiative_from_json(const json& node, const std::string& path) {
  FieldReader reader(node, path);
  check_members(reader, node, path,
                {"title", "description", "channel", "proposer", "cost", "impacts", "objectives", "volunteers"});
  net::Initiative initiative;
  initiative.title = reader.text("title");
  initiative.description = reader.optional_text("description", "");
  initiative.channel = optional_name(reader, node, "channel", initiative.channel, core::parse_name<net::Channel>);
  initiative.proposer = reader.integer("proposer");
  initiative.cost = reader.rational("cost");
  reader.each("impacts", [&](const json& item, const std::string& at) {
    auto impact = impact_from_json(item, at);
    if (!impact) {
      return reader.fail(impact.error());
    }
    initiative.impacts.push_back(std::move(*impact));
    return true;
  });
  initiative.objectives = reader.ids("objectives");
  initiative.volunteers = reader.ids("volunteers");
  return reader.finish(std::move(initiative));
}

core::Result<net::PartnerBallot> ballot_from_json(const json& node, const std::string& path) {
  FieldReader reader(node, path);
  check_members(reader, node, path, {"format", "entries", "objections"});
  net::PartnerBallot ballot;
  ballot.format = optional_name(reader, node, "format", ballot.format, core::parse_name<net::BallotFormat>);
  reader.each("entries", [&](const json& item, const std::string& at) {
    FieldReader entry(item, at);
    check_members(entry, item, at, {"initiative", "value"});
    net::BallotEntry value{entry.integer("initiative"), entry.optional_rational("value").value_or(core::Rational(1))};
    if (!entry.ok()) {
      return reader.fail(entry.error());
    }
    ballot.entries.push_back(std::move(value));
    return true;
  });
  reader.each("objections", [&](const json& item, const std::string& at) {
    FieldReader objection(item, at);
    check_members(objection, item, at, {"initiative", "reason"});
    net::Objection value{objection.integer("initiative"), objection.optional_text("reason", "")};
    if (!objection.ok()) {
      return reader.fail(objection.error());
    }
    ballot.objections.push_back(std::move(value));
    return true;
  });
  return reader.finish(std::move(ballot));
}

core::Result<net::RealisedValue> realised_value_from_json(const json& node, const std::string& path) {
  FieldReader reader(node, path);
  check_members(reader, node, path, {"cycle", "initiative", "partner", "target", "forecast", "actual"});
  net::RealisedValue value;
  value.cycle = reader.integer("cycle");
  value.initiative = reader.integer("initiative");
  value.partner = reader.integer("partner");
  value.target = reader.optional_rational("target");
  value.forecast = reader.optional_rational("forecast");
  value.actual = reader.rational("actual");
  return reader.finish(std::move(value));
}

core::Result<net::KpiMeasurement> kpi_measurement_from_json(const json& node, const std::string& path) {
  FieldReader reader(node, path);
  check_members(reader, node, path, {"cycle", "objective", "value"});
  net::KpiMeasurement measurement;
  measurement.cycle = reader.integer("cycle");
  measurement.objective = reader.integer("objective");
  measurement.value = reader.rational("value");
  return reader.finish(std::move(measurement));
}

core::Result<net::Scorecard> scorecard_from_json(const json& node, const std::string& path) {
  FieldReader reader(node, path);
  check_members(reader, node, path, {"formula", "criteria", "shortlist_size"});
  net::Scorecard scorecard;
  scorecard.formula = reader.name("formula", core::parse_name<net::ScorecardFormula>);
  reader.each("criteria", [&](const json& item, const std::string& at) {
    auto criterion = criterion_from_json(item, at);
    if (!criterion) {
      return reader.fail(criterion.error());
    }
    scorecard.criteria.push_back(std::move(*criterion));
    return true;
  });
  scorecard.shortlist_size = reader.optional_integer("shortlist_size").value_or(0);
  return reader.finish(std::move(scorecard));
}

core::Status reject_unknown_members(const json& node, const std::string& path, const std::vector<std::string>& known) {
  if (!node.is_object()) {
    return {};
  }
  for (const auto& item : node.items()) {
    if (std::find(known.begin(), known.end(), item.key()) == known.end()) {
      std::string names;
      for (const std::string& name : known) {
        names += (names.empty() ? "" : ", ") + name;
      }
      return make_error(ErrorKind::kInvalidInput, "unknown member (expected one of: " + names + ")",
                        path + "." + item.key());
    }
  }
  return {};
}

}  // namespace covalue::adapters::json
