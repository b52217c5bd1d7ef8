#include <string>
#include <string_view>

#include "covalue/adapters/json/outcome_json.hpp"
#include "instance_codec.hpp"
#include "json_fields.hpp"

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

// A rule option by its name (absent: `fallback`); a name that is no string or no option is an error
// naming `$.key`.
template <typename T>
T option(FieldReader& fields, const char* key, const char* fallback, Result<T> (*parse)(std::string_view)) {
  const std::string name = fields.optional_text(key, fallback);
  if (!fields.ok()) {
    return T{};
  }
  auto value = parse(name);
  if (!value.ok()) {
    fields.fail(make_error(ErrorKind::kInvalidInput, value.error().message, fields.at(key)));
    return T{};
  }
  return *value;
}

// The rule options of a solution document; errors name the member ("$.tie").
Result<core::rules::RuleOptions> read_options(const json& document) {
  FieldReader fields(document, "$");
  core::rules::RuleOptions options;
  options.rule = option(fields, "rule", "", core::parse_name<core::rules::RuleKind>);
  options.sat = option(fields, "sat", "cost", core::parse_name<core::Satisfaction>);
  options.completion = option(fields, "completion", "none", core::parse_name<core::rules::Completion>);
  options.tie = option(fields, "tie", "lex", core::parse_name<core::TieRule>);
  if (document.contains("irresolute")) {
    options.irresolute = fields.boolean("irresolute");
  }
  options.increment = fields.optional_rational("increment").value_or(options.increment);
  return fields.finish(std::move(options));
}

#define COVALUE_TRY(var, expr) \
  auto var = (expr);           \
  if (!var.ok())               \
  return var.error()

}  // namespace

Result<Solution> solution_from_json(const json& document, const core::Instance& instance,
                                    const core::ApprovalProfile& profile) {
  if (!document.is_object()) {
    return make_error(ErrorKind::kInvalidInput, "expected a JSON object", "$");
  }
  Solution solution;
  COVALUE_TRY(options, read_options(document));
  solution.options = *options;
  if (document.contains("outcomes")) {
    const json& all = document["outcomes"];
    if (!all.is_array() || all.empty()) {
      return make_error(ErrorKind::kInvalidInput, "expected an array of at least one outcome", "$.outcomes");
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
