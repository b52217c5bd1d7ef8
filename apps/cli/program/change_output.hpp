#pragma once

#include <string>
#include <utility>
#include <vector>

#include "command_output.hpp"
#include "program/program_session.hpp"

namespace covalue::cli {

//! The fields of an initiative, a partner, a charter, a cycle as a change prints them.
[[nodiscard]] Fields initiative_fields(const core::network::Initiative& initiative);
[[nodiscard]] Fields partner_fields(const core::network::Partner& partner);
[[nodiscard]] Fields charter_fields(const core::network::Charter& charter);
[[nodiscard]] Fields cycle_fields(const core::network::Cycle& cycle);

}  // namespace covalue::cli
