#pragma once

// The StoreSession written once for every SQL dialect: the reads and writes of one transaction of one
// network, over a dialect's Db. Each write is atomic on its own (a savepoint, nested when writes
// call writes), so a failed write changes nothing and the transaction goes on. Reads of whole kinds of
// rows are served from the network's read cache where it is valid (read_cache.hpp). The methods are
// defined per entity in src/session_<entity>.cpp; the statements are in src/statements.hpp.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "covalue/adapters/sql/db.hpp"
#include "covalue/adapters/sql/read_cache.hpp"
#include "covalue/program/store.hpp"

namespace covalue::adapters::sql {

namespace net = core::network;

//! A stored row another row points at; named in the kNotFound error when it is missing.
struct Reference {
  const char* what;          //!< "partner", "initiative", ...
  const char* exists_query;  //!< SELECT returning a row when (network, id) names one
  std::int64_t id;
};

//! Runs a store's `work` on `session`: an exception it throws becomes kInternal "the store's work threw".
[[nodiscard]] core::Status run_work(program::StoreSession& session,
                                    const std::function<core::Status(program::StoreSession&)>& work);

//! The queries that read initiatives, of a whole network or of one cycle (session_initiatives.cpp).
struct InitiativeQueries;

//! The reads and writes of one transaction of one network.
class Session final : public program::StoreSession {
 public:
  //! A session on `db` (inside a transaction for as long as the session is used) for `network`, its
  //! reads kept in `reads` when given.
  Session(Db& db, std::int64_t network, TransactionReads* reads = nullptr)
      : db_(db), network_(network), reads_(reads) {}

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
  //! A session of network 0 on the same transaction (this one when it is network 0). Another network's
  //! is not cached: the deployment's next transaction sees its chain's head moved.
  [[nodiscard]] core::Result<program::StoreSession*> deployment() override;

  [[nodiscard]] core::Result<std::int64_t> insert_initiative_update(const program::InitiativeUpdate& update) override;
  [[nodiscard]] core::Result<std::vector<program::InitiativeUpdate>> initiative_updates(
      std::optional<net::InitiativeId> initiative) override;
  [[nodiscard]] core::Result<program::MilestoneId> insert_milestone(const program::Milestone& milestone) override;
  [[nodiscard]] core::Status update_milestone(const program::Milestone& milestone) override;
  [[nodiscard]] core::Status remove_milestone(program::MilestoneId id) override;
  [[nodiscard]] core::Result<std::vector<program::Milestone>> milestones(
      std::optional<net::InitiativeId> initiative) override;
  [[nodiscard]] core::Status put_lead_realised_value(const program::LeadRealisedValue& value) override;
  [[nodiscard]] core::Result<std::vector<program::LeadRealisedValue>> lead_realised_values(
      std::optional<net::InitiativeId> initiative) override;
  [[nodiscard]] core::Result<std::vector<program::AuditEntry>> audit_entries(std::int64_t after,
                                                                             std::int64_t limit) override;

