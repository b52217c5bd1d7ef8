// Charter proposals and the coordination rotation (issue 14 item 4): the charter decided by the partners.
#include <algorithm>
#include <iterator>

#include "coordination.hpp"
#include "covalue/core/network/charter_fields.hpp"
#include "covalue/program/limits.hpp"
#include "covalue/program/program.hpp"
#include "covalue/program/utc_time.hpp"
#include "outbox_writer.hpp"
#include "use_case.hpp"

// Drafts name only the members they set (the others keep their defaults), which GCC's -Wextra reports.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace covalue::program {

using nlohmann::json;

namespace {

using detail::seconds_now;
using detail::window_end;

//! The proposal with this id (kNotFound naming "proposal").
core::Result<CharterProposal*> find_proposal(std::vector<CharterProposal>& proposals, ProposalId id) {
  const auto found =
      std::find_if(proposals.begin(), proposals.end(), [&](const CharterProposal& p) { return p.id == id; });
  if (found == proposals.end()) {
    return detail::not_found("no charter proposal with id " + std::to_string(id), "proposal");
  }
  return &*found;
}

//! kConflict naming "proposal" unless the proposal is open.
core::Status require_open(const CharterProposal& proposal) {
  if (proposal.state == ProposalState::kOpen) {
    return {};
  }
  return detail::conflict(
      "charter proposal " + std::to_string(proposal.id) + " is " + name_of(proposal.state) + " already", "proposal");
}

//! kForbidden unless `actor` coordinates or represents a partner (observers read only).
core::Status require_may_propose(const Actor& actor) {
  if (actor.coordinates() || (actor.role == Role::kRepresentative && actor.partner)) {
    return {};
  }
  return core::make_error(core::ErrorKind::kForbidden,
                          std::string("only a partner's representative or a coordinator can propose a charter "
                                      "change; this token is a ") +
                              name_of(actor.role),
                          "role");
}

//! kForbidden unless `actor` coordinates or represents the proposal's proposer.
core::Status require_proposer(const Actor& actor, const CharterProposal& proposal, const char* what = "revise") {
  if (actor.coordinates() ||
      (proposal.proposer && actor.role == Role::kRepresentative && actor.partner == proposal.proposer)) {
    return {};
  }
  return core::make_error(core::ErrorKind::kForbidden,
                          "only the proposing partner's representative or a coordinator can " + std::string(what) +
                              " charter proposal " + std::to_string(proposal.id),
                          "proposal");
}

//! kConflict naming the field when an open proposal other than `self` changes one of `fields`.
core::Status check_fields_free(const std::vector<CharterProposal>& proposals, const std::vector<std::string>& fields,
                               ProposalId self) {
  for (const CharterProposal& other : proposals) {
    if (other.state != ProposalState::kOpen || other.id == self) {
      continue;
    }
    for (const std::string& field : fields) {
      if (std::find(other.fields.begin(), other.fields.end(), field) != other.fields.end()) {
        return detail::conflict(
            "charter proposal " + std::to_string(other.id) + " is open on " + field + "; decide or revise it first",
            field);
      }
    }
  }
  return {};
}

//! "capacity 40 to 30; rule mes to greedy".
std::string summary_of(const CharterProposal& proposal, const net::Charter& current) {
  std::string out;
  for (const std::string& field : proposal.fields) {
    out += (out.empty() ? "" : "; ") + field + " " + net::charter_field_text(current, field) + " to " +
           net::charter_field_text(proposal.proposed, field);
  }
  return out;
}

json changes_detail(const CharterProposal& proposal, const net::Charter& current) {
  json changes = json::array();
  for (const std::string& field : proposal.fields) {
    changes.push_back({{"field", field},
                       {"from", net::charter_field_text(current, field)},
                       {"to", net::charter_field_text(proposal.proposed, field)}});
  }
  return changes;
}

json proposal_detail(const CharterProposal& proposal, const net::Charter& current) {
  json out = {{"proposal", proposal.id},
              {"revision", proposal.revision},
              {"changes", changes_detail(proposal, current)},
              {"rationale", proposal.rationale},
              {"window_ends_at", proposal.window_ends_at}};
  if (proposal.proposer) {
    out["proposer"] = *proposal.proposer;
  }
  return out;
}

std::string partner_name(const Snapshot& snapshot, net::PartnerId id) {
  const net::Partner* partner = snapshot.find_partner(id);
  return partner != nullptr ? partner->name : "partner " + std::to_string(id);
}

//! Checks a proposed charter and what it changes against the current one: the fields it changes (kInvalidInput
//! naming "changes" for none).
core::Result<std::vector<std::string>> changed_fields(const net::Charter& current, const net::Charter& proposed,
                                                      const std::string& rationale) {
  if (core::Status checked = detail::check_charter(proposed); !checked) {
    return checked.error();
  }
  if (core::Status text = check_text_field(rationale, kDescriptionField, "rationale", true); !text) {
    return text.error();
  }
  std::vector<std::string> fields = net::changed_charter_fields(current, proposed);
  if (fields.empty()) {
    return detail::invalid("the proposal changes nothing: give at least one charter field a new value", "changes");
  }
  return fields;
}

core::Status record_proposed(StoreSession& session, const Store& store, Clock& clock, const CharterProposal& proposal,
                             const Snapshot& snapshot) {
  detail::OutboxWriter outbox = detail::outbox_of(session, store, clock);
  const std::string by = proposal.proposer ? partner_name(snapshot, *proposal.proposer) : "A coordinator";
  core::Result<bool> recorded = outbox.record({.kind = EventKind::kCharterProposed,
                                               .cycle = 0,
                                               .payload = {{"proposal", proposal.id},
                                                           {"revision", proposal.revision},
                                                           {"summary", summary_of(proposal, snapshot.charter)},
                                                           {"rationale", proposal.rationale},
                                                           {"proposed_by", by},
                                                           {"rule", net::name_of(snapshot.charter.amendment_rule)},
                                                           {"window_ends_at", proposal.window_ends_at}}});
  return recorded ? core::Status() : core::Status(recorded.error());
}

//! The decision of `proposal` under `charter`'s amendment rule, among the member partners `members`: adopted or
//! not, and why in words.
std::pair<bool, std::string> decide(const CharterProposal& proposal, const net::Charter& charter,
                                    const std::vector<net::PartnerId>& members, const Snapshot& snapshot) {
  std::int64_t agree = 0;
  std::vector<std::string> objecting;
  for (const PartnerPosition& position : proposal.positions) {
    if (std::find(members.begin(), members.end(), position.partner) == members.end()) {
      continue;  // a partner that left since: its position no longer counts
    }
    agree += position.position == Position::kAgree ? 1 : 0;
    if (position.position == Position::kObject) {
      objecting.push_back(partner_name(snapshot, position.partner) + " (" + position.reason.substr(0, 200) + ")");
    }
  }
  const std::string of = std::to_string(agree) + " of " + std::to_string(members.size()) + " partners agreed";
  if (charter.amendment_rule == net::AmendmentRule::kMajority) {
    core::Rational share = members.empty() ? core::Rational(0) : core::Rational(agree, members.size());
    share.canonicalize();
    const bool adopted = !members.empty() && share >= charter.amendment_majority;
    return {adopted, (adopted ? "adopted: " : "rejected: ") + of + ", " + core::to_string(charter.amendment_majority) +
                         " needed (majority)"};
  }
  if (!objecting.empty()) {
    std::string names;
    for (const std::string& name : objecting) {
      names += (names.empty() ? "" : "; ") + name;
    }
    return {false, "rejected: objected to by " + names + " (consent)"};
  }
  return {true, "adopted: no partner objected, " + of + " (consent)"};
}

json positions_detail(const CharterProposal& proposal, const Snapshot& snapshot) {
  json out = json::array();
  for (const PartnerPosition& position : proposal.positions) {
    out.push_back({{"partner", position.partner},
                   {"partner_name", partner_name(snapshot, position.partner)},
                   {"position", name_of(position.position)},
                   {"reason", position.reason}});
  }
  return out;
}

std::vector<net::PartnerId> member_ids(const Snapshot& snapshot) {
  const net::CycleNumber cycle = detail::membership_cycle(snapshot);
  std::vector<net::PartnerId> out;
  for (const net::Partner& partner : snapshot.partners) {
    if (partner.member_in(cycle)) {
      out.push_back(partner.id);
    }
  }
  return out;
}

}  // namespace

