#pragma once

#include <functional>
#include <string>

#include "covalue/program/snapshot.hpp"
#include "covalue/program/store.hpp"

namespace covalue::program::detail {

//! Runs one use case: one transaction that first reads the snapshot, then validates and writes.
core::Status run_use_case(Store& store, const std::function<core::Status(StoreSession&, Snapshot&)>& work);

//! The cycle whose membership counts now: the open one, or the next one to open.
[[nodiscard]] net::CycleNumber membership_cycle(const Snapshot& snapshot);

//! The open (proposing or voting) cycle, if any.
[[nodiscard]] const net::Cycle* open_cycle_of(const Snapshot& snapshot);

//! Shorthands for errors.
[[nodiscard]] core::Error not_found(std::string what, std::string where);
[[nodiscard]] core::Error invalid(std::string what, std::string where);
[[nodiscard]] core::Error conflict(std::string what, std::string where);

//! A member partner (kNotFound when unknown, kConflict when not a member in `cycle`).
[[nodiscard]] core::Result<const net::Partner*> member(const Snapshot& snapshot, net::PartnerId id,
                                                       net::CycleNumber cycle, const std::string& where);

//! Validates a proposal against the network (members, objectives, capacity, unique title).
[[nodiscard]] core::Status validate_proposal(const Snapshot& snapshot, const net::Initiative& initiative);

//! Validates a ballot against its cycle and normalises it (approval values become 1).
[[nodiscard]] core::Result<net::PartnerBallot> validate_ballot(const Snapshot& snapshot,
                                                               const net::PartnerBallot& ballot);

}  // namespace covalue::program::detail
