#include "covalue/program/snapshot.hpp"

#include <algorithm>
#include <charconv>
#include <map>

namespace covalue::program {
namespace {

template <typename T>
core::Status take(core::Result<T> result, T& into) {
  if (!result) {
    return result.error();
  }
  into = std::move(*result);
  return {};
}

}  // namespace

const net::Partner* Snapshot::find_partner(net::PartnerId id) const {
  auto it = std::find_if(partners.begin(), partners.end(), [&](const net::Partner& p) { return p.id == id; });
  return it == partners.end() ? nullptr : &*it;
}

const net::Partner* Snapshot::find_partner(std::string_view reference) const {
  net::PartnerId id = 0;
  const char* end = reference.data() + reference.size();
  if (!reference.empty() && std::from_chars(reference.data(), end, id).ptr == end) {
    return find_partner(id);
  }
  auto it = std::find_if(partners.begin(), partners.end(), [&](const net::Partner& p) { return p.name == reference; });
  return it == partners.end() ? nullptr : &*it;
}

const net::Initiative* Snapshot::find_initiative(net::InitiativeId id) const {
  auto it = std::find_if(initiatives.begin(), initiatives.end(), [&](const net::Initiative& i) { return i.id == id; });
  return it == initiatives.end() ? nullptr : &*it;
}

const net::Cycle* Snapshot::find_cycle(net::CycleNumber number) const {
  auto it = std::find_if(cycles.begin(), cycles.end(), [&](const net::Cycle& c) { return c.number == number; });
  return it == cycles.end() ? nullptr : &*it;
}

const net::CycleOutcome* Snapshot::find_outcome(net::CycleNumber number) const {
  auto it =
      std::find_if(outcomes.begin(), outcomes.end(), [&](const net::CycleOutcome& o) { return o.cycle == number; });
  return it == outcomes.end() ? nullptr : &*it;
}

const net::Cycle* Snapshot::current_cycle() const { return cycles.empty() ? nullptr : &cycles.back(); }

std::vector<net::PartnerStanding> Snapshot::standing_before(net::CycleNumber number) const {
  std::map<net::PartnerId, net::PartnerStanding> standing;
  for (const net::Partner& partner : partners) {
    standing[partner.id].partner = partner.id;
  }
  // The dry spell a partner brings in is the one its latest earlier outcome left it with.
  for (const net::CycleOutcome& outcome : outcomes) {
    if (outcome.cycle >= number) {
      continue;
    }
    for (const net::PartnerResult& result : outcome.partners) {
      standing[result.partner].dry_spell = result.dry_spell;
    }
    for (const net::LeadAssignment& lead : outcome.leads) {
      if (lead.lead) {
        ++standing[*lead.lead].past_leads;
      }
    }
  }
  for (const net::Initiative& initiative : initiatives) {
    const bool running = initiative.status == net::InitiativeStatus::kSelected ||
                         initiative.status == net::InitiativeStatus::kInProgress;
    if (running && initiative.lead && initiative.cycle < number) {
      ++standing[*initiative.lead].current_leads;
    }
  }
  std::vector<net::PartnerStanding> result;
  result.reserve(standing.size());
  for (auto& [id, entry] : standing) {
    result.push_back(entry);
  }
  return result;
}

core::Result<Snapshot> read_snapshot(StoreSession& session, SnapshotParts parts) {
  Snapshot snapshot;
  core::Result<std::optional<net::Charter>> charter = session.charter();
  if (!charter) {
    return charter.error();
  }
  if (!charter->has_value()) {
    return core::make_error(core::ErrorKind::kNotFound, "no network here yet: run `covalue network init` first");
  }
  snapshot.charter = **charter;
  core::Status status = take(session.partners(), snapshot.partners);
  if (status && parts.objectives) {
    status = take(session.objectives(), snapshot.objectives);
  }
  if (status) {
    status = take(parts.initiatives_of ? session.initiatives_in_cycle(*parts.initiatives_of) : session.initiatives(),
                  snapshot.initiatives);
  }
  if (status) {
    status = take(session.cycles(), snapshot.cycles);
  }
  if (status && parts.outcomes) {
    status = take(session.outcomes(), snapshot.outcomes);
  }
  if (status && parts.ledger) {
    status = take(session.realised_values(), snapshot.realised);
  }
  if (status && parts.ledger) {
    status = take(session.kpi_measurements(), snapshot.kpis);
  }
  if (status && parts.scorecard) {
    status = take(session.scorecard(), snapshot.scorecard);
  }
  if (status && parts.scorecard) {
    status = take(session.initiative_scores(), snapshot.scores);
  }
  for (std::size_t c = 0; status && parts.ballots && c < snapshot.cycles.size(); ++c) {
    std::vector<net::PartnerBallot> ballots;
    status = take(session.ballots(snapshot.cycles[c].number), ballots);
    snapshot.ballots.insert(snapshot.ballots.end(), ballots.begin(), ballots.end());
  }
  if (!status) {
    return status.error();
  }
  return snapshot;
}

}  // namespace covalue::program