namespace detail {

namespace {
constexpr std::int64_t kSecondsPerHour = 3600;
}  // namespace

std::string window_end(UtcSeconds now, const core::Rational& hours) {
  const core::Rational seconds = hours * kSecondsPerHour;
  const core::Integer whole = seconds.get_num() / seconds.get_den();
  return format_utc(now + std::max<std::int64_t>(1, whole.get_si()));
}

UtcSeconds seconds_now(Clock& clock) {
  core::Result<UtcSeconds> now = parse_utc(clock.now(), "clock");
  return now ? *now : 0;
}

core::Status rotate_coordination(StoreSession& session, const Store& store, Clock& clock, const Snapshot& snapshot,
                                 net::CycleNumber cycle, json& detail) {
  if (snapshot.charter.coordination == net::Coordination::kElection) {
    return open_coordinator_election(session, store, clock, snapshot, cycle, detail);
  }
  if (snapshot.charter.coordination != net::Coordination::kRotation) {
    return {};
  }
  core::Result<std::vector<CoordinationTerm>> terms = session.coordination_terms();
  if (!terms) {
    return terms.error();
  }
  if (!terms->empty() && cycle < terms->back().first_cycle + snapshot.charter.coordination_term) {
    return {};
  }
  core::Result<std::vector<net::PartnerId>> willing = session.willing_to_coordinate();
  if (!willing) {
    return willing.error();
  }
  std::vector<net::PartnerId> members;
  std::copy_if(willing->begin(), willing->end(), std::back_inserter(members), [&](net::PartnerId id) {
    const net::Partner* partner = snapshot.find_partner(id);
    return partner != nullptr && partner->member_in(cycle);
  });
  if (members.empty()) {
    return {};
  }
  const net::PartnerId last = terms->empty() ? 0 : terms->back().partner;
  const auto after = std::upper_bound(members.begin(), members.end(), last);
  const CoordinationTerm term{cycle, after == members.end() ? members.front() : *after};
  if (core::Status stored = session.insert_coordination_term(term); !stored) {
    return stored;
  }
  detail["coordinator"] = {{"partner", term.partner}, {"name", partner_name(snapshot, term.partner)}};
  return {};
}

}  // namespace detail

