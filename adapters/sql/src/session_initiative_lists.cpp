#include <string>
#include <utility>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

std::string listed_twice_in(const char* list, const char* what, std::int64_t id) {
  return std::string("the ") + list + " list " + what + " " + std::to_string(id) + " twice";
}

// The partners offering to lead (accepted) and those named by a coordinator (not yet), in stored order.
std::vector<std::pair<net::PartnerId, bool>> leads_of(const net::Initiative& initiative) {
  std::vector<std::pair<net::PartnerId, bool>> leads;
  for (const net::PartnerId partner : initiative.volunteers) {
    leads.emplace_back(partner, true);
  }
  for (const net::PartnerId partner : initiative.nominees) {
    leads.emplace_back(partner, false);
  }
  return leads;
}

}  // namespace

core::Status Session::write_initiative_lists(const net::Initiative& initiative) {
  auto impacts = insert_list(
      sq::kInsertImpact, initiative.impacts,
      [&](Statement& row, const net::Impact& impact, std::int64_t position) {
        row.bind_int(initiative.id).bind_int(impact.partner).bind_int(position).bind_rational(impact.estimate);
      },
      [](const net::Impact& impact) { return listed_twice_in("impacts", "partner", impact.partner); });
  if (!impacts.ok()) {
    return impacts;
  }
  auto objectives = insert_list(
      sq::kInsertInitiativeObjective, initiative.objectives,
      [&](Statement& row, net::ObjectiveId objective, std::int64_t position) {
        row.bind_int(initiative.id).bind_int(objective).bind_int(position);
      },
      [](net::ObjectiveId objective) { return listed_twice_in("objectives", "objective", objective); });
  if (!objectives.ok()) {
    return objectives;
  }
  return insert_list(
      sq::kInsertVolunteer, leads_of(initiative),
      [&](Statement& row, const std::pair<net::PartnerId, bool>& lead, std::int64_t position) {
        row.bind_int(initiative.id).bind_int(lead.first).bind_int(position).bind_bool(lead.second);
      },
      [](const std::pair<net::PartnerId, bool>& lead) {
        return listed_twice_in("volunteers and nominees", "partner", lead.first);
      });
}

core::Result<bool> Session::initiative_lists_stored(const net::Initiative& initiative) {
  auto impacts = rows(
      sq::kImpactsOf, "initiative_impacts",
      [](RowReader& row) {
        return net::Impact{row.integer(0), row.rational(1)};
      },
      initiative.id);
  if (!impacts.ok() || *impacts != initiative.impacts) {
    return impacts.ok() ? core::Result<bool>(false) : impacts.error();
  }
  auto objectives = rows(
      sq::kObjectivesOf, "initiative_objectives", [](RowReader& row) { return row.integer(0); }, initiative.id);
  if (!objectives.ok() || *objectives != initiative.objectives) {
    return objectives.ok() ? core::Result<bool>(false) : objectives.error();
  }
  auto leads = rows(
      sq::kVolunteersOf, "initiative_volunteers",
      [](RowReader& row) { return std::pair(row.integer(0), row.boolean(1)); }, initiative.id);
  return leads.ok() ? core::Result<bool>(*leads == leads_of(initiative)) : leads.error();
}

core::Status Session::replace_initiative_lists(const net::Initiative& initiative) {
  auto stored = initiative_lists_stored(initiative);
  if (!stored.ok() || *stored) {
    return stored.ok() ? core::Status() : core::Status(stored.error());
  }
  for (const char* sql : {sq::kDeleteImpacts, sq::kDeleteInitiativeObjectives, sq::kDeleteVolunteers}) {
    if (auto deleted = in_network(sql).bind_int(initiative.id).run_or_defer(); !deleted.ok()) {
      return deleted;
    }
  }
  return write_initiative_lists(initiative);
}

}  // namespace covalue::adapters::sql
