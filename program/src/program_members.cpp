#include "covalue/program/program.hpp"
#include "use_case.hpp"

namespace covalue::program {

using detail::run_use_case;

core::Status Program::init_network(const net::Charter& charter) {
  if (core::Status status = charter.validate(); !status) {
    return status;
  }
  return store_.transact([&](StoreSession& session) -> core::Status {
    core::Result<std::optional<net::Charter>> existing = session.charter();
    if (!existing) {
      return existing.error();
    }
    if (existing->has_value()) {
      return detail::conflict("this database already holds the network '" + (*existing)->name + "'", "network");
    }
    return session.save_charter(charter);
  });
}

core::Status Program::update_charter(const net::Charter& charter) {
  if (core::Status status = charter.validate(); !status) {
    return status;
  }
  return run_use_case(store_, [&](StoreSession& session, Snapshot&) { return session.save_charter(charter); });
}

core::Result<net::Partner> Program::add_partner(const std::string& name, net::Tier tier) {
  net::Partner partner;
  partner.name = name;
  partner.tier = tier;
  if (name.empty()) {
    return detail::invalid("a partner needs a name", "name");
  }
  core::Status status = run_use_case(store_, [&](StoreSession& session, Snapshot& snapshot) -> core::Status {
    if (snapshot.find_partner(std::string_view(name)) != nullptr) {
      return detail::conflict("a partner named '" + name + "' already exists", "name");
    }
    partner.joined_cycle = detail::membership_cycle(snapshot);
    core::Result<net::PartnerId> id = session.insert_partner(partner);
    if (!id) {
      return id.error();
    }
    partner.id = *id;
    return {};
  });
  if (!status) {
    return status.error();
  }
  return partner;
}

core::Result<net::Partner> Program::leave_partner(net::PartnerId id) {
  net::Partner partner;
  core::Status status = run_use_case(store_, [&](StoreSession& session, Snapshot& snapshot) -> core::Status {
    const net::CycleNumber cycle = detail::membership_cycle(snapshot);
    core::Result<const net::Partner*> found = detail::member(snapshot, id, cycle, "partner");
    if (!found) {
      return found.error();
    }
    partner = **found;
    partner.left_cycle = cycle;
    return session.update_partner(partner);
  });
  if (!status) {
    return status.error();
  }
  return partner;
}

core::Result<net::Objective> Program::add_objective(const net::Objective& objective) {
  net::Objective stored = objective;
  if (objective.kpi == net::Kpi::kCustom && objective.name.empty()) {
    return detail::invalid("a custom KPI needs a name", "name");
  }
  core::Status status = run_use_case(store_, [&](StoreSession& session, Snapshot& snapshot) -> core::Status {
    const net::CycleNumber cycle = detail::membership_cycle(snapshot);
    if (core::Result<const net::Partner*> owner = detail::member(snapshot, objective.partner, cycle, "partner");
        !owner) {
      return owner.error();
    }
    core::Result<net::ObjectiveId> id = session.insert_objective(objective);
    if (!id) {
      return id.error();
    }
    stored.id = *id;
    return {};
  });
  if (!status) {
    return status.error();
  }
  return stored;
}

core::Result<Snapshot> Program::snapshot() {
  Snapshot result;
  core::Status status = store_.transact([&](StoreSession& session) -> core::Status {
    core::Result<Snapshot> read = read_snapshot(session);
    if (!read) {
      return read.error();
    }
    result = std::move(*read);
    return {};
  });
  if (!status) {
    return status.error();
  }
  return result;
}

}  // namespace covalue::program
