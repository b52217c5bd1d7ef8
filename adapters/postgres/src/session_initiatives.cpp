#include <string>
#include <string_view>

#include "postgres_session.hpp"
#include "row_reader.hpp"

namespace covalue::adapters::postgres {
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

std::vector<std::int64_t> impact_partners(const net::Initiative& initiative) {
  std::vector<std::int64_t> out;
  out.reserve(initiative.impacts.size());
  for (const net::Impact& impact : initiative.impacts) {
    out.push_back(impact.partner);
  }
  return out;
}

// The partners offering to lead (volunteers, accepted) then those named by a coordinator (nominees), as
// stored: one list, with whether each one accepted.
std::vector<std::int64_t> lead_partners(const net::Initiative& initiative) {
  std::vector<std::int64_t> out = initiative.volunteers;
  out.insert(out.end(), initiative.nominees.begin(), initiative.nominees.end());
  return out;
}

std::vector<bool> lead_acceptance(const net::Initiative& initiative) {
  std::vector<bool> out(initiative.volunteers.size(), true);
  out.resize(initiative.volunteers.size() + initiative.nominees.size(), false);
  return out;
}

// Every row an initiative points at, in the order a failure should name them.
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
  for (const net::PartnerId volunteer : lead_partners(initiative)) {
    out.push_back(partner_ref(volunteer));
  }
  return out;
}

// A list that names a row twice is a conflict, found before anything is written.
core::Status check_lists(const net::Initiative& initiative) {
  if (auto impacts = unique_ids(impact_partners(initiative), "the impacts list partner"); !impacts.ok()) {
    return impacts;
  }
  if (auto objectives = unique_ids(initiative.objectives, "the objectives list objective"); !objectives.ok()) {
    return objectives;
  }
  return unique_ids(lead_partners(initiative), "the volunteers and nominees list partner");
}

}  // namespace

//! The queries reading initiatives and their lists: of every initiative, or of one cycle's ($1).
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
    "WHERE cycle = $1 ORDER BY id",
    "SELECT initiative_id, partner_id, estimate FROM initiative_impacts WHERE initiative_id IN "
    "(SELECT id FROM initiatives WHERE cycle = $1) ORDER BY initiative_id, position",
    "SELECT initiative_id, objective_id FROM initiative_objectives WHERE initiative_id IN "
    "(SELECT id FROM initiatives WHERE cycle = $1) ORDER BY initiative_id, position",
    "SELECT initiative_id, partner_id, accepted FROM initiative_volunteers WHERE initiative_id IN "
    "(SELECT id FROM initiatives WHERE cycle = $1) ORDER BY initiative_id, position"};

core::Status PostgresSession::write_initiative_lists(const net::Initiative& initiative) {
  if (!initiative.impacts.empty()) {
    std::vector<std::string> estimates;
    for (const net::Impact& impact : initiative.impacts) {
      estimates.push_back(core::to_string(impact.estimate));
    }
    auto inserted = query(
        "INSERT INTO initiative_impacts (initiative_id, partner_id, position, estimate) "
        "SELECT $1, u.partner_id, u.position - 1, u.estimate "
        "FROM unnest($2::bigint[], $3::text[]) WITH ORDINALITY AS u (partner_id, estimate, position)",
        initiative.id, int_array(impact_partners(initiative)), text_array(estimates));
    if (!inserted.ok()) {
      return inserted.error();
    }
  }
  if (!initiative.objectives.empty()) {
    auto inserted = query(
        "INSERT INTO initiative_objectives (initiative_id, objective_id, position) "
        "SELECT $1, u.id, u.position - 1 FROM unnest($2::bigint[]) WITH ORDINALITY AS u (id, position)",
        initiative.id, int_array(initiative.objectives));
    if (!inserted.ok()) {
      return inserted.error();
    }
  }
  if (!initiative.volunteers.empty() || !initiative.nominees.empty()) {
    auto inserted = query(
        "INSERT INTO initiative_volunteers (initiative_id, partner_id, position, accepted) "
        "SELECT $1, u.id, u.position - 1, u.accepted "
        "FROM unnest($2::bigint[], $3::boolean[]) WITH ORDINALITY AS u (id, accepted, position)",
        initiative.id, int_array(lead_partners(initiative)), bool_array(lead_acceptance(initiative)));
    if (!inserted.ok()) {
      return inserted.error();
    }
  }
  return {};
}

