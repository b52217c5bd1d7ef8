#include <string>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

using T = program::AccessToken;
using P = program::Person;
using A = program::AuditEntry;
constexpr Columns<&T::id, &T::role, &T::partner, &T::label, &T::secret_hash, &T::issued_at, &T::revoked, &T::person>
    kToken{};
constexpr Columns<&P::id, &P::partner, &P::name, &P::email, &P::role, &P::time_zone, &P::language, &P::removed>
    kPerson{};
constexpr Columns<&A::sequence, &A::time, &A::actor, &A::action, &A::detail, &A::previous_hash, &A::hash> kAudit{};

}  // namespace

core::Result<program::TokenId> Session::insert_token(const program::AccessToken& token) {
  auto inserted = insert_row(sq::kInsertToken, kToken, token);
  if (!inserted.ok()) {
    return explain(on_conflict(inserted.error(), "a token with this secret exists already"),
                   {partner_ref(token.partner.value_or(0))});
  }
  return inserted;
}

core::Result<std::optional<program::AccessToken>> Session::find_token(const std::string& secret_hash) {
  return first_of(rows(sq::kTokenBySecret, "access_tokens", kToken, secret_hash));
}

core::Status Session::revoke_token(program::TokenId id) {
  return one_changed(update(sq::kRevokeToken, true, id),
                     make_error(ErrorKind::kNotFound, "no token with id " + std::to_string(id), "token"));
}

core::Result<std::vector<program::AccessToken>> Session::tokens() { return rows(sq::kTokens, "access_tokens", kToken); }

core::Result<program::PersonId> Session::insert_person(const program::Person& person) {
  auto inserted = insert_row(sq::kInsertPerson, kPerson, person);
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
  return one_changed(update(sq::kRemovePerson, true, id),
                     make_error(ErrorKind::kNotFound, "no present person with id " + std::to_string(id), "person"));
}

core::Result<std::vector<program::Person>> Session::people() { return rows(sq::kPeople, "people", kPerson); }

core::Status Session::append_audit(const program::AuditEntry& entry) {
  core::Status appended = write_audit(entry);
  if (reads_ != nullptr) {
    reads_->appended(appended, entry);
  }
  return appended;
}

core::Status Session::write_audit(const program::AuditEntry& entry) {
  auto appended = atomically([&]() -> core::Status {
    // May wait for the next round trip: a refused sequence is refused by the NOT NULL constraint.
    return in_network(sq::kAppendAudit)
        .bind_int(entry.sequence)
        .bind_int(network_)
        .bind_columns(kAudit, entry)
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
  const auto read = [&] { return first_of(rows(sq::kLastAudit, "audit_log", kAudit)); };
  return reads_ == nullptr ? read() : reads_->head(read);
}

core::Result<std::vector<program::AuditEntry>> Session::audit_entries(std::int64_t after, std::int64_t limit) {
  return rows(sq::kAuditEntries, "audit_log", kAudit, after, limit);
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
