#pragma once

#include <nlohmann/json.hpp>

#include <vector>

#include "covalue/core/approval_profile.hpp"
#include "covalue/core/instance.hpp"
#include "covalue/core/outcome.hpp"
#include "covalue/core/result.hpp"
#include "covalue/core/rules/rule.hpp"

namespace covalue::adapters::json {

//! The JSON form of one outcome: `selected` (project ids as strings, in selection order),
//! `total_cost`, `trace`, and the certificate (`mes` payments by voter group, or `welfare`).
//! Rationals are written as exact strings ("12", "7/3").
[[nodiscard]] nlohmann::json outcome_to_json(const core::Instance& instance, const core::ApprovalProfile& profile,
                                             const core::Outcome& outcome);

//! The JSON document of a solve: rule options, and `selected`… of the one outcome (resolute) or an
//! `outcomes` array of such objects (irresolute).
[[nodiscard]] nlohmann::json solution_to_json(const core::Instance& instance, const core::ApprovalProfile& profile,
                                              const core::rules::RuleOptions& options,
                                              const std::vector<core::Outcome>& outcomes);

//! Reads back what solution_to_json wrote: the options and the outcomes, with project ids and
//! voter groups resolved against the instance and profile. Errors name the JSON path.
struct Solution {
  core::rules::RuleOptions options;
  std::vector<core::Outcome> outcomes;
};
[[nodiscard]] core::Result<Solution> solution_from_json(const nlohmann::json& document, const core::Instance& instance,
                                                        const core::ApprovalProfile& profile);

}  // namespace covalue::adapters::json
