#include "instance_codec.hpp"

#include <algorithm>
#include <string>

#include "json_fields.hpp"

namespace covalue::adapters::json {

using core::ErrorKind;
using core::make_error;
using core::ProjectIndex;
using core::Result;
using nlohmann::json;

json InstanceProjects::write(ProjectIndex project) const { return instance_.project(project).id; }

Result<ProjectIndex> InstanceProjects::read(const json& node, const std::string& path) const {
  auto id = text_from_json(node, path);
  if (!id.ok()) {
    return id.error();
  }
  const auto p = instance_.find(*id);
  if (!p) {
    return make_error(ErrorKind::kInvalidInput, "unknown project '" + *id + "'", path);
  }
  return *p;
}

ProfileGroups::ProfileGroups(const core::Instance& instance, const core::ApprovalProfile& profile)
    : instance_(instance), profile_(profile) {}

std::size_t ProfileGroups::write(core::GroupIndex group) {
  auto [it, inserted] = slot_of_.emplace(group, slot_of_.size());
  if (inserted) {
    const auto approvals = profile_.approvals(group);
    json ids = json::array();
    for (const ProjectIndex p : approvals) {
      ids.push_back(instance_.project(p).id);
    }
    table_.push_back({{"approvals", std::move(ids)}, {"weight", core::to_string(profile_.weight(group))}});
  }
  return it->second;
}

Result<core::GroupIndex> ProfileGroups::read(std::size_t slot, const std::string& path) const {
  if (slot >= loaded_.size()) {
    return make_error(ErrorKind::kInvalidInput, "no voter group " + std::to_string(slot) + " in the groups table",
                      path);
  }
  return loaded_[slot];
}

core::Status ProfileGroups::load(const json& certificate, const std::string& path) {
  if (by_approvals_.empty()) {
    for (core::GroupIndex g = 0; g < profile_.num_groups(); ++g) {
      const auto a = profile_.approvals(g);
      by_approvals_.emplace(std::vector<ProjectIndex>(a.begin(), a.end()), g);
    }
  }
  FieldReader fields(certificate, path);
  const InstanceProjects projects(instance_);
  fields.each("groups", [&](const json& item, const std::string& at) {
    FieldReader group(item, at);
    std::vector<ProjectIndex> approvals;
    group.each("approvals", [&](const json& id, const std::string& id_at) {
      auto p = projects.read(id, id_at);
      return p.ok() ? (approvals.push_back(*p), true) : group.fail(p.error());
    });
    if (!group.ok()) {
      return fields.fail(group.error());
    }
    std::sort(approvals.begin(), approvals.end());
    const auto it = by_approvals_.find(approvals);
    if (it == by_approvals_.end()) {
      return fields.fail(make_error(ErrorKind::kInvalidInput, "no voter of the election has this approval set", at));
    }
    loaded_.push_back(it->second);
    return true;
  });
  return fields.ok() ? core::Status() : core::Status(fields.error());
}

}  // namespace covalue::adapters::json
