#include <algorithm>
#include <charconv>
#include <string>

#include "row_reader.hpp"
#include "sqlite_session.hpp"

namespace covalue::adapters::sqlite {

using core::ErrorKind;
using core::make_error;

namespace {

std::string shortlist_text(const std::vector<net::InitiativeId>& ids) {
  std::string text;
  for (net::InitiativeId id : ids) {
    text += (text.empty() ? "" : ",") + std::to_string(id);
  }
  return text;
}

core::Result<std::vector<net::InitiativeId>> shortlist_of(std::string_view text) {
  std::vector<net::InitiativeId> ids;
  while (!text.empty()) {
    const std::size_t comma = std::min(text.find(','), text.size());
    net::InitiativeId id = 0;
    const std::string_view part = text.substr(0, comma);
    if (std::from_chars(part.data(), part.data() + part.size(), id).ptr != part.data() + part.size() || id < 1) {
      return make_error(ErrorKind::kInternal,
                        "a shortlist is ids separated by commas, got '" + std::string(text) + "'");
    }
    ids.push_back(id);
    text.remove_prefix(std::min(comma + 1, text.size()));
  }
  return ids;
}

}  // namespace

core::Status SqliteSession::insert_cycle(const net::Cycle& cycle) {
  std::int64_t last = 0;
  {
    Statement last_query = db_.prepare("SELECT coalesce(max(number), 0) FROM cycles");
    auto row = last_query.step();
    if (!row.ok()) {
      return row.error();
    }
    last = last_query.int_at(0);
  }
  if (cycle.number >= 1 && cycle.number <= last) {
    return make_error(ErrorKind::kConflict, "cycle " + std::to_string(cycle.number) + " already exists");
  }
  if (cycle.number != last + 1) {
    return make_error(ErrorKind::kConflict,
                      "the next cycle is number " + std::to_string(last + 1) + ", not " + std::to_string(cycle.number));
  }
  return db_.prepare("INSERT INTO cycles (number, state, capacity, rule, shortlist) VALUES (?1, ?2, ?3, ?4, ?5)")
      .bind_int(cycle.number)
      .bind_text(net::name_of(cycle.state))
      .bind_rational(cycle.capacity)
      .bind_text(net::name_of(cycle.rule))
      .bind_text(shortlist_text(cycle.shortlist))
      .run();
}

core::Status SqliteSession::update_cycle(const net::Cycle& cycle) {
  auto updated = db_.prepare("UPDATE cycles SET state = ?1, capacity = ?2, rule = ?3, shortlist = ?4 WHERE number = ?5")
                     .bind_text(net::name_of(cycle.state))
                     .bind_rational(cycle.capacity)
                     .bind_text(net::name_of(cycle.rule))
                     .bind_text(shortlist_text(cycle.shortlist))
                     .bind_int(cycle.number)
                     .run();
  if (!updated.ok()) {
    return updated;
  }
  if (db_.changes() == 0) {
    return net::no_cycle_error(cycle.number, "");
  }
  return {};
}

core::Result<std::vector<net::Cycle>> SqliteSession::cycles() {
  Statement query = db_.prepare("SELECT number, state, capacity, rule, shortlist FROM cycles ORDER BY number");
  return read_rows(query, "cycles", [](RowReader& row) {
    net::Cycle cycle;
    cycle.number = row.integer(0);
    cycle.state = row.name(1, core::parse_name<net::CycleState>);
    cycle.capacity = row.rational(2);
    cycle.rule = row.name(3, core::parse_name<net::SelectionRule>);
    cycle.shortlist = row.name(4, shortlist_of);
    return cycle;
  });
}

}  // namespace covalue::adapters::sqlite
