#pragma once

#include <cassert>
#include <optional>
#include <ranges>
#include <string>
#include <string_view>
#include <utility>
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

//! The kNotFound message of a store without a network (the CLI adds how to create one).
inline constexpr std::string_view kNoNetworkMessage = "no network here yet";

//! A part of the snapshot that a use case may not have read. A snapshot built by hand has every part
//! (empty); read_snapshot leaves out the parts not asked for, and reading one of those is a bug: it
//! asserts (kept on in the relassert preset) instead of silently reading nothing.
template <typename T>
class SnapshotPart {
 public:
  //! A part that is there and empty.
  SnapshotPart() = default;
  //! A part that is there with `value`.
  SnapshotPart(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor): reads as the part
  //! Replaces the part's value (and marks it read).
  SnapshotPart& operator=(T value) {
    value_ = std::move(value);
    return *this;
  }
  //! A part that was not read.
  [[nodiscard]] static SnapshotPart absent() {
    SnapshotPart part;
    part.value_.reset();
    return part;
  }
  //! True when the part was read.
  [[nodiscard]] bool loaded() const { return value_.has_value(); }
  //! The part; asserts that it was read.
  [[nodiscard]] const T& get() const {
    assert(value_.has_value() && "snapshot part not read: add it to the use case's SnapshotParts");
    return *value_;  // NOLINT(bugprone-unchecked-optional-access): asserted above
  }
  //! The part, to change it; asserts that it was read.
  [[nodiscard]] T& get() {
    assert(value_.has_value() && "snapshot part not read: add it to the use case's SnapshotParts");
    return *value_;  // NOLINT(bugprone-unchecked-optional-access): asserted above
  }
  //! The part's value (asserted read).
  [[nodiscard]] const T& operator*() const { return get(); }
  [[nodiscard]] T& operator*() { return get(); }
  [[nodiscard]] const T* operator->() const { return &get(); }
  [[nodiscard]] T* operator->() { return &get(); }
  //! Iteration over a part that is a container (asserted read).
  [[nodiscard]] auto begin() const requires std::ranges::range<T> { return get().begin(); }
  [[nodiscard]] auto end() const requires std::ranges::range<T> { return get().end(); }
  [[nodiscard]] auto begin() requires std::ranges::range<T> { return get().begin(); }
  [[nodiscard]] auto end() requires std::ranges::range<T> { return get().end(); }
  [[nodiscard]] auto size() const requires std::ranges::range<T> { return get().size(); }
  [[nodiscard]] bool empty() const requires std::ranges::range<T> { return get().empty(); }
  [[nodiscard]] const auto& operator[](std::size_t index) const requires std::ranges::range<T> { return get()[index]; }
  [[nodiscard]] auto& operator[](std::size_t index) requires std::ranges::range<T> { return get()[index]; }

  bool operator==(const SnapshotPart&) const = default;

 private:
  std::optional<T> value_{T{}};
};

//! The whole program state, as read in one transaction. The charter, partners, initiatives and cycles
//! are always read; the other parts only when the use case's SnapshotParts ask for them.
struct Snapshot {
  net::Charter charter;
  std::vector<net::Partner> partners;
  SnapshotPart<std::vector<net::Objective>> objectives;
  std::vector<net::Initiative> initiatives;
  std::vector<net::Cycle> cycles;
  SnapshotPart<std::vector<net::PartnerBallot>> ballots;  //!< of every cycle
  SnapshotPart<std::vector<net::CycleOutcome>> outcomes;
  SnapshotPart<std::vector<net::RealisedValue>> realised;
  SnapshotPart<std::vector<net::KpiMeasurement>> kpis;
  SnapshotPart<std::optional<net::Scorecard>> scorecard;  //!< read, and empty when none is defined
  SnapshotPart<std::vector<net::InitiativeScore>> scores;

  [[nodiscard]] const net::Partner* find_partner(net::PartnerId id) const;
  //! A partner by id ("12") or by name; nullptr when none.
  [[nodiscard]] const net::Partner* find_partner(std::string_view reference) const;
  [[nodiscard]] const net::Initiative* find_initiative(net::InitiativeId id) const;
  [[nodiscard]] const net::Cycle* find_cycle(net::CycleNumber number) const;
  //! The cycle `number`, or the one "no cycle N" error (kNotFound naming `where`).
  [[nodiscard]] core::Result<const net::Cycle*> require_cycle(net::CycleNumber number,
                                                              std::string where = "cycle") const;
  [[nodiscard]] const net::CycleOutcome* find_outcome(net::CycleNumber number) const;
  //! The newest cycle, if any.
  [[nodiscard]] const net::Cycle* current_cycle() const;
  //! The standing each partner brings into cycle `number` (dry spell, leads).
  [[nodiscard]] std::vector<net::PartnerStanding> standing_before(net::CycleNumber number) const;
};

//! A partner of `partners` by id ("12") or by name, as people type it; nullptr when none.
[[nodiscard]] const net::Partner* find_partner(const std::vector<net::Partner>& partners, std::string_view reference);

//! Which parts of the state a use case reads, each by name: `SnapshotParts{.ballots = true}`, or
//! `SnapshotParts::all()`. The charter, partners, initiatives (all, or one cycle's) and cycles are
//! always read; a part not asked for is absent (reading it asserts).
struct SnapshotParts {
  bool objectives{false};
  bool ballots{false};
  bool outcomes{false};   //!< the slowest part: each outcome is decoded from its record
  bool ledger{false};     //!< realised values and KPI measurements
  bool scorecard{false};  //!< the scorecard and the initiatives' scores
  //! When set, only the initiatives of this cycle are read (a ballot needs no others).
  std::optional<net::CycleNumber> initiatives_of{};

  //! What most use cases need: the always-read parts and the objectives.
  [[nodiscard]] static SnapshotParts minimal() { return SnapshotParts{.objectives = true}; }
  //! Every part.
  [[nodiscard]] static SnapshotParts all() {
    return SnapshotParts{.objectives = true, .ballots = true, .outcomes = true, .ledger = true, .scorecard = true};
  }
};

//! Reads everything (or `parts` of it) through one session.
[[nodiscard]] core::Result<Snapshot> read_snapshot(StoreSession& session, SnapshotParts parts = SnapshotParts::all());

}  // namespace covalue::program
