// Delegation: a partner's ballot for one cycle cast by its proxy (schema step 15).
#include <string>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

using DG = program::Delegation;
constexpr Columns<&DG::cycle, &DG::partner, &DG::proxy, &DG::created_at> kDelegation{};

//! kNotFound "partner <partner> has no <what> in cycle <cycle>".
core::Error none_in_cycle(const char* what, net::PartnerId partner, net::CycleNumber cycle) {
  return make_error(ErrorKind::kNotFound,
                    "partner " + std::to_string(partner) + " has no " + what + " in cycle " + std::to_string(cycle),
                    what);
}

}  // namespace

core::Status Session::insert_delegation(const program::Delegation& delegation) {
  auto inserted = write_row(sq::kInsertDelegation, kDelegation, delegation);
  if (inserted.ok()) {
    return inserted;
  }
  if (inserted.error().kind == ErrorKind::kConflict) {
    return make_error(ErrorKind::kConflict,
                      "partner " + std::to_string(delegation.partner) + " has delegated its ballot for cycle " +
                          std::to_string(delegation.cycle) + " already",
                      "delegation");
  }
  return explain(inserted.error(),
                 {cycle_ref(delegation.cycle), partner_ref(delegation.partner), partner_ref(delegation.proxy)});
}

core::Status Session::remove_delegation(net::CycleNumber cycle, net::PartnerId partner) {
  auto removed =
      atomically([&] { return in_network(sq::kRemoveDelegation).bind_int(cycle).bind_int(partner).changed(); });
  return one_changed(removed, none_in_cycle("delegation", partner, cycle));
}

core::Result<std::vector<program::Delegation>> Session::delegations(net::CycleNumber cycle) {
  return rows(sq::kDelegations, "delegations", kDelegation, cycle);
}

core::Status Session::remove_ballot(net::CycleNumber cycle, net::PartnerId partner) {
  change(Rows::kBallots);
  auto removed = atomically([&] { return in_network(sq::kDeleteBallot).bind_int(cycle).bind_int(partner).changed(); });
  return one_changed(removed, none_in_cycle("ballot", partner, cycle));
}

}  // namespace covalue::adapters::sql
