// Signing in: a person's password hash, browser sessions and set-password links.
#include <string>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

using W = program::WebSession;
using PL = program::PasswordLink;
constexpr Columns<&W::id, &W::person, &W::secret_hash, &W::created_at, &W::last_seen_at, &W::expires_at, &W::revoked>
    kWebSession{};
constexpr Columns<&PL::id, &PL::person, &PL::secret_hash, &PL::created_at, &PL::expires_at, &PL::used> kPasswordLink{};

core::Status none_changed(const core::Result<std::int64_t>& changed, const std::string& what, std::int64_t id) {
  return one_changed(changed, make_error(ErrorKind::kNotFound, "no " + what + " with id " + std::to_string(id), what));
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
  return none_changed(update(sq::kSetPasswordHash, hash, person), "person", person);
}

core::Result<std::int64_t> Session::insert_web_session(const program::WebSession& session) {
  auto inserted = insert_numbered(sq::kInsertWebSession, kWebSession, session);
  return inserted.ok() ? inserted
                       : explain(on_conflict(inserted.error(), "a session with this secret exists already"),
                                 {person_ref(session.person)});
}

core::Result<std::optional<program::WebSession>> Session::find_web_session(const std::string& secret_hash) {
  return first_of(rows(sq::kWebSessionBySecret, "web_sessions", kWebSession, secret_hash));
}

core::Status Session::touch_web_session(std::int64_t id, const std::string& last_seen_at) {
  return none_changed(update(sq::kTouchWebSession, last_seen_at, id), "session", id);
}

core::Status Session::revoke_web_session(std::int64_t id) {
  return none_changed(update(sq::kRevokeWebSession, true, id), "session", id);
}

core::Result<std::int64_t> Session::revoke_person_sessions(program::PersonId person, const std::string& now) {
  return update(sq::kRevokePersonSessions, true, person, now);
}

core::Result<std::int64_t> Session::insert_password_link(const program::PasswordLink& link) {
  auto inserted = insert_numbered(sq::kInsertPasswordLink, kPasswordLink, link);
  return inserted.ok() ? inserted
                       : explain(on_conflict(inserted.error(), "a set-password link with this secret exists already"),
                                 {person_ref(link.person)});
}

core::Result<std::optional<program::PasswordLink>> Session::find_password_link(const std::string& secret_hash) {
  return first_of(rows(sq::kPasswordLinkBySecret, "password_links", kPasswordLink, secret_hash));
}

core::Status Session::close_password_links(program::PersonId person) {
  auto changed = update(sq::kClosePasswordLinks, true, person);
  return changed.ok() ? core::Status() : core::Status(changed.error());
}

}  // namespace covalue::adapters::sql
