#include <string>

#include "session_common.hpp"

namespace covalue::adapters::sql {

using core::ErrorKind;
using core::make_error;
namespace sq = statements;

namespace {

std::string title_taken(const std::string& title) { return "an initiative titled '" + title + "' already exists"; }

std::int64_t initiative_id(const net::Initiative& initiative) { return initiative.id; }

}  // namespace

// The queries reading initiatives and their lists: of the whole network, or of one cycle's.
struct InitiativeQueries {
  const char* rows;
  const char* impacts;
  const char* objectives;
  const char* volunteers;
};

namespace {

constexpr InitiativeQueries kEveryInitiative{sq::kInitiatives, sq::kImpacts, sq::kInitiativeObjectives,
                                             sq::kVolunteers};
constexpr InitiativeQueries kCycleInitiatives{sq::kCycleInitiatives, sq::kCycleImpacts, sq::kCycleInitiativeObjectives,
                                              sq::kCycleVolunteers};

std::vector<Reference> references_of(const net::Initiative& initiative) {
  std::vector<Reference> out{partner_ref(initiative.proposer)};
  if (initiative.lead) {
    out.push_back(partner_ref(*initiative.lead));
  }
  for (const net::Impact& impact : initiative.impacts) {
    out.push_back(partner_ref(impact.partner));
  }
  for (const net::ObjectiveId objective : initiative.objectives) {
    out.push_back(objective_ref(objective));
  }
  for (const auto* list : {&initiative.volunteers, &initiative.nominees}) {
    for (const net::PartnerId partner : *list) {
      out.push_back(partner_ref(partner));
    }
  }
  return out;
}

net::Initiative read_initiative(RowReader& row) {
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
}

}  // namespace

core::Result<net::InitiativeId> Session::insert_initiative(const net::Initiative& initiative) {
  auto inserted = atomically([&]() -> core::Result<net::InitiativeId> {
    auto id = in_network(sq::kInsertInitiative)
                  .bind_int(initiative.id)
                  .bind_int(network_)
                  .bind_text(initiative.title)
                  .bind_text(initiative.description)
                  .bind_text(net::name_of(initiative.channel))
                  .bind_int(initiative.proposer)
                  .bind_rational(initiative.cost)
                  .bind_text(net::name_of(initiative.status))
                  .bind_int(initiative.cycle)
                  .bind_optional_int(initiative.lead)
                  .single_int();
    if (!id.ok()) {
      return on_conflict(id.error(), title_taken(initiative.title));
    }
    net::Initiative stored = initiative;
    stored.id = *id;
    if (auto lists = write_initiative_lists(stored); !lists.ok()) {
      return lists.error();
    }
    return stored.id;
  });
  if (!inserted.ok()) {
    return explain(inserted.error(), references_of(initiative));
  }
  return inserted;
}

core::Status Session::update_initiative(const net::Initiative& initiative) {
  auto updated = atomically([&]() -> core::Status {
    auto changed = db_.prepare(sq::kUpdateInitiative)
                       .bind_text(initiative.title)
                       .bind_text(initiative.description)
                       .bind_text(net::name_of(initiative.channel))
                       .bind_int(initiative.proposer)
                       .bind_rational(initiative.cost)
                       .bind_text(net::name_of(initiative.status))
                       .bind_int(initiative.cycle)
                       .bind_optional_int(initiative.lead)
                       .bind_int(network_)
                       .bind_int(initiative.id)
                       .changed();
    if (!changed.ok()) {
      return on_conflict(changed.error(), title_taken(initiative.title));
    }
    if (*changed == 0) {
      return make_error(ErrorKind::kNotFound, "no initiative with id " + std::to_string(initiative.id));
    }
    return replace_initiative_lists(initiative);
  });
  return updated.ok() ? updated : core::Status(explain(updated.error(), references_of(initiative)));
}

core::Result<std::vector<net::Initiative>> Session::initiatives() { return read_initiatives(kEveryInitiative, {}); }

core::Result<std::vector<net::Initiative>> Session::initiatives_in_cycle(net::CycleNumber cycle) {
  return read_initiatives(kCycleInitiatives, cycle);
}

core::Result<std::vector<net::Initiative>> Session::read_initiatives(const InitiativeQueries& queries,
                                                                     std::optional<net::CycleNumber> cycle) {
  const auto prepared = [&](const char* sql) {
    Statement query = in_network(sql);
    if (cycle) {
      query.bind_int(*cycle);
    }
    return query;
  };
  Statement rows_query = prepared(queries.rows);
  auto rows = read_rows(rows_query, "initiatives", read_initiative);
  if (!rows.ok()) {
    return rows;
  }
  Statement impacts = prepared(queries.impacts);
  auto attached =
      attach_rows(impacts, "initiative_impacts", *rows, initiative_id, [](net::Initiative& to, RowReader& row) {
        to.impacts.push_back(net::Impact{row.integer(1), row.rational(2)});
      });
  if (attached.ok()) {
    Statement objectives = prepared(queries.objectives);
    attached = attach_rows(objectives, "initiative_objectives", *rows, initiative_id,
                           [](net::Initiative& to, RowReader& row) { to.objectives.push_back(row.integer(1)); });
  }
  if (attached.ok()) {
    Statement volunteers = prepared(queries.volunteers);
    attached =
        attach_rows(volunteers, "initiative_volunteers", *rows, initiative_id, [](net::Initiative& to, RowReader& row) {
          (row.boolean(2) ? to.volunteers : to.nominees).push_back(row.integer(1));
        });
  }
  if (!attached.ok()) {
    return attached.error();
  }
  return rows;
}

}  // namespace covalue::adapters::sql
