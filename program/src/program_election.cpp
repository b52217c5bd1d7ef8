// The coordinator election (issue 14 item 4): under the charter's coordination `election`, when a term ends the
// partners elect the coordinating partner among the willing partners; the previous one stays until it is decided.
#include <algorithm>
#include <iterator>
#include <map>
#include <tuple>

#include "coordination.hpp"
#include "covalue/program/program.hpp"
#include "covalue/program/utc_time.hpp"
#include "outbox_writer.hpp"
#include "use_case.hpp"

// Drafts name only the members they set (the others keep their defaults), which GCC's -Wextra reports.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace covalue::program {

using nlohmann::json;

namespace {

std::string name_of_partner(const Snapshot& snapshot, net::PartnerId id) {
  const net::Partner* partner = snapshot.find_partner(id);
  return partner != nullptr ? partner->name : "partner " + std::to_string(id);
}

//! The partners willing to coordinate that are members in `cycle`, by id.
core::Result<std::vector<net::PartnerId>> candidates_in(StoreSession& session, const Snapshot& snapshot,
                                                        net::CycleNumber cycle) {
  core::Result<std::vector<net::PartnerId>> willing = session.willing_to_coordinate();
  if (!willing) {
    return willing.error();
  }
  std::erase_if(*willing, [&](net::PartnerId id) {
    const net::Partner* partner = snapshot.find_partner(id);
    return partner == nullptr || !partner->member_in(cycle);
  });
  return willing;
}

std::string names_of(const Snapshot& snapshot, const std::vector<net::PartnerId>& ids) {
  std::string out;
  for (const net::PartnerId id : ids) {
    out += (out.empty() ? "" : ", ") + name_of_partner(snapshot, id);
  }
  return out;
}

//! The open election, if any.
CoordinatorElection* open_one(std::vector<CoordinatorElection>& elections) {
  const auto found = std::find_if(elections.begin(), elections.end(),
                                  [](const CoordinatorElection& e) { return e.state == ElectionState::kOpen; });
  return found == elections.end() ? nullptr : &*found;
}

//! What an election decides: the partner elected (none without candidates) and why, in words.
struct Tally {
  std::optional<net::PartnerId> elected;
  std::string result;
  json counts = json::array();
};

std::string votes_text(std::int64_t n) { return std::to_string(n) + (n == 1 ? " vote" : " votes"); }

//! The decision among `candidates` (by id): most votes of member partners `voters` for a candidate; ties to the
//! fewest past terms (`terms`), then the lowest partner id.
Tally tally(const CoordinatorElection& election, const std::vector<net::PartnerId>& candidates,
            const std::vector<net::PartnerId>& voters, const std::map<net::PartnerId, std::int64_t>& terms,
            const Snapshot& snapshot) {
  Tally out;
  if (candidates.empty()) {
    out.result = "nobody elected: no member partner is willing to coordinate, so the coordination stays as it was";
    return out;
  }
  std::map<net::PartnerId, std::int64_t> votes;
  std::int64_t cast = 0;
  for (const CoordinatorVote& vote : election.votes) {
    const bool counts = std::find(voters.begin(), voters.end(), vote.voter) != voters.end() &&
                        std::find(candidates.begin(), candidates.end(), vote.candidate) != candidates.end();
    if (counts) {
      ++votes[vote.candidate];
      ++cast;
    }
  }
  const auto past = [&](net::PartnerId id) {
    const auto found = terms.find(id);
    return found == terms.end() ? std::int64_t{0} : found->second;
  };
  std::vector<net::PartnerId> order = candidates;
  std::sort(order.begin(), order.end(), [&](net::PartnerId a, net::PartnerId b) {
    return std::tuple(-votes[a], past(a), a) < std::tuple(-votes[b], past(b), b);
  });
  const net::PartnerId winner = order.front();
  out.elected = winner;
  for (const net::PartnerId id : order) {
    out.counts.push_back({{"partner", id},
                          {"partner_name", name_of_partner(snapshot, id)},
                          {"votes", votes[id]},
                          {"past_terms", past(id)}});
  }
  const std::string name = name_of_partner(snapshot, winner);
  out.result = name + " elected with " + std::to_string(votes[winner]) + " of " + std::to_string(voters.size()) +
               " member partners' votes";
  std::vector<net::PartnerId> tied;
  std::copy_if(order.begin() + 1, order.end(), std::back_inserter(tied),
               [&](net::PartnerId id) { return votes[id] == votes[winner]; });
  if (cast == 0) {
    out.result = name +
                 " elected: no vote counted for a willing partner, so the tie rule chose among every willing partner "
                 "(fewest past terms, then the lowest partner id)";
  } else if (!tied.empty()) {
    const bool by_terms = past(tied.front()) > past(winner);
    out.result += "; tied with " + names_of(snapshot, tied) + " at " + votes_text(votes[winner]) + ", " +
                  (by_terms ? "it has held the fewest terms (" + std::to_string(past(winner)) + ")"
                            : "the fewest past terms tie too, so the lowest partner id");
  } else if (order.size() > 1) {
    out.result += " (next: " + name_of_partner(snapshot, order[1]) + " with " + votes_text(votes[order[1]]) + ")";
  }
  return out;
}

json votes_detail(const CoordinatorElection& election, const Snapshot& snapshot) {
  json out = json::array();
  for (const CoordinatorVote& vote : election.votes) {
    out.push_back({{"voter", vote.voter},
                   {"voter_name", name_of_partner(snapshot, vote.voter)},
                   {"candidate", vote.candidate},
                   {"candidate_name", name_of_partner(snapshot, vote.candidate)}});
  }
  return out;
}

}  // namespace

