#include "pb/pb_options.hpp"

#include "name_option.hpp"
#include "setting_flags.hpp"

namespace covalue::cli {

void RuleFlags::add_to(CLI::App& command) {
  add_name_option(command, "--rule", options.rule, "");
  add_name_option(command, "--sat", options.sat, "satisfaction");
  add_name_option(command, "--completion", options.completion, "MES completion");
  add_name_option(command, "--tie", options.tie, "tie-breaking");
  add_setting(command, "pb.increment", increment);
  add_setting(command, "pb.irresolute", options.irresolute);
  add_setting(command, "pb.max_outcomes", options.max_outcomes);
}

core::Result<core::rules::RuleOptions> RuleFlags::to_options() const {
  auto inc = core::parse_rational(increment);
  if (!inc.ok() || *inc <= 0) {
    return core::make_error(core::ErrorKind::kUsage, "the increment must be a positive number", "--increment");
  }
  core::rules::RuleOptions parsed = options;
  parsed.increment = *inc;
  return parsed;
}

}  // namespace covalue::cli
