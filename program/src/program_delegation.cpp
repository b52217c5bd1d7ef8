// Delegation (issue 14 item 5): a partner's ballot for one cycle cast by another member partner, its proxy; and
// the turnout a close is checked against (issue 13 item 6). The ballot stays the represented partner's (it counts
// as its participation, in reminders and in turnout) and records the proxy that cast it.
#include <algorithm>

#include "covalue/program/program.hpp"
#include "program_events.hpp"
#include "use_case.hpp"

namespace covalue::program {
namespace {

using nlohmann::json;

//! The delegation of `partner` among `delegations`, or null.
const Delegation* delegation_of(const std::vector<Delegation>& delegations, net::PartnerId partner) {
  auto found =
      std::find_if(delegations.begin(), delegations.end(), [&](const Delegation& d) { return d.partner == partner; });
  return found == delegations.end() ? nullptr : &*found;
}

//! The cycle `number`, while it is open (proposing or voting): delegations end at the close.
core::Result<const net::Cycle*> open_for_delegation(const Snapshot& snapshot, net::CycleNumber number) {
  core::Result<const net::Cycle*> cycle = snapshot.require_cycle(number);
  if (!cycle) {
    return cycle;
  }
  const net::CycleState state = (*cycle)->state;
  if (state != net::CycleState::kProposing && state != net::CycleState::kVoting) {
    return detail::conflict("cycle " + std::to_string(number) + " is " + net::name_of(state) +
                                "; a ballot can be delegated (or taken back) only until its cycle closes",
                            "cycle");
  }
  return cycle;
}

//! Refuses chains: a proxy that has delegated its own ballot, a partner that holds others' ballots, and a second
//! delegation of the same partner.
core::Status check_no_chain(const std::vector<Delegation>& delegations, net::PartnerId partner, net::PartnerId proxy,
                            net::CycleNumber cycle) {
  const std::string in_cycle = " in cycle " + std::to_string(cycle);
  if (const Delegation* given = delegation_of(delegations, partner); given != nullptr) {
    return detail::conflict("partner " + std::to_string(partner) + " has delegated its ballot" + in_cycle +
                                " to partner " + std::to_string(given->proxy) +
                                " already; revoke that delegation first",
                            "delegation");
  }
  for (const Delegation& held : delegations) {
    if (held.proxy == partner) {
      return detail::conflict("partner " + std::to_string(partner) + " casts the ballot of partner " +
                                  std::to_string(held.partner) + in_cycle +
                                  " as its proxy; a proxy cannot delegate onward (no chains)",
                              "delegation");
    }
  }
  if (const Delegation* onward = delegation_of(delegations, proxy); onward != nullptr) {
    return detail::conflict("partner " + std::to_string(proxy) + " has delegated its own ballot" + in_cycle +
                                " to partner " + std::to_string(onward->proxy) +
                                "; a ballot cannot pass on (no chains)",
                            "proxy");
  }
  return {};
}

json delegation_detail(const Delegation& delegation) {
  return {{"cycle", delegation.cycle}, {"partner", delegation.partner}, {"proxy", delegation.proxy}};
}

//! "30.8%": a share of 100 with one decimal, rounded half up ("50%" when whole).
std::string percent_text(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) {
    return "0%";
  }
  const std::int64_t tenths = (part * 2000 + whole) / (2 * whole);
  return std::to_string(tenths / 10) + (tenths % 10 == 0 ? "" : "." + std::to_string(tenths % 10)) + "%";
}

}  // namespace

std::string CycleTurnout::describe() const {
  std::string out = std::to_string(voted) + " of " + std::to_string(members) + " partners have voted (" +
                    percent_text(voted, members) + ")";
  if (delegated > 0) {
    out += ", " + std::to_string(delegated) + (delegated == 1 ? " ballot" : " ballots") + " cast by a proxy";
  }
  if (below) {
    out += ", below the charter's " + std::to_string(warning) + "%";
  }
  return out;
}

namespace detail {

//! The turnout of `cycle` in `snapshot` (its ballots read) against the charter.
CycleTurnout turnout_of(const Snapshot& snapshot, const net::Cycle& cycle) {
  CycleTurnout out;
  out.cycle = cycle.number;
  out.warning = snapshot.charter.close_turnout_warning;
  for (const net::Partner& partner : snapshot.partners) {
    if (!partner.member_in(cycle.number)) {
      continue;
    }
    ++out.members;
    auto ballot = std::find_if(snapshot.ballots.begin(), snapshot.ballots.end(), [&](const net::PartnerBallot& b) {
      return b.cycle == cycle.number && b.partner == partner.id;
    });
    if (ballot != snapshot.ballots.end()) {
      ++out.voted;
      out.delegated += ballot->cast_by != 0 ? 1 : 0;
    }
  }
  out.below = out.members > 0 && out.voted * 100 < out.warning * out.members;
  return out;
}

}  // namespace detail

