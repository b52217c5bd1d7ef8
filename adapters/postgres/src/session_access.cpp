#include <string>

#include "postgres_session.hpp"
#include "row_reader.hpp"

namespace covalue::adapters::postgres {
namespace {

using core::ErrorKind;
using core::make_error;
using program::AccessToken;
using program::AuditEntry;

AccessToken read_token(RowReader& row) {
  AccessToken token;
  token.id = row.integer(0);
  token.role = row.name<program::Role>(1, core::parse_name<program::Role>);
  token.partner = row.optional_integer(2);
  token.label = row.text(3);
  token.secret_hash = row.text(4);
  token.issued_at = row.text(5);
  token.revoked = row.boolean(6);
  return token;
}

AuditEntry read_entry(RowReader& row) {
  return AuditEntry{row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5), row.text(6)};
}

}  // namespace

core::Result<program::TokenId> PostgresSession::insert_token(const AccessToken& token) {
  auto inserted = atomically([&] {
    return single(
        "INSERT INTO access_tokens (role, partner_id, label, secret_hash, issued_at, revoked) "
        "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        program::name_of(token.role), token.partner, token.label, token.secret_hash, token.issued_at, token.revoked);
  });
  if (!inserted.ok() && inserted.error().kind == ErrorKind::kConflict && !must_retry()) {
    return make_error(ErrorKind::kConflict, "a token with this secret exists already");
  }
  if (!inserted.ok()) {
    return explain(inserted.error(), {partner_ref(token.partner.value_or(0))});
  }
  return inserted;
}

core::Result<std::optional<AccessToken>> PostgresSession::find_token(const std::string& secret_hash) {
  auto rows = query(
      "SELECT id, role, partner_id, label, secret_hash, issued_at, revoked FROM access_tokens "
      "WHERE secret_hash = $1",
      secret_hash);
  if (!rows.ok()) {
    return rows.error();
  }
  auto tokens = read_rows(*rows, "access_tokens", read_token);
  if (!tokens.ok()) {
    return tokens.error();
  }
  return tokens->empty() ? std::optional<AccessToken>() : std::optional<AccessToken>(tokens->front());
}

core::Status PostgresSession::revoke_token(program::TokenId id) {
  auto changed = atomically([&] { return change("UPDATE access_tokens SET revoked = true WHERE id = $1", id); });
  if (!changed.ok()) {
    return changed.error();
  }
  if (*changed == 0) {
    return make_error(ErrorKind::kNotFound, "no token with id " + std::to_string(id), "token");
  }
  return {};
}

core::Result<std::vector<AccessToken>> PostgresSession::tokens() {
  auto rows = query(
      "SELECT id, role, partner_id, label, secret_hash, issued_at, revoked FROM access_tokens "
      "ORDER BY id");
  if (!rows.ok()) {
    return rows.error();
  }
  return read_rows(*rows, "access_tokens", read_token);
}

core::Status PostgresSession::append_audit(const AuditEntry& entry) {
  auto last = single("SELECT coalesce(max(sequence), 0) FROM audit_log");
  if (!last.ok()) {
    return last.error();
  }
  if (entry.sequence != *last + 1) {
    return make_error(ErrorKind::kConflict, "the next audit entry is number " + std::to_string(*last + 1) + ", not " +
                                                std::to_string(entry.sequence));
  }
  auto inserted = atomically([&] {
    return query(
        "INSERT INTO audit_log (sequence, time, actor, action, detail, previous_hash, hash) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7)",
        entry.sequence, entry.time, entry.actor, entry.action, entry.detail, entry.previous_hash, entry.hash);
  });
  return inserted.ok() ? core::Status() : core::Status(inserted.error());
}

core::Result<std::optional<AuditEntry>> PostgresSession::last_audit() {
  auto rows = query(
      "SELECT sequence, time, actor, action, detail, previous_hash, hash FROM audit_log "
      "ORDER BY sequence DESC LIMIT 1");
  if (!rows.ok()) {
    return rows.error();
  }
  auto entries = read_rows(*rows, "audit_log", read_entry);
  if (!entries.ok()) {
    return entries.error();
  }
  return entries->empty() ? std::optional<AuditEntry>() : std::optional<AuditEntry>(entries->front());
}

core::Result<std::vector<AuditEntry>> PostgresSession::audit_entries(std::int64_t after, std::int64_t limit) {
  // A negative limit means no limit (LIMIT NULL), as SQLite reads LIMIT -1.
  const std::optional<std::int64_t> bound = limit < 0 ? std::nullopt : std::optional<std::int64_t>(limit);
  auto rows = query(
      "SELECT sequence, time, actor, action, detail, previous_hash, hash FROM audit_log "
      "WHERE sequence > $1 ORDER BY sequence LIMIT $2",
      after, bound);
  if (!rows.ok()) {
    return rows.error();
  }
  return read_rows(*rows, "audit_log", read_entry);
}

}  // namespace covalue::adapters::postgres
