#pragma once

// The coordination rotation (issue 14 item 4): when a cycle opens, the next willing partner's term may begin.

#include <nlohmann/json.hpp>

#include "covalue/program/snapshot.hpp"

namespace covalue::program::detail {

//! Under the charter's rotation, when `cycle` opens and the current term is over (or none began), starts the term of
//! the next willing member partner after the current one (by id, wrapping) and notes it in the audit `detail`.
//! Nothing without willing member partners, or under fixed coordination.
[[nodiscard]] core::Status rotate_coordination(StoreSession& session, const Snapshot& snapshot, net::CycleNumber cycle,
                                               nlohmann::json& detail);

}  // namespace covalue::program::detail
