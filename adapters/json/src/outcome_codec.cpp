#include "outcome_codec.hpp"

#include <cstdint>
#include <limits>
#include <utility>

#include "json_fields.hpp"

namespace covalue::adapters::json {
namespace {

using core::ErrorKind;
using core::make_error;
using core::ProjectIndex;
using core::Result;
using nlohmann::json;

json project_list(const ProjectCodec& projects, const std::vector<ProjectIndex>& list) {
  json out = json::array();
  for (const ProjectIndex p : list) {
    out.push_back(projects.write(p));
  }
  return out;
}

json trace_to_json(const ProjectCodec& projects, const std::vector<core::TraceStep>& trace) {
  json steps = json::array();
  for (const auto& step : trace) {
    json item = {
        {"phase", step.phase}, {"project", projects.write(step.project)}, {"value", core::to_string(step.value)}};
    if (!step.tied.empty()) {
      item["tied"] = project_list(projects, step.tied);
    }
    if (!step.dropped.empty()) {
      item["dropped"] = project_list(projects, step.dropped);
    }
    steps.push_back(std::move(item));
  }
  return steps;
}

// A purchase: its class payments (cap, pay_cap, pay_all) and, in the form before budget classes (or
// for a purchase nobody pays), its payments per voter group; what was read is written back whole.
json purchase_to_json(const ProjectCodec& projects, GroupCodec& groups, const core::ProjectPayments& purchase) {
  json out = {{"project", projects.write(purchase.project)}, {"rho", core::to_string(purchase.rho)}};
  const bool per_class = !purchase.pay_cap.empty() || !purchase.pay_all.empty() || purchase.cap != 0;
  if (!purchase.payments.empty() || !per_class) {
    json payments = json::array();
    for (const auto& payment : purchase.payments) {
      payments.push_back(json::array({groups.write(payment.group), core::to_string(payment.amount)}));
    }
    out["payments"] = std::move(payments);
  }
  if (per_class) {
    out["cap"] = core::to_string(purchase.cap);
    out["pay_cap"] = purchase.pay_cap;
    out["pay_all"] = purchase.pay_all;
  }
  return out;
}

json mes_to_json(const ProjectCodec& projects, GroupCodec& groups, const core::MesCertificate& mes) {
  json purchases = json::array();
  for (const auto& purchase : mes.purchases) {
    purchases.push_back(purchase_to_json(projects, groups, purchase));
  }
  return {{"kind", "mes"},
          {"voter_budget", core::to_string(mes.voter_budget)},
          {"increments", mes.increments},
          {"purchases", std::move(purchases)}};
}

json welfare_to_json(const core::WelfareCertificate& welfare) {
  return {{"kind", "welfare"},
          {"welfare", core::to_string(welfare.welfare)},
          {"upper_bound", core::to_string(welfare.upper_bound)},
          {"nodes", welfare.nodes},
          {"method", welfare.method}};
}

// Reads an optional list of projects (absent: empty).
void read_projects(FieldReader& fields, const ProjectCodec& projects, const char* key, std::vector<ProjectIndex>& out) {
  fields.each(key, [&](const json& item, const std::string& at) {
    auto p = projects.read(item, at);
    if (!p.ok()) {
      return fields.fail(p.error());
    }
    out.push_back(*p);
    return true;
  });
}

Result<core::TraceStep> step_from_json(const ProjectCodec& projects, const json& node, const std::string& path) {
  FieldReader fields(node, path);
  core::TraceStep out;
  out.phase = fields.text("phase");
  out.project = fields.read("project", projects);
  out.value = fields.rational("value");
  read_projects(fields, projects, "tied", out.tied);
  read_projects(fields, projects, "dropped", out.dropped);
  return fields.finish(std::move(out));
}

// Reads an optional list of budget class indices (absent: empty).
void read_classes(FieldReader& fields, const char* key, std::vector<std::uint32_t>& out) {
  fields.each(key, [&](const json& item, const std::string& at) {
    if (!is_unsigned(item) || item.get<std::uint64_t>() > std::numeric_limits<std::uint32_t>::max()) {
      return fields.fail(make_error(ErrorKind::kInvalidInput, "expected a budget class index", at));
    }
    out.push_back(item.get<std::uint32_t>());
    return true;
  });
}

Result<core::ProjectPayments> purchase_from_json(const ProjectCodec& projects, const GroupCodec& groups,
                                                 const json& node, const std::string& path) {
  FieldReader fields(node, path);
  core::ProjectPayments out;
  out.project = fields.read("project", projects);
  out.rho = fields.rational("rho");
  fields.each("payments", [&](const json& pay, const std::string& at) {
    if (!pay.is_array() || pay.size() != 2 || !is_unsigned(pay[0])) {
      return fields.fail(make_error(ErrorKind::kInvalidInput, "expected [group index, amount]", at));
    }
    auto group = groups.read(pay[0].get<std::size_t>(), at + "[0]");
    auto amount = rational_from_json(pay[1], at + "[1]");
    if (!group.ok() || !amount.ok()) {
      return fields.fail(group.ok() ? amount.error() : group.error());
    }
    out.payments.push_back(core::GroupPayment{*group, *amount});
    return true;
  });
  read_classes(fields, "pay_cap", out.pay_cap);
  read_classes(fields, "pay_all", out.pay_all);
  if (!out.pay_cap.empty() || node.contains("cap")) {
    out.cap = fields.rational("cap");
  }
  return fields.finish(std::move(out));
}

Result<core::MesCertificate> mes_from_json(const ProjectCodec& projects, const GroupCodec& groups, const json& node,
                                           const std::string& path) {
  FieldReader fields(node, path);
  core::MesCertificate out;
  out.voter_budget = fields.rational("voter_budget");
  out.increments = fields.optional_unsigned<std::uint32_t>("increments", 0);
  fields.each("purchases", [&](const json& item, const std::string& at) {
    auto purchase = purchase_from_json(projects, groups, item, at);
    if (!purchase.ok()) {
      return fields.fail(purchase.error());
    }
    out.purchases.push_back(std::move(purchase).value());
    return true;
  });
  return fields.finish(std::move(out));
}

Result<core::WelfareCertificate> welfare_from_json(const json& node, const std::string& path) {
  FieldReader fields(node, path);
  core::WelfareCertificate out;
  out.welfare = fields.rational("welfare");
  out.upper_bound = fields.rational("upper_bound");
  out.nodes = fields.optional_unsigned<std::uint64_t>("nodes", 0);
  out.method = fields.optional_text("method", "");
  return fields.finish(std::move(out));
}

core::Status certificate_from_json(const ProjectCodec& projects, const GroupCodec& groups, const json& node,
                                   const std::string& path, core::Outcome& out) {
  const std::string kind = node.is_object() && node.contains("kind") && node["kind"].is_string()
                               ? node["kind"].get<std::string>()
                               : std::string();
  if (kind == "mes") {
    auto mes = mes_from_json(projects, groups, node, path);
    if (!mes.ok()) {
      return mes.error();
    }
    out.mes = std::move(mes).value();
  } else if (kind == "welfare") {
    auto welfare = welfare_from_json(node, path);
    if (!welfare.ok()) {
      return welfare.error();
    }
    out.welfare = std::move(welfare).value();
  } else {
    return make_error(ErrorKind::kInvalidInput, "unknown certificate kind '" + kind + "'", path + ".kind");
  }
  return {};
}

}  // namespace

json IndexCodec::write(ProjectIndex project) const { return project; }

Result<ProjectIndex> IndexCodec::read(const json& node, const std::string& path) const {
  if (!is_unsigned(node) || node.get<std::uint64_t>() > std::numeric_limits<ProjectIndex>::max()) {
    return make_error(ErrorKind::kInvalidInput, "expected a project index", path);
  }
  return node.get<ProjectIndex>();
}

std::size_t IndexCodec::write(core::GroupIndex group) { return group; }

Result<core::GroupIndex> IndexCodec::read(std::size_t slot, const std::string& path) const {
  if (slot > std::numeric_limits<core::GroupIndex>::max()) {
    return make_error(ErrorKind::kInvalidInput, "expected a voter group index", path);
  }
  return static_cast<core::GroupIndex>(slot);
}

json outcome_to_json(const ProjectCodec& projects, GroupCodec& groups, const core::Outcome& outcome) {
  json out = {{"selected", project_list(projects, outcome.selected)},
              {"num_selected", outcome.selected.size()},
              {"total_cost", core::to_decimal_string(outcome.total_cost)},
              {"trace", trace_to_json(projects, outcome.trace)}};
  if (outcome.mes) {
    out["certificate"] = mes_to_json(projects, groups, *outcome.mes);
  } else if (outcome.welfare) {
    out["certificate"] = welfare_to_json(*outcome.welfare);
  }
  return out;
}

Result<core::Outcome> outcome_from_json(const ProjectCodec& projects, const GroupCodec& groups, const json& node,
                                        const std::string& path) {
  if (!node.is_object()) {
    return make_error(ErrorKind::kInvalidInput, "expected an outcome object", path);
  }
  FieldReader fields(node, path);
  core::Outcome out;
  fields.each("selected", [&](const json& item, const std::string& at) {
    auto p = projects.read(item, at);
    return p.ok() ? (out.selected.push_back(*p), true) : fields.fail(p.error());
  });
  out.total_cost = fields.rational("total_cost");
  fields.each("trace", [&](const json& item, const std::string& at) {
    auto step = step_from_json(projects, item, at);
    return step.ok() ? (out.trace.push_back(std::move(step).value()), true) : fields.fail(step.error());
  });
  if (!fields.ok()) {
    return fields.error();
  }
  if (node.contains("certificate")) {
    if (auto status = certificate_from_json(projects, groups, node["certificate"], path + ".certificate", out);
        !status.ok()) {
      return status.error();
    }
  }
  return out;
}

}  // namespace covalue::adapters::json
