#pragma once

#include <nlohmann/json.hpp>

#include "covalue/core/network/cycle_outcome.hpp"
#include "covalue/core/result.hpp"

namespace covalue::adapters::json {

//! The JSON document of a closed cycle's outcome record: one member per field, enums by their
//! name_of() names, rationals as exact strings ("-7/3"), absent optionals as null, and the rule's
//! certificate (`rule_outcome`) in the outcome form of outcome_json.hpp with projects and voter
//! groups named by their indices (into `candidates` and the cycle's ballots).
[[nodiscard]] nlohmann::json cycle_outcome_to_json(const core::network::CycleOutcome& outcome);

//! Reads back what cycle_outcome_to_json wrote, exactly; errors name the JSON path ("$.partners[2].weight").
[[nodiscard]] core::Result<core::network::CycleOutcome> cycle_outcome_from_json(const nlohmann::json& document);

}  // namespace covalue::adapters::json