core::Result<CharterProposal> Program::propose_charter_change(const net::Charter& proposed,
                                                              const std::string& rationale) {
  if (core::Status allowed = require_may_propose(actor_); !allowed) {
    return allowed.error();
  }
  return detail::run_change_to<CharterProposal>(
      {store_, actor_, *clock_}, "propose_charter_change", SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, CharterProposal& proposal) -> core::Status {
        if (snapshot.charter.amendment_rule == net::AmendmentRule::kCoordinator) {
          return detail::conflict(
              "the charter's amendment rule is coordinator: a coordinator changes the charter directly (make it "
              "consent or majority to decide changes by proposals)",
              "amendment_rule");
        }
        core::Result<std::vector<std::string>> fields = changed_fields(snapshot.charter, proposed, rationale);
        if (!fields) {
          return fields.error();
        }
        core::Result<std::vector<CharterProposal>> proposals = session.charter_proposals();
        if (!proposals) {
          return proposals.error();
        }
        if (core::Status free = check_fields_free(*proposals, *fields, 0); !free) {
          return free;
        }
        const UtcSeconds now = seconds_now(*clock_);
        proposal.proposed = proposed;
        proposal.fields = std::move(*fields);
        proposal.rationale = rationale;
        proposal.proposer = actor_.role == Role::kRepresentative ? actor_.partner : std::nullopt;
        proposal.proposed_by = actor_.name;
        proposal.opened_at = format_utc(now);
        proposal.window_ends_at = window_end(now, snapshot.charter.amendment_window_hours);
        core::Result<ProposalId> id = session.insert_charter_proposal(proposal);
        if (!id) {
          return id.error();
        }
        proposal.id = *id;
        detail = proposal_detail(proposal, snapshot.charter);
        detail["rule"] = net::name_of(snapshot.charter.amendment_rule);
        return record_proposed(session, store_, *clock_, proposal, snapshot);
      });
}

