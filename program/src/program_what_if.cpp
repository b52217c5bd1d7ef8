// What if (issue 16 item 5): what a coordinator's simulation of a changed charter starts from.
#include "covalue/program/program.hpp"
#include "use_case.hpp"

namespace covalue::program {

core::Result<WhatIfStart> Program::what_if_start(const net::Charter& changed) {
  if (core::Status allowed = detail::require_coordinator(actor_, "compare charters on simulations"); !allowed) {
    return allowed.error();
  }
  if (core::Status checked = detail::check_charter(changed); !checked) {
    core::Error error = checked.error();
    error.where = error.where.empty() ? "charter" : "charter." + error.where;
    return error;
  }
  core::Result<Snapshot> snapshot = queries().snapshot();
  if (!snapshot) {
    return snapshot.error();
  }
  return WhatIfStart{store_.network(), std::move(*snapshot)};
}

core::Result<std::int64_t> Program::what_if_network() const {
  if (core::Status allowed = detail::require_coordinator(actor_, "read charters' simulations"); !allowed) {
    return allowed.error();
  }
  return store_.network();
}

}  // namespace covalue::program
