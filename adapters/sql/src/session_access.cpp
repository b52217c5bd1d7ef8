#include <string>

#include "session_common.hpp"

namespace covalue::adapters::sql {

using core::ErrorKind;
using core::make_error;
namespace sq = statements;

namespace {

program::AccessToken read_token(RowReader& row) {
  program::AccessToken token;
  token.id = row.integer(0);
  token.role = row.name(1, core::parse_name<program::Role>);
  token.partner = row.optional_integer(2);
  token.label = row.text(3);
  token.secret_hash = row.text(4);
  token.issued_at = row.text(5);
  token.revoked = row.boolean(6);
  token.person = row.optional_integer(7);
  return token;
}

program::Person read_person(RowReader& row) {
  program::Person person;
  person.id = row.integer(0);
  person.partner = row.optional_integer(1);
  person.name = row.text(2);
  person.email = row.text(3);
  person.role = row.name(4, core::parse_name<program::Role>);
  person.time_zone = row.text(5);
  person.language = row.name(6, core::parse_name<program::Language>);
  person.removed = row.boolean(7);
  return person;
}

program::AuditEntry read_audit(RowReader& row) {
  program::AuditEntry entry;
  entry.sequence = row.integer(0);
  entry.time = row.text(1);
  entry.actor = row.text(2);
  entry.action = row.text(3);
  entry.detail = row.text(4);
  entry.previous_hash = row.text(5);
  entry.hash = row.text(6);
  return entry;
}

}  // namespace

core::Result<program::TokenId> Session::insert_token(const program::AccessToken& token) {
  auto inserted = atomically([&]() -> core::Result<program::TokenId> {
    return in_network(sq::kInsertToken)
        .bind_int(token.id)
        .bind_int(network_)
        .bind_text(program::name_of(token.role))
        .bind_optional_int(token.partner)
        .bind_optional_int(token.person)
        .bind_text(token.label)
        .bind_text(token.secret_hash)
        .bind_text(token.issued_at)
        .bind_bool(token.revoked)
        .single_int();
  });
  if (!inserted.ok()) {
    return explain(on_conflict(inserted.error(), "a token with this secret exists already"),
                   {partner_ref(token.partner.value_or(0))});
  }
  return inserted;
}

core::Result<std::optional<program::AccessToken>> Session::find_token(const std::string& secret_hash) {
  Statement query = in_network(sq::kTokenBySecret);
  query.bind_text(secret_hash);
  auto rows = read_rows(query, "access_tokens", read_token);
  if (!rows.ok()) {
    return rows.error();
  }
  if (rows->empty()) {
    return std::optional<program::AccessToken>();
  }
  return std::optional<program::AccessToken>(std::move(rows->front()));
}

core::Status Session::revoke_token(program::TokenId id) {
  auto updated = atomically([&]() -> core::Result<std::int64_t> {
    return db_.prepare(sq::kRevokeToken).bind_bool(true).bind_int(network_).bind_int(id).changed();
  });
  if (!updated.ok()) {
    return updated.error();
  }
  if (*updated == 0) {
    return make_error(ErrorKind::kNotFound, "no token with id " + std::to_string(id), "token");
  }
  return {};
}

core::Result<std::vector<program::AccessToken>> Session::tokens() {
  Statement query = in_network(sq::kTokens);
  return read_rows(query, "access_tokens", read_token);
}

core::Result<program::PersonId> Session::insert_person(const program::Person& person) {
  auto inserted = atomically([&]() -> core::Result<program::PersonId> {
    return in_network(sq::kInsertPerson)
        .bind_int(person.id)
        .bind_int(network_)
        .bind_optional_int(person.partner)
        .bind_text(person.name)
        .bind_text(person.email)
        .bind_text(program::name_of(person.role))
        .bind_text(person.time_zone)
        .bind_text(program::name_of(person.language))
        .bind_bool(person.removed)
        .single_int();
  });
  if (!inserted.ok()) {
    core::Error failed = on_conflict(
        inserted.error(), "a person with the e-mail address '" + person.email + "' exists already in this network");
    if (failed.kind == ErrorKind::kConflict) {
      failed.where = "email";
    }
    return explain(failed, {partner_ref(person.partner.value_or(0))});
  }
  return inserted;
}

core::Status Session::remove_person(program::PersonId id) {
  auto removed = atomically([&]() -> core::Result<std::int64_t> {
    return db_.prepare(sq::kRemovePerson).bind_bool(true).bind_int(network_).bind_int(id).changed();
  });
  if (!removed.ok()) {
    return removed.error();
  }
  if (*removed == 0) {
    return make_error(ErrorKind::kNotFound, "no present person with id " + std::to_string(id), "person");
  }
  return {};
}

core::Result<std::vector<program::Person>> Session::people() {
  Statement query = in_network(sq::kPeople);
  return read_rows(query, "people", read_person);
}

core::Status Session::append_audit(const program::AuditEntry& entry) {
  auto appended = atomically([&]() -> core::Status {
    // May wait for the next round trip: a refused sequence is refused by the NOT NULL constraint.
    return in_network(sq::kAppendAudit)
        .bind_int(entry.sequence)
        .bind_int(network_)
        .bind_int(entry.sequence)
        .bind_text(entry.time)
        .bind_text(entry.actor)
        .bind_text(entry.action)
        .bind_text(entry.detail)
        .bind_text(entry.previous_hash)
        .bind_text(entry.hash)
        .run_later();
  });
  if (appended.ok() || appended.error().kind != ErrorKind::kInvalidInput) {
    return appended;
  }
  auto last = in_network(sq::kLastSequence).single_int();
  if (!last.ok()) {
    return last.error();
  }
  return make_error(ErrorKind::kConflict, "the next audit entry is number " + std::to_string(*last + 1) + ", not " +
                                              std::to_string(entry.sequence));
}

core::Result<std::optional<program::AuditEntry>> Session::last_audit() {
  Statement query = in_network(sq::kLastAudit);
  auto rows = read_rows(query, "audit_log", read_audit);
  if (!rows.ok()) {
    return rows.error();
  }
  if (rows->empty()) {
    return std::optional<program::AuditEntry>();
  }
  return std::optional<program::AuditEntry>(std::move(rows->front()));
}

core::Result<std::vector<program::AuditEntry>> Session::audit_entries(std::int64_t after, std::int64_t limit) {
  Statement query = in_network(sq::kAuditEntries);
  query.bind_int(after).bind_int(limit);
  return read_rows(query, "audit_log", read_audit);
}

core::Result<program::StoreSession*> Session::deployment() {
  if (network_ == program::kDeploymentNetwork) {
    return this;
  }
  if (!deployment_) {
    deployment_ = std::make_unique<Session>(db_, program::kDeploymentNetwork);
  }
  return deployment_.get();
}

}  // namespace covalue::adapters::sql