core::Result<CharterProposal> Program::revise_charter_proposal(ProposalId id, const net::Charter& proposed,
                                                               const std::string& rationale) {
  if (core::Status allowed = require_may_propose(actor_); !allowed) {
    return allowed.error();
  }
  return detail::run_change_to<CharterProposal>(
      {store_, actor_, *clock_}, "revise_charter_proposal", SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, CharterProposal& out) -> core::Status {
        core::Result<std::vector<CharterProposal>> proposals = session.charter_proposals();
        if (!proposals) {
          return proposals.error();
        }
        core::Result<CharterProposal*> found = find_proposal(*proposals, id);
        if (!found) {
          return found.error();
        }
        CharterProposal& proposal = **found;
        if (core::Status allowed = require_proposer(actor_, proposal); !allowed) {
          return allowed;
        }
        if (core::Status open = require_open(proposal); !open) {
          return open;
        }
        core::Result<std::vector<std::string>> fields = changed_fields(snapshot.charter, proposed, rationale);
        if (!fields) {
          return fields.error();
        }
        if (core::Status free = check_fields_free(*proposals, *fields, id); !free) {
          return free;
        }
        const UtcSeconds now = seconds_now(*clock_);
        proposal.proposed = proposed;
        proposal.fields = std::move(*fields);
        proposal.rationale = rationale;
        proposal.revision += 1;
        proposal.opened_at = format_utc(now);
        proposal.window_ends_at = window_end(now, snapshot.charter.amendment_window_hours);
        proposal.positions.clear();
        if (core::Status cleared = session.clear_charter_positions(id); !cleared) {
          return cleared;
        }
        if (core::Status stored = session.update_charter_proposal(proposal); !stored) {
          return stored;
        }
        detail = proposal_detail(proposal, snapshot.charter);
        out = proposal;
        return record_proposed(session, store_, *clock_, proposal, snapshot);
      });
}

core::Result<CharterProposal> Program::take_position(ProposalId id, net::PartnerId partner, Position position,
                                                     const std::string& reason) {
  if (core::Status allowed = detail::require_acts_for(actor_, partner, false, "partner"); !allowed) {
    return allowed.error();
  }
  if (core::Status text = check_text_field(reason, kReasonField, "reason", position == Position::kObject); !text) {
    if (position == Position::kObject && reason.empty()) {
      return detail::invalid("an objection needs a reason: say what would have to change for your partner to agree",
                             "reason");
    }
    return text.error();
  }
  return detail::run_change_to<CharterProposal>(
      {store_, actor_, *clock_}, "take_charter_position", SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, CharterProposal& out) -> core::Status {
        core::Result<const net::Partner*> member =
            detail::member(snapshot, partner, detail::membership_cycle(snapshot), "partner");
        if (!member) {
          return member.error();
        }
        core::Result<std::vector<CharterProposal>> proposals = session.charter_proposals();
        if (!proposals) {
          return proposals.error();
        }
        core::Result<CharterProposal*> found = find_proposal(*proposals, id);
        if (!found) {
          return found.error();
        }
        CharterProposal& proposal = **found;
        if (core::Status open = require_open(proposal); !open) {
          return open;
        }
        const std::string now = format_utc(seconds_now(*clock_));
        if (now >= proposal.window_ends_at) {
          return detail::conflict("the window of charter proposal " + std::to_string(id) + " ended at " +
                                      proposal.window_ends_at + "; positions can no longer change",
                                  "proposal");
        }
        const PartnerPosition taken{partner, position, position == Position::kAgree ? std::string() : reason, now,
                                    actor_.name};
        if (core::Status stored = session.put_charter_position(id, taken); !stored) {
          return stored;
        }
        std::erase_if(proposal.positions, [&](const PartnerPosition& p) { return p.partner == partner; });
        proposal.positions.push_back(taken);
        std::sort(proposal.positions.begin(), proposal.positions.end(),
                  [](const auto& a, const auto& b) { return a.partner < b.partner; });
        detail = {{"proposal", id},
                  {"revision", proposal.revision},
                  {"partner", partner},
                  {"partner_name", (*member)->name},
                  {"position", name_of(position)},
                  {"reason", taken.reason}};
        out = proposal;
        return {};
      });
}

