#pragma once

// The StoreSession of one SQLite transaction. Each write is atomic on its own (a savepoint), so a
// failed write changes nothing even when the work goes on. The methods are defined per entity in
// session_<entity>.cpp.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "connection.hpp"
#include "covalue/program/store.hpp"

namespace covalue::adapters::sqlite {

namespace net = core::network;

//! A stored row another row points at; named in the kNotFound error when it is missing.
struct Reference {
  const char* what;          //!< "partner", "initiative", ...
  const char* exists_query;  //!< SELECT returning a row when ?1 names one
  std::int64_t id;
};

//! References to rows of each table.
[[nodiscard]] Reference partner_ref(std::int64_t id);
[[nodiscard]] Reference initiative_ref(std::int64_t id);
[[nodiscard]] Reference objective_ref(std::int64_t id);
[[nodiscard]] Reference cycle_ref(std::int64_t id);

//! kInternal "corrupt database: <what>: <message>" for a stored value that does not read back.
[[nodiscard]] core::Error corrupt(std::string_view what, const core::Error& error);

//! The reads and writes of one transaction on one connection.
class SqliteSession final : public program::StoreSession {
 public:
  //! A session on `db`, which is inside a transaction for as long as the session is used.
  explicit SqliteSession(Connection& db) : db_(db) {}

  [[nodiscard]] core::Result<std::optional<net::Charter>> charter() override;
  [[nodiscard]] core::Status save_charter(const net::Charter& charter) override;

  [[nodiscard]] core::Result<net::PartnerId> insert_partner(const net::Partner& partner) override;
  [[nodiscard]] core::Status update_partner(const net::Partner& partner) override;
  [[nodiscard]] core::Result<std::vector<net::Partner>> partners() override;

  [[nodiscard]] core::Result<net::ObjectiveId> insert_objective(const net::Objective& objective) override;
  [[nodiscard]] core::Result<std::vector<net::Objective>> objectives() override;

  [[nodiscard]] core::Result<net::InitiativeId> insert_initiative(const net::Initiative& initiative) override;
  [[nodiscard]] core::Status update_initiative(const net::Initiative& initiative) override;
  [[nodiscard]] core::Result<std::vector<net::Initiative>> initiatives() override;
  [[nodiscard]] core::Result<std::vector<net::Initiative>> initiatives_in_cycle(net::CycleNumber cycle) override;

  [[nodiscard]] core::Status insert_cycle(const net::Cycle& cycle) override;
  [[nodiscard]] core::Status update_cycle(const net::Cycle& cycle) override;
  [[nodiscard]] core::Result<std::vector<net::Cycle>> cycles() override;

  [[nodiscard]] core::Status put_ballot(const net::PartnerBallot& ballot) override;
  [[nodiscard]] core::Result<std::vector<net::PartnerBallot>> ballots(net::CycleNumber cycle) override;

  [[nodiscard]] core::Status save_outcome(const net::CycleOutcome& outcome) override;
  [[nodiscard]] core::Result<std::vector<net::CycleOutcome>> outcomes() override;

  [[nodiscard]] core::Status put_realised_value(const net::RealisedValue& value) override;
  [[nodiscard]] core::Result<std::vector<net::RealisedValue>> realised_values() override;

  [[nodiscard]] core::Status put_kpi_measurement(const net::KpiMeasurement& measurement) override;
  [[nodiscard]] core::Result<std::vector<net::KpiMeasurement>> kpi_measurements() override;

  [[nodiscard]] core::Result<std::optional<net::Scorecard>> scorecard() override;
  [[nodiscard]] core::Status save_scorecard(const net::Scorecard& scorecard) override;
  [[nodiscard]] core::Status put_initiative_score(const net::InitiativeScore& score) override;
  [[nodiscard]] core::Result<std::vector<net::InitiativeScore>> initiative_scores() override;

  [[nodiscard]] core::Result<program::TokenId> insert_token(const program::AccessToken& token) override;
  [[nodiscard]] core::Result<std::optional<program::AccessToken>> find_token(const std::string& secret_hash) override;
  [[nodiscard]] core::Status revoke_token(program::TokenId id) override;
  [[nodiscard]] core::Result<std::vector<program::AccessToken>> tokens() override;

  [[nodiscard]] core::Status append_audit(const program::AuditEntry& entry) override;
  [[nodiscard]] core::Result<std::optional<program::AuditEntry>> last_audit() override;
  [[nodiscard]] core::Result<std::vector<program::AuditEntry>> audit_entries(std::int64_t after,
                                                                             std::int64_t limit) override;

 private:
  // Runs `write` inside a savepoint: kept when it returns ok, undone when it fails.
  template <typename Write>
  auto atomically(Write write) -> decltype(write());

  // When `failed` is a foreign-key failure (kNotFound), names the first missing reference instead.
  [[nodiscard]] core::Error explain(const core::Error& failed, std::initializer_list<Reference> references);
  // True when the reference names a stored row.
  [[nodiscard]] core::Result<bool> exists(const Reference& reference);

  // The rows of one initiative's lists (impacts, objectives, volunteers), written as a whole.
  [[nodiscard]] core::Status write_initiative_lists(const net::Initiative& initiative);
  // Rewrites an initiative's lists unless the stored ones are the same (a status change, say).
  [[nodiscard]] core::Status replace_initiative_lists(const net::Initiative& initiative);
  // True when the stored lists of the initiative equal its lists.
  [[nodiscard]] core::Result<bool> initiative_lists_stored(const net::Initiative& initiative);
  [[nodiscard]] core::Status write_ballot_lists(const net::PartnerBallot& ballot);

  Connection& db_;
};

template <typename Write>
auto SqliteSession::atomically(Write write) -> decltype(write()) {
  if (auto begun = db_.prepare("SAVEPOINT store_write").run(); !begun.ok()) {
    return begun.error();
  }
  auto result = write();
  if (!result.ok()) {
    (void)db_.prepare("ROLLBACK TO store_write").run();
  }
  if (auto released = db_.prepare("RELEASE store_write").run(); !released.ok() && result.ok()) {
    return released.error();
  }
  return result;
}

}  // namespace covalue::adapters::sqlite
