#include <string>

#include "postgres_session.hpp"
#include "row_reader.hpp"

namespace covalue::adapters::postgres {
namespace {

using core::ErrorKind;
using core::make_error;

core::Error name_taken(const core::Error& failed, const std::string& name) {
  if (failed.kind != ErrorKind::kConflict) {
    return failed;
  }
  return make_error(ErrorKind::kConflict, "a partner named '" + name + "' already exists");
}

}  // namespace

core::Result<net::PartnerId> PostgresSession::insert_partner(const net::Partner& partner) {
  auto inserted = atomically([&] {
    return single("INSERT INTO partners (name, tier, joined_cycle, left_cycle) VALUES ($1, $2, $3, $4) RETURNING id",
                  partner.name, net::name_of(partner.tier), partner.joined_cycle, partner.left_cycle);
  });
  if (!inserted.ok()) {
    return name_taken(inserted.error(), partner.name);
  }
  return inserted;
}

core::Status PostgresSession::update_partner(const net::Partner& partner) {
  auto updated = atomically([&] {
    return change("UPDATE partners SET name = $1, tier = $2, joined_cycle = $3, left_cycle = $4 WHERE id = $5",
                  partner.name, net::name_of(partner.tier), partner.joined_cycle, partner.left_cycle, partner.id);
  });
  if (!updated.ok()) {
    return name_taken(updated.error(), partner.name);
  }
  if (*updated == 0) {
    return make_error(ErrorKind::kNotFound, "no partner with id " + std::to_string(partner.id));
  }
  return {};
}

core::Result<std::vector<net::Partner>> PostgresSession::partners() {
  auto rows = query("SELECT id, name, tier, joined_cycle, left_cycle FROM partners ORDER BY id");
  if (!rows.ok()) {
    return rows.error();
  }
  return read_rows(*rows, "partners", [](RowReader& row) {
    net::Partner partner;
    partner.id = row.integer(0);
    partner.name = row.text(1);
    partner.tier = row.name<net::Tier>(2, core::parse_name<net::Tier>);
    partner.joined_cycle = row.integer(3);
    partner.left_cycle = row.optional_integer(4);
    return partner;
  });
}

core::Result<net::ObjectiveId> PostgresSession::insert_objective(const net::Objective& objective) {
  auto inserted = atomically([&] {
    return single(
        "INSERT INTO objectives (partner_id, kpi, name, unit, baseline, target) VALUES ($1, $2, $3, $4, $5, $6) "
        "RETURNING id",
        objective.partner, net::name_of(objective.kpi), objective.name, objective.unit, objective.baseline,
        objective.target);
  });
  if (!inserted.ok()) {
    return explain(inserted.error(), {partner_ref(objective.partner)});
  }
  return inserted;
}

core::Result<std::vector<net::Objective>> PostgresSession::objectives() {
  auto rows = query("SELECT id, partner_id, kpi, name, unit, baseline, target FROM objectives ORDER BY id");
  if (!rows.ok()) {
    return rows.error();
  }
  return read_rows(*rows, "objectives", [](RowReader& row) {
    net::Objective objective;
    objective.id = row.integer(0);
    objective.partner = row.integer(1);
    objective.kpi = row.name<net::Kpi>(2, core::parse_name<net::Kpi>);
    objective.name = row.text(3);
    objective.unit = row.text(4);
    objective.baseline = row.rational(5);
    objective.target = row.rational(6);
    return objective;
  });
}

}  // namespace covalue::adapters::postgres
