#pragma once

// Request bodies that are the API's own shapes (not domain types): scores, a shortlist size, a token.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "covalue/core/network/scorecard.hpp"
#include "covalue/core/network/vocabulary.hpp"
#include "covalue/program/access.hpp"
#include "covalue/program/person.hpp"
#include "covalue/program/program.hpp"

namespace covalue::server {

//! {"scores": [{"criterion", "value"}]} for one initiative and partner; errors name "body.scores[1].value".
[[nodiscard]] core::Result<std::vector<core::network::InitiativeScore>> scores_from_body(
    const nlohmann::json& body, core::network::InitiativeId initiative, core::network::PartnerId partner);

//! {"size": n} (absent or 0: the scorecard's shortlist_size).
[[nodiscard]] core::Result<std::int64_t> shortlist_size_from_body(const nlohmann::json& body);

//! What a token is issued for.
struct TokenRequest {
  program::Role role{program::Role::kObserver};
  std::optional<core::network::PartnerId> partner;
  std::optional<program::PersonId> person;  //!< when set, the token takes the person's role and partner
  std::string label;
};

//! {"role", "partner"?, "label"?} or {"person", "label"?}.
[[nodiscard]] core::Result<TokenRequest> token_request_from_body(const nlohmann::json& body);

//! {"name", "email", "partner"?, "role"?, "time_zone"?, "language"?}: a person to add (fields named "body.email").
[[nodiscard]] core::Result<program::Person> person_from_body(const nlohmann::json& body);

//! {"proposals_close_at"?, "voting_closes_at"?} (each a UTC time, or null to remove; absent keeps), or with
//! `voting_only` {"closes_at"?}: when voting closes.
[[nodiscard]] core::Result<program::DeadlineChange> deadlines_from_body(const nlohmann::json& body, bool voting_only);

//! {"reason"?}: why an initiative is withdrawn ("" when absent).
[[nodiscard]] core::Result<std::string> reason_from_body(const nlohmann::json& body);

//! {"name", "tier"?}: a partner to add.
[[nodiscard]] core::Result<std::pair<std::string, core::network::Tier>> new_partner_from_body(
    const nlohmann::json& body);

//! {"proxy": id}: the partner a ballot is delegated to.
[[nodiscard]] core::Result<core::network::PartnerId> proxy_from_body(const nlohmann::json& body);

//! {"confirm_low_turnout"?: bool}: whether a close goes ahead below the charter's turnout (false when absent).
[[nodiscard]] core::Result<bool> close_confirmation_from_body(const nlohmann::json& body);

}  // namespace covalue::server
