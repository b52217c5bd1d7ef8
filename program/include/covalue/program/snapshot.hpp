#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "covalue/core/network/charter.hpp"
#include "covalue/core/network/cycle.hpp"
#include "covalue/core/network/cycle_decision.hpp"
#include "covalue/core/network/cycle_outcome.hpp"
#include "covalue/core/network/initiative.hpp"
#include "covalue/core/network/objective.hpp"
#include "covalue/core/network/partner.hpp"
#include "covalue/core/network/partner_ballot.hpp"
#include "covalue/core/network/realised_value.hpp"
#include "covalue/core/network/scorecard.hpp"
#include "covalue/program/store.hpp"

namespace covalue::program {

//! The whole program state, as read in one transaction.
struct Snapshot {
  net::Charter charter;
  std::vector<net::Partner> partners;
  std::vector<net::Objective> objectives;
  std::vector<net::Initiative> initiatives;
  std::vector<net::Cycle> cycles;
  std::vector<net::PartnerBallot> ballots;  //!< of every cycle
  std::vector<net::CycleOutcome> outcomes;
  std::vector<net::RealisedValue> realised;
  std::vector<net::KpiMeasurement> kpis;
  std::optional<net::Scorecard> scorecard;
  std::vector<net::InitiativeScore> scores;

  [[nodiscard]] const net::Partner* find_partner(net::PartnerId id) const;
  //! A partner by id ("12") or by name; nullptr when none.
  [[nodiscard]] const net::Partner* find_partner(std::string_view reference) const;
  [[nodiscard]] const net::Initiative* find_initiative(net::InitiativeId id) const;
  [[nodiscard]] const net::Cycle* find_cycle(net::CycleNumber number) const;
  [[nodiscard]] const net::CycleOutcome* find_outcome(net::CycleNumber number) const;
  //! The newest cycle, if any.
  [[nodiscard]] const net::Cycle* current_cycle() const;
  //! The standing each partner brings into cycle `number` (dry spell, leads).
  [[nodiscard]] std::vector<net::PartnerStanding> standing_before(net::CycleNumber number) const;
};

//! Which parts of the state a use case reads; the rest stays empty. The charter, partners,
//! initiatives (all, or one cycle's) and cycles are always read.
struct SnapshotParts {
  bool ballots{true};
  bool outcomes{true};  //!< the slowest part: each outcome is decoded from its record
  bool ledger{true};    //!< realised values and KPI measurements
  bool scorecard{true};
  //! When set, only the initiatives of this cycle are read (a ballot needs no others).
  std::optional<net::CycleNumber> initiatives_of{};
  bool objectives{true};

  //! Only what every use case needs.
  [[nodiscard]] static SnapshotParts minimal() { return {false, false, false, false, std::nullopt, true}; }
};

//! Reads everything (or `parts` of it) through one session.
[[nodiscard]] core::Result<Snapshot> read_snapshot(StoreSession& session, SnapshotParts parts = {});

}  // namespace covalue::program
