#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "covalue/core/network/charter.hpp"
#include "covalue/core/network/cycle.hpp"
#include "covalue/core/network/cycle_outcome.hpp"
#include "covalue/core/network/initiative.hpp"
#include "covalue/core/network/objective.hpp"
#include "covalue/core/network/partner.hpp"
#include "covalue/core/network/partner_ballot.hpp"
#include "covalue/core/network/realised_value.hpp"
#include "covalue/core/network/scorecard.hpp"
#include "covalue/core/result.hpp"
#include "covalue/program/access.hpp"
#include "covalue/program/archive_tables.hpp"
#include "covalue/program/audit.hpp"
#include "covalue/program/charter_proposal.hpp"
#include "covalue/program/delegation.hpp"
#include "covalue/program/discussion.hpp"
#include "covalue/program/outbox.hpp"
#include "covalue/program/person.hpp"
#include "covalue/program/preferences.hpp"
#include "covalue/program/progress.hpp"
#include "covalue/program/sign_in.hpp"

namespace covalue::program {

namespace net = core::network;

//! A network of a database (a tenant: every row belongs to one), as `network list` shows it.
struct NetworkInfo {
  std::int64_t id{0};  //!< 1, 2, ... in the order the networks were created
  std::string name;    //!< the charter's name, unique in the database
};

//! Which network of a database a Store works on.
struct NetworkChoice {
  //! A network's name or decimal id; empty for the only one (network 1 in a database that has none yet).
  std::string name_or_id;
  //! True for a new network (`network init`): the next free id. name_or_id must be empty.
  bool create{false};
  //! True for the deployment itself (network 0): the administrators' tokens and their audit chain.
  bool deployment{false};
};

//! The id of the deployment's own "network": administrators' tokens and audit entries belong to it.
inline constexpr std::int64_t kDeploymentNetwork = 0;

//! One unit of work on the store: every read and write of one use case, inside one transaction.
//! Implementations return kNotFound for an id that names nothing and kConflict for a broken
//! uniqueness rule (a duplicate partner name, ...); they never throw. A write that fails changes
//! nothing, even when the work goes on afterwards. tests/contract/ is the executable form of this contract.
class StoreSession {
 public:
  virtual ~StoreSession() = default;

  //! The charter, or nothing before `network init`.
  [[nodiscard]] virtual core::Result<std::optional<net::Charter>> charter() = 0;
  //! Creates or replaces the charter.
  [[nodiscard]] virtual core::Status save_charter(const net::Charter& charter) = 0;

  //! Stores a new partner under its id when it has one (> 0: an import keeps its ids; kConflict when
  //! taken), else under the network's largest id plus one; returns the id.
  [[nodiscard]] virtual core::Result<net::PartnerId> insert_partner(const net::Partner& partner) = 0;
  //! Replaces a stored partner's fields (matched by id).
  [[nodiscard]] virtual core::Status update_partner(const net::Partner& partner) = 0;
  //! Every partner, by id.
  [[nodiscard]] virtual core::Result<std::vector<net::Partner>> partners() = 0;

  //! Stores a new objective, numbered as insert_partner() numbers partners; returns its id.
  [[nodiscard]] virtual core::Result<net::ObjectiveId> insert_objective(const net::Objective& objective) = 0;
  //! Every objective, by id.
  [[nodiscard]] virtual core::Result<std::vector<net::Objective>> objectives() = 0;

  //! Stores a new initiative with its impacts, objectives and volunteers, numbered as
  //! insert_partner() numbers partners; returns its id.
  [[nodiscard]] virtual core::Result<net::InitiativeId> insert_initiative(const net::Initiative& initiative) = 0;
  //! Replaces a stored initiative's fields, impacts, objectives and volunteers (matched by id).
  [[nodiscard]] virtual core::Status update_initiative(const net::Initiative& initiative) = 0;
  //! Every initiative, by id.
  [[nodiscard]] virtual core::Result<std::vector<net::Initiative>> initiatives() = 0;
  //! The initiatives whose cycle is `cycle` (its candidates and decisions), by id.
  [[nodiscard]] virtual core::Result<std::vector<net::Initiative>> initiatives_in_cycle(net::CycleNumber cycle) = 0;

  //! Stores a new cycle; its number must be one more than the last one's.
  [[nodiscard]] virtual core::Status insert_cycle(const net::Cycle& cycle) = 0;
  //! Replaces a stored cycle's state, capacity and rule (matched by number).
  [[nodiscard]] virtual core::Status update_cycle(const net::Cycle& cycle) = 0;
  //! Every cycle, by number.
  [[nodiscard]] virtual core::Result<std::vector<net::Cycle>> cycles() = 0;

