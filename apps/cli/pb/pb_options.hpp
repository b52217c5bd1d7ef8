#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "covalue/core/result.hpp"
#include "covalue/core/rules/rule.hpp"

namespace covalue::cli {

//! The rule flags of `covalue pb solve`: the names parsed into `options` by the command-line parser
//! (an unknown one is a usage error naming the accepted values), the increment after parsing.
struct RuleFlags {
  core::rules::RuleOptions options;  //!< --rule, --sat, --completion, --tie, --irresolute, --max-outcomes
  std::string increment;             //!< --increment (default from the settings table's pb.increment row)

  //! Adds --rule, --sat, --completion, --tie, --increment, --irresolute, --max-outcomes.
  void add_to(CLI::App& command);
  //! The options these flags name; kUsage for an increment that is not a positive number.
  [[nodiscard]] core::Result<core::rules::RuleOptions> to_options() const;
};

}  // namespace covalue::cli
