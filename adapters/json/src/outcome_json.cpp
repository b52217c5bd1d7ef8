#include "covalue/adapters/json/outcome_json.hpp"

#include <string>

#include "instance_codec.hpp"

namespace covalue::adapters::json {

using core::Instance;
using nlohmann::json;

json outcome_to_json(const Instance& instance, const core::ApprovalProfile& profile, const core::Outcome& outcome) {
  const InstanceProjects projects(instance);
  ProfileGroups groups(instance, profile);
  json out = outcome_to_json(projects, groups, outcome);
  if (outcome.mes && !groups.table().empty()) {
    out["certificate"]["groups"] = groups.table();
  }
  return out;
}

json solution_to_json(const Instance& instance, const core::ApprovalProfile& profile,
                      const core::rules::RuleOptions& options, const std::vector<core::Outcome>& outcomes) {
  json out = {{"rule", core::name_of(options.rule)},
              {"sat", core::name_of(options.sat)},
              {"completion", core::name_of(options.completion)},
              {"tie", core::name_of(options.tie)},
              {"irresolute", options.irresolute},
              {"increment", core::to_string(options.increment)},
              {"budget", core::to_decimal_string(instance.budget())}};
  if (options.irresolute) {
    json all = json::array();
    for (const auto& outcome : outcomes) {
      all.push_back(outcome_to_json(instance, profile, outcome));
    }
    out["outcomes"] = std::move(all);
  } else if (!outcomes.empty()) {
    out.update(outcome_to_json(instance, profile, outcomes.front()));
  }
  return out;
}

}  // namespace covalue::adapters::json