  //! Stores a partner's ballot for a cycle, replacing any earlier one of the same partner and cycle.
  [[nodiscard]] virtual core::Status put_ballot(const net::PartnerBallot& ballot) = 0;
  //! The ballots of one cycle, by partner id (none for a cycle that does not exist).
  [[nodiscard]] virtual core::Result<std::vector<net::PartnerBallot>> ballots(net::CycleNumber cycle) = 0;

  //! Stores the outcome record of a closed cycle (once per cycle).
  [[nodiscard]] virtual core::Status save_outcome(const net::CycleOutcome& outcome) = 0;
  //! Every stored outcome, by cycle number.
  [[nodiscard]] virtual core::Result<std::vector<net::CycleOutcome>> outcomes() = 0;

  //! Records (or replaces) the realised value of one initiative for one partner in one cycle.
  [[nodiscard]] virtual core::Status put_realised_value(const net::RealisedValue& value) = 0;
  //! Every realised value, by cycle, initiative and partner.
  [[nodiscard]] virtual core::Result<std::vector<net::RealisedValue>> realised_values() = 0;

  //! Records (or replaces) one objective's KPI value at the end of a cycle.
  [[nodiscard]] virtual core::Status put_kpi_measurement(const net::KpiMeasurement& measurement) = 0;
  //! Every KPI measurement, by cycle and objective.
  [[nodiscard]] virtual core::Result<std::vector<net::KpiMeasurement>> kpi_measurements() = 0;

  //! The scorecard, or nothing when the network has none.
  [[nodiscard]] virtual core::Result<std::optional<net::Scorecard>> scorecard() = 0;
  //! Creates or replaces the scorecard (criteria in the order given).
  [[nodiscard]] virtual core::Status save_scorecard(const net::Scorecard& scorecard) = 0;
  //! Records (or replaces) one partner's score of one initiative on one criterion.
  [[nodiscard]] virtual core::Status put_initiative_score(const net::InitiativeScore& score) = 0;
  //! Every initiative score, by initiative, partner and criterion.
  [[nodiscard]] virtual core::Result<std::vector<net::InitiativeScore>> initiative_scores() = 0;

  //! Stores a new access token, numbered as insert_partner() numbers partners, and returns its id;
  //! kConflict when the secret hash exists already.
  [[nodiscard]] virtual core::Result<TokenId> insert_token(const AccessToken& token) = 0;
  //! The token stored under `secret_hash`, or nothing.
  [[nodiscard]] virtual core::Result<std::optional<AccessToken>> find_token(const std::string& secret_hash) = 0;
  //! Marks a token revoked (kNotFound for an unknown id).
  [[nodiscard]] virtual core::Status revoke_token(TokenId id) = 0;
  //! Every token, by id.
  [[nodiscard]] virtual core::Result<std::vector<AccessToken>> tokens() = 0;

  //! Stores a new person (its id is ignored) and returns the id given to it; kConflict when a present
  //! person of the network has this e-mail address already, kNotFound for an unknown partner.
  [[nodiscard]] virtual core::Result<PersonId> insert_person(const Person& person) = 0;
  //! Marks a person removed and forgets its e-mail address (kNotFound for an unknown or removed one); the
  //! row stays, so that its id is never given again.
  [[nodiscard]] virtual core::Status remove_person(PersonId id) = 0;
  //! Every person, removed ones included, by id.
  [[nodiscard]] virtual core::Result<std::vector<Person>> people() = 0;

  //! The Argon2id string of a present person's password, or nothing before one is set (kNotFound for an
  //! unknown or removed person).
  [[nodiscard]] virtual core::Result<std::optional<std::string>> password_hash(PersonId person) = 0;
  //! Sets a present person's password hash (kNotFound for an unknown or removed person).
  [[nodiscard]] virtual core::Status set_password_hash(PersonId person, const std::string& hash) = 0;

