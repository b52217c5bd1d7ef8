#pragma once

#include <cstdint>

namespace covalue::core::network {

//! Store-assigned identifiers; 0 means "not stored yet".
using PartnerId = std::int64_t;
using InitiativeId = std::int64_t;
using ObjectiveId = std::int64_t;
//! Cycles are numbered 1, 2, 3, ... in the order they were opened.
using CycleNumber = std::int64_t;

}  // namespace covalue::core::network
