#pragma once

// JSON forms of the program's domain types, shared by the HTTP API and any tool that speaks JSON.
// Keys are the C++ field names in snake_case, ids are integers, exact rationals are strings ("7/2",
// "12", "-3"), enums are their name_of() words, absent optionals are null. Decoders read what the
// encoders write (a decimal string or a JSON integer is accepted for a rational too); each error
// names the JSON path of the value at fault, below the `path` given ("body.impacts[2].estimate").

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "covalue/core/network/charter.hpp"
#include "covalue/core/network/cycle.hpp"
#include "covalue/core/network/initiative.hpp"
#include "covalue/core/network/objective.hpp"
#include "covalue/core/network/partner.hpp"
#include "covalue/core/network/partner_ballot.hpp"
#include "covalue/core/network/realised_value.hpp"
#include "covalue/core/network/scorecard.hpp"
#include "covalue/core/result.hpp"

namespace covalue::adapters::json {

//! A charter: name, capacity, rule, fairness{...}, sharing, leadership{...}, ranking_rule, disclosure.
[[nodiscard]] nlohmann::json charter_to_json(const core::network::Charter& charter);
//! A charter read over `base`: members that are absent keep the base's value (so a partial update works).
[[nodiscard]] core::Result<core::network::Charter> charter_from_json(const nlohmann::json& node,
                                                                     const std::string& path,
                                                                     const core::network::Charter& base);

//! A partner: id, name, tier, joined_cycle, left_cycle.
[[nodiscard]] nlohmann::json partner_to_json(const core::network::Partner& partner);

//! An objective: id, partner, kpi, name, unit, baseline, target.
[[nodiscard]] nlohmann::json objective_to_json(const core::network::Objective& objective);
//! An objective to add (its id is ignored): partner, kpi, target required; name, unit, baseline optional.
[[nodiscard]] core::Result<core::network::Objective> objective_from_json(const nlohmann::json& node,
                                                                         const std::string& path);

//! An initiative with its impacts ({partner, estimate}), objectives, volunteers and network_value.
[[nodiscard]] nlohmann::json initiative_to_json(const core::network::Initiative& initiative);
//! An initiative to propose: title, proposer, cost required; description, channel, impacts, objectives,
//! volunteers optional. Status, cycle and lead are the program's to set and are not read.
[[nodiscard]] core::Result<core::network::Initiative> initiative_from_json(const nlohmann::json& node,
                                                                           const std::string& path);

//! A cycle: number, state, capacity, rule, shortlist.
[[nodiscard]] nlohmann::json cycle_to_json(const core::network::Cycle& cycle);

//! A ballot: cycle, partner, format, entries ({initiative, value}), objections ({initiative, reason}).
[[nodiscard]] nlohmann::json ballot_to_json(const core::network::PartnerBallot& ballot);
//! A ballot's content: format (default approvals), entries, objections; cycle and partner come from the caller.
[[nodiscard]] core::Result<core::network::PartnerBallot> ballot_from_json(const nlohmann::json& node,
                                                                          const std::string& path);

//! A realised value: cycle, initiative, partner, target, forecast, actual.
[[nodiscard]] nlohmann::json realised_value_to_json(const core::network::RealisedValue& value);
//! A realised value; target and forecast optional.
[[nodiscard]] core::Result<core::network::RealisedValue> realised_value_from_json(const nlohmann::json& node,
                                                                                  const std::string& path);

//! A KPI measurement: cycle, objective, value.
[[nodiscard]] nlohmann::json kpi_measurement_to_json(const core::network::KpiMeasurement& measurement);
//! A KPI measurement; every member required.
[[nodiscard]] core::Result<core::network::KpiMeasurement> kpi_measurement_from_json(const nlohmann::json& node,
                                                                                    const std::string& path);

//! A scorecard: formula, criteria ({name, kind, weight, low, high}), shortlist_size.
[[nodiscard]] nlohmann::json scorecard_to_json(const core::network::Scorecard& scorecard);
//! A scorecard; formula and criteria required, a criterion's kind, weight, low and high optional.
[[nodiscard]] core::Result<core::network::Scorecard> scorecard_from_json(const nlohmann::json& node,
                                                                         const std::string& path);

//! One score: initiative, partner, criterion, value.
[[nodiscard]] nlohmann::json initiative_score_to_json(const core::network::InitiativeScore& score);
//! One scorecard row: initiative, score (null when unscored), averages, scorers, rank.
[[nodiscard]] nlohmann::json scorecard_entry_to_json(const core::network::ScorecardEntry& entry);

//! Fails with kInvalidInput naming `path.key` when `node` (an object) has a member not in `known`.
[[nodiscard]] core::Status reject_unknown_members(const nlohmann::json& node, const std::string& path,
                                                  const std::vector<std::string>& known);

}  // namespace covalue::adapters::json
