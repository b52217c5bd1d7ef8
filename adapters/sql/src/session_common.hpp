#pragma once

#include <cstdint>
#include <string>

#include "covalue/adapters/sql/session.hpp"
#include "row_reader.hpp"
#include "statements.hpp"

namespace covalue::adapters::sql {

//! References to rows of each table of the session's network.
[[nodiscard]] Reference partner_ref(std::int64_t id);
[[nodiscard]] Reference initiative_ref(std::int64_t id);
[[nodiscard]] Reference objective_ref(std::int64_t id);
[[nodiscard]] Reference cycle_ref(std::int64_t id);
[[nodiscard]] Reference person_ref(std::int64_t id);

//! `failed` when it is not a uniqueness failure (kConflict); otherwise kConflict with `message`.
[[nodiscard]] core::Error on_conflict(const core::Error& failed, const std::string& message);

}  // namespace covalue::adapters::sql
