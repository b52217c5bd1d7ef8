#include "use_case.hpp"

namespace covalue::program::detail {

core::Status run_change(const ChangeContext& context, std::string_view action, SnapshotParts parts,
                        const ChangeWork& work) {
  return context.store.transact([&](StoreSession& session) -> core::Status {
    core::Result<Snapshot> snapshot = read_snapshot(session, parts);
    if (!snapshot) {
      return snapshot.error();
    }
    nlohmann::json detail = nlohmann::json::object();
    if (core::Status status = work(session, *snapshot, detail); !status) {
      return status;
    }
    return append_audit(session, context, action, detail);
  });
}

core::Status append_audit(StoreSession& session, const ChangeContext& context, std::string_view action,
                          const nlohmann::json& detail) {
  core::Result<std::optional<AuditEntry>> last = session.last_audit();
  if (!last) {
    return last.error();
  }
  AuditEntry entry;
  entry.sequence = last->has_value() ? (*last)->sequence + 1 : 1;
  entry.previous_hash = last->has_value() ? (*last)->hash : std::string(64, '0');
  entry.time = context.clock.now();
  entry.actor = context.actor.name;
  entry.action = std::string(action);
  entry.detail = detail.dump();
  entry.hash = audit_hash(entry);
  return session.append_audit(entry);
}

core::Status require_coordinator(const Actor& actor, const std::string& what) {
  if (actor.coordinates()) {
    return {};
  }
  return core::make_error(core::ErrorKind::kForbidden,
                          "only a coordinator can " + what + "; this token is a " + name_of(actor.role), "role");
}

core::Status require_acts_for(const Actor& actor, net::PartnerId partner, bool coordinators_too,
                              const std::string& where) {
  if (actor.acts_for(partner) || (coordinators_too && actor.coordinates())) {
    return {};
  }
  return core::make_error(core::ErrorKind::kForbidden,
                          "this token may not act for partner " + std::to_string(partner) + " (it is a " +
                              name_of(actor.role) +
                              (actor.partner ? " of partner " + std::to_string(*actor.partner) : std::string()) + ")",
                          where);
}

net::CycleNumber membership_cycle(const Snapshot& snapshot) {
  const net::Cycle* open = open_cycle_of(snapshot);
  if (open != nullptr) {
    return open->number;
  }
  return snapshot.cycles.empty() ? 1 : snapshot.cycles.back().number + 1;
}

bool still_secret(const Snapshot& snapshot, net::CycleNumber number) {
  const net::Cycle* cycle = snapshot.find_cycle(number);
  return cycle == nullptr || cycle->state == net::CycleState::kProposing || cycle->state == net::CycleState::kVoting;
}

const net::Cycle* open_cycle_of(const Snapshot& snapshot) {
  const net::Cycle* current = snapshot.current_cycle();
  if (current != nullptr &&
      (current->state == net::CycleState::kProposing || current->state == net::CycleState::kVoting)) {
    return current;
  }
  return nullptr;
}

core::Error not_found(std::string what, std::string where) {
  return core::make_error(core::ErrorKind::kNotFound, std::move(what), std::move(where));
}
core::Error invalid(std::string what, std::string where) {
  return core::make_error(core::ErrorKind::kInvalidInput, std::move(what), std::move(where));
}
core::Error conflict(std::string what, std::string where) {
  return core::make_error(core::ErrorKind::kConflict, std::move(what), std::move(where));
}

core::Result<const net::Partner*> member(const Snapshot& snapshot, net::PartnerId id, net::CycleNumber cycle,
                                         const std::string& where) {
  const net::Partner* partner = snapshot.find_partner(id);
  if (partner == nullptr) {
    return not_found("no partner with id " + std::to_string(id), where);
  }
  if (!partner->member_in(cycle)) {
    if (partner->left_cycle && cycle >= *partner->left_cycle) {
      return conflict("partner " + partner->name + " left the network in cycle " + std::to_string(*partner->left_cycle),
                      where);
    }
    return conflict("partner " + partner->name + " is not a member in cycle " + std::to_string(cycle), where);
  }
  return partner;
}

}  // namespace covalue::program::detail
