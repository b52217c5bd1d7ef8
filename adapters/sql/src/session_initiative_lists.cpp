#include <array>
#include <string>
#include <utility>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

std::string listed_twice(const char* list, const char* what, std::int64_t id) {
  return std::string("the ") + list + " list " + what + " " + std::to_string(id) + " twice";
}

// True when the rows of `query` (one initiative's list, by position) match `items` one by one.
template <typename Item, typename Same>
core::Result<bool> rows_match(Statement& query, const std::vector<Item>& items, Same same) {
  std::size_t at = 0;
  for (;;) {
    auto row = query.step();
    if (!row.ok()) {
      return row.error();
    }
    if (!*row) {
      return at == items.size();
    }
    if (at == items.size() || !same(query, items[at])) {
      return false;
    }
    ++at;
  }
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
      [](const net::Impact& impact) { return listed_twice("impacts", "partner", impact.partner); });
  if (!impacts.ok()) {
    return impacts;
  }
  auto objectives = insert_list(
      sq::kInsertInitiativeObjective, initiative.objectives,
      [&](Statement& row, net::ObjectiveId objective, std::int64_t position) {
        row.bind_int(initiative.id).bind_int(objective).bind_int(position);
      },
      [](net::ObjectiveId objective) { return listed_twice("objectives", "objective", objective); });
  if (!objectives.ok()) {
    return objectives;
  }
  return insert_list(
      sq::kInsertVolunteer, leads_of(initiative),
      [&](Statement& row, const std::pair<net::PartnerId, bool>& lead, std::int64_t position) {
        row.bind_int(initiative.id).bind_int(lead.first).bind_int(position).bind_bool(lead.second);
      },
      [](const std::pair<net::PartnerId, bool>& lead) {
        return listed_twice("volunteers and nominees", "partner", lead.first);
      });
}

core::Result<bool> Session::initiative_lists_stored(const net::Initiative& initiative) {
  Statement impacts = in_network(sq::kImpactsOf);
  impacts.bind_int(initiative.id);
  auto same = rows_match(impacts, initiative.impacts, [](const Statement& row, const net::Impact& impact) {
    return row.int_at(0) == impact.partner && row.text_at(1) == core::to_string(impact.estimate);
  });
  if (!same.ok() || !*same) {
    return same;
  }
  Statement objectives = in_network(sq::kObjectivesOf);
  objectives.bind_int(initiative.id);
  same = rows_match(objectives, initiative.objectives,
                    [](const Statement& row, std::int64_t id) { return row.int_at(0) == id; });
  if (!same.ok() || !*same) {
    return same;
  }
  Statement volunteers = in_network(sq::kVolunteersOf);
  volunteers.bind_int(initiative.id);
  return rows_match(volunteers, leads_of(initiative), [](const Statement& row, const auto& lead) {
    return row.int_at(0) == lead.first && row.bool_at(1) == lead.second;
  });
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
