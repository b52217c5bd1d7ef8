#include "covalue/program/program.hpp"
#include "use_case.hpp"

namespace covalue::program {

using detail::run_change;
using nlohmann::json;

core::Result<net::Initiative> Program::propose(const net::Initiative& initiative) {
  if (core::Status allowed = detail::require_acts_for(actor_, initiative.proposer, true, "proposer"); !allowed) {
    return allowed.error();
  }
  net::Initiative stored = initiative;
  stored.status = net::InitiativeStatus::kProposed;
  stored.lead.reset();
  core::Status status = run_change({store_, actor_, *clock_}, "propose", SnapshotParts::minimal(),
                                   [&](StoreSession& session, Snapshot& snapshot, json& detail) -> core::Status {
                                     if (core::Status valid = detail::validate_proposal(snapshot, stored); !valid) {
                                       return valid;
                                     }
                                     const net::Cycle* open = detail::open_cycle_of(snapshot);
                                     // Proposals made while a cycle is voting wait for the next cycle (cycle 0 until it
                                     // opens). So do proposals made after the cycle's ballot was shortlisted.
                                     const bool joins = open != nullptr && open->state == net::CycleState::kProposing &&
                                                        open->shortlist.empty();
                                     stored.cycle = joins ? open->number : 0;
                                     core::Result<net::InitiativeId> id = session.insert_initiative(stored);
                                     if (!id) {
                                       return id.error();
                                     }
                                     stored.id = *id;
                                     detail = {{"initiative", stored.id},
                                               {"title", stored.title},
                                               {"proposer", stored.proposer},
                                               {"cost", core::to_string(stored.cost)},
                                               {"cycle", stored.cycle}};
                                     return {};
                                   });
  if (!status) {
    return status.error();
  }
  return stored;
}

core::Result<net::Initiative> Program::withdraw(net::InitiativeId id) {
  net::Initiative changed;
  core::Status status = run_change(
      {store_, actor_, *clock_}, "withdraw", SnapshotParts::minimal(),
      [&](StoreSession& session, Snapshot& snapshot, json& detail) -> core::Status {
        const net::Initiative* initiative = snapshot.find_initiative(id);
        if (initiative == nullptr) {
          return detail::not_found("no initiative with id " + std::to_string(id), "initiative");
        }
        if (core::Status allowed = detail::require_acts_for(actor_, initiative->proposer, true, "initiative");
            !allowed) {
          return allowed;
        }
        const bool undecided = initiative->status == net::InitiativeStatus::kProposed ||
                               initiative->status == net::InitiativeStatus::kCarriedOver;
        if (!undecided) {
          return detail::conflict("initiative " + std::to_string(id) + " is " + net::name_of(initiative->status) +
                                      "; only undecided initiatives can be withdrawn",
                                  "initiative");
        }
        const net::Cycle* cycle = snapshot.find_cycle(initiative->cycle);
        if (cycle != nullptr && cycle->state == net::CycleState::kVoting) {
          return detail::conflict(
              "cycle " + std::to_string(cycle->number) + " is voting on it; it can be withdrawn once the cycle closes",
              "initiative");
        }
        changed = *initiative;
        changed.status = net::InitiativeStatus::kWithdrawn;
        detail = {{"initiative", id}};
        return session.update_initiative(changed);
      });
  if (!status) {
    return status.error();
  }
  return changed;
}

}  // namespace covalue::program
