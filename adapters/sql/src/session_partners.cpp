#include <string>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

using NP = net::Partner;
using O = net::Objective;
constexpr Columns<&NP::id, &NP::name, &NP::tier, &NP::joined_cycle, &NP::left_cycle> kPartner{};
constexpr Columns<&O::id, &O::partner, &O::kpi, &O::name, &O::unit, &O::baseline, &O::target> kObjective{};

std::string name_taken(const std::string& name) { return "a partner named '" + name + "' already exists"; }

}  // namespace

core::Result<net::PartnerId> Session::insert_partner(const net::Partner& partner) {
  change(Rows::kPartners);
  auto inserted = insert_row(sq::kInsertPartner, kPartner, partner);
  return inserted.ok() ? inserted : on_conflict(inserted.error(), name_taken(partner.name));
}

core::Status Session::update_partner(const net::Partner& partner) {
  change(Rows::kPartners);
  auto updated = atomically([&] { return update_row(sq::kUpdatePartner, kPartner, partner, partner.id); });
  if (!updated.ok()) {
    return on_conflict(updated.error(), name_taken(partner.name));
  }
  return one_changed(updated,
                     core::make_error(core::ErrorKind::kNotFound, "no partner with id " + std::to_string(partner.id)));
}

core::Result<std::vector<net::Partner>> Session::partners() {
  return cached(Rows::kPartners, -1, [&] { return rows(sq::kPartners, "partners", kPartner); });
}

core::Result<net::ObjectiveId> Session::insert_objective(const net::Objective& objective) {
  change(Rows::kObjectives);
  auto inserted = insert_row(sq::kInsertObjective, kObjective, objective);
  return inserted.ok() ? inserted : explain(inserted.error(), {partner_ref(objective.partner)});
}

core::Result<std::vector<net::Objective>> Session::objectives() {
  return cached(Rows::kObjectives, -1, [&] { return rows(sq::kObjectives, "objectives", kObjective); });
}

}  // namespace covalue::adapters::sql
