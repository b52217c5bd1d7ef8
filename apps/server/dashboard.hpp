#pragma once

#include <nlohmann/json.hpp>

#include "covalue/program/queries.hpp"

namespace covalue::server {

//! The chart series of the web UI (program::Queries::dashboard) in one document:
//!  - "network": name, max_dry_spell (k), capacity;
//!  - "cycles": per cycle (by number) number, state, estimated_value, realised_value,
//!    cumulative_estimated, cumulative_realised (exact strings, as the network report), and for a
//!    decided cycle participation_rate (members who voted / members), gini (of the cumulative net
//!    value of every partner in an outcome so far) and max_dry_spell (null before close);
//!  - "partners": per partner (by id) id, name, tier, status ("member" or "left"),
//!    cumulative_net_value and dry_spell (arrays aligned with "cycles"; dry_spell null where the
//!    partner is not in that cycle's outcome), risk_score, risk_band, risk_reasons (the engagement report).
[[nodiscard]] nlohmann::json dashboard_json(const program::Dashboard& dashboard);

}  // namespace covalue::server
