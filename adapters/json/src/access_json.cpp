// Encoders of access tokens, actors and the audit log (access_json.hpp).
#include "covalue/adapters/json/access_json.hpp"

namespace covalue::adapters::json {

using nlohmann::json;

namespace {

json optional_partner(const std::optional<core::network::PartnerId>& partner) {
  return partner ? json(*partner) : json();
}

}  // namespace

json access_token_to_json(const program::AccessToken& token) {
  return {{"id", token.id},
          {"role", program::name_of(token.role)},
          {"partner", optional_partner(token.partner)},
          {"person", token.person ? json(*token.person) : json()},
          {"label", token.label},
          {"issued_at", token.issued_at},
          {"revoked", token.revoked}};
}

json person_to_json(const program::Person& person) {
  json out = {{"id", person.id},
              {"partner", optional_partner(person.partner)},
              {"name", person.name},
              {"role", program::name_of(person.role)},
              {"time_zone", person.time_zone},
              {"language", program::name_of(person.language)}};
  if (!person.email.empty()) {
    out["email"] = person.email;
  }
  return out;
}

json issued_token_to_json(const program::IssuedToken& issued) {
  json out = access_token_to_json(issued.token);
  out["secret"] = issued.secret;
  return out;
}

json audit_entry_to_json(const program::AuditEntry& entry) {
  return {{"sequence", entry.sequence}, {"time", entry.time},     {"actor", entry.actor},
          {"action", entry.action},     {"detail", entry.detail}, {"previous_hash", entry.previous_hash},
          {"hash", entry.hash}};
}

json audit_verification_to_json(const program::AuditVerification& verification) {
  return {{"entries", verification.entries},
          {"intact", verification.intact()},
          {"first_broken", verification.first_broken ? json(*verification.first_broken) : json()},
          {"problem", verification.problem}};
}

json actor_to_json(const program::Actor& actor) {
  return {{"role", program::name_of(actor.role)},
          {"partner", optional_partner(actor.partner)},
          {"name", actor.name},
          {"person", actor.person ? json(*actor.person) : json()},
          {"signed_in_with", actor.session ? "session" : "token"}};
}

}  // namespace covalue::adapters::json
