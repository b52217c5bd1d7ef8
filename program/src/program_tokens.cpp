#include "covalue/program/limits.hpp"
#include "covalue/program/program.hpp"
#include "use_case.hpp"

namespace covalue::program {

using detail::run_change;
using nlohmann::json;

core::Result<IssuedToken> Program::issue_token(Role role, std::optional<net::PartnerId> partner,
                                               const std::string& label) {
  if (core::Status allowed = detail::require_coordinator(actor_, "issue access tokens"); !allowed) {
    return allowed.error();
  }
  if (role == Role::kOperator) {
    return detail::invalid(
        "the operator role belongs to whoever holds the database; tokens are coordinator, "
        "representative or observer",
        "role");
  }
  if (role == Role::kRepresentative && !partner) {
    return detail::invalid("a representative token needs the partner it represents", "partner");
  }
  if (role == Role::kCoordinator && partner) {
    return detail::invalid("a coordinator token acts for the network, not for one partner", "partner");
  }
  if (core::Status text = check_text_field(label, kLabelField, "label"); !text) {
    return text.error();
  }
  IssuedToken draft;
  draft.secret = new_token_secret();
  draft.token.role = role;
  draft.token.partner = partner;
  draft.token.label = label;
  draft.token.secret_hash = hash_token_secret(draft.secret);
  draft.token.issued_at = clock_->now();
  return detail::run_change_to<IssuedToken>(
      {store_, actor_, *clock_}, "issue_token", SnapshotParts::minimal(), std::move(draft),
      [&](StoreSession& session, Snapshot& snapshot, json& detail, IssuedToken& issued) -> core::Status {
        if (partner && snapshot.find_partner(*partner) == nullptr) {
          return detail::not_found("no partner with id " + std::to_string(*partner), "partner");
        }
        core::Result<TokenId> id = session.insert_token(issued.token);
        if (!id) {
          return id.error();
        }
        issued.token.id = *id;
        detail = {{"token", *id}, {"role", name_of(role)}, {"label", label}};
        if (partner) {
          detail["partner"] = *partner;
        }
        return {};
      });
}

core::Status Program::revoke_token(TokenId token) {
  if (core::Status allowed = detail::require_coordinator(actor_, "revoke access tokens"); !allowed) {
    return allowed;
  }
  return run_change({store_, actor_, *clock_}, "revoke_token", SnapshotParts::minimal(),
                    [&](StoreSession& session, Snapshot&, json& detail) -> core::Status {
                      detail = {{"token", token}};
                      return session.revoke_token(token);
                    });
}

core::Result<std::vector<AccessToken>> Program::tokens() {
  if (core::Status allowed = detail::require_coordinator(actor_, "list access tokens"); !allowed) {
    return allowed.error();
  }
  return detail::read_in<std::vector<AccessToken>>(store_, [](StoreSession& session) { return session.tokens(); });
}

}  // namespace covalue::program
