#include "covalue/adapters/json/outcome_json.hpp"

#include <map>
#include <string>

namespace covalue::adapters::json {
namespace {

using core::Instance;
using core::ProjectIndex;
using core::Rational;
using nlohmann::json;

json project_ids(const Instance& instance, const std::vector<ProjectIndex>& projects) {
  json ids = json::array();
  for (const ProjectIndex p : projects) {
    ids.push_back(instance.project(p).id);
  }
  return ids;
}

json trace_to_json(const Instance& instance, const std::vector<core::TraceStep>& trace) {
  json steps = json::array();
  for (const auto& step : trace) {
    json item = {
        {"phase", step.phase}, {"project", instance.project(step.project).id}, {"value", core::to_string(step.value)}};
    if (!step.tied.empty()) {
      item["tied"] = project_ids(instance, step.tied);
    }
    if (!step.dropped.empty()) {
      item["dropped"] = project_ids(instance, step.dropped);
    }
    steps.push_back(std::move(item));
  }
  return steps;
}

json mes_to_json(const Instance& instance, const core::ApprovalProfile& profile, const core::MesCertificate& mes) {
  json groups = json::array();
  std::map<core::GroupIndex, std::size_t> local;
  json purchases = json::array();
  for (const auto& purchase : mes.purchases) {
    json payments = json::array();
    for (const auto& payment : purchase.payments) {
      auto [it, inserted] = local.emplace(payment.group, local.size());
      if (inserted) {
        const auto approvals = profile.approvals(payment.group);
        groups.push_back({{"approvals", project_ids(instance, {approvals.begin(), approvals.end()})},
                          {"weight", core::to_string(profile.weight(payment.group))}});
      }
      payments.push_back(json::array({it->second, core::to_string(payment.amount)}));
    }
    purchases.push_back({{"project", instance.project(purchase.project).id},
                         {"rho", core::to_string(purchase.rho)},
                         {"payments", std::move(payments)}});
  }
  return {{"kind", "mes"},
          {"voter_budget", core::to_string(mes.voter_budget)},
          {"increments", mes.increments},
          {"groups", std::move(groups)},
          {"purchases", std::move(purchases)}};
}

}  // namespace

json outcome_to_json(const Instance& instance, const core::ApprovalProfile& profile, const core::Outcome& outcome) {
  json out = {{"selected", project_ids(instance, outcome.selected)},
              {"num_selected", outcome.selected.size()},
              {"total_cost", core::to_decimal_string(outcome.total_cost)},
              {"trace", trace_to_json(instance, outcome.trace)}};
  if (outcome.mes) {
    out["certificate"] = mes_to_json(instance, profile, *outcome.mes);
  } else if (outcome.welfare) {
    const auto& w = *outcome.welfare;
    out["certificate"] = {{"kind", "welfare"},
                          {"welfare", core::to_string(w.welfare)},
                          {"upper_bound", core::to_string(w.upper_bound)},
                          {"nodes", w.nodes},
                          {"method", w.method}};
  }
  return out;
}

json solution_to_json(const Instance& instance, const core::ApprovalProfile& profile,
                      const core::rules::RuleOptions& options, const std::vector<core::Outcome>& outcomes) {
  json out = {{"rule", core::rules::rule_kind_name(options.rule)},
              {"sat", core::satisfaction_name(options.sat)},
              {"completion", core::rules::completion_name(options.completion)},
              {"tie", core::tie_rule_name(options.tie)},
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
