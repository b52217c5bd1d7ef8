#include "covalue/program/limits.hpp"
#include "covalue/program/program.hpp"
#include "use_case.hpp"

namespace covalue::program {

using nlohmann::json;

namespace detail {

core::Result<IssuedToken> draft_token(Role role, std::optional<net::PartnerId> partner, const std::string& label,
                                      Clock& clock) {
  if (core::Status text = check_text_field(label, kLabelField, "label"); !text) {
    return text.error();
  }
  IssuedToken draft;
  draft.secret = new_token_secret();
  draft.token.role = role;
  draft.token.partner = partner;
  draft.token.label = label;
  draft.token.secret_hash = hash_token_secret(draft.secret);
  draft.token.issued_at = clock.now();
  return draft;
}

json token_detail(const AccessToken& token) {
  json detail = {{"token", token.id}, {"role", name_of(token.role)}, {"label", token.label}};
  if (token.partner) {
    detail["partner"] = *token.partner;
  }
  if (token.person) {
    detail["person"] = *token.person;
  }
  return detail;
}

}  // namespace detail

namespace {

//! Which roles may be issued where, and for which partner: administrators' tokens only by the operator and
//! only in the deployment (network 0), which holds nothing else.
core::Status check_issuable(const Actor& actor, const Store& store, Role role, std::optional<net::PartnerId> partner) {
  if (role == Role::kOperator) {
    return detail::invalid(
        "the operator role belongs to whoever holds the database; tokens are coordinator, "
        "representative, observer or admin",
        "role");
  }
  const bool deployment = store.network() == kDeploymentNetwork;
  if (role == Role::kAdmin && actor.role != Role::kOperator) {
    return core::make_error(core::ErrorKind::kForbidden, "only the operator (the CLI) can issue admin tokens", "role");
  }
  if ((role == Role::kAdmin) != deployment) {
    return detail::invalid(deployment ? "the deployment holds admin tokens only"
                                      : "an admin token belongs to the deployment, not to a network",
                           "role");
  }
  if (role == Role::kRepresentative && !partner) {
    return detail::invalid("a representative token needs the partner it represents", "partner");
  }
  if ((role == Role::kCoordinator || role == Role::kAdmin) && partner) {
    return detail::invalid("a " + std::string(name_of(role)) + " token acts for no single partner", "partner");
  }
  return {};
}

//! A change of a store's tokens, audited: in a network, a run_change (which needs the network's charter, and
//! passes its snapshot); in the deployment, which has no charter, one transaction without a snapshot (null).
core::Status change_tokens(const detail::ChangeContext& context, std::string_view action,
                           const std::function<core::Status(StoreSession&, const Snapshot*, json&)>& work) {
  if (context.store.network() != kDeploymentNetwork) {
    return detail::run_change(
        context, action, SnapshotParts::minimal(),
        [&](StoreSession& session, Snapshot& snapshot, json& detail) { return work(session, &snapshot, detail); });
  }
  return context.store.transact([&](StoreSession& session) -> core::Status {
    json detail = json::object();
    if (core::Status status = work(session, nullptr, detail); !status) {
      return status;
    }
    return detail::append_audit(session, context, action, detail);
  });
}

//! kNotFound unless the person exists still, with the role and partner the token is issued for (a change in
//! between would otherwise give the token rights the person no longer has).
core::Status person_still_held(StoreSession& session, PersonId id, Role role, std::optional<net::PartnerId> partner) {
  core::Result<std::vector<Person>> people = session.people();
  if (!people) {
    return people.error();
  }
  for (const Person& person : *people) {
    if (person.id == id && !person.removed) {
      return person.role == role && person.partner == partner
                 ? core::Status()
                 : detail::conflict("the person " + std::to_string(id) + " changed meanwhile", "person");
    }
  }
  return detail::not_found("no person with id " + std::to_string(id), "person");
}

}  // namespace

core::Result<IssuedToken> Program::issue_token(Role role, std::optional<net::PartnerId> partner,
                                               const std::string& label) {
  return issue_token_for(role, partner, std::nullopt, label);
}

core::Result<IssuedToken> Program::issue_token_for(Role role, std::optional<net::PartnerId> partner,
                                                   std::optional<PersonId> person, const std::string& label) {
  if (core::Status allowed = detail::require_coordinator(actor_, "issue access tokens"); !allowed) {
    return allowed.error();
  }
  if (core::Status issuable = check_issuable(actor_, store_, role, partner); !issuable) {
    return issuable.error();
  }
  core::Result<IssuedToken> draft = detail::draft_token(role, partner, label, *clock_);
  if (!draft) {
    return draft.error();
  }
  IssuedToken issued = std::move(*draft);
  issued.token.person = person;
  core::Status stored =
      change_tokens({store_, actor_, *clock_}, "issue_token",
                    [&](StoreSession& session, const Snapshot* snapshot, json& detail) -> core::Status {
                      if (partner && snapshot->find_partner(*partner) == nullptr) {
                        return detail::not_found("no partner with id " + std::to_string(*partner), "partner");
                      }
                      if (person) {
                        if (core::Status held = person_still_held(session, *person, role, partner); !held) {
                          return held;
                        }
                      }
                      core::Result<TokenId> id = session.insert_token(issued.token);
                      if (!id) {
                        return id.error();
                      }
                      issued.token.id = *id;
                      detail = detail::token_detail(issued.token);
                      return {};
                    });
  if (!stored) {
    return stored.error();
  }
  return issued;
}

core::Status Program::revoke_token(TokenId token) {
  if (core::Status allowed = detail::require_coordinator(actor_, "revoke access tokens"); !allowed) {
    return allowed;
  }
  return change_tokens({store_, actor_, *clock_}, "revoke_token",
                       [&](StoreSession& session, const Snapshot*, json& detail) -> core::Status {
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
