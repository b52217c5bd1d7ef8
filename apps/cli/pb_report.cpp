#include "pb_report.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <string_view>

namespace covalue::cli {
namespace {

std::string project_name(const core::Project& project) {
  for (const auto& [column, value] : project.extra) {
    if (column == "name" || column == "title") {
      return value;
    }
  }
  return {};
}

std::string clip(std::string text, std::size_t width) {
  if (text.size() > width) {
    text.resize(width - 1);
    text += "~";
  }
  return text;
}

}  // namespace

std::string outcome_table(const core::Instance& instance, const core::ApprovalProfile& profile,
                          const core::Outcome& outcome) {
  std::string out = fmt::format("{:<4} {:<12} {:>14} {:>10}  {}\n", "#", "project", "cost", "approvals", "name");
  std::size_t rank = 0;
  for (const core::ProjectIndex p : outcome.selected) {
    const auto& project = instance.project(p);
    out += fmt::format("{:<4} {:<12} {:>14} {:>10}  {}\n", ++rank, clip(project.id, 12),
                       core::to_decimal_string(project.cost), core::to_decimal_string(profile.approval_weight(p)),
                       clip(project_name(project), 40));
  }
  out +=
      fmt::format("selected {} of {} projects, total cost {} of budget {}\n", outcome.selected.size(), instance.size(),
                  core::to_decimal_string(outcome.total_cost), core::to_decimal_string(instance.budget()));
  return out;
}

std::string side_by_side_table(const core::Instance& instance, const core::ApprovalProfile& profile,
                               const std::vector<std::string>& labels, const std::vector<core::Outcome>& outcomes) {
  std::size_t width = 4;
  for (const auto& label : labels) {
    width = std::max(width, label.size());
  }
  std::string out = fmt::format("{:<28} {:>12} {:>9}", "project", "cost", "approvals");
  for (const auto& label : labels) {
    out += fmt::format(" {:>{}}", label, width);
  }
  out += "\n";
  for (core::ProjectIndex p = 0; p < instance.size(); ++p) {
    const auto& project = instance.project(p);
    const std::string name = project_name(project);
    out += fmt::format("{:<28} {:>12} {:>9}", clip(name.empty() ? project.id : project.id + " " + name, 28),
                       core::to_decimal_string(project.cost), core::to_decimal_string(profile.approval_weight(p)));
    for (const auto& outcome : outcomes) {
      const bool chosen = std::find(outcome.selected.begin(), outcome.selected.end(), p) != outcome.selected.end();
      out += fmt::format(" {:>{}}", chosen ? "x" : ".", width);
    }
    out += "\n";
  }
  out += fmt::format("{:<28} {:>12} {:>9}", "total cost", "", "");
  for (const auto& outcome : outcomes) {
    out += fmt::format(" {:>{}}", core::to_decimal_string(outcome.total_cost), width);
  }
  out += fmt::format("\nbudget {}, {} voters\n", core::to_decimal_string(instance.budget()), profile.num_voters());
  return out;
}

}  // namespace covalue::cli
