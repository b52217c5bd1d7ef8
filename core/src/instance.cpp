#include "covalue/core/instance.hpp"

namespace covalue::core {

Status Instance::add_project(Project project) {
  if (project.id.empty()) {
    return make_error(ErrorKind::kInvalidInput, "empty project id");
  }
  if (project.cost < 0) {
    return make_error(ErrorKind::kInvalidInput,
                      "negative cost " + to_string(project.cost) + " for project '" + project.id + "'");
  }
  const auto index = static_cast<ProjectIndex>(projects_.size());
  if (!index_.emplace(project.id, index).second) {
    return make_error(ErrorKind::kInvalidInput, "duplicate project id '" + project.id + "'");
  }
  projects_.push_back(std::move(project));
  return {};
}

std::optional<ProjectIndex> Instance::find(std::string_view id) const {
  const auto it = index_.find(id);
  if (it == index_.end()) {
    return std::nullopt;
  }
  return it->second;
}

std::optional<std::string> Instance::meta_value(std::string_view key) const {
  for (const auto& [name, value] : meta_) {
    if (name == key) {
      return value;
    }
  }
  return std::nullopt;
}

Rational Instance::total_cost(const std::vector<ProjectIndex>& selection) const {
  Rational total;
  for (const ProjectIndex p : selection) {
    total += projects_[p].cost;
  }
  return total;
}

}  // namespace covalue::core
