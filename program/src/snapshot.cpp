#include "covalue/program/snapshot.hpp"

#include <algorithm>
#include <charconv>
#include <map>

namespace covalue::program {
namespace {

template <typename T, typename Into>
core::Status take_part(core::Result<T> result, Into& into) {
  if (!result) {
    return result.error();
  }
  into = std::move(*result);
  return {};
}

//! Reads a snapshot's fields one after another, and none after the first error.
class FieldReader {
 public:
  //! Reads a field that is always loaded.
  template <typename Read, typename Into>
  FieldReader& always(Into& into, const Read& read) {
    if (status_) {
      status_ = take_part(read(), into);
    }
    return *this;
  }

  //! Reads a part when `wanted`; leaves it absent otherwise.
  template <typename Read, typename T>
  FieldReader& part(bool wanted, SnapshotPart<T>& into, const Read& read) {
    if (status_ && !wanted) {
      into = SnapshotPart<T>::absent();
    } else if (status_) {
      status_ = take_part(read(), into);
    }
    return *this;
  }

  //! The first error, or success.
  [[nodiscard]] const core::Status& status() const { return status_; }

 private:
  core::Status status_;
};

//! The ballots of every cycle, cycle by cycle.
core::Result<std::vector<net::PartnerBallot>> all_ballots(StoreSession& session,
                                                          const std::vector<net::Cycle>& cycles) {
  std::vector<net::PartnerBallot> all;
  for (const net::Cycle& cycle : cycles) {
    core::Result<std::vector<net::PartnerBallot>> ballots = session.ballots(cycle.number);
    if (!ballots) {
      return ballots.error();
    }
    all.insert(all.end(), ballots->begin(), ballots->end());
  }
  return all;
}

}  // namespace

const net::Partner* Snapshot::find_partner(net::PartnerId id) const {
  auto it = std::find_if(partners.begin(), partners.end(), [&](const net::Partner& p) { return p.id == id; });
  return it == partners.end() ? nullptr : &*it;
}

const net::Partner* Snapshot::find_partner(std::string_view reference) const {
  return program::find_partner(partners, reference);
}

const net::Partner* find_partner(const std::vector<net::Partner>& partners, std::string_view reference) {
  net::PartnerId id = 0;
  const char* end = reference.data() + reference.size();
  const bool numbered = !reference.empty() && std::from_chars(reference.data(), end, id).ptr == end;
  auto it = std::find_if(partners.begin(), partners.end(),
                         [&](const net::Partner& p) { return numbered ? p.id == id : p.name == reference; });
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

core::Result<const net::Cycle*> Snapshot::require_cycle(net::CycleNumber number, std::string where) const {
  const net::Cycle* cycle = find_cycle(number);
  if (cycle == nullptr) {
    return net::no_cycle_error(number, std::move(where));
  }
  return cycle;
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
  // The dry spell a partner brings in is the one its latest earlier outcome left it with; so is its weight
  // policy's state, from the outcomes decided under the charter's policy since it was last changed.
  const auto policy = charter.fairness.weight_policy;
  for (const net::CycleOutcome& outcome : outcomes) {
    if (outcome.cycle >= number) {
      continue;
    }
    for (const net::PartnerResult& result : outcome.partners) {
      standing[result.partner].dry_spell = result.dry_spell;
    }
    for (auto& [id, partner] : standing) {
      if (outcome.weight_policy != policy) {
        partner.perpetual_state.clear();  // decided under another policy: the charter's starts afresh
      }
    }
    if (outcome.weight_policy == policy) {
      for (const net::PartnerResult& result : outcome.partners) {
        standing[result.partner].perpetual_state = result.perpetual_state;
      }
    }
    for (const net::LeadAssignment& lead : outcome.leads) {
      if (lead.lead) {
        ++standing[*lead.lead].past_leads;
      }
    }
  }
  for (const net::Initiative& initiative : initiatives) {
    const bool running = initiative.delivering();
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
    return core::make_error(core::ErrorKind::kNotFound, std::string(kNoNetworkMessage));
  }
  snapshot.charter = **charter;
  FieldReader reader;
  reader.always(snapshot.partners, [&] { return session.partners(); })
      .always(snapshot.initiatives,
              [&] {
                return parts.initiatives_of ? session.initiatives_in_cycle(*parts.initiatives_of)
                                            : session.initiatives();
              })
      .always(snapshot.cycles, [&] { return session.cycles(); })
      .part(parts.objectives, snapshot.objectives, [&] { return session.objectives(); })
      .part(parts.outcomes, snapshot.outcomes, [&] { return session.outcomes(); })
      .part(parts.ledger, snapshot.realised, [&] { return session.realised_values(); })
      .part(parts.ledger, snapshot.kpis, [&] { return session.kpi_measurements(); })
      .part(parts.scorecard, snapshot.scorecard, [&] { return session.scorecard(); })
      .part(parts.scorecard, snapshot.scores, [&] { return session.initiative_scores(); })
      .part(parts.ballots, snapshot.ballots, [&] { return all_ballots(session, snapshot.cycles); });
  const core::Status& status = reader.status();
  if (!status) {
    return status.error();
  }
  return snapshot;
}

}  // namespace covalue::program
