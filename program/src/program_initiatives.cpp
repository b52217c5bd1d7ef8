#include <algorithm>
#include <functional>
#include <string_view>

#include "covalue/program/limits.hpp"
#include "covalue/program/program.hpp"
#include "program_events.hpp"
#include "use_case.hpp"

namespace covalue::program {

using nlohmann::json;

namespace {

//! Who leads is a partner's own choice: a representative may volunteer only its own partner, the
//! operator (who holds the database) records consent given elsewhere, and partners a coordinator names
//! become nominees, who lead only once they accept (Program::volunteer).
core::Status place_volunteers(const Actor& actor, net::Initiative& initiative) {
  std::vector<net::PartnerId> named = std::move(initiative.volunteers);
  initiative.volunteers.clear();
  initiative.nominees.clear();
  for (std::size_t k = 0; k < named.size(); ++k) {
    if (actor.acts_for(named[k])) {
      initiative.volunteers.push_back(named[k]);
    } else if (actor.coordinates()) {
      initiative.nominees.push_back(named[k]);
    } else {
      return core::make_error(core::ErrorKind::kForbidden,
                              "a representative may volunteer only its own partner; partner " +
                                  std::to_string(named[k]) + " volunteers itself",
                              "volunteers[" + std::to_string(k) + "]");
    }
  }
  return {};
}

//! An initiative still to be decided (proposed or carried over); `action` completes "only undecided
//! initiatives can be ...".
core::Result<const net::Initiative*> undecided_initiative(const Snapshot& snapshot, net::InitiativeId id,
                                                          const std::string& action) {
  const net::Initiative* initiative = snapshot.find_initiative(id);
  if (initiative == nullptr) {
    return detail::not_found("no initiative with id " + std::to_string(id), "initiative");
  }
  if (!initiative->undecided()) {
    return detail::conflict("initiative " + std::to_string(id) + " is " + net::name_of(initiative->status) +
                                "; only undecided initiatives can be " + action,
                            "initiative");
  }
  return initiative;
}

void erase(std::vector<net::PartnerId>& list, net::PartnerId partner) {
  list.erase(std::remove(list.begin(), list.end(), partner), list.end());
}

bool contains(const std::vector<net::PartnerId>& list, net::PartnerId partner) {
  return std::find(list.begin(), list.end(), partner) != list.end();
}

//! Edits the copy of an undecided initiative for a change of who offers to lead it, and says what changed.
using LeadOfferEdit = std::function<core::Status(const Snapshot& snapshot, net::Initiative& changed, json& detail)>;

//! A change (`action`) of who offers to lead initiative `id`, asked for `partner` by itself or a coordinator:
//! reads the undecided initiative, lets `edit` change its copy, and stores it.
core::Result<net::Initiative> change_lead_offer(const detail::ChangeContext& context, std::string_view action,
                                                net::InitiativeId id, net::PartnerId partner,
                                                const LeadOfferEdit& edit) {
  if (!context.actor.acts_for(partner) && !context.actor.coordinates()) {
    return detail::require_acts_for(context.actor, partner, true, "partner").error();
  }
  return detail::run_change_to<net::Initiative>(
      context, action, SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, net::Initiative& changed) -> core::Status {
        core::Result<const net::Initiative*> found = undecided_initiative(snapshot, id, "offered a lead");
        if (!found) {
          return found.error();
        }
        changed = **found;
        if (core::Status edited = edit(snapshot, changed, detail); !edited) {
          return edited;
        }
        return session.update_initiative(changed);
      });
}

}  // namespace

core::Result<net::Initiative> Program::propose(const net::Initiative& initiative) {
  if (core::Status allowed = detail::require_acts_for(actor_, initiative.proposer, true, "proposer"); !allowed) {
    return allowed.error();
  }
  net::Initiative draft = initiative;
  draft.status = net::InitiativeStatus::kProposed;
  draft.lead.reset();
  if (core::Status consent = place_volunteers(actor_, draft); !consent) {
    return consent.error();
  }
  return detail::run_change_to<net::Initiative>(
      {store_, actor_, *clock_}, "propose", SnapshotParts::minimal(), std::move(draft),
      [&](StoreSession& session, Snapshot& snapshot, json& detail, net::Initiative& stored) -> core::Status {
        if (core::Status valid = detail::validate_proposal(snapshot, stored); !valid) {
          return valid;
        }
        const net::Cycle* open = detail::open_cycle_of(snapshot);
        // Proposals made while a cycle is voting wait for the next cycle (cycle 0 until it
        // opens). So do proposals made after the cycle's ballot was shortlisted.
        const bool joins = open != nullptr && open->state == net::CycleState::kProposing && open->shortlist.empty();
        stored.cycle = joins ? open->number : 0;
        core::Result<net::InitiativeId> id = session.insert_initiative(stored);
        if (!id) {
          return id.error();
        }
        stored.id = *id;
        detail = {{"initiative", stored.id},     {"title", stored.title},
                  {"proposer", stored.proposer}, {"cost", core::to_string(stored.cost)},
                  {"cycle", stored.cycle},       {"volunteers", stored.volunteers},
                  {"nominees", stored.nominees}};
        return {};
      });
}

