#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "covalue/program/access.hpp"
#include "covalue/program/audit.hpp"
#include "covalue/program/program.hpp"
#include "covalue/program/snapshot.hpp"
#include "covalue/program/store.hpp"

namespace covalue::program::detail {

//! Who changes the store, and when: what every changing use case needs for its audit entry.
struct ChangeContext {
  Store& store;
  const Actor& actor;
  Clock& clock;
};

//! The work of a changing use case: validates and writes, and says what it changed in `detail`.
using ChangeWork = std::function<core::Status(StoreSession&, Snapshot&, nlohmann::json& detail)>;

//! Runs one changing use case: one transaction that reads the snapshot (`parts` of it), runs the work
//! and, when it succeeded, appends the audit entry `action` with the work's detail to the chain.
core::Status run_change(const ChangeContext& context, std::string_view action, SnapshotParts parts,
                        const ChangeWork& work);

//! run_change for a use case that returns what it wrote: `work` fills its last argument, which starts as
//! `initial` and is returned once the change (and its audit entry) is committed.
template <typename T>
[[nodiscard]] core::Result<T> run_change_to(
    const ChangeContext& context, std::string_view action, SnapshotParts parts, T initial,
    const std::type_identity_t<std::function<core::Status(StoreSession&, Snapshot&, nlohmann::json&, T&)>>& work) {
  core::Status status =
      run_change(context, action, parts, [&](StoreSession& session, Snapshot& snapshot, nlohmann::json& detail) {
        return work(session, snapshot, detail, initial);
      });
  if (!status) {
    return status.error();
  }
  return initial;
}

//! Runs one read on a consistent view of the store (Store::read) and returns what it read.
template <typename T>
[[nodiscard]] core::Result<T> read_in(Store& store, const std::function<core::Result<T>(StoreSession&)>& read) {
  std::optional<T> out;
  core::Status status = store.read([&](StoreSession& session) -> core::Status {
    core::Result<T> value = read(session);
    if (!value) {
      return value.error();
    }
    out = std::move(*value);
    return {};
  });
  if (!status) {
    return status.error();
  }
  return std::move(*out);
}

//! Appends an audit entry chained to the newest one.
core::Status append_audit(StoreSession& session, const ChangeContext& context, std::string_view action,
                          const nlohmann::json& detail);

//! kForbidden unless the actor coordinates (operator or coordinator); `what` completes "only a
//! coordinator can ...".
[[nodiscard]] core::Status require_coordinator(const Actor& actor, const std::string& what);
//! kForbidden unless the actor may act for `partner` (or coordinates, when `coordinators_too`).
[[nodiscard]] core::Status require_acts_for(const Actor& actor, net::PartnerId partner, bool coordinators_too,
                                            const std::string& where);

//! The cycle whose membership counts now: the open one, or the next one to open.
[[nodiscard]] net::CycleNumber membership_cycle(const Snapshot& snapshot);

//! True while a cycle's ballots are still secret to everyone but their own partner (proposing or
//! voting, or unknown).
[[nodiscard]] bool still_secret(const Snapshot& snapshot, net::CycleNumber number);

//! The open (proposing or voting) cycle, if any.
[[nodiscard]] const net::Cycle* open_cycle_of(const Snapshot& snapshot);

//! kForbidden unless `actor` may manage `person`: coordinators anyone, a representative its own partner's
//! representatives and observers; `what` completes "... can ".
[[nodiscard]] core::Status require_manages(const Actor& actor, const Person& person, const std::string& what);
//! The person of `people` with this id (removed ones too), or null.
[[nodiscard]] const Person* find_person(const std::vector<Person>& people, PersonId id);

//! Shorthands for errors.
[[nodiscard]] core::Error not_found(std::string what, std::string where);
[[nodiscard]] core::Error invalid(std::string what, std::string where);
[[nodiscard]] core::Error conflict(std::string what, std::string where);

//! A member partner (kNotFound when unknown, kConflict when not a member in `cycle`).
[[nodiscard]] core::Result<const net::Partner*> member(const Snapshot& snapshot, net::PartnerId id,
                                                       net::CycleNumber cycle, const std::string& where);

//! Validates a proposal against the network (members, objectives, capacity, unique title).
[[nodiscard]] core::Status validate_proposal(const Snapshot& snapshot, const net::Initiative& initiative);

//! Validates a ballot against its cycle and normalises it (approval values become 1).
[[nodiscard]] core::Result<net::PartnerBallot> validate_ballot(const Snapshot& snapshot,
                                                               const net::PartnerBallot& ballot);

//! A new token of `role` (its label checked), stamped by `clock`, not yet stored: the secret and its hash.
[[nodiscard]] core::Result<IssuedToken> draft_token(Role role, std::optional<net::PartnerId> partner,
                                                    const std::string& label, Clock& clock);
//! The audit detail of an issued token: its id, role, label and partner.
[[nodiscard]] nlohmann::json token_detail(const AccessToken& token);

//! The audit detail of a charter: every policy, by name.
[[nodiscard]] nlohmann::json charter_detail(const net::Charter& charter);
//! The charter's own rules, then the limits of what people send: its name and capacity.
[[nodiscard]] core::Status check_charter(const net::Charter& charter);

//! The turnout of `cycle` in `snapshot` (ballots read) against the charter's close_turnout_warning
//! (program_delegation.cpp).
[[nodiscard]] CycleTurnout turnout_of(const Snapshot& snapshot, const net::Cycle& cycle);

}  // namespace covalue::program::detail
