// Delegation: a partner's ballot for one cycle cast by its proxy (schema step 15).
#include <string>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

program::Delegation read_delegation(RowReader& row) {
  program::Delegation delegation;
  delegation.cycle = row.integer(0);
  delegation.partner = row.integer(1);
  delegation.proxy = row.integer(2);
  delegation.created_at = row.text(3);
  return delegation;
}

}  // namespace

core::Status Session::insert_delegation(const program::Delegation& delegation) {
  auto inserted = atomically([&]() -> core::Status {
    return in_network(sq::kInsertDelegation)
        .bind_int(delegation.cycle)
        .bind_int(delegation.partner)
        .bind_int(delegation.proxy)
        .bind_text(delegation.created_at)
        .run();
  });
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
  auto removed = atomically([&]() -> core::Result<std::int64_t> {
    return in_network(sq::kRemoveDelegation).bind_int(cycle).bind_int(partner).changed();
  });
  return one_changed(
      removed, make_error(ErrorKind::kNotFound,
                          "partner " + std::to_string(partner) + " has no delegation in cycle " + std::to_string(cycle),
                          "delegation"));
}

core::Result<std::vector<program::Delegation>> Session::delegations(net::CycleNumber cycle) {
  return rows(sq::kDelegations, "delegations", read_delegation, cycle);
}

core::Status Session::remove_ballot(net::CycleNumber cycle, net::PartnerId partner) {
  change(Rows::kBallots);
  auto removed = atomically([&]() -> core::Result<std::int64_t> {
    return in_network(sq::kDeleteBallot).bind_int(cycle).bind_int(partner).changed();
  });
  return one_changed(
      removed,
      make_error(ErrorKind::kNotFound,
                 "partner " + std::to_string(partner) + " has no ballot in cycle " + std::to_string(cycle), "ballot"));
}

}  // namespace covalue::adapters::sql
