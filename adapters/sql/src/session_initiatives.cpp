#include <string>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

using I = net::Initiative;
constexpr Columns<&I::id, &I::title, &I::description, &I::channel, &I::proposer, &I::cost, &I::status, &I::cycle,
                  &I::lead>
    kInitiative{};

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

}  // namespace

core::Result<net::InitiativeId> Session::insert_initiative(const net::Initiative& initiative) {
  change(Rows::kInitiatives);
  auto inserted = atomically([&]() -> core::Result<net::InitiativeId> {
    auto id = in_network(sq::kInsertInitiative)
                  .bind_int(initiative.id)
                  .bind_int(network_)
                  .bind_columns(kInitiative, initiative, 1)
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
  change(Rows::kInitiatives);
  auto updated = atomically([&]() -> core::Status {
    auto changed = update_row(sq::kUpdateInitiative, kInitiative, initiative, initiative.id);
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

core::Result<std::vector<net::Initiative>> Session::initiatives() {
  return cached(Rows::kInitiatives, -1, [&] { return read_initiatives(kEveryInitiative, {}); });
}

core::Result<std::vector<net::Initiative>> Session::initiatives_in_cycle(net::CycleNumber cycle) {
  return cached(Rows::kInitiatives, cycle, [&] { return read_initiatives(kCycleInitiatives, cycle); });
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
  auto rows = read_rows(rows_query, "initiatives", kInitiative);
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
