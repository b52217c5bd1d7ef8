#include <string>

#include "covalue/core/settings.hpp"
#include "covalue/program/program.hpp"
#include "use_case.hpp"

namespace covalue::program {

Queries Program::queries() const { return Queries(store_, actor_); }

core::Result<Snapshot> Program::snapshot() { return queries().snapshot(); }

core::Result<std::vector<net::PartnerBallot>> Program::ballots(net::CycleNumber cycle) {
  return queries().ballots(cycle);
}

core::Result<Actor> Program::authenticate(Store& store, std::string_view secret) {
  const auto unknown = [] {
    return core::make_error(core::ErrorKind::kUnauthenticated, "unknown or revoked access token", "authorization");
  };
  if (secret.size() != 68 || secret.substr(0, 4) != "cvt_") {
    return unknown();
  }
  const std::string hash = hash_token_secret(secret);
  core::Result<std::optional<AccessToken>> token = detail::read_in<std::optional<AccessToken>>(
      store, [&](StoreSession& session) { return session.find_token(hash); });
  if (!token) {
    return token.error();
  }
  if (!token->has_value() || (*token)->revoked) {
    return unknown();
  }
  const AccessToken& found = **token;
  return resolve_coordination(
      store, Actor{found.role, found.partner, "token " + std::to_string(found.id) + " (" + name_of(found.role) + ")",
                   found.person, std::nullopt, false});
}

core::Result<std::vector<AuditEntry>> Program::audit_log(std::int64_t after, std::int64_t limit) {
  if (core::Status allowed = detail::require_coordinator(actor_, "read the audit log"); !allowed) {
    return allowed.error();
  }
  // The page's bounds are the settings row's (core/settings.hpp), which the CLI's --limit is checked against too.
  const core::settings::Setting& page = core::settings::row("audit.limit");
  if (!core::settings::check_value(page, std::to_string(limit))) {
    return detail::invalid(
        "must be between " + std::string(page.min) + " and " + std::string(page.max) + ", got " + std::to_string(limit),
        "limit");
  }
  return detail::read_in<std::vector<AuditEntry>>(
      store_, [&](StoreSession& session) { return session.audit_entries(after, limit); });
}

core::Result<AuditVerification> Program::verify_audit() {
  if (core::Status allowed = detail::require_coordinator(actor_, "verify the audit log"); !allowed) {
    return allowed.error();
  }
  core::Result<std::vector<AuditEntry>> entries = detail::read_in<std::vector<AuditEntry>>(
      store_, [](StoreSession& session) { return session.audit_entries(0, INT64_MAX); });
  if (!entries) {
    return entries.error();
  }
  return verify_audit_chain(*entries);
}

}  // namespace covalue::program