  [[nodiscard]] core::Status insert_delegation(const program::Delegation& delegation) override;
  [[nodiscard]] core::Status remove_delegation(net::CycleNumber cycle, net::PartnerId partner) override;
  [[nodiscard]] core::Result<std::vector<program::Delegation>> delegations(net::CycleNumber cycle) override;
  [[nodiscard]] core::Status remove_ballot(net::CycleNumber cycle, net::PartnerId partner) override;
  [[nodiscard]] core::Result<std::int64_t> insert_comment(const program::Comment& comment) override;
  [[nodiscard]] core::Status update_comment(const program::Comment& comment) override;
  [[nodiscard]] core::Result<std::optional<program::Comment>> comment(std::int64_t id) override;
  [[nodiscard]] core::Result<std::vector<program::Comment>> comments(const program::Subject& subject,
                                                                     std::int64_t limit) override;
  [[nodiscard]] core::Status insert_comment_revision(const program::CommentRevision& revision) override;
  [[nodiscard]] core::Result<std::vector<program::CommentRevision>> comment_revisions(std::int64_t comment) override;
  [[nodiscard]] core::Result<std::vector<std::pair<std::int64_t, std::int64_t>>> revision_counts(
      const program::Subject& subject) override;
  [[nodiscard]] core::Status put_follow(const program::Follow& follow) override;
  [[nodiscard]] core::Result<std::vector<program::Follow>> follows(program::PersonId person) override;
  [[nodiscard]] core::Result<std::int64_t> insert_activity(const program::Activity& activity) override;
  [[nodiscard]] core::Result<std::vector<program::Activity>> feed(const program::FeedReader& reader,
                                                                  std::int64_t before, std::int64_t limit) override;
  [[nodiscard]] core::Result<std::int64_t> feed_count_after(const program::FeedReader& reader,
                                                            std::int64_t after) override;
  [[nodiscard]] core::Result<std::int64_t> activity_seen(program::PersonId person) override;
  [[nodiscard]] core::Status set_activity_seen(program::PersonId person, std::int64_t last_seen) override;
  // Charter proposals and coordination (issue 14 item 4): session_charter_proposals.cpp.
  [[nodiscard]] core::Result<program::ProposalId> insert_charter_proposal(
      const program::CharterProposal& proposal) override;
  [[nodiscard]] core::Status update_charter_proposal(const program::CharterProposal& proposal) override;
  [[nodiscard]] core::Result<std::vector<program::CharterProposal>> charter_proposals() override;
  [[nodiscard]] core::Status put_charter_position(program::ProposalId proposal,
                                                  const program::PartnerPosition& position) override;
  [[nodiscard]] core::Status clear_charter_positions(program::ProposalId proposal) override;
  [[nodiscard]] core::Status set_willing_to_coordinate(net::PartnerId partner, bool willing) override;
  [[nodiscard]] core::Result<std::vector<net::PartnerId>> willing_to_coordinate() override;
  [[nodiscard]] core::Status insert_coordination_term(const program::CoordinationTerm& term) override;
  [[nodiscard]] core::Result<std::vector<program::CoordinationTerm>> coordination_terms() override;
  [[nodiscard]] core::Result<std::vector<program::Preference>> preferences() override;
  [[nodiscard]] core::Status put_preference(const program::Preference& preference) override;
  [[nodiscard]] core::Status insert_digest_waits(const std::vector<program::DigestWait>& waits) override;
  [[nodiscard]] core::Result<std::vector<program::DigestWait>> digest_waits() override;
  [[nodiscard]] core::Status remove_digest_waits(program::PersonId person,
                                                 const std::vector<std::int64_t>& events) override;
  [[nodiscard]] core::Result<std::string> network_secret(const std::string& name,
                                                         const std::string& candidate) override;
  [[nodiscard]] core::Result<std::vector<program::ArchiveRow>> archive_rows(
      const program::ArchiveTableSpec& table) override;
  [[nodiscard]] core::Status put_archive_rows(const program::ArchiveTableSpec& table,
                                              const std::vector<program::ArchiveRow>& rows) override;
  // The coordinator election: session_coordinator_election.cpp.
  [[nodiscard]] core::Result<program::ElectionId> insert_coordinator_election(
      const program::CoordinatorElection& election) override;
  [[nodiscard]] core::Status update_coordinator_election(const program::CoordinatorElection& election) override;
  [[nodiscard]] core::Result<std::vector<program::CoordinatorElection>> coordinator_elections() override;
  [[nodiscard]] core::Status put_coordinator_vote(program::ElectionId election,
                                                  const program::CoordinatorVote& vote) override;

 private:
  // The statement for `sql` with the session's network bound as its first parameter.
  [[nodiscard]] Statement in_network(const char* sql);
  // The rows of `sql`, with the session's network and then `keys` bound, each read by `read` (rows of
  // `table`). Defined in src/session_common.hpp, like the two below.
  template <typename Read, typename... Keys>
  [[nodiscard]] auto rows(const char* sql, const char* table, Read read, const Keys&... keys);
  // Inserts `row` with `sql` (the network, its id or 0 for the network's next, the network again, then
  // its other `columns`) in a savepoint of its own: the id it got.
  template <typename Columns, typename Row>
  [[nodiscard]] core::Result<std::int64_t> insert_row(const char* sql, const Columns& columns, const Row& row);
  // `parents` (read in id order) with the rows of `sql` (rows of `table`: a parent's id, then `columns`)
  // appended to their parent's list `kList`.
  template <auto kList, typename Parent, typename Columns>
  [[nodiscard]] core::Result<std::vector<Parent>> with_children(core::Result<std::vector<Parent>> parents,
                                                                const char* sql, const char* table,
                                                                const Columns& columns);
  // Inserts `row`, numbered next in the network, with `sql` (the network twice, then its `columns` but the
  // first, its id) in a savepoint of its own: the id it got.
  template <typename Columns, typename Row>
  [[nodiscard]] core::Result<std::int64_t> insert_numbered(const char* sql, const Columns& columns, const Row& row);
  // Runs `sql` (`row`'s `columns` from the `from`-th on, by default all but its id, then the network and
  // `key`): how many rows it changed.
  template <typename Columns, typename Row>
  [[nodiscard]] core::Result<std::int64_t> update_row(const char* sql, const Columns& columns, const Row& row,
                                                      std::int64_t key, int from = 1);
  // Runs the write `sql` (the network, then `values`) in a savepoint of its own.
  template <typename... Values>
  [[nodiscard]] core::Status write(const char* sql, const Values&... values);
  // Runs the write `sql` (the network, then `keys`, then `row`'s `columns`) in a savepoint of its own.
  template <typename Columns, typename Row, typename... Keys>
  [[nodiscard]] core::Status write_row(const char* sql, const Columns& columns, const Row& row, const Keys&... keys);
  // Runs the UPDATE `sql` (binding `value`, then the network and `keys`) in a savepoint of its own: how
  // many rows it changed.
  template <typename Value, typename... Keys>
  [[nodiscard]] core::Result<std::int64_t> update(const char* sql, const Value& value, const Keys&... keys);
  // Inserts a row per item of `items` with `sql`, bound by `bind(statement, item, position)` after the
  // network; an item listed twice is kConflict with the message `twice(item)`.
  template <typename Items, typename Bind, typename Twice>
  [[nodiscard]] core::Status insert_list(const char* sql, const Items& items, Bind bind, Twice twice);

