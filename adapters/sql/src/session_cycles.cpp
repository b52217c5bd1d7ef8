#include <string>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

using C = net::Cycle;
constexpr Columns<&C::number, &C::state, &C::capacity, &C::rule, &C::proposals_close_at, &C::voting_closes_at> kCycle{};

std::int64_t number_of(const net::Cycle& cycle) { return cycle.number; }

}  // namespace

core::Status Session::write_shortlist(const net::Cycle& cycle) {
  return insert_list(
      sq::kInsertShortlisted, cycle.shortlist,
      [&](Statement& row, net::InitiativeId id, std::int64_t position) {
        row.bind_int(cycle.number).bind_int(id).bind_int(position);
      },
      [](net::InitiativeId id) { return "the shortlist lists initiative " + std::to_string(id) + " twice"; });
}

core::Status Session::insert_cycle(const net::Cycle& cycle) {
  change(Rows::kCycles);
  auto last = in_network(sq::kLastCycle).single_int();
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
  return atomically([&]() -> core::Status {
    auto inserted = in_network(sq::kInsertCycle).bind_columns(kCycle, cycle).run_or_defer();
    return inserted.ok() ? write_shortlist(cycle) : inserted;
  });
}

core::Status Session::update_cycle(const net::Cycle& cycle) {
  change(Rows::kCycles);
  return atomically([&]() -> core::Status {
    auto changed =
        one_changed(update_row(sq::kUpdateCycle, kCycle, cycle, cycle.number), net::no_cycle_error(cycle.number, ""));
    if (!changed.ok()) {
      return changed;
    }
    auto same = rows(
        sq::kShortlistOf, "cycle_shortlist", [](RowReader& row) { return row.integer(0); }, cycle.number);
    if (!same.ok() || *same == cycle.shortlist) {
      return same.ok() ? core::Status() : core::Status(same.error());
    }
    if (auto deleted = in_network(sq::kDeleteShortlist).bind_int(cycle.number).run_or_defer(); !deleted.ok()) {
      return deleted;
    }
    return write_shortlist(cycle);
  });
}

core::Result<std::vector<net::Cycle>> Session::cycles() {
  return cached(Rows::kCycles, -1, [&]() -> core::Result<std::vector<net::Cycle>> {
    auto out = rows(sq::kCycles, "cycles", kCycle);
    if (!out.ok()) {
      return out;
    }
    Statement shortlists = in_network(sq::kShortlists);
    auto attached = attach_rows(shortlists, "cycle_shortlist", *out, number_of,
                                [](net::Cycle& to, RowReader& row) { to.shortlist.push_back(row.integer(1)); });
    return attached.ok() ? out : attached.error();
  });
}

}  // namespace covalue::adapters::sql
