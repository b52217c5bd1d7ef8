#include <algorithm>

#include "covalue/program/program.hpp"
#include "use_case.hpp"

namespace covalue::program {
namespace {

//! True while a cycle's ballots are still secret to everyone but their own partner.
bool still_secret(const Snapshot& snapshot, net::CycleNumber number) {
  const net::Cycle* cycle = snapshot.find_cycle(number);
  return cycle == nullptr || cycle->state == net::CycleState::kProposing || cycle->state == net::CycleState::kVoting;
}

//! Hides what this actor may not see in a snapshot: the operator sees everything; anyone else sees
//! that another partner voted in an open cycle, but not what (its entries and objections are emptied).
void redact_open_ballots(Snapshot& snapshot, const Actor& actor) {
  if (actor.role == Role::kOperator) {
    return;
  }
  for (net::PartnerBallot& ballot : snapshot.ballots) {
    if (still_secret(snapshot, ballot.cycle) && actor.partner != ballot.partner) {
      ballot.entries.clear();
      ballot.objections.clear();
    }
  }
}

}  // namespace

core::Result<Snapshot> Program::snapshot() {
  core::Result<Snapshot> result =
      detail::read_in<Snapshot>(store_, [](StoreSession& session) { return read_snapshot(session); });
  if (result) {
    redact_open_ballots(*result, actor_);
  }
  return result;
}

core::Result<std::vector<net::PartnerBallot>> Program::ballots(net::CycleNumber cycle) {
  std::vector<net::PartnerBallot> visible;
  core::Status status = store_.transact([&](StoreSession& session) -> core::Status {
    core::Result<Snapshot> read = read_snapshot(session, SnapshotParts::minimal());
    if (!read) {
      return read.error();
    }
    if (read->find_cycle(cycle) == nullptr) {
      return detail::not_found("no cycle " + std::to_string(cycle), "cycle");
    }
    core::Result<std::vector<net::PartnerBallot>> stored = session.ballots(cycle);
    if (!stored) {
      return stored.error();
    }
    const bool open = still_secret(*read, cycle);
    const net::BallotDisclosure disclosure = read->charter.disclosure;
    for (net::PartnerBallot& ballot : *stored) {
      const bool own = actor_.role == Role::kOperator || actor_.partner == ballot.partner;
      if (own || (!open && disclosure == net::BallotDisclosure::kPublic)) {
        visible.push_back(std::move(ballot));
      } else if (!open && disclosure == net::BallotDisclosure::kAnonymous) {
        ballot.partner = 0;
        visible.push_back(std::move(ballot));
      }
    }
    return {};
  });
  if (!status) {
    return status.error();
  }
  return visible;
}

core::Result<Actor> Program::authenticate(Store& store, std::string_view secret) {
  const auto unknown = [] {
    return core::make_error(core::ErrorKind::kUnauthenticated, "unknown or revoked access token", "authorization");
  };
  if (secret.size() != 68 || secret.substr(0, 4) != "cvt_") {
    return unknown();
  }
  const std::string hash = hash_token_secret(secret);
  core::Result<std::optional<AccessToken>> token = detail::read_in<std::optional<AccessToken>>(
      store, [&](StoreSession& session) { return session.find_token(hash); });
  if (!token) {
    return token.error();
  }
  if (!token->has_value() || (*token)->revoked) {
    return unknown();
  }
  const AccessToken& found = **token;
  return Actor{found.role, found.partner, "token " + std::to_string(found.id) + " (" + name_of(found.role) + ")"};
}

core::Result<std::vector<AuditEntry>> Program::audit_log(std::int64_t after, std::int64_t limit) {
  if (core::Status allowed = detail::require_coordinator(actor_, "read the audit log"); !allowed) {
    return allowed.error();
  }
  if (limit < 1 || limit > 10000) {
    return detail::invalid("must be between 1 and 10000, got " + std::to_string(limit), "limit");
  }
  return detail::read_in<std::vector<AuditEntry>>(
      store_, [&](StoreSession& session) { return session.audit_entries(after, limit); });
}

core::Result<AuditVerification> Program::verify_audit() {
  if (core::Status allowed = detail::require_coordinator(actor_, "verify the audit log"); !allowed) {
    return allowed.error();
  }
  core::Result<std::vector<AuditEntry>> entries = detail::read_in<std::vector<AuditEntry>>(
      store_, [](StoreSession& session) { return session.audit_entries(0, INT64_MAX); });
  if (!entries) {
    return entries.error();
  }
  return verify_audit_chain(*entries);
}

}  // namespace covalue::program
