#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "covalue/core/result.hpp"
#include "covalue/core/rules/rule.hpp"

namespace covalue::cli {

//! The rule flags of `covalue pb solve` as text, turned into RuleOptions after parsing.
struct RuleFlags {
  std::string rule{"mes"};
  std::string sat{"cost"};
  std::string completion{"none"};
  std::string tie{"lex"};
  std::string increment;  // these three: defaults from the settings table's pb.* rows
  bool irresolute{false};
  std::size_t max_outcomes{0};

  //! Adds --rule, --sat, --completion, --tie, --increment, --irresolute, --max-outcomes.
  void add_to(CLI::App& command);
  //! The options these flags name; kUsage errors for unknown names.
  [[nodiscard]] core::Result<core::rules::RuleOptions> to_options() const;
};

}  // namespace covalue::cli
