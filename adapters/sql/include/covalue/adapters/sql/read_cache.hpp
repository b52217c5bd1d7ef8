#pragma once

// A network's committed reads kept between transactions, so that a ballot cast does not read the
// charter, the partners, the cycle's initiatives and the cycles again after every other cast.
//
// Every change covalue makes appends to the network's audit chain, so the chain's last entry (its
// head) names the state of the data: reads kept at one head are valid in any later transaction that
// starts at the same head. A transaction reads the head first (the read the audit append needs
// anyway), serves each kind of rows it has not changed itself from the cache when the cache is at
// that head, and after COMMIT hands the cache what it read and what it changed: the kinds it changed
// are forgotten, the rest stay valid at the transaction's new head.
//
// The cache takes a transaction's reads only when they are not older than what it knows: at its own
// head, or at a newer one (it then starts afresh). Writes that append no audit entry (the storage
// contract suite makes some) leave the head where it was, so they empty the cache and start a new
// epoch: the reads of transactions that began before are refused. Another process's change moves the
// head, so the cache simply misses; every change covalue makes is audited, and a change made to the
// database behind covalue's back without an audit entry is not seen by a cache (nor by the chain).

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "covalue/program/store.hpp"

namespace covalue::adapters::sql {

namespace net = core::network;

//! The kinds of rows a transaction reads as a whole and the cache keeps.
enum class Rows : std::uint8_t {
  kCharter,
  kPartners,
  kObjectives,
  kInitiatives,  // of the network, and of each cycle
  kCycles,       // with their shortlists
  kBallots,      // of each cycle
  kOutcomes,
  kRealised,
  kKpis,
  kScorecard,
  kScores,
};

//! Where a network's audit chain ends: sequence 0 (and no hash) for an empty chain.
struct ChainHead {
  std::int64_t sequence{0};
  std::string hash;
  bool operator==(const ChainHead&) const = default;
};

//! The cache of one network, shared by the store's transactions (thread-safe).
class ReadCache {
 public:
  //! A value read at some head: the rows of `rows` (for `key`: a cycle, or -1 for all).
  struct Entry {
    Rows rows;
    std::int64_t key;
    std::shared_ptr<const void> value;
  };

  //! The value kept for (`rows`, `key`) when the cache is at `head`; empty otherwise.
  template <typename T>
  [[nodiscard]] std::shared_ptr<const T> find(const ChainHead& head, Rows rows, std::int64_t key) const {
    const std::lock_guard lock(mutex_);
    if (head_ != head) {
      return {};
    }
    const auto found = entries_.find({rows, key});
    return found == entries_.end() ? nullptr : std::static_pointer_cast<const T>(found->second);
  }

  //! A number that grows whenever the cache is emptied because rows changed without an audit entry.
  [[nodiscard]] std::uint64_t epoch() const;

  //! After a COMMIT: a transaction that started at `start` (in epoch `epoch`), ended at `end`, changed
  //! the kinds in `changed` (a bit per Rows) and read `read` (at `start`, of kinds it had not changed).
  void committed(std::uint64_t epoch, const ChainHead& start, const ChainHead& end, std::uint32_t changed,
                 std::vector<Entry> read);
  //! Forgets everything and starts a new epoch (a transaction changed rows where the chain's head cannot
  //! tell).
  void clear();

  //! The bit of `rows` in a set of kinds.
  [[nodiscard]] static std::uint32_t bit(Rows rows) { return 1U << static_cast<unsigned>(rows); }

 private:
  mutable std::mutex mutex_;
  std::uint64_t epoch_{0};
  std::optional<ChainHead> head_;
  std::map<std::pair<Rows, std::int64_t>, std::shared_ptr<const void>> entries_;
};

//! What one transaction knows of the cache: where it started, what it changed and read. A transaction
//! may run several works, each on its own CachedSession (a SQLite batch); commit() after COMMIT.
class TransactionReads {
 public:
  explicit TransactionReads(ReadCache& cache) : cache_(cache) {}

  //! A work of the transaction was undone (rolled back to its savepoint): what it appended is gone.
  void work_undone() { last_.reset(); }
  //! The transaction committed: hands its reads and changes to the cache.
  void commit();

 private:
  friend class CachedSession;

  [[nodiscard]] bool changed(Rows rows) const { return (changed_ & ReadCache::bit(rows)) != 0; }
  void change(Rows rows) { changed_ |= ReadCache::bit(rows); }

