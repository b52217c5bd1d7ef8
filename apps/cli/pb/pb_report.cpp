#include "pb/pb_report.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <string_view>

#include "covalue/core/text.hpp"

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

// Column widths, in terminal columns: names are cut to them (core::fit_width), never inside a character.
constexpr std::size_t kIdWidth = 12;
constexpr std::size_t kNameWidth = 40;
constexpr std::size_t kProjectWidth = 28;

}  // namespace

std::string outcome_table(const core::Instance& instance, const core::ApprovalProfile& profile,
                          const core::Outcome& outcome) {
  std::string out =
      fmt::format("{:<4} {:<{}} {:>14} {:>10}  {}\n", "#", "project", kIdWidth, "cost", "approvals", "name");
  std::size_t rank = 0;
  for (const core::ProjectIndex p : outcome.selected) {
    const auto& project = instance.project(p);
    out += fmt::format("{:<4} {} {:>14} {:>10}  {}\n", ++rank, core::fit_width(project.id, kIdWidth),
                       core::to_decimal_string(project.cost), core::to_decimal_string(profile.approval_weight(p)),
                       core::cut_to_width(project_name(project), kNameWidth));
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
    width = std::max(width, core::display_width(label));
  }
  std::string out = fmt::format("{:<{}} {:>12} {:>9}", "project", kProjectWidth, "cost", "approvals");
  for (const auto& label : labels) {
    out += " " + core::fit_width(label, width, core::Align::kRight);
  }
  out += "\n";
  for (core::ProjectIndex p = 0; p < instance.size(); ++p) {
    const auto& project = instance.project(p);
    const std::string name = project_name(project);
    out += fmt::format("{} {:>12} {:>9}",
                       core::fit_width(name.empty() ? project.id : project.id + " " + name, kProjectWidth),
                       core::to_decimal_string(project.cost), core::to_decimal_string(profile.approval_weight(p)));
    for (const auto& outcome : outcomes) {
      const bool chosen = std::find(outcome.selected.begin(), outcome.selected.end(), p) != outcome.selected.end();
      out += fmt::format(" {:>{}}", chosen ? "x" : ".", width);
    }
    out += "\n";
  }
  out += fmt::format("{:<{}} {:>12} {:>9}", "total cost", kProjectWidth, "", "");
  for (const auto& outcome : outcomes) {
    out += fmt::format(" {:>{}}", core::to_decimal_string(outcome.total_cost), width);
  }
  out += fmt::format("\nbudget {}, {} voters\n", core::to_decimal_string(instance.budget()), profile.num_voters());
  return out;
}

}  // namespace covalue::cli