core::Result<net::Initiative> Program::withdraw(net::InitiativeId id, const std::string& reason) {
  return detail::run_change_to<net::Initiative>(
      {store_, actor_, *clock_}, "withdraw", SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, net::Initiative& changed) -> core::Status {
        const net::Initiative* known = snapshot.find_initiative(id);
        if (known != nullptr) {
          if (core::Status allowed = detail::require_acts_for(actor_, known->proposer, true, "initiative"); !allowed) {
            return allowed;
          }
        }
        core::Result<const net::Initiative*> found = undecided_initiative(snapshot, id, "withdrawn");
        if (!found) {
          return found.error();
        }
        const net::Initiative* initiative = *found;
        const net::Cycle* cycle = snapshot.find_cycle(initiative->cycle);
        const bool voting = cycle != nullptr && cycle->state == net::CycleState::kVoting;
        if (voting && !actor_.coordinates()) {
          return detail::conflict("cycle " + std::to_string(cycle->number) +
                                      " is voting on it; only a coordinator can take it off the ballot now",
                                  "initiative");
        }
        if (core::Status text = check_text_field(reason, kReasonField, "reason", voting); !text) {
          return text;
        }
        changed = *initiative;
        changed.status = net::InitiativeStatus::kWithdrawn;
        detail = {{"initiative", id}, {"reason", reason}};
        if (voting) {
          detail["during_voting_of_cycle"] = cycle->number;
        }
        if (core::Status updated = session.update_initiative(changed); !updated) {
          return updated;
        }
        detail::OutboxWriter outbox = detail::outbox_of(session, store_, *clock_);
        return detail::record_withdrawn(outbox, snapshot, changed, reason, voting);
      });
}

core::Result<net::Initiative> Program::volunteer(net::InitiativeId id, net::PartnerId partner) {
  return change_lead_offer(
      {store_, actor_, *clock_}, "volunteer", id, partner,
      [&](const Snapshot& snapshot, net::Initiative& changed, json& detail) -> core::Status {
        if (core::Result<const net::Partner*> who =
                detail::member(snapshot, partner, detail::membership_cycle(snapshot), "partner");
            !who) {
          return who.error();
        }
        const bool consents = actor_.acts_for(partner);
        if (consents) {
          erase(changed.nominees, partner);
          if (!contains(changed.volunteers, partner)) {
            changed.volunteers.push_back(partner);
          }
        } else if (!contains(changed.volunteers, partner) && !contains(changed.nominees, partner)) {
          changed.nominees.push_back(partner);
        }
        detail = {{"initiative", id}, {"partner", partner}, {"accepted", consents}};
        return {};
      });
}

core::Result<net::Initiative> Program::stand_down(net::InitiativeId id, net::PartnerId partner) {
  return change_lead_offer(
      {store_, actor_, *clock_}, "stand_down", id, partner,
      [&](const Snapshot&, net::Initiative& changed, json& detail) -> core::Status {
        if (!actor_.acts_for(partner) && contains(changed.volunteers, partner)) {
          return core::make_error(core::ErrorKind::kForbidden,
                                  "partner " + std::to_string(partner) +
                                      " volunteered itself; only its representative can withdraw the offer",
                                  "partner");
        }
        if (!contains(changed.volunteers, partner) && !contains(changed.nominees, partner)) {
          return detail::not_found("partner " + std::to_string(partner) + " neither volunteers nor is named to lead " +
                                       "initiative " + std::to_string(id),
                                   "partner");
        }
        erase(changed.volunteers, partner);
        erase(changed.nominees, partner);
        detail = {{"initiative", id}, {"partner", partner}};
        return {};
      });
}

}  // namespace covalue::program
