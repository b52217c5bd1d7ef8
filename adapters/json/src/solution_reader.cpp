#include <string>

#include "covalue/adapters/json/outcome_json.hpp"
#include "instance_codec.hpp"

namespace covalue::adapters::json {
namespace {

using core::ErrorKind;
using core::make_error;
using core::Result;
using nlohmann::json;

// Reads one outcome of a solution document: projects by id, MES payments by the certificate's groups table.
Result<core::Outcome> read_outcome(const json& node, const std::string& path, const core::Instance& instance,
                                   const core::ApprovalProfile& profile) {
  const InstanceProjects projects(instance);
  ProfileGroups groups(instance, profile);
  if (node.is_object() && node.contains("certificate")) {
    const json& certificate = node["certificate"];
    if (certificate.is_object() && certificate.value("kind", json()) == "mes") {
      if (auto loaded = groups.load(certificate, path + ".certificate"); !loaded.ok()) {
        return loaded.error();
      }
    }
  }
  return outcome_from_json(projects, groups, node, path);
}

#define COVALUE_TRY(var, expr) \
  auto var = (expr);           \
  if (!var.ok())               \
  return var.error()

Result<core::rules::RuleOptions> read_options(const json& document) {
  core::rules::RuleOptions options;
  const auto fail = [](const core::Error& e, const char* field) {
    return make_error(e.kind == ErrorKind::kUsage ? ErrorKind::kInvalidInput : e.kind, e.message, field);
  };
  COVALUE_TRY(rule, core::rules::parse_rule_kind(document.value("rule", "")));
  options.rule = *rule;
  auto sat = core::parse_satisfaction(document.value("sat", "cost"));
  if (!sat.ok()) {
    return fail(sat.error(), "sat");
  }
  options.sat = *sat;
  auto completion = core::rules::parse_completion(document.value("completion", "none"));
  if (!completion.ok()) {
    return fail(completion.error(), "completion");
  }
  options.completion = *completion;
  auto tie = core::parse_tie_rule(document.value("tie", "lex"));
  if (!tie.ok()) {
    return fail(tie.error(), "tie");
  }
  options.tie = *tie;
  options.irresolute = document.value("irresolute", false);
  auto increment = core::parse_rational(document.value("increment", "1"));
  if (!increment.ok()) {
    return fail(increment.error(), "increment");
  }
  options.increment = *increment;
  return options;
}

}  // namespace

Result<Solution> solution_from_json(const json& document, const core::Instance& instance,
                                    const core::ApprovalProfile& profile) {
  if (!document.is_object()) {
    return make_error(ErrorKind::kInvalidInput, "expected a JSON object", "$");
  }
  Solution solution;
  auto options = read_options(document);
  if (!options.ok()) {
    return make_error(ErrorKind::kInvalidInput, options.error().message, "$." + options.error().where);
  }
  solution.options = *options;
  if (document.contains("outcomes")) {
    const json& all = document["outcomes"];
    if (!all.is_array()) {
      return make_error(ErrorKind::kInvalidInput, "expected an array", "$.outcomes");
    }
    for (std::size_t i = 0; i < all.size(); ++i) {
      COVALUE_TRY(o, read_outcome(all[i], "$.outcomes[" + std::to_string(i) + "]", instance, profile));
      solution.outcomes.push_back(*o);
    }
  } else {
    COVALUE_TRY(o, read_outcome(document, "$", instance, profile));
    solution.outcomes.push_back(*o);
  }
  return solution;
}

#undef COVALUE_TRY

}  // namespace covalue::adapters::json