core::Result<CharterProposal> Program::decide_charter_proposal(ProposalId id) {
  if (core::Status allowed = detail::require_coordinator(actor_, "decide a charter proposal"); !allowed) {
    return allowed.error();
  }
  return detail::run_change_to<CharterProposal>(
      {store_, actor_, *clock_}, "decide_charter_proposal", SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, CharterProposal& out) -> core::Status {
        core::Result<std::vector<CharterProposal>> proposals = session.charter_proposals();
        if (!proposals) {
          return proposals.error();
        }
        core::Result<CharterProposal*> found = find_proposal(*proposals, id);
        if (!found) {
          return found.error();
        }
        CharterProposal& proposal = **found;
        if (core::Status open = require_open(proposal); !open) {
          return open;
        }
        const std::string now = format_utc(seconds_now(*clock_));
        if (now < proposal.window_ends_at) {
          return detail::conflict("the window of charter proposal " + std::to_string(id) + " ends at " +
                                      proposal.window_ends_at + "; partners may take positions until then",
                                  "proposal");
        }
        const auto [adopted, result] = decide(proposal, snapshot.charter, member_ids(snapshot), snapshot);
        detail = proposal_detail(proposal, snapshot.charter);
        detail["rule"] = net::name_of(snapshot.charter.amendment_rule);
        detail["positions"] = positions_detail(proposal, snapshot);
        const std::string summary = summary_of(proposal, snapshot.charter);
        if (adopted) {
          core::Result<net::Charter> charter =
              net::copy_charter_fields(proposal.proposed, snapshot.charter, proposal.fields);
          if (!charter) {
            return charter.error();
          }
          if (core::Status checked = detail::check_charter(*charter); !checked) {
            return checked;
          }
          if (core::Status saved = session.save_charter(*charter); !saved) {
            return saved;
          }
        }
        proposal.state = adopted ? ProposalState::kAdopted : ProposalState::kRejected;
        proposal.decided_at = now;
        proposal.result = result;
        if (core::Status stored = session.update_charter_proposal(proposal); !stored) {
          return stored;
        }
        detail["state"] = name_of(proposal.state);
        detail["result"] = result;
        out = proposal;
        detail::OutboxWriter outbox = detail::outbox_of(session, store_, *clock_);
        core::Result<bool> recorded = outbox.record({.kind = EventKind::kCharterDecided,
                                                     .cycle = 0,
                                                     .payload = {{"proposal", proposal.id},
                                                                 {"state", name_of(proposal.state)},
                                                                 {"summary", summary},
                                                                 {"result", result}}});
        return recorded ? core::Status() : core::Status(recorded.error());
      });
}

core::Result<CharterProposal> Program::withdraw_charter_proposal(ProposalId id) {
  if (core::Status allowed = require_may_propose(actor_); !allowed) {
    return allowed.error();
  }
  return detail::run_change_to<CharterProposal>(
      {store_, actor_, *clock_}, "withdraw_charter_proposal", SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, CharterProposal& out) -> core::Status {
        core::Result<std::vector<CharterProposal>> proposals = session.charter_proposals();
        if (!proposals) {
          return proposals.error();
        }
        core::Result<CharterProposal*> found = find_proposal(*proposals, id);
        if (!found) {
          return found.error();
        }
        CharterProposal& proposal = **found;
        if (core::Status allowed = require_proposer(actor_, proposal, "withdraw"); !allowed) {
          return allowed;
        }
        if (core::Status open = require_open(proposal); !open) {
          return open;
        }
        const std::string summary = summary_of(proposal, snapshot.charter);
        const std::string by = actor_.coordinates() && !(actor_.partner && actor_.partner == proposal.proposer)
                                   ? std::string("a coordinator")
                                   : "its proposer, " + partner_name(snapshot, *proposal.proposer) + ",";
        proposal.state = ProposalState::kWithdrawn;
        proposal.decided_at = format_utc(seconds_now(*clock_));
        proposal.result = "withdrawn by " + by + " before the decision";
        if (core::Status stored = session.update_charter_proposal(proposal); !stored) {
          return stored;
        }
        detail = proposal_detail(proposal, snapshot.charter);
        detail["state"] = name_of(proposal.state);
        detail["result"] = proposal.result;
        detail["positions"] = positions_detail(proposal, snapshot);
        out = proposal;
        detail::OutboxWriter outbox = detail::outbox_of(session, store_, *clock_);
        core::Result<bool> recorded = outbox.record({.kind = EventKind::kCharterDecided,
                                                     .cycle = 0,
                                                     .payload = {{"proposal", proposal.id},
                                                                 {"state", name_of(proposal.state)},
                                                                 {"summary", summary},
                                                                 {"result", proposal.result}}});
        return recorded ? core::Status() : core::Status(recorded.error());
      });
}

core::Result<std::vector<CharterProposal>> Program::charter_proposals() {
  return detail::read_in<std::vector<CharterProposal>>(
      store_, [](StoreSession& session) -> core::Result<std::vector<CharterProposal>> {
        core::Result<std::optional<net::Charter>> charter = session.charter();
        if (!charter) {
          return charter.error();
        }
        if (!charter->has_value()) {
          return detail::not_found(std::string(kNoNetworkMessage), "network");
        }
        return session.charter_proposals();
      });
}

