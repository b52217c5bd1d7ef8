// Signing in: a person's password hash, browser sessions and set-password links.
#include <string>

#include "session_common.hpp"

namespace covalue::adapters::sql {

using core::ErrorKind;
using core::make_error;
namespace sq = statements;

namespace {

program::WebSession read_web_session(RowReader& row) {
  program::WebSession session;
  session.id = row.integer(0);
  session.person = row.integer(1);
  session.secret_hash = row.text(2);
  session.created_at = row.text(3);
  session.last_seen_at = row.text(4);
  session.expires_at = row.text(5);
  session.revoked = row.boolean(6);
  return session;
}

program::PasswordLink read_password_link(RowReader& row) {
  program::PasswordLink link;
  link.id = row.integer(0);
  link.person = row.integer(1);
  link.secret_hash = row.text(2);
  link.created_at = row.text(3);
  link.expires_at = row.text(4);
  link.used = row.boolean(5);
  return link;
}

//! The first of `rows`, or nothing.
template <typename T>
core::Result<std::optional<T>> first_of(core::Result<std::vector<T>> rows) {
  if (!rows.ok()) {
    return rows.error();
  }
  if (rows->empty()) {
    return std::optional<T>();
  }
  return std::optional<T>(std::move(rows->front()));
}

core::Status none_changed(const core::Result<std::int64_t>& changed, const std::string& what, std::int64_t id) {
  if (!changed.ok()) {
    return changed.error();
  }
  if (*changed == 0) {
    return make_error(ErrorKind::kNotFound, "no " + what + " with id " + std::to_string(id), what);
  }
  return {};
}

}  // namespace

core::Result<std::optional<std::string>> Session::password_hash(program::PersonId person) {
  Statement query = in_network(sq::kPasswordHash);
  query.bind_int(person);
  auto row = query.step();
  if (!row.ok()) {
    return row.error();
  }
  if (!*row) {
    return make_error(ErrorKind::kNotFound, "no present person with id " + std::to_string(person), "person");
  }
  return query.is_null(0) ? std::optional<std::string>() : std::optional<std::string>(query.text_at(0));
}

core::Status Session::set_password_hash(program::PersonId person, const std::string& hash) {
  auto changed = atomically([&]() -> core::Result<std::int64_t> {
    return db_.prepare(sq::kSetPasswordHash).bind_text(hash).bind_int(network_).bind_int(person).changed();
  });
  return none_changed(changed, "person", person);
}

core::Result<std::int64_t> Session::insert_web_session(const program::WebSession& session) {
  auto inserted = atomically([&]() -> core::Result<std::int64_t> {
    return in_network(sq::kInsertWebSession)
        .bind_int(network_)
        .bind_int(session.person)
        .bind_text(session.secret_hash)
        .bind_text(session.created_at)
        .bind_text(session.last_seen_at)
        .bind_text(session.expires_at)
        .bind_bool(session.revoked)
        .single_int();
  });
  if (!inserted.ok()) {
    return explain(on_conflict(inserted.error(), "a session with this secret exists already"),
                   {person_ref(session.person)});
  }
  return inserted;
}

core::Result<std::optional<program::WebSession>> Session::find_web_session(const std::string& secret_hash) {
  Statement query = in_network(sq::kWebSessionBySecret);
  query.bind_text(secret_hash);
  return first_of(read_rows(query, "web_sessions", read_web_session));
}

core::Status Session::touch_web_session(std::int64_t id, const std::string& last_seen_at) {
  auto changed = atomically([&]() -> core::Result<std::int64_t> {
    return db_.prepare(sq::kTouchWebSession).bind_text(last_seen_at).bind_int(network_).bind_int(id).changed();
  });
  return none_changed(changed, "session", id);
}

core::Status Session::revoke_web_session(std::int64_t id) {
  auto changed = atomically([&]() -> core::Result<std::int64_t> {
    return db_.prepare(sq::kRevokeWebSession).bind_bool(true).bind_int(network_).bind_int(id).changed();
  });
  return none_changed(changed, "session", id);
}

core::Result<std::int64_t> Session::revoke_person_sessions(program::PersonId person, const std::string& now) {
  return atomically([&]() -> core::Result<std::int64_t> {
    return db_.prepare(sq::kRevokePersonSessions)
        .bind_bool(true)
        .bind_int(network_)
        .bind_int(person)
        .bind_text(now)
        .changed();
  });
}

core::Result<std::int64_t> Session::insert_password_link(const program::PasswordLink& link) {
  auto inserted = atomically([&]() -> core::Result<std::int64_t> {
    return in_network(sq::kInsertPasswordLink)
        .bind_int(network_)
        .bind_int(link.person)
        .bind_text(link.secret_hash)
        .bind_text(link.created_at)
        .bind_text(link.expires_at)
        .bind_bool(link.used)
        .single_int();
  });
  if (!inserted.ok()) {
    return explain(on_conflict(inserted.error(), "a set-password link with this secret exists already"),
                   {person_ref(link.person)});
  }
  return inserted;
}

core::Result<std::optional<program::PasswordLink>> Session::find_password_link(const std::string& secret_hash) {
  Statement query = in_network(sq::kPasswordLinkBySecret);
  query.bind_text(secret_hash);
  return first_of(read_rows(query, "password_links", read_password_link));
}

core::Status Session::close_password_links(program::PersonId person) {
  auto changed = atomically([&]() -> core::Result<std::int64_t> {
    return db_.prepare(sq::kClosePasswordLinks).bind_bool(true).bind_int(network_).bind_int(person).changed();
  });
  return changed.ok() ? core::Status() : core::Status(changed.error());
}

}  // namespace covalue::adapters::sql
