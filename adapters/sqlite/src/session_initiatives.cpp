#include <string>

#include "row_reader.hpp"
#include "sqlite_session.hpp"

namespace covalue::adapters::sqlite {
namespace {

using core::ErrorKind;
using core::make_error;

core::Error title_taken(const core::Error& failed, const std::string& title) {
  if (failed.kind != ErrorKind::kConflict) {
    return failed;
  }
  return make_error(ErrorKind::kConflict, "an initiative titled '" + title + "' already exists");
}

std::int64_t initiative_id(const net::Initiative& initiative) { return initiative.id; }

// The queries reading initiatives and their lists: of every initiative, or of one cycle's (?1).
struct InitiativeQueries {
  const char* rows;
  const char* impacts;
  const char* objectives;
  const char* volunteers;
};

constexpr InitiativeQueries kEveryInitiative{
    "SELECT id, title, description, channel, proposer_id, cost, status, cycle, lead_id FROM initiatives ORDER BY id",
    "SELECT initiative_id, partner_id, estimate FROM initiative_impacts ORDER BY initiative_id, position",
    "SELECT initiative_id, objective_id FROM initiative_objectives ORDER BY initiative_id, position",
    "SELECT initiative_id, partner_id, accepted FROM initiative_volunteers ORDER BY initiative_id, position"};

constexpr InitiativeQueries kCycleInitiatives{
    "SELECT id, title, description, channel, proposer_id, cost, status, cycle, lead_id FROM initiatives "
    "WHERE cycle = ?1 ORDER BY id",
    "SELECT initiative_id, partner_id, estimate FROM initiative_impacts WHERE initiative_id IN "
    "(SELECT id FROM initiatives WHERE cycle = ?1) ORDER BY initiative_id, position",
    "SELECT initiative_id, objective_id FROM initiative_objectives WHERE initiative_id IN "
    "(SELECT id FROM initiatives WHERE cycle = ?1) ORDER BY initiative_id, position",
    "SELECT initiative_id, partner_id, accepted FROM initiative_volunteers WHERE initiative_id IN "
    "(SELECT id FROM initiatives WHERE cycle = ?1) ORDER BY initiative_id, position"};

// Binds the cycle to a query of kCycleInitiatives (the others take no parameter).
Statement prepared(Connection& db, const char* sql, std::optional<net::CycleNumber> cycle) {
  Statement query = db.prepare(sql);
  if (cycle) {
    query.bind_int(*cycle);
  }
  return query;
}

// Reads the impacts, objectives and volunteers of the initiatives: one query per list table.
core::Status attach_lists(Connection& db, const InitiativeQueries& queries, std::optional<net::CycleNumber> cycle,
                          std::vector<net::Initiative>& initiatives) {
  Statement impacts = prepared(db, queries.impacts, cycle);
  auto attached =
      attach_rows(impacts, "initiative_impacts", initiatives, initiative_id, [](net::Initiative& to, RowReader& row) {
        to.impacts.push_back(net::Impact{row.integer(1), row.rational(2)});
      });
  if (!attached.ok()) {
    return attached;
  }
  Statement objectives = prepared(db, queries.objectives, cycle);
  attached = attach_rows(objectives, "initiative_objectives", initiatives, initiative_id,
                         [](net::Initiative& to, RowReader& row) { to.objectives.push_back(row.integer(1)); });
  if (!attached.ok()) {
    return attached;
  }
  Statement volunteers = prepared(db, queries.volunteers, cycle);
  return attach_rows(volunteers, "initiative_volunteers", initiatives, initiative_id,
                     [](net::Initiative& to, RowReader& row) {
                       (row.integer(2) != 0 ? to.volunteers : to.nominees).push_back(row.integer(1));
                     });
}

// Reads initiatives with their lists.
core::Result<std::vector<net::Initiative>> read_initiatives(Connection& db, const InitiativeQueries& queries,
                                                            std::optional<net::CycleNumber> cycle) {
  Statement query = prepared(db, queries.rows, cycle);
  auto rows = read_rows(query, "initiatives", [](RowReader& row) {
    net::Initiative initiative;
    initiative.id = row.integer(0);
    initiative.title = row.text(1);
    initiative.description = row.text(2);
    initiative.channel = row.name(3, core::parse_name<net::Channel>);
    initiative.proposer = row.integer(4);
    initiative.cost = row.rational(5);
    initiative.status = row.name(6, core::parse_name<net::InitiativeStatus>);
    initiative.cycle = row.integer(7);
    initiative.lead = row.optional_integer(8);
    return initiative;
  });
  if (!rows.ok()) {
    return rows;
  }
  if (auto lists = attach_lists(db, queries, cycle, *rows); !lists.ok()) {
    return lists.error();
  }
  return rows;
}

}  // namespace

core::Result<net::InitiativeId> SqliteSession::insert_initiative(const net::Initiative& initiative) {
  return atomically([&]() -> core::Result<net::InitiativeId> {
    auto inserted = db_.prepare(
                           "INSERT INTO initiatives (title, description, channel, proposer_id, cost, status, cycle, "
                           "lead_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                        .bind_text(initiative.title)
                        .bind_text(initiative.description)
                        .bind_text(net::name_of(initiative.channel))
                        .bind_int(initiative.proposer)
                        .bind_rational(initiative.cost)
                        .bind_text(net::name_of(initiative.status))
                        .bind_int(initiative.cycle)
                        .bind_optional_int(initiative.lead)
                        .run();
    if (!inserted.ok()) {
      return explain(title_taken(inserted.error(), initiative.title),
                     {partner_ref(initiative.proposer), partner_ref(initiative.lead.value_or(initiative.proposer))});
    }
    net::Initiative stored = initiative;
    stored.id = db_.last_insert_id();
    if (auto lists = write_initiative_lists(stored); !lists.ok()) {
      return lists.error();
    }
    return stored.id;
  });
}

core::Status SqliteSession::update_initiative(const net::Initiative& initiative) {
  return atomically([&]() -> core::Status {
    auto updated = db_.prepare(
                          "UPDATE initiatives SET title = ?1, description = ?2, channel = ?3, proposer_id = ?4, "
                          "cost = ?5, status = ?6, cycle = ?7, lead_id = ?8 WHERE id = ?9")
                       .bind_text(initiative.title)
                       .bind_text(initiative.description)
                       .bind_text(net::name_of(initiative.channel))
                       .bind_int(initiative.proposer)
                       .bind_rational(initiative.cost)
                       .bind_text(net::name_of(initiative.status))
                       .bind_int(initiative.cycle)
                       .bind_optional_int(initiative.lead)
                       .bind_int(initiative.id)
                       .run();
    if (!updated.ok()) {
      return explain(title_taken(updated.error(), initiative.title),
                     {partner_ref(initiative.proposer), partner_ref(initiative.lead.value_or(initiative.proposer))});
    }
    if (db_.changes() == 0) {
      return make_error(ErrorKind::kNotFound, "no initiative with id " + std::to_string(initiative.id));
    }
    return replace_initiative_lists(initiative);
  });
}

core::Result<std::vector<net::Initiative>> SqliteSession::initiatives() {
  return read_initiatives(db_, kEveryInitiative, std::nullopt);
}

core::Result<std::vector<net::Initiative>> SqliteSession::initiatives_in_cycle(net::CycleNumber cycle) {
  return read_initiatives(db_, kCycleInitiatives, cycle);
}

}  // namespace covalue::adapters::sqlite
