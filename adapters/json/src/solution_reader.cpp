#include <map>
#include <string>
#include <vector>

#include "covalue/adapters/json/outcome_json.hpp"

namespace covalue::adapters::json {
namespace {

using core::ErrorKind;
using core::make_error;
using core::ProjectIndex;
using core::Rational;
using core::Result;
using nlohmann::json;

// Reads JSON values with the path of each one, so every error says where it is.
class Reader {
 public:
  Reader(const core::Instance& instance, const core::ApprovalProfile& profile)
      : instance_(instance), profile_(profile) {
    for (core::GroupIndex g = 0; g < profile.num_groups(); ++g) {
      const auto a = profile.approvals(g);
      groups_.emplace(std::vector<ProjectIndex>(a.begin(), a.end()), g);
    }
  }

  Result<std::string> text(const json& node, const std::string& path) const {
    if (!node.is_string()) {
      return make_error(ErrorKind::kInvalidInput, "expected a string", path);
    }
    return node.get<std::string>();
  }

  Result<Rational> rational(const json& node, const std::string& path) const {
    if (node.is_number_integer()) {
      return Rational(std::to_string(node.get<long long>()));
    }
    auto s = text(node, path);
    if (!s.ok()) {
      return s.error();
    }
    auto value = core::parse_rational(*s);
    if (!value.ok()) {
      return make_error(ErrorKind::kInvalidInput, value.error().message, path);
    }
    return value;
  }

  Result<ProjectIndex> project(const json& node, const std::string& path) const {
    auto id = text(node, path);
    if (!id.ok()) {
      return id.error();
    }
    const auto p = instance_.find(*id);
    if (!p) {
      return make_error(ErrorKind::kInvalidInput, "unknown project '" + *id + "'", path);
    }
    return *p;
  }

  Result<std::vector<ProjectIndex>> projects(const json& node, const std::string& path) const {
    if (!node.is_array()) {
      return make_error(ErrorKind::kInvalidInput, "expected an array of project ids", path);
    }
    std::vector<ProjectIndex> out;
    for (std::size_t i = 0; i < node.size(); ++i) {
      auto p = project(node[i], path + "[" + std::to_string(i) + "]");
      if (!p.ok()) {
        return p.error();
      }
      out.push_back(*p);
    }
    return out;
  }

  Result<core::GroupIndex> group(const json& node, const std::string& path) const {
    if (!node.is_object() || !node.contains("approvals")) {
      return make_error(ErrorKind::kInvalidInput, "expected a group with approvals", path);
    }
    auto approvals = projects(node["approvals"], path + ".approvals");
    if (!approvals.ok()) {
      return approvals.error();
    }
    std::sort(approvals->begin(), approvals->end());
    const auto it = groups_.find(*approvals);
    if (it == groups_.end()) {
      return make_error(ErrorKind::kInvalidInput, "no voter of the election has this approval set", path);
    }
    return it->second;
  }

  Result<core::TraceStep> step(const json& node, const std::string& path) const;
  Result<core::MesCertificate> mes(const json& node, const std::string& path) const;
  Result<core::Outcome> outcome(const json& node, const std::string& path) const;

