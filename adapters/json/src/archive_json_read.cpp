// The archive's decoder (archive_json.hpp): the API's decoders for what they read, the archive's own
// members (ids, states, hashes) read here; every error names the JSON path at fault.
#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "archive_shape.hpp"
#include "covalue/adapters/json/archive_json.hpp"
#include "covalue/adapters/json/cycle_outcome_json.hpp"
#include "covalue/adapters/json/json_text.hpp"
#include "covalue/adapters/json/program_json.hpp"
#include "covalue/core/text.hpp"
#include "covalue/program/utc_time.hpp"
#include "json_fields.hpp"

namespace covalue::adapters::json {
namespace {

using core::ErrorKind;
using core::make_error;
using nlohmann::json;
namespace net = core::network;

//! `node` without the members `keys` (which the caller reads itself), for a decoder that refuses them.
json without(const json& node, std::initializer_list<const char*> keys) {
  if (!node.is_object()) {
    return node;
  }
  json copy = node;
  for (const char* key : keys) {
    copy.erase(key);
  }
  return copy;
}

//! Records the status's error in `reader` when it failed.
void check(FieldReader& reader, const core::Status& status) {
  if (!status) {
    reader.fail(status.error());
  }
}

//! A deadline member: absent or null for none, else a UTC time (program::parse_utc), kept in its
//! canonical form.
std::string optional_moment(FieldReader& reader, const json& node, const std::string& path, const char* key) {
  if (!node.is_object() || !node.contains(key) || node.at(key).is_null()) {
    return {};
  }
  const std::string text = reader.text(key);
  if (!reader.ok()) {
    return {};
  }
  core::Result<program::UtcSeconds> moment = program::parse_utc(text, path + "." + key);
  if (!moment) {
    reader.fail(moment.error());
    return {};
  }
  return program::format_utc(*moment);
}

//! Copies the error of `value` into `reader`, or returns the value.
template <typename T>
T take(FieldReader& reader, core::Result<T> value) {
  if (!value) {
    reader.fail(value.error());
    return T{};
  }
  return std::move(*value);
}

core::Result<net::Partner> partner_from_json(const json& node, const std::string& path) {
  FieldReader reader(node, path);
  check(reader, reject_unknown_members(node, path, {"id", "name", "tier", "joined_cycle", "left_cycle"}));
  net::Partner partner;
  partner.id = reader.integer("id");
  partner.name = reader.text("name");
  partner.tier = reader.name("tier", core::parse_name<net::Tier>);
  partner.joined_cycle = reader.integer("joined_cycle");
  partner.left_cycle = reader.optional_integer("left_cycle");
  return reader.finish(std::move(partner));
}

core::Result<net::Objective> archived_objective(const json& node, const std::string& path) {
  FieldReader reader(node, path);
  const std::int64_t id = reader.integer("id");
  net::Objective objective = take(reader, objective_from_json(without(node, {"id"}), path));
  objective.id = id;
  return reader.finish(std::move(objective));
}

core::Result<net::Initiative> archived_initiative(const json& node, const std::string& path) {
  FieldReader reader(node, path);
  const std::int64_t id = reader.integer("id");
  // network_value and undecided are derived from the rest: written for people, not read.
  net::Initiative initiative = take(
      reader, initiative_from_json(
                  without(node, {"id", "status", "cycle", "lead", "nominees", "network_value", "undecided"}), path));
  initiative.id = id;
  initiative.status = reader.name("status", core::parse_name<net::InitiativeStatus>);
  initiative.cycle = reader.integer("cycle");
  initiative.lead = reader.optional_integer("lead");
  initiative.nominees = reader.ids("nominees");
  return reader.finish(std::move(initiative));
}

core::Result<net::Cycle> cycle_from_json(const json& node, const std::string& path) {
  FieldReader reader(node, path);
  check(reader, reject_unknown_members(
                    node, path,
                    {"number", "state", "capacity", "rule", "shortlist", "proposals_close_at", "voting_closes_at"}));
  net::Cycle cycle;
  cycle.number = reader.integer("number");
  cycle.state = reader.name("state", core::parse_name<net::CycleState>);
  cycle.capacity = reader.rational("capacity");
  cycle.rule = reader.name("rule", core::parse_name<net::SelectionRule>);
  cycle.shortlist = reader.ids("shortlist");
  cycle.proposals_close_at = optional_moment(reader, node, path, "proposals_close_at");
  cycle.voting_closes_at = optional_moment(reader, node, path, "voting_closes_at");
  return reader.finish(std::move(cycle));
}

core::Result<net::PartnerBallot> archived_ballot(const json& node, const std::string& path) {
  FieldReader reader(node, path);
  const net::CycleNumber cycle = reader.integer("cycle");
  const net::PartnerId partner = reader.integer("partner");
  const std::int64_t cast_by = reader.optional_integer("cast_by").value_or(0);
  net::PartnerBallot ballot = take(reader, ballot_from_json(without(node, {"cycle", "partner", "cast_by"}), path));
  ballot.cycle = cycle;
  ballot.partner = partner;
  ballot.cast_by = cast_by;
  return reader.finish(std::move(ballot));
}

//! An outcome record; its decoder names paths from its own root ("$.partners[2]"): they are moved below `path`.
core::Result<net::CycleOutcome> archived_outcome(const json& node, const std::string& path) {
  core::Result<net::CycleOutcome> outcome = cycle_outcome_from_json(node);
  if (!outcome) {
    core::Error error = outcome.error();
    error.where = error.where.starts_with("$") ? path + error.where.substr(1) : path;
    return error;
  }
  return outcome;
}

core::Result<net::InitiativeScore> score_from_json(const json& node, const std::string& path) {
  FieldReader reader(node, path);
  check(reader, reject_unknown_members(node, path, {"initiative", "partner", "criterion", "value"}));
  net::InitiativeScore score;
  score.initiative = reader.integer("initiative");
  score.partner = reader.integer("partner");
  score.criterion = reader.text("criterion");
  score.value = reader.rational("value");
  return reader.finish(std::move(score));
}

core::Result<program::AccessToken> token_from_json(const json& node, const std::string& path) {
  FieldReader reader(node, path);
  check(reader, reject_unknown_members(
                    node, path, {"id", "role", "partner", "person", "label", "secret_hash", "issued_at", "revoked"}));
  program::AccessToken token;
  token.id = reader.integer("id");
  token.role = reader.name("role", core::parse_name<program::Role>);
  token.partner = reader.optional_integer("partner");
  token.person = reader.optional_integer("person");  // absent in version 1
  token.label = reader.text("label");
  token.secret_hash = reader.text("secret_hash");
  token.issued_at = reader.text("issued_at");
  token.revoked = reader.boolean("revoked");
  return reader.finish(std::move(token));
}

core::Result<program::Person> archived_person(const json& node, const std::string& path) {
  FieldReader reader(node, path);
  check(reader, reject_unknown_members(
                    node, path,
                    {"id", "partner", "name", "email", "role", "time_zone", "language", "removed", "password_hash"}));
  program::Person person;
  person.id = reader.integer("id");
  person.partner = reader.optional_integer("partner");
  person.name = reader.text("name");
  person.email = reader.text("email");
  person.role = reader.name("role", core::parse_name<program::Role>);
  person.time_zone = reader.text("time_zone");
  person.language = reader.name("language", core::parse_name<program::Language>);
  person.removed = reader.boolean("removed");
  return reader.finish(std::move(person));
}

core::Result<program::AuditEntry> audit_entry_from_json(const json& node, const std::string& path) {
  FieldReader reader(node, path);
  check(reader,
        reject_unknown_members(node, path, {"sequence", "time", "actor", "action", "detail", "previous_hash", "hash"}));
  program::AuditEntry entry;
  entry.sequence = reader.integer("sequence");
  entry.time = reader.text("time");
  entry.actor = reader.text("actor");
  entry.action = reader.text("action");
  entry.detail = reader.text("detail");
  entry.previous_hash = reader.text("previous_hash");
  entry.hash = reader.text("hash");
  return reader.finish(std::move(entry));
}

//! Reads the required array member `key` of `reader`'s object, each item with `read`.
template <typename T>
void read_list(FieldReader& reader, const json& document, const char* key,
               core::Result<T> (*read)(const json&, const std::string&), std::vector<T>& out) {
  if (!document.contains(key)) {
    reader.fail(
        make_error(ErrorKind::kInvalidInput, "missing: an archive lists every part, [] when empty", reader.at(key)));
    return;
  }
  reader.each(key, [&](const json& item, const std::string& at) {
    if (core::Status shape = check_archive_shape(item, at, key); !shape) {
      return reader.fail(shape.error());
    }
    auto value = read(item, at);
    return value ? (out.push_back(std::move(*value)), true) : reader.fail(value.error());
  });
}

//! The format and version members: this must be an archive, of a version this build reads.
core::Status check_version(FieldReader& reader) {
  const std::string format = reader.text("format");
  if (reader.ok() && format != kArchiveFormat) {
    return make_error(ErrorKind::kInvalidInput,
                      "not a covalue network archive: format is " + core::quote_excerpt(format) + ", expected '" +
                          std::string(kArchiveFormat) + "'",
                      reader.at("format"));
  }
  const std::int64_t version = reader.integer("version");
  if (!reader.ok()) {
    return reader.error();
  }
  if (version > kArchiveVersion) {
    return make_error(ErrorKind::kInvalidInput,
                      "archive version " + std::to_string(version) + " is newer than this covalue reads (up to " +
                          std::to_string(kArchiveVersion) + "): import it with a newer covalue",
                      reader.at("version"));
  }
  if (version < 1) {
    return make_error(ErrorKind::kInvalidInput, "archive versions start at 1", reader.at("version"));
  }
  return {};
}

//! The archive's members: the typed parts, then (from version 3) the tables carried row by row.
std::vector<std::string> archive_members(std::int64_t version) {
  std::vector<std::string> members = {
      "format",   "version",         "charter",          "partners",  "objectives", "initiatives", "cycles", "ballots",
      "outcomes", "realised_values", "kpi_measurements", "scorecard", "scores",     "people",      "tokens", "audit"};
  if (version >= 3) {
    for (const program::ArchiveTableSpec& spec : program::archive_tables()) {
      members.emplace_back(spec.name);
    }
  }
  return members;
}

//! The people's password hashes (version 3: each person's `password_hash`, a string or null; before: none).
void read_password_hashes(FieldReader& reader, const json& document, std::int64_t version,
                          program::NetworkArchive& archive) {
  if (!reader.ok() || !document.contains("people") || !document.at("people").is_array()) {
    return;
  }
  const json& people = document.at("people");
  for (std::size_t i = 0; i < people.size() && i < archive.people.size() && reader.ok(); ++i) {
    const std::string at = reader.at("people") + "[" + std::to_string(i) + "].password_hash";
    const auto hash = people[i].find("password_hash");
    if (hash == people[i].end()) {
      check(reader, version >= 3 ? make_error(ErrorKind::kInvalidInput, "missing: null when it has no password", at)
                                 : core::Status());
    } else if (hash->is_string()) {
      archive.password_hashes.emplace(archive.people[i].id, hash->get<std::string>());
    } else if (!hash->is_null()) {
      check(reader, make_error(ErrorKind::kInvalidInput, "expected a string or null", at));
    }
  }
}

//! The tables carried row by row: every one required from version 3, none before.
void read_tables(FieldReader& reader, const json& document, std::int64_t version, program::NetworkArchive& archive) {
  if (version < 3) {
    // Older archives had none of them (reject_unknown_members refused any): each is empty, as a version 3
    // archive of the same network writes it.
    for (const program::ArchiveTableSpec& spec : program::archive_tables()) {
      archive.tables.push_back({.name = spec.name, .rows = {}});
    }
    return;
  }
  for (const program::ArchiveTableSpec& spec : program::archive_tables()) {
    program::ArchiveTable table{.name = spec.name, .rows = {}};
    if (!document.contains(spec.name)) {
      reader.fail(make_error(ErrorKind::kInvalidInput, "missing: an archive lists every part, [] when empty",
                             reader.at(spec.name)));
      return;
    }
    reader.each(spec.name, [&](const json& item, const std::string& at) {
      auto row = archive_row_from_json(spec, item, at);
      return row ? (table.rows.push_back(std::move(*row)), true) : reader.fail(row.error());
    });
    archive.tables.push_back(std::move(table));
  }
}

//! The charter: every member of its JSON form is required (an archive is written whole).
net::Charter archived_charter(FieldReader& reader, const json& document) {
  const std::string path = reader.at("charter");
  const json node = document.contains("charter") ? document.at("charter") : json();
  check(reader, check_archive_shape(node, path, "charter"));
  // An archive written before the ballot limits (issue 15 item 6) had the old limit on scores, as schema step 17 keeps.
  net::Charter before_limits;
  before_limits.score_max = 1000000000;
  return reader.ok() ? take(reader, charter_from_json(node, path, before_limits)) : net::Charter{};
}

//! The scorecard: required, null when the network has none.
std::optional<net::Scorecard> archived_scorecard(FieldReader& reader, const json& document) {
  if (!reader.ok()) {
    return std::nullopt;
  }
  if (!document.contains("scorecard")) {
    reader.fail(make_error(ErrorKind::kInvalidInput, "missing: null when the network has no scorecard",
                           reader.at("scorecard")));
    return std::nullopt;
  }
  const json& node = document.at("scorecard");
  if (node.is_null()) {
    return std::nullopt;
  }
  check(reader, check_archive_shape(node, reader.at("scorecard"), "scorecard"));
  if (!reader.ok()) {
    return std::nullopt;
  }
  return take(reader, scorecard_from_json(node, reader.at("scorecard")));
}

}  // namespace

core::Result<program::NetworkArchive> archive_from_json(const json& document) {
  FieldReader reader(document, "$");
  if (core::Status version = check_version(reader); !version) {
    return version.error();
  }
  const std::int64_t version = document.at("version").get<std::int64_t>();
  check(reader, reject_unknown_members(document, "$", archive_members(version)));
  program::NetworkArchive archive;
  archive.charter = archived_charter(reader, document);
  read_list(reader, document, "partners", partner_from_json, archive.partners);
  read_list(reader, document, "objectives", archived_objective, archive.objectives);
  read_list(reader, document, "initiatives", archived_initiative, archive.initiatives);
  read_list(reader, document, "cycles", cycle_from_json, archive.cycles);
  read_list(reader, document, "ballots", archived_ballot, archive.ballots);
  read_list(reader, document, "outcomes", archived_outcome, archive.outcomes);
  read_list(reader, document, "realised_values", realised_value_from_json, archive.realised);
  read_list(reader, document, "kpi_measurements", kpi_measurement_from_json, archive.kpis);
  archive.scorecard = archived_scorecard(reader, document);
  read_list(reader, document, "scores", score_from_json, archive.scores);
  if (document.contains("version") && document.at("version") == 1) {
    // Version 1 archives were written before people existed: they have none.
    check(reader, document.contains("people")
                      ? make_error(ErrorKind::kInvalidInput, "a version 1 archive has no people", reader.at("people"))
                      : core::Status());
  } else {
    read_list(reader, document, "people", archived_person, archive.people);
  }
  read_list(reader, document, "tokens", token_from_json, archive.tokens);
  read_list(reader, document, "audit", audit_entry_from_json, archive.audit);
  read_password_hashes(reader, document, version, archive);
  read_tables(reader, document, version, archive);
  return reader.finish(std::move(archive));
}

core::Result<program::NetworkArchive> archive_from_text(std::string_view text) {
  core::Result<json> document = parse_json_text(text, "$");
  if (!document) {
    return document.error();
  }
  return archive_from_json(*document);
}

}  // namespace covalue::adapters::json
