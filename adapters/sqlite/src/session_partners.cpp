#include <string>

#include "row_reader.hpp"
#include "sqlite_session.hpp"

namespace covalue::adapters::sqlite {
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

core::Result<net::PartnerId> SqliteSession::insert_partner(const net::Partner& partner) {
  auto inserted = db_.prepare("INSERT INTO partners (name, tier, joined_cycle, left_cycle) VALUES (?1, ?2, ?3, ?4)")
                      .bind_text(partner.name)
                      .bind_text(net::name_of(partner.tier))
                      .bind_int(partner.joined_cycle)
                      .bind_optional_int(partner.left_cycle)
                      .run();
  if (!inserted.ok()) {
    return name_taken(inserted.error(), partner.name);
  }
  return db_.last_insert_id();
}

core::Status SqliteSession::update_partner(const net::Partner& partner) {
  auto updated =
      db_.prepare("UPDATE partners SET name = ?1, tier = ?2, joined_cycle = ?3, left_cycle = ?4 WHERE id = ?5")
          .bind_text(partner.name)
          .bind_text(net::name_of(partner.tier))
          .bind_int(partner.joined_cycle)
          .bind_optional_int(partner.left_cycle)
          .bind_int(partner.id)
          .run();
  if (!updated.ok()) {
    return name_taken(updated.error(), partner.name);
  }
  if (db_.changes() == 0) {
    return make_error(ErrorKind::kNotFound, "no partner with id " + std::to_string(partner.id));
  }
  return {};
}

core::Result<std::vector<net::Partner>> SqliteSession::partners() {
  Statement query = db_.prepare("SELECT id, name, tier, joined_cycle, left_cycle FROM partners ORDER BY id");
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

core::Result<net::ObjectiveId> SqliteSession::insert_objective(const net::Objective& objective) {
  auto inserted =
      db_.prepare(
             "INSERT INTO objectives (partner_id, kpi, name, unit, baseline, target) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
          .bind_int(objective.partner)
          .bind_text(net::name_of(objective.kpi))
          .bind_text(objective.name)
          .bind_text(objective.unit)
          .bind_rational(objective.baseline)
          .bind_rational(objective.target)
          .run();
  if (!inserted.ok()) {
    return explain(inserted.error(), {partner_ref(objective.partner)});
  }
  return db_.last_insert_id();
}

core::Result<std::vector<net::Objective>> SqliteSession::objectives() {
  Statement query = db_.prepare("SELECT id, partner_id, kpi, name, unit, baseline, target FROM objectives ORDER BY id");
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

}  // namespace covalue::adapters::sqlite