  //! Stores a new browser session (its id is ignored) and returns its id; kConflict when the secret hash
  //! exists already, kNotFound for an unknown person.
  [[nodiscard]] virtual core::Result<std::int64_t> insert_web_session(const WebSession& session) = 0;
  //! The session stored under `secret_hash` (revoked and expired ones too), or nothing.
  [[nodiscard]] virtual core::Result<std::optional<WebSession>> find_web_session(const std::string& secret_hash) = 0;
  //! Records when a session last authenticated a request (kNotFound for an unknown id).
  [[nodiscard]] virtual core::Status touch_web_session(std::int64_t id, const std::string& last_seen_at) = 0;
  //! Revokes one session (kNotFound for an unknown id; revoking a revoked one changes nothing).
  [[nodiscard]] virtual core::Status revoke_web_session(std::int64_t id) = 0;
  //! Revokes every session of a person still in force (not revoked, not past `now`); returns how many.
  [[nodiscard]] virtual core::Result<std::int64_t> revoke_person_sessions(PersonId person, const std::string& now) = 0;

  //! Stores a new set-password link (its id is ignored) and returns its id; kConflict when the secret hash
  //! exists already, kNotFound for an unknown person.
  [[nodiscard]] virtual core::Result<std::int64_t> insert_password_link(const PasswordLink& link) = 0;
  //! The link stored under `secret_hash` (used and expired ones too), or nothing.
  [[nodiscard]] virtual core::Result<std::optional<PasswordLink>> find_password_link(
      const std::string& secret_hash) = 0;
  //! Marks every unused link of a person used (a link is used once; a newer link replaces the older ones).
  [[nodiscard]] virtual core::Status close_password_links(PersonId person) = 0;

  //! Stores a notification event (its id is ignored) and returns its id; kConflict when its key is not empty
  //! and an event of the network has it already (the event was recorded before).
  [[nodiscard]] virtual core::Result<std::int64_t> insert_event(const NotificationEvent& event) = 0;
  //! The event with this id, or nothing.
  [[nodiscard]] virtual core::Result<std::optional<NotificationEvent>> event(std::int64_t id) = 0;
  //! Stores deliveries (their ids are ignored); one whose key is stored already is left as it is.
  [[nodiscard]] virtual core::Status insert_deliveries(const std::vector<Delivery>& deliveries) = 0;
  //! Claims at most `limit` deliveries on `channels` that are due at `now` (pending, or sending with a claim
  //! that expired), oldest due first: each becomes sending until `until`. Returns them as claimed.
  [[nodiscard]] virtual core::Result<std::vector<Delivery>> claim_deliveries(
      const std::vector<DeliveryChannel>& channels, const std::string& now, const std::string& until,
      std::int64_t limit) = 0;
  //! Replaces a stored delivery's state, attempts, next attempt, last error and delivered time (matched by id;
  //! kNotFound for an unknown one).
  [[nodiscard]] virtual core::Status update_delivery(const Delivery& delivery) = 0;
  //! The delivery with this id, or nothing.
  [[nodiscard]] virtual core::Result<std::optional<Delivery>> delivery(std::int64_t id) = 0;
  //! Deliveries (in `state` when given) with id > `after`, by id, at most `limit`.
  [[nodiscard]] virtual core::Result<std::vector<Delivery>> deliveries(std::optional<DeliveryState> state,
                                                                       std::int64_t after, std::int64_t limit) = 0;
  //! A person's inbox, newest first: at most `limit` entries with delivery id < `before` (0: from the newest),
  //! and the count of its unread entries.
  [[nodiscard]] virtual core::Result<InboxPage> inbox(PersonId person, std::int64_t before, std::int64_t limit) = 0;
  //! Marks a person's unread inbox entries read at `at`: the one with id `delivery`, or every one when none is
  //! given; returns how many changed.
  [[nodiscard]] virtual core::Result<std::int64_t> mark_read(PersonId person, std::optional<std::int64_t> delivery,
                                                             const std::string& at) = 0;
  //! Stores a new webhook (its id is ignored) and returns its id.
  [[nodiscard]] virtual core::Result<WebhookId> insert_webhook(const Webhook& webhook) = 0;
  //! Marks a webhook removed (kNotFound for an unknown or removed one); its pending deliveries die.
  [[nodiscard]] virtual core::Status remove_webhook(WebhookId id) = 0;
  //! Every webhook, removed ones included, by id.
  [[nodiscard]] virtual core::Result<std::vector<Webhook>> webhooks() = 0;

  //! Appends an audit entry; its sequence must be one more than the last one's (kConflict otherwise).
  [[nodiscard]] virtual core::Status append_audit(const AuditEntry& entry) = 0;
  //! The newest audit entry, or nothing when the log is empty.
  [[nodiscard]] virtual core::Result<std::optional<AuditEntry>> last_audit() = 0;
  //! Audit entries with sequence > `after`, in sequence order, at most `limit` of them.
  [[nodiscard]] virtual core::Result<std::vector<AuditEntry>> audit_entries(std::int64_t after, std::int64_t limit) = 0;