 private:
  const core::Instance& instance_;
  const core::ApprovalProfile& profile_;
  std::map<std::vector<ProjectIndex>, core::GroupIndex> groups_;
};

#define COVALUE_TRY(var, expr) \
  auto var = (expr);           \
  if (!var.ok())               \
  return var.error()

Result<core::TraceStep> Reader::step(const json& node, const std::string& path) const {
  if (!node.is_object()) {
    return make_error(ErrorKind::kInvalidInput, "expected an object", path);
  }
  core::TraceStep out;
  COVALUE_TRY(phase, text(node.value("phase", json()), path + ".phase"));
  COVALUE_TRY(p, project(node.value("project", json()), path + ".project"));
  COVALUE_TRY(value, rational(node.value("value", json()), path + ".value"));
  out.phase = *phase;
  out.project = *p;
  out.value = *value;
  if (node.contains("tied")) {
    COVALUE_TRY(tied, projects(node["tied"], path + ".tied"));
    out.tied = *tied;
  }
  if (node.contains("dropped")) {
    COVALUE_TRY(dropped, projects(node["dropped"], path + ".dropped"));
    out.dropped = *dropped;
  }
  return out;
}

Result<core::MesCertificate> Reader::mes(const json& node, const std::string& path) const {
  core::MesCertificate out;
  COVALUE_TRY(budget, rational(node.value("voter_budget", json()), path + ".voter_budget"));
  out.voter_budget = *budget;
  out.increments = node.value("increments", 0U);
  const json& groups = node.value("groups", json::array());
  std::vector<core::GroupIndex> local;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    COVALUE_TRY(g, group(groups[i], path + ".groups[" + std::to_string(i) + "]"));
    local.push_back(*g);
  }
  const json& purchases = node.value("purchases", json::array());
  for (std::size_t i = 0; i < purchases.size(); ++i) {
    const std::string at = path + ".purchases[" + std::to_string(i) + "]";
    COVALUE_TRY(p, project(purchases[i].value("project", json()), at + ".project"));
    COVALUE_TRY(rho, rational(purchases[i].value("rho", json()), at + ".rho"));
    core::ProjectPayments purchase{*p, *rho, {}};
    const json& payments = purchases[i].value("payments", json::array());
    for (std::size_t k = 0; k < payments.size(); ++k) {
      const std::string pay_at = at + ".payments[" + std::to_string(k) + "]";
      const json& pay = payments[k];
      if (!pay.is_array() || pay.size() != 2 || !pay[0].is_number_unsigned() ||
          pay[0].get<std::size_t>() >= local.size()) {
        return make_error(ErrorKind::kInvalidInput, "expected [group index, amount]", pay_at);
      }
      COVALUE_TRY(amount, rational(pay[1], pay_at + "[1]"));
      purchase.payments.push_back(core::GroupPayment{local[pay[0].get<std::size_t>()], *amount});
    }
    out.purchases.push_back(std::move(purchase));
  }
  return out;
}

Result<core::Outcome> Reader::outcome(const json& node, const std::string& path) const {
  if (!node.is_object()) {
    return make_error(ErrorKind::kInvalidInput, "expected an outcome object", path);
  }
  core::Outcome out;
  COVALUE_TRY(selected, projects(node.value("selected", json()), path + ".selected"));
  out.selected = *selected;
  COVALUE_TRY(total, rational(node.value("total_cost", json()), path + ".total_cost"));
  out.total_cost = *total;
  const json& trace = node.value("trace", json::array());
  for (std::size_t i = 0; i < trace.size(); ++i) {
    COVALUE_TRY(s, step(trace[i], path + ".trace[" + std::to_string(i) + "]"));
    out.trace.push_back(*s);
  }
  if (node.contains("certificate")) {
    const json& cert = node["certificate"];
    const std::string kind = cert.value("kind", "");
    if (kind == "mes") {
      COVALUE_TRY(m, mes(cert, path + ".certificate"));
      out.mes = *m;
    } else if (kind == "welfare") {
      core::WelfareCertificate w;
      COVALUE_TRY(welfare, rational(cert.value("welfare", json()), path + ".certificate.welfare"));
      COVALUE_TRY(bound, rational(cert.value("upper_bound", json()), path + ".certificate.upper_bound"));
      w.welfare = *welfare;
      w.upper_bound = *bound;
      w.nodes = cert.value("nodes", std::uint64_t{0});
      w.method = cert.value("method", "");
      out.welfare = w;
    } else {
      return make_error(ErrorKind::kInvalidInput, "unknown certificate kind '" + kind + "'",
                        path + ".certificate.kind");
    }
  }
  return out;
}

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
  const Reader reader(instance, profile);
  if (document.contains("outcomes")) {
    const json& all = document["outcomes"];
    if (!all.is_array()) {
      return make_error(ErrorKind::kInvalidInput, "expected an array", "$.outcomes");
    }
    for (std::size_t i = 0; i < all.size(); ++i) {
      COVALUE_TRY(o, reader.outcome(all[i], "$.outcomes[" + std::to_string(i) + "]"));
      solution.outcomes.push_back(*o);
    }
  } else {
    COVALUE_TRY(o, reader.outcome(document, "$"));
    solution.outcomes.push_back(*o);
  }
  return solution;
}

#undef COVALUE_TRY

}  // namespace covalue::adapters::json