namespace detail {

core::Status open_coordinator_election(StoreSession& session, const Store& store, Clock& clock,
                                       const Snapshot& snapshot, net::CycleNumber cycle, json& detail) {
  core::Result<std::vector<CoordinationTerm>> terms = session.coordination_terms();
  if (!terms) {
    return terms.error();
  }
  if (!terms->empty() && cycle < terms->back().first_cycle + snapshot.charter.coordination_term) {
    return {};
  }
  core::Result<std::vector<CoordinatorElection>> elections = session.coordinator_elections();
  if (!elections) {
    return elections.error();
  }
  if (open_one(*elections) != nullptr) {
    return {};  // the term's election is still open: the previous coordinator stays until it is decided
  }
  core::Result<std::vector<net::PartnerId>> candidates = candidates_in(session, snapshot, cycle);
  if (!candidates) {
    return candidates.error();
  }
  if (candidates->empty()) {
    return {};
  }
  const UtcSeconds now = seconds_now(clock);
  CoordinatorElection election;
  election.term_cycle = cycle;
  election.opened_at = format_utc(now);
  election.window_ends_at = window_end(now, snapshot.charter.amendment_window_hours);
  core::Result<ElectionId> id = session.insert_coordinator_election(election);
  if (!id) {
    return id.error();
  }
  const std::string coordinator =
      terms->empty() ? std::string("the network's coordinators") : name_of_partner(snapshot, terms->back().partner);
  const std::string names = names_of(snapshot, *candidates);
  detail["coordinator_election"] = {
      {"election", *id}, {"term_cycle", cycle}, {"candidates", names}, {"window_ends_at", election.window_ends_at}};
  OutboxWriter outbox = outbox_of(session, store, clock);
  core::Result<bool> recorded = outbox.record({.kind = EventKind::kElectionOpened,
                                               .cycle = cycle,
                                               .payload = {{"election", *id},
                                                           {"term_cycle", cycle},
                                                           {"candidates", names},
                                                           {"coordinator", coordinator},
                                                           {"window_ends_at", election.window_ends_at}}});
  return recorded ? core::Status() : core::Status(recorded.error());
}

}  // namespace detail

core::Result<Coordination> Program::vote_for_coordinator(net::PartnerId voter, net::PartnerId candidate) {
  if (core::Status allowed = detail::require_acts_for(actor_, voter, false, "partner"); !allowed) {
    return allowed.error();
  }
  core::Status voted = detail::run_change(
      {store_, actor_, *clock_}, "vote_for_coordinator", SnapshotParts::minimal(),
      [&](StoreSession& session, Snapshot& snapshot, json& detail) -> core::Status {
        const net::CycleNumber cycle = detail::membership_cycle(snapshot);
        core::Result<const net::Partner*> member = detail::member(snapshot, voter, cycle, "partner");
        if (!member) {
          return member.error();
        }
        core::Result<std::vector<CoordinatorElection>> elections = session.coordinator_elections();
        if (!elections) {
          return elections.error();
        }
        const CoordinatorElection* open = open_one(*elections);
        if (open == nullptr) {
          return detail::not_found("no coordinator election is open: one opens when a coordinator's term ends",
                                   "election");
        }
        const std::string now = format_utc(detail::seconds_now(*clock_));
        if (now >= open->window_ends_at) {
          return detail::conflict("the window of coordinator election " + std::to_string(open->id) + " ended at " +
                                      open->window_ends_at + "; votes can no longer change",
                                  "election");
        }
        core::Result<std::vector<net::PartnerId>> candidates = candidates_in(session, snapshot, cycle);
        if (!candidates) {
          return candidates.error();
        }
        if (std::find(candidates->begin(), candidates->end(), candidate) == candidates->end()) {
          return detail::invalid("partner " + std::to_string(candidate) +
                                     " is not a member partner willing to coordinate; the candidates are " +
                                     (candidates->empty() ? std::string("none") : names_of(snapshot, *candidates)),
                                 "candidate");
        }
        if (core::Status stored = session.put_coordinator_vote(open->id, {voter, candidate, now, actor_.name});
            !stored) {
          return stored;
        }
        detail = {{"election", open->id},
                  {"voter", voter},
                  {"voter_name", (*member)->name},
                  {"candidate", candidate},
                  {"candidate_name", name_of_partner(snapshot, candidate)}};
        return {};
      });
  if (!voted) {
    return voted.error();
  }
  return coordination();
}