  //! A session on the deployment (network 0) of the same database, in this same transaction: what
  //! both write commits together or not at all (creating a network and recording it in the deployment's
  //! chain). kInternal from a store that cannot; the session lives as long as this one.
  [[nodiscard]] virtual core::Result<StoreSession*> deployment() {
    return core::make_error(core::ErrorKind::kInternal, "this store has no deployment session");
  }

  // Delegation (a partner's ballot cast by its proxy for one cycle).
  //! Stores a delegation; kConflict when the partner has one for the cycle already, kNotFound for an unknown
  //! cycle or partner.
  [[nodiscard]] virtual core::Status insert_delegation(const Delegation& delegation) = 0;
  //! Removes the partner's delegation for the cycle (kNotFound when it has none).
  [[nodiscard]] virtual core::Status remove_delegation(net::CycleNumber cycle, net::PartnerId partner) = 0;
  //! The delegations of one cycle, by partner id.
  [[nodiscard]] virtual core::Result<std::vector<Delegation>> delegations(net::CycleNumber cycle) = 0;
  //! Removes a partner's ballot for a cycle with its entries and objections (kNotFound when there is none).
  [[nodiscard]] virtual core::Status remove_ballot(net::CycleNumber cycle, net::PartnerId partner) = 0;
  // Discussion and activity (issue 14 items 1 and 2).

  //! Stores a new comment (its id is ignored) and returns its id; kNotFound for an unknown parent, author or
  //! partner.
  [[nodiscard]] virtual core::Result<std::int64_t> insert_comment(const Comment& comment) = 0;
  //! Replaces a stored comment's body, mentions, edited time, state and hidden reason (kNotFound for an unknown id).
  [[nodiscard]] virtual core::Status update_comment(const Comment& comment) = 0;
  //! The comment with this id, or nothing.
  [[nodiscard]] virtual core::Result<std::optional<Comment>> comment(std::int64_t id) = 0;
  //! The comments on `subject`, by id, at most `limit`.
  [[nodiscard]] virtual core::Result<std::vector<Comment>> comments(const Subject& subject, std::int64_t limit) = 0;
  //! Keeps an earlier text of a comment as its next revision (numbered 1, 2, ... per comment).
  [[nodiscard]] virtual core::Status insert_comment_revision(const CommentRevision& revision) = 0;
  //! A comment's earlier texts, oldest first.
  [[nodiscard]] virtual core::Result<std::vector<CommentRevision>> comment_revisions(std::int64_t comment) = 0;
  //! How many earlier texts each comment on `subject` that has any has: (comment id, count), by id.
  [[nodiscard]] virtual core::Result<std::vector<std::pair<std::int64_t, std::int64_t>>> revision_counts(
      const Subject& subject) = 0;
  //! Records (or replaces) a person's own choice to follow a subject or not (kNotFound for an unknown person).
  [[nodiscard]] virtual core::Status put_follow(const Follow& follow) = 0;
  //! A person's own follow choices, by subject.
  [[nodiscard]] virtual core::Result<std::vector<Follow>> follows(PersonId person) = 0;
  //! Stores a new activity (its id is ignored) and returns its id (ids grow with time).
  [[nodiscard]] virtual core::Result<std::int64_t> insert_activity(const Activity& activity) = 0;
  //! A reader's feed, newest first: at most `limit` activities with id < `before`: what everyone sees, what
  //! concerns its partner, the coordinators' when it coordinates, and what happens to what it follows (its own
  //! choices first, else what its partner follows automatically: the initiatives the partner proposed,
  //! volunteered to lead or has a non-zero estimated impact in).
  [[nodiscard]] virtual core::Result<std::vector<Activity>> feed(const FeedReader& reader, std::int64_t before,
                                                                 std::int64_t limit) = 0;
  //! How many activities of the reader's feed have an id above `after`, but those its own person did.
  [[nodiscard]] virtual core::Result<std::int64_t> feed_count_after(const FeedReader& reader, std::int64_t after) = 0;
  //! The newest activity id a person has seen (0 before its first visit).
  [[nodiscard]] virtual core::Result<std::int64_t> activity_seen(PersonId person) = 0;
  //! Records the newest activity id a person has seen.
  [[nodiscard]] virtual core::Status set_activity_seen(PersonId person, std::int64_t last_seen) = 0;
  // Charter proposals and coordination (issue 14 item 4).
  //! Stores a new charter proposal (its id and positions are ignored) and returns its id.
  [[nodiscard]] virtual core::Result<ProposalId> insert_charter_proposal(const CharterProposal& proposal) = 0;
  //! Replaces a stored proposal but its id and positions (kNotFound for an unknown one).
  [[nodiscard]] virtual core::Status update_charter_proposal(const CharterProposal& proposal) = 0;
  //! Every charter proposal, by id, with the positions on its current revision (by partner).
  [[nodiscard]] virtual core::Result<std::vector<CharterProposal>> charter_proposals() = 0;
  //! Records a partner's position on a proposal, replacing its earlier one.
  [[nodiscard]] virtual core::Status put_charter_position(ProposalId proposal, const PartnerPosition& position) = 0;
  //! Removes every position on a proposal (when it is revised).
  [[nodiscard]] virtual core::Status clear_charter_positions(ProposalId proposal) = 0;
  //! Records whether a partner is willing to coordinate.
  [[nodiscard]] virtual core::Status set_willing_to_coordinate(net::PartnerId partner, bool willing) = 0;
  //! The partners willing to coordinate, by id.
  [[nodiscard]] virtual core::Result<std::vector<net::PartnerId>> willing_to_coordinate() = 0;
  //! Stores a term of the coordination rotation (kConflict when one starts in that cycle already).
  [[nodiscard]] virtual core::Status insert_coordination_term(const CoordinationTerm& term) = 0;
  //! The terms of the coordination rotation, by first cycle.
  [[nodiscard]] virtual core::Result<std::vector<CoordinationTerm>> coordination_terms() = 0;
  // Delivery by the lead (issue 14 item 3): progress updates, milestones and the lead's realised values.