core::Status PostgresSession::replace_initiative_lists(const net::Initiative& initiative) {
  std::vector<std::string> estimates;
  for (const net::Impact& impact : initiative.impacts) {
    estimates.push_back(core::to_string(impact.estimate));
  }
  // One round trip tells whether the stored lists are the same (a status change, say).
  auto same = query(
      "SELECT (SELECT coalesce(array_agg(partner_id ORDER BY position), '{}') FROM initiative_impacts "
      "WHERE initiative_id = $1) = $2::bigint[] "
      "AND (SELECT coalesce(array_agg(estimate ORDER BY position), '{}') FROM initiative_impacts "
      "WHERE initiative_id = $1) = $3::text[] "
      "AND (SELECT coalesce(array_agg(objective_id ORDER BY position), '{}') FROM initiative_objectives "
      "WHERE initiative_id = $1) = $4::bigint[] "
      "AND (SELECT coalesce(array_agg(partner_id ORDER BY position), '{}') FROM initiative_volunteers "
      "WHERE initiative_id = $1) = $5::bigint[] "
      "AND (SELECT coalesce(array_agg(accepted ORDER BY position), '{}') FROM initiative_volunteers "
      "WHERE initiative_id = $1) = $6::boolean[]",
      initiative.id, int_array(impact_partners(initiative)), text_array(estimates), int_array(initiative.objectives),
      int_array(lead_partners(initiative)), bool_array(lead_acceptance(initiative)));
  if (!same.ok()) {
    return same.error();
  }
  if (std::string_view((*same)[0][0].c_str()) == "t") {
    return {};
  }
  for (const char* sql : {"DELETE FROM initiative_impacts WHERE initiative_id = $1",
                          "DELETE FROM initiative_objectives WHERE initiative_id = $1",
                          "DELETE FROM initiative_volunteers WHERE initiative_id = $1"}) {
    if (auto deleted = query(sql, initiative.id); !deleted.ok()) {
      return deleted.error();
    }
  }
  return write_initiative_lists(initiative);
}

core::Result<net::InitiativeId> PostgresSession::insert_initiative(const net::Initiative& initiative) {
  if (auto lists = check_lists(initiative); !lists.ok()) {
    return lists.error();
  }
  auto inserted = atomically([&]() -> core::Result<net::InitiativeId> {
    auto id = single(
        "INSERT INTO initiatives (title, description, channel, proposer_id, cost, status, cycle, lead_id) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        initiative.title, initiative.description, net::name_of(initiative.channel), initiative.proposer,
        initiative.cost, net::name_of(initiative.status), initiative.cycle, initiative.lead);
    if (!id.ok()) {
      return title_taken(id.error(), initiative.title);
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

core::Status PostgresSession::update_initiative(const net::Initiative& initiative) {
  if (auto lists = check_lists(initiative); !lists.ok()) {
    return lists;
  }
  auto updated = atomically([&]() -> core::Status {
    auto changed = change(
        "UPDATE initiatives SET title = $1, description = $2, channel = $3, proposer_id = $4, cost = $5, "
        "status = $6, cycle = $7, lead_id = $8 WHERE id = $9",
        initiative.title, initiative.description, net::name_of(initiative.channel), initiative.proposer,
        initiative.cost, net::name_of(initiative.status), initiative.cycle, initiative.lead, initiative.id);
    if (!changed.ok()) {
      return title_taken(changed.error(), initiative.title);
    }
    if (*changed == 0) {
      return make_error(ErrorKind::kNotFound, "no initiative with id " + std::to_string(initiative.id));
    }
    return replace_initiative_lists(initiative);
  });
  if (!updated.ok()) {
    return explain(updated.error(), references_of(initiative));
  }
  return {};
}

core::Result<std::vector<net::Initiative>> PostgresSession::initiatives() {
  return read_initiatives(kEveryInitiative, std::nullopt);
}

core::Result<std::vector<net::Initiative>> PostgresSession::initiatives_in_cycle(net::CycleNumber cycle) {
  return read_initiatives(kCycleInitiatives, cycle);
}

core::Result<pqxx::result> PostgresSession::query_for(const char* sql, std::optional<net::CycleNumber> cycle) {
  return cycle ? query(sql, *cycle) : query(sql);
}

core::Result<std::vector<net::Initiative>> PostgresSession::read_initiatives(const InitiativeQueries& queries,
                                                                             std::optional<net::CycleNumber> cycle) {
  auto rows = query_for(queries.rows, cycle);
  if (!rows.ok()) {
    return rows.error();
  }
  auto out = read_rows(*rows, "initiatives", [](RowReader& row) {
    net::Initiative initiative;
    initiative.id = row.integer(0);
    initiative.title = row.text(1);
    initiative.description = row.text(2);
    initiative.channel = row.name<net::Channel>(3, core::parse_name<net::Channel>);
    initiative.proposer = row.integer(4);
    initiative.cost = row.rational(5);
    initiative.status = row.name<net::InitiativeStatus>(6, core::parse_name<net::InitiativeStatus>);
    initiative.cycle = row.integer(7);
    initiative.lead = row.optional_integer(8);
    return initiative;
  });
  if (!out.ok()) {
    return out;
  }
  auto impacts = query_for(queries.impacts, cycle);
  auto objectives = query_for(queries.objectives, cycle);
  auto volunteers = query_for(queries.volunteers, cycle);
  for (const auto* part : {&impacts, &objectives, &volunteers}) {
    if (!part->ok()) {
      return part->error();
    }
  }
  core::Status attached =
      attach_rows(*impacts, "initiative_impacts", *out, initiative_id, [](net::Initiative& to, RowReader& row) {
        to.impacts.push_back(net::Impact{row.integer(1), row.rational(2)});
      });
  if (attached.ok()) {
    attached = attach_rows(*objectives, "initiative_objectives", *out, initiative_id,
                           [](net::Initiative& to, RowReader& row) { to.objectives.push_back(row.integer(1)); });
  }
  if (attached.ok()) {
    attached =
        attach_rows(*volunteers, "initiative_volunteers", *out, initiative_id, [](net::Initiative& to, RowReader& row) {
          (row.boolean(2) ? to.volunteers : to.nominees).push_back(row.integer(1));
        });
  }
  if (!attached.ok()) {
    return attached.error();
  }
  return out;
}

}  // namespace covalue::adapters::postgres
