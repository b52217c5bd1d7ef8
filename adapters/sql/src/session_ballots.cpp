#include <string>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

using B = net::PartnerBallot;
constexpr Columns<&B::cycle, &B::partner, &B::format, &B::cast_by> kBallot{};

std::string listed_twice(const char* list, std::int64_t initiative) {
  return std::string("the ballot's ") + list + " list initiative " + std::to_string(initiative) + " twice";
}

std::int64_t partner_of(const net::PartnerBallot& ballot) { return ballot.partner; }

std::vector<Reference> ballot_references(const net::PartnerBallot& ballot) {
  std::vector<Reference> out{cycle_ref(ballot.cycle), partner_ref(ballot.partner)};
  for (const net::BallotEntry& entry : ballot.entries) {
    out.push_back(initiative_ref(entry.initiative));
  }
  for (const net::Objection& objection : ballot.objections) {
    out.push_back(initiative_ref(objection.initiative));
  }
  return out;
}

}  // namespace

core::Status Session::write_ballot_lists(const net::PartnerBallot& ballot) {
  const auto owner = [&](Statement& row, std::int64_t initiative, std::int64_t position) -> Statement& {
    return row.bind_int(ballot.cycle).bind_int(ballot.partner).bind_int(initiative).bind_int(position);
  };
  auto entries = insert_list(
      sq::kInsertBallotEntry, ballot.entries,
      [&](Statement& row, const net::BallotEntry& entry, std::int64_t at) {
        owner(row, entry.initiative, at).bind_rational(entry.value);
      },
      [](const net::BallotEntry& entry) { return listed_twice("entries", entry.initiative); });
  if (!entries.ok()) {
    return entries;
  }
  return insert_list(
      sq::kInsertObjection, ballot.objections,
      [&](Statement& row, const net::Objection& objection, std::int64_t at) {
        owner(row, objection.initiative, at).bind_text(objection.reason);
      },
      [](const net::Objection& objection) { return listed_twice("objections", objection.initiative); });
}

core::Status Session::put_ballot(const net::PartnerBallot& ballot) {
  change(Rows::kBallots);
  auto stored = atomically([&]() -> core::Status {
    // Both may wait for the next round trip: their failures need no words of their own.
    auto deleted = in_network(sq::kDeleteBallot).bind_int(ballot.cycle).bind_int(ballot.partner).run_later();
    if (!deleted.ok()) {
      return deleted;
    }
    auto inserted = in_network(sq::kInsertBallot).bind_columns(kBallot, ballot).run_later();
    return inserted.ok() ? write_ballot_lists(ballot) : inserted;
  });
  return stored.ok() ? stored : core::Status(explain(stored.error(), ballot_references(ballot)));
}

core::Result<std::vector<net::PartnerBallot>> Session::ballots(net::CycleNumber cycle) {
  return cached(Rows::kBallots, cycle, [&]() -> core::Result<std::vector<net::PartnerBallot>> {
    auto ballots = rows(sq::kBallots, "ballots", kBallot, cycle);
    if (!ballots.ok()) {
      return ballots;
    }
    Statement entries = in_network(sq::kBallotEntries);
    entries.bind_int(cycle);
    auto attached = attach_rows(entries, "ballot_entries", *ballots, partner_of, [](auto& ballot, RowReader& row) {
      ballot.entries.push_back(net::BallotEntry{row.integer(1), row.rational(2)});
    });
    if (attached.ok()) {
      Statement objections = in_network(sq::kObjections);
      objections.bind_int(cycle);
      attached = attach_rows(objections, "ballot_objections", *ballots, partner_of, [](auto& ballot, RowReader& row) {
        ballot.objections.push_back(net::Objection{row.integer(1), row.text(2)});
      });
    }
    return attached.ok() ? ballots : attached.error();
  });
}

}  // namespace covalue::adapters::sql
