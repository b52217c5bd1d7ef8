#include <string>

#include "row_reader.hpp"
#include "sqlite_session.hpp"

namespace covalue::adapters::sqlite {
namespace {

using core::ErrorKind;
using core::make_error;

constexpr const char* kTokenColumns =
    "SELECT id, role, partner_id, label, secret_hash, issued_at, revoked FROM access_tokens";
constexpr const char* kAuditColumns =
    "SELECT sequence, time, actor, action, detail, previous_hash, hash FROM audit_log";

program::AccessToken read_token(RowReader& row) {
  program::AccessToken token;
  token.id = row.integer(0);
  token.role = row.name(1, core::parse_name<program::Role>);
  token.partner = row.optional_integer(2);
  token.label = row.text(3);
  token.secret_hash = row.text(4);
  token.issued_at = row.text(5);
  token.revoked = row.integer(6) != 0;
  return token;
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

core::Result<program::TokenId> SqliteSession::insert_token(const program::AccessToken& token) {
  auto inserted = db_.prepare(
                         "INSERT INTO access_tokens (role, partner_id, label, secret_hash, issued_at, revoked) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                      .bind_text(program::name_of(token.role))
                      .bind_optional_int(token.partner)
                      .bind_text(token.label)
                      .bind_text(token.secret_hash)
                      .bind_text(token.issued_at)
                      .bind_int(token.revoked ? 1 : 0)
                      .run();
  if (!inserted.ok() && inserted.error().kind == ErrorKind::kConflict) {
    return make_error(ErrorKind::kConflict, "a token with this secret exists already");
  }
  if (!inserted.ok()) {
    return explain(inserted.error(), {partner_ref(token.partner.value_or(0))});
  }
  return db_.last_insert_id();
}

core::Result<std::optional<program::AccessToken>> SqliteSession::find_token(const std::string& secret_hash) {
  const std::string sql = std::string(kTokenColumns) + " WHERE secret_hash = ?1";
  Statement query = db_.prepare(sql.c_str());
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

core::Status SqliteSession::revoke_token(program::TokenId id) {
  auto updated = db_.prepare("UPDATE access_tokens SET revoked = 1 WHERE id = ?1").bind_int(id).run();
  if (!updated.ok()) {
    return updated;
  }
  if (db_.changes() == 0) {
    return make_error(ErrorKind::kNotFound, "no token with id " + std::to_string(id), "token");
  }
  return {};
}

core::Result<std::vector<program::AccessToken>> SqliteSession::tokens() {
  const std::string sql = std::string(kTokenColumns) + " ORDER BY id";
  Statement query = db_.prepare(sql.c_str());
  return read_rows(query, "access_tokens", read_token);
}

core::Status SqliteSession::append_audit(const program::AuditEntry& entry) {
  Statement last_query = db_.prepare("SELECT coalesce(max(sequence), 0) FROM audit_log");
  auto row = last_query.step();
  if (!row.ok()) {
    return row.error();
  }
  const std::int64_t last = last_query.int_at(0);
  if (entry.sequence != last + 1) {
    return make_error(ErrorKind::kConflict, "the next audit entry is number " + std::to_string(last + 1) + ", not " +
                                                std::to_string(entry.sequence));
  }
  return db_
      .prepare(
          "INSERT INTO audit_log (sequence, time, actor, action, detail, previous_hash, hash) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
      .bind_int(entry.sequence)
      .bind_text(entry.time)
      .bind_text(entry.actor)
      .bind_text(entry.action)
      .bind_text(entry.detail)
      .bind_text(entry.previous_hash)
      .bind_text(entry.hash)
      .run();
}

core::Result<std::optional<program::AuditEntry>> SqliteSession::last_audit() {
  const std::string sql = std::string(kAuditColumns) + " ORDER BY sequence DESC LIMIT 1";
  Statement query = db_.prepare(sql.c_str());
  auto rows = read_rows(query, "audit_log", read_audit);
  if (!rows.ok()) {
    return rows.error();
  }
  if (rows->empty()) {
    return std::optional<program::AuditEntry>();
  }
  return std::optional<program::AuditEntry>(std::move(rows->front()));
}

core::Result<std::vector<program::AuditEntry>> SqliteSession::audit_entries(std::int64_t after, std::int64_t limit) {
  const std::string sql = std::string(kAuditColumns) + " WHERE sequence > ?1 ORDER BY sequence LIMIT ?2";
  Statement query = db_.prepare(sql.c_str());
  query.bind_int(after).bind_int(limit);
  return read_rows(query, "audit_log", read_audit);
}

}  // namespace covalue::adapters::sqlite
