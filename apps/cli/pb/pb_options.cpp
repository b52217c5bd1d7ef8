#include "pb/pb_options.hpp"

#include "setting_flags.hpp"

#include "name_option.hpp"

namespace covalue::cli {

void RuleFlags::add_to(CLI::App& command) {
  add_name_option<core::rules::RuleKind>(command, "--rule", rule, "")->capture_default_str();
  add_name_option<core::Satisfaction>(command, "--sat", sat, "satisfaction")->capture_default_str();
  add_name_option<core::rules::Completion>(command, "--completion", completion, "MES completion")
      ->capture_default_str();
  add_name_option<core::TieRule>(command, "--tie", tie, "tie-breaking")->capture_default_str();
  add_setting(command, "pb.increment", increment);
  add_setting(command, "pb.irresolute", irresolute);
  add_setting(command, "pb.max_outcomes", max_outcomes);
}

core::Result<core::rules::RuleOptions> RuleFlags::to_options() const {
  core::rules::RuleOptions options;
  auto r = core::parse_name<core::rules::RuleKind>(rule);
  if (!r.ok()) {
    return core::make_error(core::ErrorKind::kUsage, r.error().message, "--rule");
  }
  auto s = core::parse_name<core::Satisfaction>(sat);
  if (!s.ok()) {
    return core::make_error(core::ErrorKind::kUsage, s.error().message, "--sat");
  }
  auto c = core::parse_name<core::rules::Completion>(completion);
  if (!c.ok()) {
    return core::make_error(core::ErrorKind::kUsage, c.error().message, "--completion");
  }
  auto t = core::parse_name<core::TieRule>(tie);
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