core::Status Program::decide_due_charter_proposals() {
  core::Result<std::vector<CharterProposal>> proposals = charter_proposals();
  if (!proposals) {
    return proposals.error().kind == core::ErrorKind::kNotFound ? core::Status() : core::Status(proposals.error());
  }
  const std::string now = format_utc(seconds_now(*clock_));
  for (const CharterProposal& proposal : *proposals) {
    if (proposal.state != ProposalState::kOpen || now < proposal.window_ends_at) {
      continue;
    }
    core::Result<CharterProposal> decided = decide_charter_proposal(proposal.id);
    // Someone decided it meanwhile: nothing is left to do.
    if (!decided && decided.error().kind != core::ErrorKind::kConflict) {
      return decided.error();
    }
  }
  return {};
}

core::Result<Coordination> Program::set_willing_to_coordinate(net::PartnerId partner, bool willing) {
  if (core::Status allowed = detail::require_acts_for(actor_, partner, true, "partner"); !allowed) {
    return allowed.error();
  }
  core::Status changed = detail::run_change(
      {store_, actor_, *clock_}, willing ? "willing_to_coordinate" : "not_willing_to_coordinate",
      SnapshotParts::minimal(), [&](StoreSession& session, Snapshot& snapshot, json& detail) -> core::Status {
        core::Result<const net::Partner*> member =
            detail::member(snapshot, partner, detail::membership_cycle(snapshot), "partner");
        if (!member) {
          return member.error();
        }
        detail = {{"partner", partner}, {"partner_name", (*member)->name}, {"willing", willing}};
        return session.set_willing_to_coordinate(partner, willing);
      });
  if (!changed) {
    return changed.error();
  }
  return coordination();
}

core::Result<Coordination> Program::coordination() {
  return detail::read_in<Coordination>(store_, [](StoreSession& session) -> core::Result<Coordination> {
    core::Result<Snapshot> snapshot = read_snapshot(session, SnapshotParts{});
    if (!snapshot) {
      return snapshot.error();
    }
    Coordination out;
    out.mode = snapshot->charter.coordination;
    out.term_cycles = snapshot->charter.coordination_term;
    core::Result<std::vector<net::PartnerId>> willing = session.willing_to_coordinate();
    if (!willing) {
      return willing.error();
    }
    out.willing = std::move(*willing);
    core::Result<std::vector<CoordinationTerm>> terms = session.coordination_terms();
    if (!terms) {
      return terms.error();
    }
    if (out.mode != net::Coordination::kFixed && !terms->empty()) {
      out.current = terms->back();
      out.partner_name = partner_name(*snapshot, terms->back().partner);
      out.next_turn = terms->back().first_cycle + out.term_cycles;
      out.past_terms = std::count_if(terms->begin(), terms->end(),
                                     [&](const CoordinationTerm& t) { return t.partner == terms->back().partner; });
    }
    if (out.mode == net::Coordination::kElection) {
      core::Result<std::vector<CoordinatorElection>> elections = session.coordinator_elections();
      if (!elections) {
        return elections.error();
      }
      if (!elections->empty()) {
        out.election = elections->back();
      }
    }
    return out;
  });
}

core::Result<Actor> Program::resolve_coordination(Store& store, Actor actor) {
  if (actor.role != Role::kRepresentative || !actor.partner) {
    return actor;
  }
  core::Result<bool> coordinating = detail::read_in<bool>(store, [&](StoreSession& session) -> core::Result<bool> {
    core::Result<std::optional<net::Charter>> charter = session.charter();
    if (!charter) {
      return charter.error();
    }
    if (!charter->has_value() || (**charter).coordination == net::Coordination::kFixed) {
      return false;
    }
    core::Result<std::vector<CoordinationTerm>> terms = session.coordination_terms();
    if (!terms) {
      return terms.error();
    }
    return !terms->empty() && terms->back().partner == *actor.partner;
  });
  if (!coordinating) {
    return coordinating.error();
  }
  if (*coordinating) {
    actor.rotation_coordinator = true;
    actor.name += " coordinating by rotation";  // or by election: the audit's actor names stay as they were
  }
  return actor;
}

}  // namespace covalue::program
