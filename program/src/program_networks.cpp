// The deployment's use cases: an administrator lists the networks of the database and creates one.
#include <algorithm>

#include "covalue/program/program.hpp"
#include "use_case.hpp"

namespace covalue::program {

using nlohmann::json;

namespace {

//! kForbidden unless the actor administers the deployment (or is the operator, who holds the database).
core::Status require_administrator(const Actor& actor, const std::string& what) {
  if (actor.administers() || actor.role == Role::kOperator) {
    return {};
  }
  return core::make_error(core::ErrorKind::kForbidden,
                          "only an administrator can " + what + "; this token is a " + name_of(actor.role), "role");
}

//! kConflict naming "name" when a network of `networks` is called `name`.
core::Status check_unused_name(const std::vector<NetworkInfo>& networks, const std::string& name) {
  const auto same =
      std::find_if(networks.begin(), networks.end(), [&](const NetworkInfo& n) { return n.name == name; });
  if (same == networks.end()) {
    return {};
  }
  return detail::conflict("a network named '" + name + "' exists already (id " + std::to_string(same->id) + ")",
                          "name");
}

//! In `in_new`'s store, a network not created yet: saves the charter and the first coordinator's token
//! (its id set), each audited in the network's own chain, and records the creation in the deployment's
//! chain (`deployment`), all in one transaction.
core::Status store_new_network(const detail::ChangeContext& in_new, const detail::ChangeContext& deployment,
                               const net::Charter& charter, AccessToken& token) {
  return in_new.store.transact([&](StoreSession& session) -> core::Status {
    core::Result<std::optional<net::Charter>> taken = session.charter();
    if (!taken) {
      return taken.error();
    }
    if (taken->has_value()) {
      return detail::conflict("network " + std::to_string(in_new.store.network()) + " exists already", "network");
    }
    if (core::Status saved = session.save_charter(charter); !saved) {
      return saved;
    }
    if (core::Status audited = detail::append_audit(session, in_new, "init_network", detail::charter_detail(charter));
        !audited) {
      return audited;
    }
    core::Result<TokenId> id = session.insert_token(token);
    if (!id) {
      return id.error();
    }
    token.id = *id;
    if (core::Status audited = detail::append_audit(session, in_new, "issue_token", detail::token_detail(token));
        !audited) {
      return audited;
    }
    core::Result<StoreSession*> home = session.deployment();
    if (!home) {
      return home.error();
    }
    return detail::append_audit(
        **home, deployment, "create_network",
        {{"network", in_new.store.network()}, {"name", charter.name}, {"coordinator_token", token.id}});
  });
}

}  // namespace

core::Result<std::vector<NetworkInfo>> Program::networks() {
  if (core::Status allowed = require_administrator(actor_, "list the networks"); !allowed) {
    return allowed.error();
  }
  return store_.networks();
}

core::Result<CreatedNetwork> Program::create_network(Store& fresh, const net::Charter& charter) {
  if (core::Status allowed = require_administrator(actor_, "create networks"); !allowed) {
    return allowed.error();
  }
  if (store_.network() != kDeploymentNetwork || fresh.network() == kDeploymentNetwork) {
    return core::make_error(core::ErrorKind::kInternal, "create_network runs on the deployment, into a new network");
  }
  if (core::Status checked = detail::check_charter(charter); !checked) {
    return checked.error();
  }
  core::Result<std::vector<NetworkInfo>> existing = store_.networks();
  if (!existing) {
    return existing.error();
  }
  if (core::Status unused = check_unused_name(*existing, charter.name); !unused) {
    return unused.error();
  }
  core::Result<IssuedToken> draft = detail::draft_token(Role::kCoordinator, std::nullopt, "first coordinator", *clock_);
  if (!draft) {
    return draft.error();
  }
  CreatedNetwork created{{fresh.network(), charter.name}, std::move(*draft)};
  if (core::Status made =
          store_new_network({fresh, actor_, *clock_}, {store_, actor_, *clock_}, charter, created.coordinator.token);
      !made) {
    return made.error();
  }
  return created;
}

}  // namespace covalue::program
