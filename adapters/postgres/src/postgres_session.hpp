#pragma once

// The StoreSession of one PostgreSQL transaction. Each write runs in a savepoint, so a failed write
// changes nothing and the transaction goes on (PostgreSQL would otherwise abort all of it). A failed
// read aborts the transaction: later calls report that failure and the store rolls back. A
// serialisation failure or deadlock anywhere marks the session for a re-run. The methods are
// defined per entity in session_<entity>.cpp.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "covalue/program/store.hpp"
#include "pg_connection.hpp"

namespace covalue::adapters::postgres {

namespace net = core::network;

//! A stored row another row points at; named in the kNotFound error when it is missing.
struct Reference {
  const char* what;          //!< "partner", "initiative", ...
  const char* exists_query;  //!< SELECT returning a row when $1 names one
  std::int64_t id;
};

//! References to rows of each table.
[[nodiscard]] Reference partner_ref(std::int64_t id);
[[nodiscard]] Reference initiative_ref(std::int64_t id);
[[nodiscard]] Reference objective_ref(std::int64_t id);
[[nodiscard]] Reference cycle_ref(std::int64_t id);

//! kConflict "<prefix> <id> twice" when `ids` repeats one; checked before anything is written.
[[nodiscard]] core::Status unique_ids(const std::vector<std::int64_t>& ids, const std::string& prefix);

//! The queries that read initiatives, of every cycle or of one (session_initiatives.cpp).
struct InitiativeQueries;

//! The reads and writes of one transaction on one connection.
class PostgresSession final : public program::StoreSession {
 public:
  //! A session on `db` inside the transaction `tx` (begun by the store).
  PostgresSession(Connection& db, pqxx::transaction_base& tx) : db_(db), tx_(tx) {}

  //! True when a serialisation failure or deadlock was reported: the work must run again.
  [[nodiscard]] bool must_retry() const { return retry_; }
  //! The failure that aborted the transaction, if any.
  [[nodiscard]] const std::optional<core::Error>& aborted() const { return aborted_; }

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
  // Reads initiatives and their lists with `queries` (session_initiatives.cpp), bound to `cycle` if any.
  [[nodiscard]] core::Result<std::vector<net::Initiative>> read_initiatives(const InitiativeQueries& queries,
                                                                            std::optional<net::CycleNumber> cycle);
  [[nodiscard]] core::Result<pqxx::result> query_for(const char* sql, std::optional<net::CycleNumber> cycle);
  // Runs `sql` with `params`; a failure outside a savepoint aborts the session.
  [[nodiscard]] core::Result<pqxx::result> run(const char* sql, const std::vector<Param>& params);
  // Runs `sql` with its parameters made from `args`.
  template <typename... Args>
  [[nodiscard]] core::Result<pqxx::result> query(const char* sql, const Args&... args) {
    return run(sql, std::vector<Param>{param(args)...});
  }
  // Runs `sql` and gives the number of rows it changed.
  template <typename... Args>
  [[nodiscard]] core::Result<std::int64_t> change(const char* sql, const Args&... args) {
    auto done = run(sql, std::vector<Param>{param(args)...});
    if (!done.ok()) {
      return done.error();
    }
    return static_cast<std::int64_t>(done->affected_rows());
  }
  // The single integer the query returns.
  template <typename... Args>
  [[nodiscard]] core::Result<std::int64_t> single(const char* sql, const Args&... args);

  // Runs `write` inside a savepoint: kept when it returns ok, undone when it fails.
  template <typename Write>
  auto atomically(Write write) -> decltype(write());
  // Runs savepoint control SQL; a failure aborts the session.
  [[nodiscard]] core::Status control(const char* sql);

  // When `failed` is a foreign-key failure (kNotFound), names the first missing reference instead.
  [[nodiscard]] core::Error explain(const core::Error& failed, const std::vector<Reference>& references);

  // The rows of one initiative's lists (impacts, objectives, volunteers), written as a whole.
  [[nodiscard]] core::Status write_initiative_lists(const net::Initiative& initiative);
  // Deletes an initiative's lists and writes them again.
  [[nodiscard]] core::Status replace_initiative_lists(const net::Initiative& initiative);
  [[nodiscard]] core::Status write_ballot_lists(const net::PartnerBallot& ballot);
  [[nodiscard]] core::Status write_shortlist(const net::Cycle& cycle);

  Connection& db_;
  pqxx::transaction_base& tx_;
  std::optional<core::Error> aborted_;
  bool retry_{false};
  int savepoints_{0};
};

template <typename... Args>
core::Result<std::int64_t> PostgresSession::single(const char* sql, const Args&... args) {
  auto rows = run(sql, std::vector<Param>{param(args)...});
  if (!rows.ok()) {
    return rows.error();
  }
  std::int64_t value = 0;
  if (rows->empty() || (*rows)[0][0].is_null() || !(*rows)[0][0].to(value)) {
    return core::make_error(core::ErrorKind::kInternal, std::string("no integer from: ") + sql);
  }
  return value;
}

template <typename Write>
auto PostgresSession::atomically(Write write) -> decltype(write()) {
  if (savepoints_ > 0) {
    return write();
  }
  if (auto begun = control("SAVEPOINT store_write"); !begun.ok()) {
    return begun.error();
  }
  ++savepoints_;
  auto result = write();
  --savepoints_;
  if (!result.ok()) {
    if (auto undone = control("ROLLBACK TO SAVEPOINT store_write"); !undone.ok()) {
      return result;
    }
  }
  if (auto released = control("RELEASE SAVEPOINT store_write"); !released.ok() && result.ok()) {
    return released.error();
  }
  return result;
}

}  // namespace covalue::adapters::postgres
