#include <string>

#include "postgres_session.hpp"
#include "row_reader.hpp"

namespace covalue::adapters::postgres {
namespace {

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

core::Status check_lists(const net::PartnerBallot& ballot) {
  std::vector<std::int64_t> entries;
  for (const net::BallotEntry& entry : ballot.entries) {
    entries.push_back(entry.initiative);
  }
  if (auto twice = unique_ids(entries, "the ballot's entries list initiative"); !twice.ok()) {
    return twice;
  }
  std::vector<std::int64_t> objections;
  for (const net::Objection& objection : ballot.objections) {
    objections.push_back(objection.initiative);
  }
  return unique_ids(objections, "the ballot's objections list initiative");
}

}  // namespace

core::Status PostgresSession::write_ballot_lists(const net::PartnerBallot& ballot) {
  std::vector<std::int64_t> ids;
  std::vector<std::string> texts;
  for (const net::BallotEntry& entry : ballot.entries) {
    ids.push_back(entry.initiative);
    texts.push_back(core::to_string(entry.value));
  }
  if (!ids.empty()) {
    auto inserted = query(
        "INSERT INTO ballot_entries (cycle, partner_id, initiative_id, position, value) "
        "SELECT $1, $2, u.id, u.position - 1, u.value "
        "FROM unnest($3::bigint[], $4::text[]) WITH ORDINALITY AS u (id, value, position)",
        ballot.cycle, ballot.partner, int_array(ids), text_array(texts));
    if (!inserted.ok()) {
      return inserted.error();
    }
  }
  ids.clear();
  texts.clear();
  for (const net::Objection& objection : ballot.objections) {
    ids.push_back(objection.initiative);
    texts.push_back(objection.reason);
  }
  if (ids.empty()) {
    return {};
  }
  auto inserted = query(
      "INSERT INTO ballot_objections (cycle, partner_id, initiative_id, position, reason) "
      "SELECT $1, $2, u.id, u.position - 1, u.reason "
      "FROM unnest($3::bigint[], $4::text[]) WITH ORDINALITY AS u (id, reason, position)",
      ballot.cycle, ballot.partner, int_array(ids), text_array(texts));
  return inserted.ok() ? core::Status() : core::Status(inserted.error());
}

core::Status PostgresSession::put_ballot(const net::PartnerBallot& ballot) {
  if (auto lists = check_lists(ballot); !lists.ok()) {
    return lists;
  }
  auto stored = atomically([&]() -> core::Status {
    auto deleted = query("DELETE FROM ballots WHERE cycle = $1 AND partner_id = $2", ballot.cycle, ballot.partner);
    if (!deleted.ok()) {
      return deleted.error();
    }
    auto inserted = query("INSERT INTO ballots (cycle, partner_id, format) VALUES ($1, $2, $3)", ballot.cycle,
                          ballot.partner, net::name_of(ballot.format));
    return inserted.ok() ? write_ballot_lists(ballot) : core::Status(inserted.error());
  });
  return stored.ok() ? stored : core::Status(explain(stored.error(), references_of(ballot)));
}

core::Result<std::vector<net::PartnerBallot>> PostgresSession::ballots(net::CycleNumber cycle) {
  auto rows = query("SELECT cycle, partner_id, format FROM ballots WHERE cycle = $1 ORDER BY partner_id", cycle);
  auto entries = query(
      "SELECT partner_id, initiative_id, value FROM ballot_entries WHERE cycle = $1 ORDER BY partner_id, position",
      cycle);
  auto objections = query(
      "SELECT partner_id, initiative_id, reason FROM ballot_objections WHERE cycle = $1 ORDER BY partner_id, position",
      cycle);
  for (const auto* part : {&rows, &entries, &objections}) {
    if (!part->ok()) {
      return part->error();
    }
  }
  auto out = read_rows(*rows, "ballots", [](RowReader& row) {
    net::PartnerBallot ballot;
    ballot.cycle = row.integer(0);
    ballot.partner = row.integer(1);
    ballot.format = row.name<net::BallotFormat>(2, core::parse_name<net::BallotFormat>);
    return ballot;
  });
  if (!out.ok()) {
    return out;
  }
  auto attached = attach_rows(*entries, "ballot_entries", *out, partner_of, [](auto& ballot, RowReader& row) {
    ballot.entries.push_back(net::BallotEntry{row.integer(1), row.rational(2)});
  });
  if (attached.ok()) {
    attached = attach_rows(*objections, "ballot_objections", *out, partner_of, [](auto& ballot, RowReader& row) {
      ballot.objections.push_back(net::Objection{row.integer(1), row.text(2)});
    });
  }
  if (!attached.ok()) {
    return attached.error();
  }
  return out;
}

}  // namespace covalue::adapters::postgres