core::Result<CoordinatorElection> Program::decide_coordinator_election(ElectionId id) {
  if (core::Status allowed = detail::require_coordinator(actor_, "decide a coordinator election"); !allowed) {
    return allowed.error();
  }
  return detail::run_change_to<CoordinatorElection>(
      {store_, actor_, *clock_}, "decide_coordinator_election", SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, CoordinatorElection& out) -> core::Status {
        core::Result<std::vector<CoordinatorElection>> elections = session.coordinator_elections();
        if (!elections) {
          return elections.error();
        }
        const auto found = std::find_if(elections->begin(), elections->end(),
                                        [&](const CoordinatorElection& e) { return e.id == id; });
        if (found == elections->end()) {
          return detail::not_found("no coordinator election with id " + std::to_string(id), "election");
        }
        CoordinatorElection& election = *found;
        if (election.state != ElectionState::kOpen) {
          return detail::conflict("coordinator election " + std::to_string(id) + " is decided already", "election");
        }
        const std::string now = format_utc(detail::seconds_now(*clock_));
        if (now < election.window_ends_at) {
          return detail::conflict("the window of coordinator election " + std::to_string(id) + " ends at " +
                                      election.window_ends_at + "; partners may vote until then",
                                  "election");
        }
        const net::CycleNumber cycle = detail::membership_cycle(snapshot);
        core::Result<std::vector<net::PartnerId>> candidates = candidates_in(session, snapshot, cycle);
        core::Result<std::vector<CoordinationTerm>> terms = session.coordination_terms();
        if (!candidates || !terms) {
          return candidates ? terms.error() : candidates.error();
        }
        std::vector<net::PartnerId> voters;
        for (const net::Partner& partner : snapshot.partners) {
          if (partner.member_in(cycle)) {
            voters.push_back(partner.id);
          }
        }
        std::map<net::PartnerId, std::int64_t> past;
        for (const CoordinationTerm& term : *terms) {
          ++past[term.partner];
        }
        const Tally decided = tally(election, *candidates, voters, past, snapshot);
        if (decided.elected) {
          if (core::Status begun = session.insert_coordination_term({election.term_cycle, *decided.elected}); !begun) {
            return begun;
          }
        }
        election.state = ElectionState::kDecided;
        election.decided_at = now;
        election.elected = decided.elected;
        election.result = decided.result;
        if (core::Status stored = session.update_coordinator_election(election); !stored) {
          return stored;
        }
        detail = {{"election", id},
                  {"term_cycle", election.term_cycle},
                  {"votes", votes_detail(election, snapshot)},
                  {"tally", decided.counts},
                  {"elected", decided.elected ? json(*decided.elected) : json()},
                  {"result", decided.result}};
        out = election;
        detail::OutboxWriter outbox = detail::outbox_of(session, store_, *clock_);
        core::Result<bool> recorded = outbox.record(
            {.kind = EventKind::kCoordinatorElected,
             .cycle = election.term_cycle,
             .payload = {{"election", id},
                         {"elected_name", decided.elected ? name_of_partner(snapshot, *decided.elected) : ""},
                         {"result", decided.result}}});
        return recorded ? core::Status() : core::Status(recorded.error());
      });
}

core::Result<std::vector<CoordinatorElection>> Program::coordinator_elections() {
  return detail::read_in<std::vector<CoordinatorElection>>(
      store_, [](StoreSession& session) -> core::Result<std::vector<CoordinatorElection>> {
        core::Result<std::optional<net::Charter>> charter = session.charter();
        if (!charter) {
          return charter.error();
        }
        if (!charter->has_value()) {
          return detail::not_found(std::string(kNoNetworkMessage), "network");
        }
        return session.coordinator_elections();
      });
}

core::Status Program::decide_due_coordinator_elections() {
  core::Result<std::vector<CoordinatorElection>> elections = coordinator_elections();
  if (!elections) {
    return elections.error().kind == core::ErrorKind::kNotFound ? core::Status() : core::Status(elections.error());
  }
  const std::string now = format_utc(detail::seconds_now(*clock_));
  for (const CoordinatorElection& election : *elections) {
    if (election.state != ElectionState::kOpen || now < election.window_ends_at) {
      continue;
    }
    core::Result<CoordinatorElection> decided = decide_coordinator_election(election.id);
    // Someone decided it meanwhile: nothing is left to do.
    if (!decided && decided.error().kind != core::ErrorKind::kConflict) {
      return decided.error();
    }
  }
  return {};
}

}  // namespace covalue::program
