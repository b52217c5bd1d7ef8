#include "pb/pb_options.hpp"

#include "setting_flags.hpp"

namespace covalue::cli {

void RuleFlags::add_to(CLI::App& command) {
  command.add_option("--rule", rule, "greedy | mes | phragmen | maxwelfare")->capture_default_str();
  command.add_option("--sat", sat, "satisfaction: cost | card")->capture_default_str();
  command.add_option("--completion", completion, "MES completion: none | greedy | add1 | add1+greedy")
      ->capture_default_str();
  command.add_option("--tie", tie, "tie-breaking: lex | mincost | maxapprovals | refuse")->capture_default_str();
  add_setting(command, "pb.increment", increment);
  add_setting(command, "pb.irresolute", irresolute);
  add_setting(command, "pb.max_outcomes", max_outcomes);
}

core::Result<core::rules::RuleOptions> RuleFlags::to_options() const {
  core::rules::RuleOptions options;
  auto r = core::rules::parse_rule_kind(rule);
  if (!r.ok()) {
    return core::make_error(core::ErrorKind::kUsage, r.error().message, "--rule");
  }
  auto s = core::parse_satisfaction(sat);
  if (!s.ok()) {
    return core::make_error(core::ErrorKind::kUsage, s.error().message, "--sat");
  }
  auto c = core::rules::parse_completion(completion);
  if (!c.ok()) {
    return core::make_error(core::ErrorKind::kUsage, c.error().message, "--completion");
  }
  auto t = core::parse_tie_rule(tie);
  if (!t.ok()) {
    return core::make_error(core::ErrorKind::kUsage, t.error().message, "--tie");
  }
  auto inc = core::parse_rational(increment);
  if (!inc.ok() || *inc <= 0) {
    return core::make_error(core::ErrorKind::kUsage, "the increment must be a positive number", "--increment");
  }
  options.rule = *r;
  options.sat = *s;
  options.completion = *c;
  options.tie = *t;
  options.increment = *inc;
  options.irresolute = irresolute;
  options.max_outcomes = max_outcomes;
  return options;
}

}  // namespace covalue::cli