core::Result<Delegation> Program::delegate(net::CycleNumber cycle, net::PartnerId partner, net::PartnerId proxy) {
  if (core::Status allowed = detail::require_acts_for(actor_, partner, false, "partner"); !allowed) {
    return allowed.error();
  }
  SnapshotParts parts;
  parts.initiatives_of = cycle;
  return detail::run_change_to<Delegation>(
      {store_, actor_, *clock_}, "delegate", parts, {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, Delegation& stored) -> core::Status {
        core::Result<const net::Cycle*> open = open_for_delegation(snapshot, cycle);
        if (!open) {
          return open.error();
        }
        if (core::Result<const net::Partner*> giver = detail::member(snapshot, partner, cycle, "partner"); !giver) {
          return giver.error();
        }
        if (proxy == partner) {
          return detail::invalid("a partner cannot delegate its ballot to itself; name another member partner",
                                 "proxy");
        }
        if (core::Result<const net::Partner*> taker = detail::member(snapshot, proxy, cycle, "proxy"); !taker) {
          return taker.error();
        }
        core::Result<std::vector<Delegation>> existing = session.delegations(cycle);
        if (!existing) {
          return existing.error();
        }
        if (core::Status chain = check_no_chain(*existing, partner, proxy, cycle); !chain) {
          return chain;
        }
        stored = {.cycle = cycle, .partner = partner, .proxy = proxy, .created_at = clock_->now()};
        if (core::Status inserted = session.insert_delegation(stored); !inserted) {
          return inserted;
        }
        detail = delegation_detail(stored);
        detail::OutboxWriter outbox = detail::outbox_of(session, store_, *clock_);
        return detail::record_delegated(outbox, snapshot, stored);
      });
}

core::Result<Delegation> Program::revoke_delegation(net::CycleNumber cycle, net::PartnerId partner) {
  if (core::Status allowed = detail::require_acts_for(actor_, partner, false, "partner"); !allowed) {
    return allowed.error();
  }
  SnapshotParts parts;
  parts.initiatives_of = cycle;
  return detail::run_change_to<Delegation>(
      {store_, actor_, *clock_}, "revoke_delegation", parts, {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, Delegation& revoked) -> core::Status {
        if (core::Result<const net::Cycle*> open = open_for_delegation(snapshot, cycle); !open) {
          return open.error();
        }
        core::Result<std::vector<Delegation>> existing = session.delegations(cycle);
        if (!existing) {
          return existing.error();
        }
        const Delegation* found = delegation_of(*existing, partner);
        if (found == nullptr) {
          return detail::not_found(
              "partner " + std::to_string(partner) + " has not delegated its ballot in cycle " + std::to_string(cycle),
              "delegation");
        }
        revoked = *found;
        if (core::Status removed = session.remove_delegation(cycle, partner); !removed) {
          return removed;
        }
        core::Result<std::vector<net::PartnerBallot>> ballots = session.ballots(cycle);
        if (!ballots) {
          return ballots.error();
        }
        // The proxy's ballot for it goes with the delegation: the partner votes for itself again.
        const bool cast = std::any_of(ballots->begin(), ballots->end(), [&](const net::PartnerBallot& b) {
          return b.partner == partner && b.cast_by == revoked.proxy;
        });
        detail = delegation_detail(revoked);
        detail["ballot_removed"] = cast;
        return cast ? session.remove_ballot(cycle, partner) : core::Status();
      });
}

core::Result<std::vector<Delegation>> Program::delegations(net::CycleNumber cycle) {
  core::Result<std::vector<Delegation>> all = detail::read_in<std::vector<Delegation>>(
      store_, [&](StoreSession& session) -> core::Result<std::vector<Delegation>> {
        core::Result<std::vector<net::Cycle>> cycles = session.cycles();
        if (!cycles) {
          return cycles.error();
        }
        if (std::none_of(cycles->begin(), cycles->end(), [&](const net::Cycle& c) { return c.number == cycle; })) {
          return detail::not_found("no cycle " + std::to_string(cycle), "cycle");
        }
        return session.delegations(cycle);
      });
  if (!all || actor_.coordinates() || actor_.role == Role::kObserver) {
    return all;
  }
  std::erase_if(*all, [&](const Delegation& d) { return !actor_.acts_for(d.partner) && !actor_.acts_for(d.proxy); });
  return all;
}

core::Result<CycleTurnout> Program::turnout(net::CycleNumber cycle) {
  SnapshotParts parts;
  parts.ballots = true;
  parts.initiatives_of = cycle;
  return detail::read_in<CycleTurnout>(store_, [&](StoreSession& session) -> core::Result<CycleTurnout> {
    core::Result<Snapshot> snapshot = read_snapshot(session, parts);
    if (!snapshot) {
      return snapshot.error();
    }
    core::Result<const net::Cycle*> found = snapshot->require_cycle(cycle);
    if (!found) {
      return found.error();
    }
    return detail::turnout_of(*snapshot, **found);
  });
}

core::Result<ClosedCycle> Program::close_cycle_confirming(net::CycleNumber cycle, bool confirm_low_turnout,
                                                          bool report) {
  return decide_and_close(cycle, true, report, confirm_low_turnout);
}

}  // namespace covalue::program
