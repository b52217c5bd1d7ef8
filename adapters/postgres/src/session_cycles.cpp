#include <string>

#include "postgres_session.hpp"
#include "row_reader.hpp"

namespace covalue::adapters::postgres {
namespace {

using core::ErrorKind;
using core::make_error;

std::int64_t number_of(const net::Cycle& cycle) { return cycle.number; }

}  // namespace

core::Status PostgresSession::write_shortlist(const net::Cycle& cycle) {
  if (cycle.shortlist.empty()) {
    return {};
  }
  auto inserted = query(
      "INSERT INTO cycle_shortlist (cycle, initiative_id, position) "
      "SELECT $1, u.id, u.position - 1 FROM unnest($2::bigint[]) WITH ORDINALITY AS u (id, position)",
      cycle.number, int_array(cycle.shortlist));
  return inserted.ok() ? core::Status() : core::Status(inserted.error());
}

core::Status PostgresSession::insert_cycle(const net::Cycle& cycle) {
  auto last = single("SELECT coalesce(max(number), 0) FROM cycles");
  if (!last.ok()) {
    return last.error();
  }
  if (cycle.number >= 1 && cycle.number <= *last) {
    return make_error(ErrorKind::kConflict, "cycle " + std::to_string(cycle.number) + " already exists");
  }
  if (cycle.number != *last + 1) {
    return make_error(ErrorKind::kConflict, "the next cycle is number " + std::to_string(*last + 1) + ", not " +
                                                std::to_string(cycle.number));
  }
  if (auto twice = unique_ids(cycle.shortlist, "the shortlist lists initiative"); !twice.ok()) {
    return twice;
  }
  auto inserted = atomically([&]() -> core::Status {
    auto row = query("INSERT INTO cycles (number, state, capacity, rule) VALUES ($1, $2, $3, $4)", cycle.number,
                     net::name_of(cycle.state), cycle.capacity, net::name_of(cycle.rule));
    return row.ok() ? write_shortlist(cycle) : core::Status(row.error());
  });
  return inserted;
}

core::Status PostgresSession::update_cycle(const net::Cycle& cycle) {
  if (auto twice = unique_ids(cycle.shortlist, "the shortlist lists initiative"); !twice.ok()) {
    return twice;
  }
  auto updated = atomically([&]() -> core::Status {
    auto changed = change("UPDATE cycles SET state = $1, capacity = $2, rule = $3 WHERE number = $4",
                          net::name_of(cycle.state), cycle.capacity, net::name_of(cycle.rule), cycle.number);
    if (!changed.ok()) {
      return changed.error();
    }
    if (*changed == 0) {
      return net::no_cycle_error(cycle.number, "");
    }
    if (auto deleted = query("DELETE FROM cycle_shortlist WHERE cycle = $1", cycle.number); !deleted.ok()) {
      return deleted.error();
    }
    return write_shortlist(cycle);
  });
  return updated;
}

core::Result<std::vector<net::Cycle>> PostgresSession::cycles() {
  auto rows = query("SELECT number, state, capacity, rule FROM cycles ORDER BY number");
  if (!rows.ok()) {
    return rows.error();
  }
  auto out = read_rows(*rows, "cycles", [](RowReader& row) {
    net::Cycle cycle;
    cycle.number = row.integer(0);
    cycle.state = row.name<net::CycleState>(1, core::parse_name<net::CycleState>);
    cycle.capacity = row.rational(2);
    cycle.rule = row.name<net::SelectionRule>(3, core::parse_name<net::SelectionRule>);
    return cycle;
  });
  if (!out.ok()) {
    return out;
  }
  auto shortlists = query("SELECT cycle, initiative_id FROM cycle_shortlist ORDER BY cycle, position");
  if (!shortlists.ok()) {
    return shortlists.error();
  }
  auto attached = attach_rows(*shortlists, "cycle_shortlist", *out, number_of,
                              [](net::Cycle& to, RowReader& row) { to.shortlist.push_back(row.integer(1)); });
  if (!attached.ok()) {
    return attached.error();
  }
  return out;
}

}  // namespace covalue::adapters::postgres