  // `read()`, or the rows of `rows` (`key`: a cycle, or -1 for all) kept in the read cache when valid.
  template <typename Read>
  [[nodiscard]] auto cached(Rows rows, std::int64_t key, Read read) -> decltype(read());
  // The work is about to change rows of `rows`.
  void change(Rows rows) {
    if (reads_ != nullptr) {
      reads_->change(rows);
    }
  }
  // Appends `entry` to the network's audit chain (append_audit, but for the read cache).
  [[nodiscard]] core::Status write_audit(const program::AuditEntry& entry);

  // Reads initiatives and their lists with `queries`, bound to `cycle` if any.
  [[nodiscard]] core::Result<std::vector<net::Initiative>> read_initiatives(const InitiativeQueries& queries,
                                                                            std::optional<net::CycleNumber> cycle);

  // Runs `write` inside a savepoint of its own: kept when it returns ok, undone when it fails.
  // Nests: a write inside a write opens a deeper savepoint.
  template <typename Write>
  auto atomically(Write write) -> decltype(write());

  // When `failed` is a foreign-key failure (kNotFound), names the first missing reference instead.
  // Called outside the failed write's savepoint (a dialect may refuse statements inside it).
  [[nodiscard]] core::Error explain(const core::Error& failed, const std::vector<Reference>& references);

  // The rows of one initiative's lists (impacts, objectives, volunteers), written as a whole.
  [[nodiscard]] core::Status write_initiative_lists(const net::Initiative& initiative);
  // Rewrites an initiative's lists unless the stored ones are the same (a status change, say).
  [[nodiscard]] core::Status replace_initiative_lists(const net::Initiative& initiative);
  // True when the stored lists of the initiative equal its lists.
  [[nodiscard]] core::Result<bool> initiative_lists_stored(const net::Initiative& initiative);
  [[nodiscard]] core::Status write_ballot_lists(const net::PartnerBallot& ballot);
  [[nodiscard]] core::Status write_shortlist(const net::Cycle& cycle);

  Db& db_;
  std::int64_t network_;
  TransactionReads* reads_;
  int depth_{0};
  std::unique_ptr<Session> deployment_;  // deployment(), made when first asked for
};

template <typename Read>
auto Session::cached(Rows rows, std::int64_t key, Read read) -> decltype(read()) {
  if (reads_ == nullptr) {
    return read();
  }
  using Value = std::remove_cvref_t<decltype(*read())>;
  return reads_->cached<Value>(rows, key, read, [this] { return last_audit(); });
}

template <typename Write>
auto Session::atomically(Write write) -> decltype(write()) {
  const int depth = depth_ + 1;
  if (auto begun = db_.savepoint(depth); !begun.ok()) {
    return begun.error();
  }
  depth_ = depth;
  auto result = write();
  if (result.ok()) {
    if (auto synced = db_.sync(); !synced.ok()) {
      result = synced.error();
    }
  }
  depth_ = depth - 1;
  if (!result.ok()) {
    if (auto undone = db_.rollback_to(depth); !undone.ok()) {
      return result;
    }
  }
  if (auto released = db_.release(depth); !released.ok() && result.ok()) {
    return released.error();
  }
  return result;
}

}  // namespace covalue::adapters::sql
