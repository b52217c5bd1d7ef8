#include <array>
#include <string>
#include <utility>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace sq = statements;

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
  std::int64_t position = 0;
  for (const net::Impact& impact : initiative.impacts) {
    auto inserted = in_network(sq::kInsertImpact)
                        .bind_int(initiative.id)
                        .bind_int(impact.partner)
                        .bind_int(position++)
                        .bind_rational(impact.estimate)
                        .run_or_defer();
    if (!inserted.ok()) {
      return on_conflict(inserted.error(), listed_twice("impacts", "partner", impact.partner));
    }
  }
  position = 0;
  for (const net::ObjectiveId objective : initiative.objectives) {
    auto inserted = in_network(sq::kInsertInitiativeObjective)
                        .bind_int(initiative.id)
                        .bind_int(objective)
                        .bind_int(position++)
                        .run_or_defer();
    if (!inserted.ok()) {
      return on_conflict(inserted.error(), listed_twice("objectives", "objective", objective));
    }
  }
  position = 0;
  for (const auto& [partner, accepted] : leads_of(initiative)) {
    auto inserted = in_network(sq::kInsertVolunteer)
                        .bind_int(initiative.id)
                        .bind_int(partner)
                        .bind_int(position++)
                        .bind_bool(accepted)
                        .run_or_defer();
    if (!inserted.ok()) {
      return on_conflict(inserted.error(), listed_twice("volunteers and nominees", "partner", partner));
    }
  }
  return {};
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
