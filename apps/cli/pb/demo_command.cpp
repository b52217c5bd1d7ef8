// `covalue pb demo`: one bundled improvement cycle solved with every rule, side by side.
#include <fmt/core.h>

#include <memory>
#include <string>
#include <vector>

#include "command_handlers.hpp"
#include "covalue/adapters/pabulib/pb_file.hpp"
#include "covalue/core/approval_profile.hpp"
#include "covalue/core/rules/rule.hpp"
#include "covalue/core/text.hpp"
#include "install_paths.hpp"
#include "pb/pb_report.hpp"

namespace covalue::cli {
namespace {

using core::Satisfaction;
using core::rules::Completion;
using core::rules::RuleKind;
using core::rules::RuleOptions;

struct Variant {
  const char* label;
  RuleOptions options;
};

std::vector<Variant> every_rule() {
  const auto make = [](RuleKind rule, Satisfaction sat, Completion completion) {
    RuleOptions options;
    options.rule = rule;
    options.sat = sat;
    options.completion = completion;
    return options;
  };
  return {
      {"greedy", make(RuleKind::kGreedy, Satisfaction::kCost, Completion::kNone)},
      {"greedy/card", make(RuleKind::kGreedy, Satisfaction::kCardinality, Completion::kNone)},
      {"mes", make(RuleKind::kEqualShares, Satisfaction::kCost, Completion::kNone)},
      {"mes/card", make(RuleKind::kEqualShares, Satisfaction::kCardinality, Completion::kNone)},
      {"mes+greedy", make(RuleKind::kEqualShares, Satisfaction::kCost, Completion::kGreedy)},
      {"mes+add1", make(RuleKind::kEqualShares, Satisfaction::kCost, Completion::kAdd1)},
      {"add1+greedy", make(RuleKind::kEqualShares, Satisfaction::kCost, Completion::kAdd1Greedy)},
      {"phragmen", make(RuleKind::kPhragmen, Satisfaction::kCost, Completion::kNone)},
      {"maxwelfare", make(RuleKind::kMaxWelfare, Satisfaction::kCost, Completion::kNone)},
  };
}

core::Result<Output> demo(const std::string& file) {
  auto pb = adapters::pabulib::read_pabulib_file(file);
  if (!pb.ok()) {
    return pb.error();
  }
  const auto profile = core::ApprovalProfile::from_profile(pb->profile, pb->instance.size());
  std::vector<std::string> labels;
  std::vector<core::Outcome> outcomes;
  for (const auto& variant : every_rule()) {
    auto result = core::rules::solve(pb->instance, profile, variant.options);
    if (!result.ok()) {
      return result.error();
    }
    labels.emplace_back(variant.label);
    outcomes.push_back(result->front());
  }
  const auto description = pb->instance.meta_value("description");
  return Output::of_text(
      fmt::format("{}\n{}\n\n", core::terminal_safe(description.value_or(file)), core::terminal_safe(file)) +
      side_by_side_table(pb->instance, profile, labels, outcomes) +
      fmt::format("\nx = selected. Try: covalue pb solve {} --rule mes --format json\n", core::terminal_safe(file)));
}

}  // namespace

Handler add_pb_demo(CLI::App& command) {
  auto file = std::make_shared<std::string>(default_demo_file().string());
  command.add_option("--file", *file, "another .pb file to use")->capture_default_str();
  return [file] { return demo(*file); };
}

}  // namespace covalue::cli
