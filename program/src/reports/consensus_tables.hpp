#pragma once

#include <vector>

#include "covalue/program/report.hpp"

namespace covalue::program::detail {

//! The initiatives on a cycle's ballot with their support so far and the scorecard beside it.
[[nodiscard]] ReportTable ballot_table(const Snapshot& snapshot, const net::Cycle& cycle,
                                       const std::vector<net::InitiativeId>& candidates);

//! The consensus of a closed cycle: summary figures (rule, agreement index, Condorcet winner), the
//! consensus ranking beside the scorecard, and each partner's distance to it.
void add_consensus(Report& report, const Snapshot& snapshot, const net::CycleOutcome& outcome);

}  // namespace covalue::program::detail
