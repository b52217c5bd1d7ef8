#include "use_case.hpp"

namespace covalue::program::detail {

core::Status run_use_case(Store& store, const std::function<core::Status(StoreSession&, Snapshot&)>& work) {
  return store.transact([&](StoreSession& session) -> core::Status {
    core::Result<Snapshot> snapshot = read_snapshot(session);
    if (!snapshot) {
      return snapshot.error();
    }
    return work(session, *snapshot);
  });
}

net::CycleNumber membership_cycle(const Snapshot& snapshot) {
  const net::Cycle* open = open_cycle_of(snapshot);
  if (open != nullptr) {
    return open->number;
  }
  return snapshot.cycles.empty() ? 1 : snapshot.cycles.back().number + 1;
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
