#include <string>

#include "session_common.hpp"

namespace covalue::adapters::sql {

using core::ErrorKind;
using core::make_error;
namespace sq = statements;

namespace {

std::string name_taken(const std::string& name) { return "a partner named '" + name + "' already exists"; }

}  // namespace

core::Result<net::PartnerId> Session::insert_partner(const net::Partner& partner) {
  auto inserted = atomically([&]() -> core::Result<net::PartnerId> {
    return in_network(sq::kInsertPartner)
        .bind_int(partner.id)
        .bind_int(network_)
        .bind_text(partner.name)
        .bind_text(net::name_of(partner.tier))
        .bind_int(partner.joined_cycle)
        .bind_optional_int(partner.left_cycle)
        .single_int();
  });
  if (!inserted.ok()) {
    return on_conflict(inserted.error(), name_taken(partner.name));
  }
  return inserted;
}

core::Status Session::update_partner(const net::Partner& partner) {
  auto updated = atomically([&]() -> core::Result<std::int64_t> {
    return db_.prepare(sq::kUpdatePartner)
        .bind_text(partner.name)
        .bind_text(net::name_of(partner.tier))
        .bind_int(partner.joined_cycle)
        .bind_optional_int(partner.left_cycle)
        .bind_int(network_)
        .bind_int(partner.id)
        .changed();
  });
  if (!updated.ok()) {
    return on_conflict(updated.error(), name_taken(partner.name));
  }
  if (*updated == 0) {
    return make_error(ErrorKind::kNotFound, "no partner with id " + std::to_string(partner.id));
  }
  return {};
}

core::Result<std::vector<net::Partner>> Session::partners() {
  Statement query = in_network(sq::kPartners);
  return read_rows(query, "partners", [](RowReader& row) {
    net::Partner partner;
    partner.id = row.integer(0);
    partner.name = row.text(1);
    partner.tier = row.name(2, core::parse_name<net::Tier>);
    partner.joined_cycle = row.integer(3);
    partner.left_cycle = row.optional_integer(4);
    return partner;
  });
}

core::Result<net::ObjectiveId> Session::insert_objective(const net::Objective& objective) {
  auto inserted = atomically([&]() -> core::Result<net::ObjectiveId> {
    return in_network(sq::kInsertObjective)
        .bind_int(objective.id)
        .bind_int(network_)
        .bind_int(objective.partner)
        .bind_text(net::name_of(objective.kpi))
        .bind_text(objective.name)
        .bind_text(objective.unit)
        .bind_rational(objective.baseline)
        .bind_rational(objective.target)
        .single_int();
  });
  if (!inserted.ok()) {
    return explain(inserted.error(), {partner_ref(objective.partner)});
  }
  return inserted;
}

core::Result<std::vector<net::Objective>> Session::objectives() {
  Statement query = in_network(sq::kObjectives);
  return read_rows(query, "objectives", [](RowReader& row) {
    net::Objective objective;
    objective.id = row.integer(0);
    objective.partner = row.integer(1);
    objective.kpi = row.name(2, core::parse_name<net::Kpi>);
    objective.name = row.text(3);
    objective.unit = row.text(4);
    objective.baseline = row.rational(5);
    objective.target = row.rational(6);
    return objective;
  });
}

}  // namespace covalue::adapters::sql