  //! Stores a new progress update (its id is ignored) and returns its id; kNotFound for an unknown initiative.
  [[nodiscard]] virtual core::Result<std::int64_t> insert_initiative_update(const InitiativeUpdate& update) = 0;
  //! The updates of one initiative (every one when none is given), by id.
  [[nodiscard]] virtual core::Result<std::vector<InitiativeUpdate>> initiative_updates(
      std::optional<net::InitiativeId> initiative) = 0;
  //! Stores a new milestone (its id is ignored) and returns its id; kNotFound for an unknown initiative.
  [[nodiscard]] virtual core::Result<MilestoneId> insert_milestone(const Milestone& milestone) = 0;
  //! Replaces a milestone's title, due date, done flag and time (matched by id; kNotFound for an unknown one).
  [[nodiscard]] virtual core::Status update_milestone(const Milestone& milestone) = 0;
  //! Deletes a milestone (kNotFound for an unknown id).
  [[nodiscard]] virtual core::Status remove_milestone(MilestoneId id) = 0;
  //! The milestones of one initiative (every one when none is given), by initiative, due date and id.
  [[nodiscard]] virtual core::Result<std::vector<Milestone>> milestones(
      std::optional<net::InitiativeId> initiative) = 0;
  //! Records (or replaces) what a lead recorded for one partner of one initiative in one cycle.
  [[nodiscard]] virtual core::Status put_lead_realised_value(const LeadRealisedValue& value) = 0;
  //! The lead's records of one initiative (every one when none is given), by cycle, initiative and partner.
  [[nodiscard]] virtual core::Result<std::vector<LeadRealisedValue>> lead_realised_values(
      std::optional<net::InitiativeId> initiative) = 0;
  // Notification preferences and digests (issue 13 item 5).
  //! Every stored choice of the network's people (kinds without one use their default), by person and kind.
  [[nodiscard]] virtual core::Result<std::vector<Preference>> preferences() = 0;
  //! Sets (or replaces) a person's cadence for a kind (kNotFound for an unknown person).
  [[nodiscard]] virtual core::Status put_preference(const Preference& preference) = 0;
  //! Stores events waiting for people's digests; a wait stored already (same person and event) is left as it is.
  [[nodiscard]] virtual core::Status insert_digest_waits(const std::vector<DigestWait>& waits) = 0;
  //! Every waiting event, by person and event.
  [[nodiscard]] virtual core::Result<std::vector<DigestWait>> digest_waits() = 0;
  //! Removes a person's waits for these events (once the digest listing them is recorded).
  [[nodiscard]] virtual core::Status remove_digest_waits(PersonId person, const std::vector<std::int64_t>& events) = 0;
  //! The network's secret called `name` (hex), storing `candidate` under that name first when it has none.
  [[nodiscard]] virtual core::Result<std::string> network_secret(const std::string& name,
                                                                 const std::string& candidate) = 0;
  // The network archive's tables carried row by row (archive_tables.hpp, format version 3).
  //! Every row of the network in the table `table`, its values in the spec's column order, ordered by its key.
  [[nodiscard]] virtual core::Result<std::vector<ArchiveRow>> archive_rows(const ArchiveTableSpec& table) = 0;
  //! Writes `rows` into the table `table` as they are (ids and keys kept) for the session's network;
  //! kConflict for a key stored already, kNotFound for a row naming a missing one.
  [[nodiscard]] virtual core::Status put_archive_rows(const ArchiveTableSpec& table,
                                                      const std::vector<ArchiveRow>& rows) = 0;
  // The coordinator election (issue 14 item 4, election).
  //! Stores a new election (its id and votes are ignored) and returns its id; kConflict when one is for that term
  //! cycle already.
  [[nodiscard]] virtual core::Result<ElectionId> insert_coordinator_election(const CoordinatorElection& election) = 0;
  //! Stores an election's window, state, decision time, partner elected and result (kNotFound for an unknown id).
  [[nodiscard]] virtual core::Status update_coordinator_election(const CoordinatorElection& election) = 0;
  //! Every coordinator election, by id, with its votes by voter.
  [[nodiscard]] virtual core::Result<std::vector<CoordinatorElection>> coordinator_elections() = 0;
  //! Records a partner's vote in an election, replacing its earlier one (kNotFound for an unknown partner).
  [[nodiscard]] virtual core::Status put_coordinator_vote(ElectionId election, const CoordinatorVote& vote) = 0;
};

//! The program's storage port for one network of a database. SQLite and PostgreSQL implement it (one
//! SQL store, adapters/sql); no database type leaks here.
class Store {
 public:
  virtual ~Store() = default;

