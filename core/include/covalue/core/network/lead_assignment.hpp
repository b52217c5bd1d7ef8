#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "covalue/core/result.hpp"

namespace covalue::core::network {

//! The lead-assignment problem of one cycle, in indices: partners 0..n-1, selected initiatives 0..m-1.
struct LeadProblem {
  std::vector<std::int64_t> free_slots;                //!< per partner: leads it may still take (limit minus current)
  std::vector<std::int64_t> past_leads;                //!< per partner: initiatives it led in earlier cycles
  std::vector<std::vector<std::uint32_t>> volunteers;  //!< per initiative: partners volunteering to lead it
  std::vector<std::vector<std::uint32_t>> eligible;  //!< per initiative: partners who may lead it (volunteers included)
};

//! An optimal assignment: lexicographically (1) as many initiatives led as possible, (2) as many led
//! by a volunteer as possible, (3) the least rotation cost: sum over partners of
//! sum_{j=1..new leads} (past_leads + j), which spreads leadership towards those who led least.
//! Deterministic: the same problem always gives the same assignment. Computed exactly by min-cost flow.
struct LeadAssignmentResult {
  std::vector<std::optional<std::uint32_t>> lead;  //!< per initiative
  std::vector<bool> by_volunteer;                  //!< per initiative
  std::int64_t assigned{0};
  std::int64_t volunteers_used{0};
  std::int64_t rotation_cost{0};
};

//! Solves a LeadProblem. Negative free slots count as 0 (a partner already over a lowered limit takes
//! no new lead); repeated partners in a list count once; the order of the lists does not matter.
//! kInvalidInput when sizes differ, an index is out of range, a volunteer is not eligible, a
//! past_leads is negative, or the numbers are too large for exact 64-bit costs.
[[nodiscard]] Result<LeadAssignmentResult> assign_leads(const LeadProblem& problem);

}  // namespace covalue::core::network