  ReadCache& cache_;
  std::optional<ChainHead> start_;                          // the head when the transaction began
  std::uint64_t epoch_{0};                                  // the cache's epoch then
  std::optional<std::optional<program::AuditEntry>> last_;  // the newest entry as the transaction sees it
  bool appended_{false};                                    // some work appended an audit entry
  std::uint32_t changed_{0};                                // a bit per Rows changed
  std::vector<ReadCache::Entry> read_;                      // read from the database at start_, unchanged
};

//! The StoreSession of one work of a cached transaction: reads served from the cache where it is valid,
//! everything else passed to `inner`.
class CachedSession final : public program::StoreSession {
 public:
  CachedSession(program::StoreSession& inner, TransactionReads& reads) : inner_(inner), reads_(reads) {}

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
  [[nodiscard]] core::Result<program::PersonId> insert_person(const program::Person& person) override;
  [[nodiscard]] core::Status remove_person(program::PersonId id) override;
  [[nodiscard]] core::Result<std::vector<program::Person>> people() override;
  [[nodiscard]] core::Result<std::optional<std::string>> password_hash(program::PersonId person) override;
  [[nodiscard]] core::Status set_password_hash(program::PersonId person, const std::string& hash) override;
  [[nodiscard]] core::Result<std::int64_t> insert_web_session(const program::WebSession& session) override;
  [[nodiscard]] core::Result<std::optional<program::WebSession>> find_web_session(
      const std::string& secret_hash) override;
  [[nodiscard]] core::Status touch_web_session(std::int64_t id, const std::string& last_seen_at) override;
  [[nodiscard]] core::Status revoke_web_session(std::int64_t id) override;
  [[nodiscard]] core::Result<std::int64_t> revoke_person_sessions(program::PersonId person,
                                                                  const std::string& now) override;
  [[nodiscard]] core::Result<std::int64_t> insert_password_link(const program::PasswordLink& link) override;
  [[nodiscard]] core::Result<std::optional<program::PasswordLink>> find_password_link(
      const std::string& secret_hash) override;
  [[nodiscard]] core::Status close_password_links(program::PersonId person) override;
  [[nodiscard]] core::Result<std::int64_t> insert_event(const program::NotificationEvent& event) override;
  [[nodiscard]] core::Result<std::optional<program::NotificationEvent>> event(std::int64_t id) override;
  [[nodiscard]] core::Status insert_deliveries(const std::vector<program::Delivery>& deliveries) override;
  [[nodiscard]] core::Result<std::vector<program::Delivery>> claim_deliveries(
      const std::vector<program::DeliveryChannel>& channels, const std::string& now, const std::string& until,
      std::int64_t limit) override;
  [[nodiscard]] core::Status update_delivery(const program::Delivery& delivery) override;
  [[nodiscard]] core::Result<std::optional<program::Delivery>> delivery(std::int64_t id) override;
  [[nodiscard]] core::Result<std::vector<program::Delivery>> deliveries(std::optional<program::DeliveryState> state,
                                                                        std::int64_t after,
                                                                        std::int64_t limit) override;
  [[nodiscard]] core::Result<program::InboxPage> inbox(program::PersonId person, std::int64_t before,
                                                       std::int64_t limit) override;
  [[nodiscard]] core::Result<std::int64_t> mark_read(program::PersonId person, std::optional<std::int64_t> delivery,
                                                     const std::string& at) override;
  [[nodiscard]] core::Result<program::WebhookId> insert_webhook(const program::Webhook& webhook) override;
  [[nodiscard]] core::Status remove_webhook(program::WebhookId id) override;
  [[nodiscard]] core::Result<std::vector<program::Webhook>> webhooks() override;

  [[nodiscard]] core::Status append_audit(const program::AuditEntry& entry) override;
  [[nodiscard]] core::Result<std::optional<program::AuditEntry>> last_audit() override;
  [[nodiscard]] core::Result<std::vector<program::AuditEntry>> audit_entries(std::int64_t after,
                                                                             std::int64_t limit) override;
  //! The inner session's deployment session, or this one when they are the same.
  [[nodiscard]] core::Result<program::StoreSession*> deployment() override {
    core::Result<program::StoreSession*> home = inner_.deployment();
    if (home && *home == &inner_) {
      return this;
    }
    return home;
  }

 private:
  // The rows of `rows` (`key`) from the cache when it is valid for this transaction, else `read()`.
  template <typename T, typename Read>
  [[nodiscard]] core::Result<T> cached(Rows rows, std::int64_t key, Read read);

  program::StoreSession& inner_;
  TransactionReads& reads_;
};

}  // namespace covalue::adapters::sql
