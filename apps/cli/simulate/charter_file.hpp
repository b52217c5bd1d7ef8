#pragma once

#include <string>
#include <string_view>

#include "covalue/core/result.hpp"
#include "covalue/core/sim/network_model.hpp"

namespace covalue::cli {

//! Reads a charter for `covalue simulate run --policy FILE.toml` (docs/simulator.md): an optional
//! top-level `name`, a [charter] section with the charter's settings-table keys (rule, sharing,
//! max_dry_spell, max_deopt_share, weight_policy, weight_absence, max_concurrent_leads, ranking_rule) and a
//! [behaviour] section (ballots, leads, object_to_losses). kInvalidInput located at FILE:LINE:COLUMN and
//! naming the key for an unreadable file, a TOML syntax error, an unknown section or key, a value of the
//! wrong type, out of range or not one of the accepted names.
[[nodiscard]] core::Result<core::sim::Policy> parse_charter_file(std::string_view text, const std::string& path);

//! Reads the file, then parse_charter_file.
[[nodiscard]] core::Result<core::sim::Policy> read_charter_file(const std::string& path);

//! Reads `--model FILE.toml`: a [model] section of the model's parameters (core/sim/network_model.hpp's
//! table), numbers in range; errors as for a charter file.
[[nodiscard]] core::Status read_model_file(const std::string& path, core::sim::ModelParameters& model);

}  // namespace covalue::cli
