#include <string>

#include "session_common.hpp"

namespace covalue::adapters::sql {

using core::ErrorKind;
using core::make_error;
namespace sq = statements;

namespace {

std::int64_t number_of(const net::Cycle& cycle) { return cycle.number; }

}  // namespace

core::Status Session::write_shortlist(const net::Cycle& cycle) {
  std::int64_t position = 0;
  for (const net::InitiativeId id : cycle.shortlist) {
    auto inserted =
        in_network(sq::kInsertShortlisted).bind_int(cycle.number).bind_int(id).bind_int(position++).run_or_defer();
    if (!inserted.ok()) {
      return on_conflict(inserted.error(), "the shortlist lists initiative " + std::to_string(id) + " twice");
    }
  }
  return {};
}

core::Status Session::insert_cycle(const net::Cycle& cycle) {
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
    auto inserted = in_network(sq::kInsertCycle)
                        .bind_int(cycle.number)
                        .bind_text(net::name_of(cycle.state))
                        .bind_rational(cycle.capacity)
                        .bind_text(net::name_of(cycle.rule))
                        .bind_text(cycle.proposals_close_at)
                        .bind_text(cycle.voting_closes_at)
                        .run_or_defer();
    return inserted.ok() ? write_shortlist(cycle) : inserted;
  });
}

core::Status Session::update_cycle(const net::Cycle& cycle) {
  return atomically([&]() -> core::Status {
    auto changed = db_.prepare(sq::kUpdateCycle)
                       .bind_text(net::name_of(cycle.state))
                       .bind_rational(cycle.capacity)
                       .bind_text(net::name_of(cycle.rule))
                       .bind_text(cycle.proposals_close_at)
                       .bind_text(cycle.voting_closes_at)
                       .bind_int(network_)
                       .bind_int(cycle.number)
                       .changed();
    if (!changed.ok()) {
      return changed.error();
    }
    if (*changed == 0) {
      return net::no_cycle_error(cycle.number, "");
    }
    Statement stored = in_network(sq::kShortlistOf);
    stored.bind_int(cycle.number);
    auto same = read_rows(stored, "cycle_shortlist", [](RowReader& row) { return row.integer(0); });
    if (!same.ok()) {
      return same.error();
    }
    if (*same == cycle.shortlist) {
      return {};
    }
    if (auto deleted = in_network(sq::kDeleteShortlist).bind_int(cycle.number).run_or_defer(); !deleted.ok()) {
      return deleted;
    }
    return write_shortlist(cycle);
  });
}

core::Result<std::vector<net::Cycle>> Session::cycles() {
  Statement query = in_network(sq::kCycles);
  auto out = read_rows(query, "cycles", [](RowReader& row) {
    net::Cycle cycle;
    cycle.number = row.integer(0);
    cycle.state = row.name(1, core::parse_name<net::CycleState>);
    cycle.capacity = row.rational(2);
    cycle.rule = row.name(3, core::parse_name<net::SelectionRule>);
    cycle.proposals_close_at = row.text(4);
    cycle.voting_closes_at = row.text(5);
    return cycle;
  });
  if (!out.ok()) {
    return out;
  }
  Statement shortlists = in_network(sq::kShortlists);
  auto attached = attach_rows(shortlists, "cycle_shortlist", *out, number_of,
                              [](net::Cycle& to, RowReader& row) { to.shortlist.push_back(row.integer(1)); });
  if (!attached.ok()) {
    return attached.error();
  }
  return out;
}

}  // namespace covalue::adapters::sql
