#include <string>

#include "row_reader.hpp"
#include "sqlite_session.hpp"

namespace covalue::adapters::sqlite {
namespace {

using core::ErrorKind;
using core::make_error;

core::Error listed_twice(const core::Error& failed, const char* list, std::int64_t initiative) {
  if (failed.kind != ErrorKind::kConflict) {
    return failed;
  }
  return make_error(ErrorKind::kConflict,
                    std::string("the ballot's ") + list + " list initiative " + std::to_string(initiative) + " twice");
}

std::int64_t partner_of(const net::PartnerBallot& ballot) { return ballot.partner; }

}  // namespace

core::Status SqliteSession::write_ballot_lists(const net::PartnerBallot& ballot) {
  std::int64_t position = 0;
  for (const net::BallotEntry& entry : ballot.entries) {
    auto inserted = db_.prepare(
                           "INSERT INTO ballot_entries (cycle, partner_id, initiative_id, position, value) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)")
                        .bind_int(ballot.cycle)
                        .bind_int(ballot.partner)
                        .bind_int(entry.initiative)
                        .bind_int(position++)
                        .bind_rational(entry.value)
                        .run();
    if (!inserted.ok()) {
      return explain(listed_twice(inserted.error(), "entries", entry.initiative), {initiative_ref(entry.initiative)});
    }
  }
  position = 0;
  for (const net::Objection& objection : ballot.objections) {
    auto inserted = db_.prepare(
                           "INSERT INTO ballot_objections (cycle, partner_id, initiative_id, position, reason) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)")
                        .bind_int(ballot.cycle)
                        .bind_int(ballot.partner)
                        .bind_int(objection.initiative)
                        .bind_int(position++)
                        .bind_text(objection.reason)
                        .run();
    if (!inserted.ok()) {
      return explain(listed_twice(inserted.error(), "objections", objection.initiative),
                     {initiative_ref(objection.initiative)});
    }
  }
  return {};
}

core::Status SqliteSession::put_ballot(const net::PartnerBallot& ballot) {
  return atomically([&]() -> core::Status {
    auto deleted = db_.prepare("DELETE FROM ballots WHERE cycle = ?1 AND partner_id = ?2")
                       .bind_int(ballot.cycle)
                       .bind_int(ballot.partner)
                       .run();
    if (!deleted.ok()) {
      return deleted;
    }
    auto inserted = db_.prepare("INSERT INTO ballots (cycle, partner_id, format) VALUES (?1, ?2, ?3)")
                        .bind_int(ballot.cycle)
                        .bind_int(ballot.partner)
                        .bind_text(net::name_of(ballot.format))
                        .run();
    if (!inserted.ok()) {
      return explain(inserted.error(), {cycle_ref(ballot.cycle), partner_ref(ballot.partner)});
    }
    return write_ballot_lists(ballot);
  });
}

core::Result<std::vector<net::PartnerBallot>> SqliteSession::ballots(net::CycleNumber cycle) {
  Statement query = db_.prepare("SELECT cycle, partner_id, format FROM ballots WHERE cycle = ?1 ORDER BY partner_id");
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
  Statement entries = db_.prepare(
      "SELECT partner_id, initiative_id, value FROM ballot_entries WHERE cycle = ?1 ORDER BY partner_id, position");
  entries.bind_int(cycle);
  auto attached = attach_rows(entries, "ballot_entries", *ballots, partner_of, [](auto& ballot, RowReader& row) {
    ballot.entries.push_back(net::BallotEntry{row.integer(1), row.rational(2)});
  });
  Statement objections = db_.prepare(
      "SELECT partner_id, initiative_id, reason FROM ballot_objections WHERE cycle = ?1 ORDER BY partner_id, position");
  objections.bind_int(cycle);
  if (attached.ok()) {
    attached = attach_rows(objections, "ballot_objections", *ballots, partner_of, [](auto& ballot, RowReader& row) {
      ballot.objections.push_back(net::Objection{row.integer(1), row.text(2)});
    });
  }
  if (!attached.ok()) {
    return attached.error();
  }
  return ballots;
}

}  // namespace covalue::adapters::sqlite