  //! Runs `work` in one transaction: commits when it returns ok, rolls everything back when it returns
  //! an error (which is passed on) or throws (kInternal). Nothing is ever half-written. The work runs
  //! serialisably: as if no other transaction of any process ran at the same time. A store may run
  //! the work again: when the database reports a serialisation conflict, and when a store that sends
  //! writes without waiting for them learns of a write's failure only after the work went on (it
  //! then runs the work again, waiting for each write, so that every write's failure is its own).
  //! Only the last run counts, so the work must have no effect outside the session. transact() from
  //! inside the work is kInternal.
  [[nodiscard]] virtual core::Status transact(const std::function<core::Status(StoreSession&)>& work) = 0;

  //! Runs `work`, which must only read, on a consistent view of the network as some transaction
  //! committed it. A store may run it beside the network's writers instead of queuing behind them
  //! (PostgreSQL does, and refuses a write there). The default runs it as a transaction. read() from
  //! inside a work of the same store is kInternal.
  [[nodiscard]] virtual core::Status read(const std::function<core::Status(StoreSession&)>& work) {
    return transact(work);
  }

  //! A number that changes whenever any transaction of any process commits a change to this store's
  //! network (the newest audit sequence): read caches are valid while it stays the same.
  [[nodiscard]] virtual core::Result<std::int64_t> version() = 0;

  //! The id of the network this store works on.
  [[nodiscard]] virtual std::int64_t network() const = 0;
  //! Every network of the database, by id.
  [[nodiscard]] virtual core::Result<std::vector<NetworkInfo>> networks() = 0;
  //! The network whose token has this secret hash (kDeploymentNetwork for an administrator's), or
  //! nothing: a server finds which network a request is for this way.
  [[nodiscard]] virtual core::Result<std::optional<std::int64_t>> token_network(const std::string& secret_hash) = 0;
  //! The network of the browser session (`password_link` false) or set-password link (true) with this secret
  //! hash, or nothing: a server finds which network a signed-in request is for this way.
  [[nodiscard]] virtual core::Result<std::optional<std::int64_t>> sign_in_network(const std::string& secret_hash,
                                                                                  bool password_link) = 0;
  //! The networks, by id, in which a present person with a password has this e-mail address (compared
  //! without regard to ASCII case): where signing in with it may succeed.
  [[nodiscard]] virtual core::Result<std::vector<std::int64_t>> email_networks(const std::string& email) = 0;
  //! A store of another network of the same database (kInvalidInput for a private in-memory database,
  //! which holds one network for the store that opened it).
  [[nodiscard]] virtual core::Result<std::unique_ptr<Store>> open_network(const NetworkChoice& choice) = 0;
};

}  // namespace covalue::program
