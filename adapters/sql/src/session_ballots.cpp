#include <string>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace sq = statements;

namespace {

std::string listed_twice(const char* list, std::int64_t initiative) {
  return std::string("the ballot's ") + list + " list initiative " + std::to_string(initiative) + " twice";
}

std::int64_t partner_of(const net::PartnerBallot& ballot) { return ballot.partner; }

std::vector<Reference> references_of(const net::PartnerBallot& ballot) {
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
  std::int64_t position = 0;
  for (const net::BallotEntry& entry : ballot.entries) {
    auto inserted = in_network(sq::kInsertBallotEntry)
                        .bind_int(ballot.cycle)
                        .bind_int(ballot.partner)
                        .bind_int(entry.initiative)
                        .bind_int(position++)
                        .bind_rational(entry.value)
                        .run_or_defer();
    if (!inserted.ok()) {
      return on_conflict(inserted.error(), listed_twice("entries", entry.initiative));
    }
  }
  position = 0;
  for (const net::Objection& objection : ballot.objections) {
    auto inserted = in_network(sq::kInsertObjection)
                        .bind_int(ballot.cycle)
                        .bind_int(ballot.partner)
                        .bind_int(objection.initiative)
                        .bind_int(position++)
                        .bind_text(objection.reason)
                        .run_or_defer();
    if (!inserted.ok()) {
      return on_conflict(inserted.error(), listed_twice("objections", objection.initiative));
    }
  }
  return {};
}

core::Status Session::put_ballot(const net::PartnerBallot& ballot) {
  auto stored = atomically([&]() -> core::Status {
    // Both may wait for the next round trip: their failures need no words of their own.
    auto deleted = in_network(sq::kDeleteBallot).bind_int(ballot.cycle).bind_int(ballot.partner).run_later();
    if (!deleted.ok()) {
      return deleted;
    }
    auto inserted = in_network(sq::kInsertBallot)
                        .bind_int(ballot.cycle)
                        .bind_int(ballot.partner)
                        .bind_text(net::name_of(ballot.format))
                        .run_later();
    return inserted.ok() ? write_ballot_lists(ballot) : inserted;
  });
  return stored.ok() ? stored : core::Status(explain(stored.error(), references_of(ballot)));
}

core::Result<std::vector<net::PartnerBallot>> Session::ballots(net::CycleNumber cycle) {
  Statement query = in_network(sq::kBallots);
  query.bind_int(cycle);
  auto ballots = read_rows(query, "ballots", [](RowReader& row) {
    net::PartnerBallot ballot;
    ballot.cycle = row.integer(0);
    ballot.partner = row.integer(1);
    ballot.format = row.name(2, core::parse_name<net::BallotFormat>);
    return ballot;
  });
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
  if (!attached.ok()) {
    return attached.error();
  }
  return ballots;
}

}  // namespace covalue::adapters::sql
