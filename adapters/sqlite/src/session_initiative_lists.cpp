#include <array>
#include <string>
#include <utility>

#include "sqlite_session.hpp"

namespace covalue::adapters::sqlite {
namespace {

using core::ErrorKind;
using core::make_error;

core::Error listed_twice(const core::Error& failed, const char* list, const char* what, std::int64_t id) {
  if (failed.kind != ErrorKind::kConflict) {
    return failed;
  }
  return make_error(ErrorKind::kConflict,
                    std::string("the ") + list + " list " + what + " " + std::to_string(id) + " twice");
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
std::array<std::pair<const std::vector<net::PartnerId>*, bool>, 2> volunteer_lists(const net::Initiative& initiative) {
  return {{{&initiative.volunteers, true}, {&initiative.nominees, false}}};
}

}  // namespace

core::Status SqliteSession::write_initiative_lists(const net::Initiative& initiative) {
  std::int64_t position = 0;
  for (const net::Impact& impact : initiative.impacts) {
    auto inserted = db_.prepare(
                           "INSERT INTO initiative_impacts (initiative_id, partner_id, position, estimate) "
                           "VALUES (?1, ?2, ?3, ?4)")
                        .bind_int(initiative.id)
                        .bind_int(impact.partner)
                        .bind_int(position++)
                        .bind_rational(impact.estimate)
                        .run();
    if (!inserted.ok()) {
      return explain(listed_twice(inserted.error(), "impacts", "partner", impact.partner),
                     {partner_ref(impact.partner)});
    }
  }
  position = 0;
  for (const net::ObjectiveId objective : initiative.objectives) {
    auto inserted =
        db_.prepare("INSERT INTO initiative_objectives (initiative_id, objective_id, position) VALUES (?1, ?2, ?3)")
            .bind_int(initiative.id)
            .bind_int(objective)
            .bind_int(position++)
            .run();
    if (!inserted.ok()) {
      return explain(listed_twice(inserted.error(), "objectives", "objective", objective), {objective_ref(objective)});
    }
  }
  position = 0;
  for (const auto& [list, accepted] : volunteer_lists(initiative)) {
    for (const net::PartnerId volunteer : *list) {
      auto inserted = db_.prepare(
                             "INSERT INTO initiative_volunteers (initiative_id, partner_id, position, accepted) "
                             "VALUES (?1, ?2, ?3, ?4)")
                          .bind_int(initiative.id)
                          .bind_int(volunteer)
                          .bind_int(position++)
                          .bind_int(accepted ? 1 : 0)
                          .run();
      if (!inserted.ok()) {
        return explain(listed_twice(inserted.error(), "volunteers and nominees", "partner", volunteer),
                       {partner_ref(volunteer)});
      }
    }
  }
  return {};
}

core::Result<bool> SqliteSession::initiative_lists_stored(const net::Initiative& initiative) {
  Statement impacts =
      db_.prepare("SELECT partner_id, estimate FROM initiative_impacts WHERE initiative_id = ?1 ORDER BY position");
  impacts.bind_int(initiative.id);
  auto same = rows_match(impacts, initiative.impacts, [](const Statement& row, const net::Impact& impact) {
    return row.int_at(0) == impact.partner && row.text_at(1) == core::to_string(impact.estimate);
  });
  if (!same.ok() || !*same) {
    return same;
  }
  const auto same_id = [](const Statement& row, std::int64_t id) { return row.int_at(0) == id; };
  Statement objectives =
      db_.prepare("SELECT objective_id FROM initiative_objectives WHERE initiative_id = ?1 ORDER BY position");
  objectives.bind_int(initiative.id);
  same = rows_match(objectives, initiative.objectives, same_id);
  if (!same.ok() || !*same) {
    return same;
  }
  Statement volunteers =
      db_.prepare("SELECT partner_id, accepted FROM initiative_volunteers WHERE initiative_id = ?1 ORDER BY position");
  volunteers.bind_int(initiative.id);
  std::vector<std::pair<net::PartnerId, bool>> leads;
  for (const auto& [list, accepted] : volunteer_lists(initiative)) {
    for (const net::PartnerId partner : *list) {
      leads.emplace_back(partner, accepted);
    }
  }
  return rows_match(volunteers, leads, [](const Statement& row, const std::pair<net::PartnerId, bool>& lead) {
    return row.int_at(0) == lead.first && (row.int_at(1) != 0) == lead.second;
  });
}

core::Status SqliteSession::replace_initiative_lists(const net::Initiative& initiative) {
  auto stored = initiative_lists_stored(initiative);
  if (!stored.ok() || *stored) {
    return stored.ok() ? core::Status() : core::Status(stored.error());
  }
  for (const char* sql : {"DELETE FROM initiative_impacts WHERE initiative_id = ?1",
                          "DELETE FROM initiative_objectives WHERE initiative_id = ?1",
                          "DELETE FROM initiative_volunteers WHERE initiative_id = ?1"}) {
    if (auto deleted = db_.prepare(sql).bind_int(initiative.id).run(); !deleted.ok()) {
      return deleted;
    }
  }
  return write_initiative_lists(initiative);
}

}  // namespace covalue::adapters::sqlite
