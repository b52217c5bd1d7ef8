#pragma once

// JSON forms of the program's access tokens and audit log (keys as the C++ field names).

#include <nlohmann/json.hpp>

#include "covalue/program/access.hpp"
#include "covalue/program/audit.hpp"
#include "covalue/program/person.hpp"

namespace covalue::adapters::json {

//! A token without its secret hash: id, role, partner, person, label, issued_at, revoked.
[[nodiscard]] nlohmann::json access_token_to_json(const program::AccessToken& token);
//! A person: id, partner, name, role, time_zone, language, and email only when the reader may see it (a
//! person whose e-mail address the program blanked has no email member).
[[nodiscard]] nlohmann::json person_to_json(const program::Person& person);
//! A token just issued: the token's fields plus its secret (shown once).
[[nodiscard]] nlohmann::json issued_token_to_json(const program::IssuedToken& issued);
//! An audit entry: sequence, time, actor, action, detail, previous_hash, hash.
[[nodiscard]] nlohmann::json audit_entry_to_json(const program::AuditEntry& entry);
//! The result of checking the audit chain: entries, intact, first_broken, problem.
[[nodiscard]] nlohmann::json audit_verification_to_json(const program::AuditVerification& verification);
//! An actor: role, partner (null when none), name.
[[nodiscard]] nlohmann::json actor_to_json(const program::Actor& actor);

}  // namespace covalue::adapters::json
