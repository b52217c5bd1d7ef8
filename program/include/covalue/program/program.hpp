#pragma once

#include <optional>
#include <string>
#include <vector>

#include "covalue/core/network/cycle_decision.hpp"
#include "covalue/core/network/scorecard.hpp"
#include "covalue/program/access.hpp"
#include "covalue/program/audit.hpp"
#include "covalue/program/charter_proposal.hpp"
#include "covalue/program/delegation.hpp"
#include "covalue/program/discussion.hpp"
#include "covalue/program/outbox.hpp"
#include "covalue/program/preferences.hpp"
#include "covalue/program/queries.hpp"
#include "covalue/program/report.hpp"
#include "covalue/program/snapshot.hpp"
#include "covalue/program/store.hpp"

namespace covalue::program {

//! A cycle as its close decided it: the outcome, and the cycle report made from it in the same transaction.
struct ClosedCycle {
  net::CycleOutcome outcome;
  Report report;  //!< cycle_report of the closed cycle
};

//! A cycle's deadlines as people give them: an absent member keeps the deadline, an empty text removes
//! it, anything else is a UTC time (program/utc_time.hpp: `2026-12-10T17:00Z`, or with an offset).
struct DeadlineChange {
  std::optional<std::string> proposals_close_at;
  std::optional<std::string> voting_closes_at;
};

//! What a what-if simulation starts from (Program::what_if_start).
struct WhatIfStart {
  std::int64_t network{0};  //!< the network's id: its simulations belong to it
  Snapshot snapshot;        //!< its current state
};

//! What one pass of the scheduler did about a cycle whose deadline has passed.
struct DeadlineStep {
  net::CycleNumber cycle{0};
  std::string deadline;  //!< "proposals_close_at" or "voting_closes_at"
  std::string at;        //!< the deadline, UTC
  bool moved{false};     //!< the charter says auto and the cycle moved; else the coordinator is to move it
  net::CycleState state{net::CycleState::kProposing};  //!< the cycle's state after the step
};

//! The turnout of a voting cycle against the charter's close_turnout_warning (delegated ballots count as voted).
struct CycleTurnout {
  net::CycleNumber cycle{0};
  std::int64_t members{0};    //!< member partners of the cycle
  std::int64_t voted{0};      //!< of them, with a ballot (their own or cast by their proxy)
  std::int64_t delegated{0};  //!< of the voted, ballots a proxy cast
  std::int64_t warning{0};    //!< the charter's close_turnout_warning, a percentage (0: none)
  bool below{false};          //!< voted / members < warning / 100, exactly
  //! "4 of 13 partners have voted (30.8%), below the charter's 50%" (without "below ..." when not below).
  [[nodiscard]] std::string describe() const;
};

//! A network an administrator created: its id and name, and its first coordinator's token (the secret
//! shown once).
struct CreatedNetwork {
  NetworkInfo network;
  IssuedToken coordinator;
};

//! The use cases of the program, each one transaction on the store, done on behalf of one Actor.
//! Every failure comes back as an Error naming the field or id at fault, and leaves the store
//! unchanged. What an actor may do is checked here (kForbidden), not by the callers: coordinators
//! run cycles, manage partners and record actuals; representatives propose, score, object and vote
//! for their own partner only; observers read. Every change appends an audit entry.
class Program {
 public:
  //! `tools` is what cycle decisions may use (the ILP solver of the network-fair rule, Shapley limits).
  //! `clock` stamps audit entries (the system clock when null).
  Program(Store& store, net::DecisionTools tools, Actor actor = Actor::local_operator(), Clock* clock = nullptr);

  //! Creates the network with its charter; kConflict when one exists already.
  [[nodiscard]] core::Status init_network(const net::Charter& charter);
  //! An administrator (or the operator) creates a network with `charter` in `fresh`, a store of the same
  //! database opened on a new network (NetworkChoice{.create = true}), and issues its first coordinator
  //! token, in one transaction audited in the new network's chain; then audits it in this program's
  //! store, the deployment's (network 0). kConflict when the name is taken; kForbidden for anyone else.
  [[nodiscard]] core::Result<CreatedNetwork> create_network(Store& fresh, const net::Charter& charter);
  //! Every network of the database (administrators and the operator).
  [[nodiscard]] core::Result<std::vector<NetworkInfo>> networks();
  //! Replaces the charter's policies (taking effect from the next cycle opened).
  [[nodiscard]] core::Status update_charter(const net::Charter& charter);

  //! Adds a partner, a member from the current (or next) cycle on.
  [[nodiscard]] core::Result<net::Partner> add_partner(const std::string& name, net::Tier tier);
  //! A partner leaves: it is no longer a member from the current cycle on (or the next one, once the
  //! current one is closed). Its proposals stay; its ballot in an open cycle no longer counts.
  [[nodiscard]] core::Result<net::Partner> leave_partner(net::PartnerId partner);

  //! States a partner's objective.
  [[nodiscard]] core::Result<net::Objective> add_objective(const net::Objective& objective);

  //! Proposes an initiative for the cycle being proposed (or the next one to open). Its volunteers must
  //! consent: a representative may name only its own partner (kForbidden otherwise); partners a
  //! coordinator names become nominees, who lead only once they accept (volunteer()).
  [[nodiscard]] core::Result<net::Initiative> propose(const net::Initiative& initiative);
  //! Withdraws an initiative that has not been decided yet: its proposer or a coordinator while proposing;
  //! only a coordinator while its cycle votes, and then with a reason (a bad proposal never blocks a
  //! cycle: ballot entries naming it stop counting). The reason is kept in the audit log.
  [[nodiscard]] core::Result<net::Initiative> withdraw(net::InitiativeId initiative, const std::string& reason = "");
  //! A partner volunteers to lead an undecided initiative, or accepts a coordinator's nomination (its
  //! representative or the operator); a coordinator naming another partner makes it a nominee.
  [[nodiscard]] core::Result<net::Initiative> volunteer(net::InitiativeId initiative, net::PartnerId partner);
  //! A partner withdraws its offer to lead, or declines a nomination (its representative or the operator);
  //! a coordinator may withdraw a nomination, not a partner's own offer.
  [[nodiscard]] core::Result<net::Initiative> stand_down(net::InitiativeId initiative, net::PartnerId partner);

  //! Opens the next cycle (proposing); the previous one must be closed. Waiting and carried-over
  //! initiatives become its candidates; last cycle's selected initiatives move to in_progress.
  //! `deadlines` are the new cycle's (each in the future, voting after proposals).
  [[nodiscard]] core::Result<net::Cycle> open_cycle(const DeadlineChange& deadlines = {});
  //! Moves the current cycle from proposing to voting; `closes_at`, when given, is voting's deadline.
  [[nodiscard]] core::Result<net::Cycle> start_voting(net::CycleNumber cycle,
                                                      const std::optional<std::string>& closes_at = std::nullopt);
  //! Changes the deadlines of a cycle not closed yet (coordinators): a new deadline must be in the future;
  //! proposals' only while the cycle takes proposals.
  [[nodiscard]] core::Result<net::Cycle> set_deadlines(net::CycleNumber cycle, const DeadlineChange& change);
  //! One pass of the scheduler over this network (coordinators and the operator): for the open cycle whose
  //! deadline has passed, moves it on (proposing -> voting, voting -> closed) when the charter's
  //! deadline_action is auto, else reports it due (the coordinator moves it). Steps in order; none when no
  //! deadline has passed. Also records the reminders due before voting closes and the actuals_due events
  //! (flag_actuals_due).
  [[nodiscard]] core::Result<std::vector<DeadlineStep>> run_deadlines();
  //! Casts (or re-casts: the last one counts) a member's ballot in a cycle that is voting.
  //! Returns the ballot as stored (approval values read as 1, say), which is what counts. A ballot with `cast_by`
  //! set (or one a representative casts for another partner) is cast by that partner as the ballot's partner's
  //! proxy: kForbidden naming "partner" unless the partner delegated it so. A partner's own ballot ends its
  //! delegation in the cycle, if any.
  [[nodiscard]] core::Result<net::PartnerBallot> cast_ballot(const net::PartnerBallot& ballot);
  //! Closes a voting cycle: decides it (core::network::decide_cycle) and stores the outcome.
  [[nodiscard]] core::Result<net::CycleOutcome> close_cycle(net::CycleNumber cycle);
  //! close_cycle, also returning the closed cycle's report (what `covalue cycle close` prints), in the same
  //! transaction; `cycle` 0 closes the newest cycle.
  [[nodiscard]] core::Result<ClosedCycle> close_cycle_reported(net::CycleNumber cycle);
  //! Marks a closed cycle reviewed: its delivered initiatives become reviewed.
  [[nodiscard]] core::Result<net::Cycle> review_cycle(net::CycleNumber cycle);

  //! Records what an initiative selected in a closed cycle realised for a partner; marks it delivered.
  [[nodiscard]] core::Status record_realised_value(const net::RealisedValue& value);
  //! Records an objective's KPI value at the end of a closed cycle.
  [[nodiscard]] core::Status record_kpi(const net::KpiMeasurement& measurement);

  //! Defines (or replaces) the network's scorecard.
  [[nodiscard]] core::Status define_scorecard(const net::Scorecard& scorecard);
  //! A partner scores an initiative of the open cycle (or one waiting for it) on some criteria.
  [[nodiscard]] core::Status score_initiative(const std::vector<net::InitiativeScore>& scores);
  //! Puts the top `size` initiatives of the scorecard ranking on the proposing cycle's ballot
  //! (0: the scorecard's shortlist_size); the others are carried over.
  [[nodiscard]] core::Result<net::Cycle> shortlist(net::CycleNumber cycle, std::int64_t size);

  //! Adds a person (its id is ignored): coordinators add anyone, a representative only people of its own
  //! partner (representatives and observers). The e-mail address must be new in the network.
  [[nodiscard]] core::Result<Person> add_person(const Person& person);
  //! Removes a person and revokes the tokens issued to it (coordinators; a representative only its own
  //! partner's people).
  [[nodiscard]] core::Result<Person> remove_person(PersonId person);
  //! Every person, by id, as this actor may see them: e-mail addresses only to coordinators and to the
  //! person's own partner (empty for everyone else).
  [[nodiscard]] core::Result<std::vector<Person>> people();
  //! Issues an access token to a person (coordinator only): the person's role and partner.
  [[nodiscard]] core::Result<IssuedToken> issue_person_token(PersonId person, const std::string& label);

  //! Makes a one-time link with which a person sets (or resets) its password, valid for settings.link_seconds;
  //! earlier unused links of the person stop working (coordinators; a representative for its own partner's
  //! people). The secret is in the result only; its hash is stored and the audit entry names the person.
  [[nodiscard]] core::Result<IssuedPasswordLink> create_password_link(PersonId person,
                                                                      const SignInSettings& settings = {});
  //! Ends every session of a person still in force, audited; returns how many (who may manage the person).
  [[nodiscard]] core::Result<std::int64_t> revoke_sessions(PersonId person);
  //! Ends the browser session this actor signed in with (kInvalidInput for one that sent a token).
  [[nodiscard]] core::Status sign_out();
  //! The present person of this network whose e-mail address (without regard to ASCII case) and password
  //! these are; kUnauthenticated, the same for an unknown address and a wrong password, which take as long.
  [[nodiscard]] static core::Result<Person> check_sign_in(Store& store, std::string_view email,
                                                          std::string_view password);
  //! Opens a browser session for `person` (as check_sign_in found it), lasting as `settings` say.
  [[nodiscard]] static core::Result<OpenedSession> open_session(Store& store, const Person& person,
                                                                const SignInSettings& settings, Clock& clock);
  //! The actor a session secret stands for (the person's role and partner); kUnauthenticated for an unknown,
  //! revoked or expired session (idle past settings.idle_seconds, or older than settings.lifetime_seconds) or
  //! a removed person. Records the request's time on the session (at most once a minute).
  [[nodiscard]] static core::Result<Actor> authenticate_session(Store& store, std::string_view secret,
                                                                const SignInSettings& settings, Clock& clock);
  //! Sets a person's password with a set-password link: checks the password's length, uses the link up and
  //! ends the person's sessions, audited as the person. kUnauthenticated for an unknown, used or expired link.
  [[nodiscard]] static core::Result<Person> set_password(Store& store, std::string_view link, std::string_view password,
                                                         Clock& clock);

  //! One pass of the delivery worker (coordinators and the operator): claims the due deliveries of the channels it
  //! has a port for (e-mail with `mailer`, webhooks with `poster`; null: that channel waits), sends each outside
  //! any transaction, and records it delivered, to be retried with exponential back-off, or dead with the reason.
  //! A claim lasts settings.lease_seconds: what a killed worker claimed is sent again after that, under the same
  //! idempotency key. One recipient's failure never stops the others.
  [[nodiscard]] core::Result<DeliveryPass> deliver_due(Mailer* mailer, WebhookPoster* poster,
                                                       const DeliverySettings& settings = {});
  //! Deliveries (in `state` when given) after id `after`, at most `limit` (coordinators): the dead letters.
  [[nodiscard]] core::Result<std::vector<Delivery>> deliveries(std::optional<DeliveryState> state, std::int64_t after,
                                                               std::int64_t limit);
  //! Tries a dead delivery again from now, its attempts counted afresh (coordinators; audited).
  [[nodiscard]] core::Result<Delivery> retry_delivery(std::int64_t delivery);
  //! The signed-in person's inbox, newest first (kInvalidInput naming "token" for a token not issued to a person).
  [[nodiscard]] core::Result<InboxPage> inbox(std::int64_t before, std::int64_t limit);
  //! Marks one of the person's inbox entries read (kNotFound for another's), or every one when none is given;
  //! returns how many were unread.
  [[nodiscard]] core::Result<std::int64_t> mark_read(std::optional<std::int64_t> delivery);
  //! Registers a webhook (coordinators; audited without its secret): an http(s) URL with a host, a secret of 1
  //! to kMaxWebhookSecret bytes. Returned without its secret.
  [[nodiscard]] core::Result<Webhook> add_webhook(const Webhook& webhook);
  //! Removes a webhook (coordinators; audited): its pending deliveries die.
  [[nodiscard]] core::Result<Webhook> remove_webhook(WebhookId webhook);
  //! Every webhook, without secrets (coordinators).
  [[nodiscard]] core::Result<std::vector<Webhook>> webhooks();

  //! Issues an access token (coordinator only); the secret is in the result and nowhere else.
  [[nodiscard]] core::Result<IssuedToken> issue_token(Role role, std::optional<net::PartnerId> partner,
                                                      const std::string& label);
  //! Revokes a token (coordinator only).
  [[nodiscard]] core::Status revoke_token(TokenId token);
  //! Every token, without secrets (coordinator only).
  [[nodiscard]] core::Result<std::vector<AccessToken>> tokens();
  //! The actor a bearer secret stands for; kUnauthenticated for an unknown or revoked one.
  [[nodiscard]] static core::Result<Actor> authenticate(Store& store, std::string_view secret);

  //! Audit entries after `after` (coordinator only), at most `limit`.
  [[nodiscard]] core::Result<std::vector<AuditEntry>> audit_log(std::int64_t after, std::int64_t limit);
  //! Re-checks the whole audit chain (coordinator only).
  [[nodiscard]] core::Result<AuditVerification> verify_audit();

  //! Everything stored, read in one transaction (for reports and listings), as this actor may see
  //! it: in a cycle still open, another partner's ballot shows that it voted but not what (the
  //! operator sees everything). Closed cycles' ballots stay, for the reports' aggregates; shown one by
  //! one, they follow the charter's disclosure (ballots()).
  [[nodiscard]] core::Result<Snapshot> snapshot();

  //! The ballots of a cycle as this actor may see them: its own partner's while the cycle is open
  //! (every one for the operator); after close, per the charter's disclosure (anonymous: partner 0
  //! for every ballot but the actor's own; secret: own only; coordinators see who voted either way
  //! in the reports).
  [[nodiscard]] core::Result<std::vector<net::PartnerBallot>> ballots(net::CycleNumber cycle);

  //! The reads of the program, for the same store and actor.
  [[nodiscard]] Queries queries() const;

  //! The actor the use cases run for.
  [[nodiscard]] const Actor& actor() const { return actor_; }

  // Delegation (issue 14 item 5) and the close's turnout warning (issue 13 item 6).
  //! `partner` hands its ballot in `cycle` (proposing or voting) to `proxy`, another member partner (the partner's
  //! representative or the operator; audited; the proxy's people are told). kConflict naming "delegation" for a
  //! second delegation of the partner in the cycle, or for a partner that is itself a proxy there (no chains);
  //! naming "proxy" for a proxy that has delegated its own ballot; kInvalidInput naming "proxy" for the partner
  //! itself; kNotFound or kConflict naming "proxy" for an unknown partner or one that is not a member; kConflict
  //! naming "cycle" for a closed cycle.
  [[nodiscard]] core::Result<Delegation> delegate(net::CycleNumber cycle, net::PartnerId partner, net::PartnerId proxy);
  //! `partner` takes its ballot back before the cycle closes (its representative or the operator; audited): a
  //! ballot its proxy cast for it is removed. kNotFound naming "delegation" when it has none. Casting its own
  //! ballot (cast_ballot) revokes the delegation too, keeping that ballot.
  [[nodiscard]] core::Result<Delegation> revoke_delegation(net::CycleNumber cycle, net::PartnerId partner);
  //! The delegations of a cycle, by partner: every one for coordinators and observers, a representative's own
  //! partner's (given or received) otherwise. Who delegated never says how anyone voted.
  [[nodiscard]] core::Result<std::vector<Delegation>> delegations(net::CycleNumber cycle);
  //! How many member partners of a voting cycle have a ballot (cast by themselves or by their proxy), against the
  //! charter's close_turnout_warning.
  [[nodiscard]] core::Result<CycleTurnout> turnout(net::CycleNumber cycle);
  //! close_cycle_reported (`report`) or close_cycle, refused with kConflict naming "confirm_low_turnout" (the
  //! figures in its message) when the turnout is below the charter's close_turnout_warning and
  //! `confirm_low_turnout` is false. `cycle` 0 closes the newest cycle.
  [[nodiscard]] core::Result<ClosedCycle> close_cycle_confirming(net::CycleNumber cycle, bool confirm_low_turnout,
                                                                 bool report);
  // What if (issue 16 item 5): charters compared on simulations of this network. Reads: nothing is stored, so
  // nothing is audited; the simulations themselves run on the server's worker threads.
  //! What a what-if of `changed` against the current charter starts from, read in one transaction
  //! (coordinators): kInvalidInput naming "charter.<field>" for a changed charter that breaks the charter's rules.
  [[nodiscard]] core::Result<WhatIfStart> what_if_start(const net::Charter& changed);
  //! The network whose what-if simulations a coordinator reads or cancels (kForbidden for anyone else).
  [[nodiscard]] core::Result<std::int64_t> what_if_network() const;
  // Discussion, follow and activity (issue 14 items 1 and 2): program_discussion.cpp, program_activity.cpp.

  //! Posts a comment on an initiative, a cycle or a charter proposal, or a reply to one of its comments
  //! (`parent`), as the actor: coordinators, representatives (for their partner) and the operator; observers
  //! read. The body is plain text (kCommentField); each `@name` after a space or at the start names a partner or
  //! a present person (the longest name that matches, ASCII case ignored): an unknown one is kInvalidInput
  //! naming "body". Mentioned partners' people and mentioned people hear of it (mentioned), the parent's author
  //! too (comment_reply); the subject's followers see it in their feeds; a person who comments follows the
  //! subject unless it chose otherwise. Audited.
  [[nodiscard]] core::Result<ThreadComment> post_comment(const NewComment& comment);
  //! Replaces the body of the actor's own visible comment, keeping the earlier text as a revision (kForbidden
  //! for another's, kConflict for a deleted or hidden one or an objection, which its ballot changes). Audited.
  [[nodiscard]] core::Result<ThreadComment> edit_comment(std::int64_t comment, const std::string& body);
  //! Deletes the actor's own comment: a tombstone "deleted by its author" stays, its text kept as a revision
  //! that only coordinators and the author read. Audited.
  [[nodiscard]] core::Result<ThreadComment> delete_comment(std::int64_t comment);
  //! Hides a visible comment with a reason (coordinators): everyone sees "hidden by the coordinator: reason",
  //! only coordinators the body. Audited with the reason.
  [[nodiscard]] core::Result<ThreadComment> hide_comment(std::int64_t comment, const std::string& reason);
  //! A subject's thread as this actor may read it, each parent before its replies. An objection shows its
  //! ballot's reason (withdrawn when the ballot no longer holds it) and its partner's name only once its cycle
  //! closed under public disclosure, or to the partner itself: while the cycle is open, nobody learns how
  //! another partner voted.
  [[nodiscard]] core::Result<Thread> thread(const Subject& subject);
  //! A comment's earlier texts and its current one: a hidden comment's to coordinators only, a deleted one's
  //! to coordinators and its author.
  [[nodiscard]] core::Result<CommentHistory> comment_history(std::int64_t comment);
  //! The actor's person follows (or stops following) a subject, overriding what its partner follows
  //! automatically (kInvalidInput naming "token" for a token not issued to a person). Returns the choice.
  [[nodiscard]] core::Result<bool> follow(const Subject& subject, bool following);
  //! The person's activity feed, newest first: at most `limit` (1 to 100) items with id < `before` (0: from
  //! the newest), with its last-seen mark and how many items are newer (kInvalidInput naming "token" for a
  //! token not issued to a person).
  [[nodiscard]] core::Result<ActivityPage> activity(std::int64_t before, std::int64_t limit);
  //! Marks the person's feed seen up to its newest item; returns the new mark.
  [[nodiscard]] core::Result<std::int64_t> mark_activity_seen();
  // Charter proposals and coordination (issue 14 item 4): program_charter.cpp.
  //! Proposes a change to the charter (a representative for its partner, or a coordinator): `proposed` is the
  //! whole charter as it would be, and the fields in which it differs from the current one are the change. Refused
  //! under the amendment rule coordinator (kConflict naming "amendment_rule": a coordinator changes the charter
  //! directly), with no change (kInvalidInput naming "changes"), without a rationale, or when another open proposal
  //! changes one of its fields (kConflict naming the field). Opens its window (amendment_window_hours) and tells
  //! every partner's people.
  [[nodiscard]] core::Result<CharterProposal> propose_charter_change(const net::Charter& proposed,
                                                                     const std::string& rationale);
  //! Revises an open proposal (its proposer's representative, or a coordinator): the change and rationale are
  //! replaced, the window starts again and every position is cleared (a new revision).
  [[nodiscard]] core::Result<CharterProposal> revise_charter_proposal(ProposalId proposal, const net::Charter& proposed,
                                                                      const std::string& rationale);
  //! A member partner's position on an open proposal, changeable until its window ends (its representative or the
  //! operator): an objection needs a reason (kInvalidInput naming "reason").
  [[nodiscard]] core::Result<CharterProposal> take_position(ProposalId proposal, net::PartnerId partner,
                                                            Position position, const std::string& reason);
  //! Decides an open proposal whose window has ended (coordinators; the scheduler's pass does it too): under
  //! consent it is adopted unless a partner objects; under majority when at least the charter's
  //! amendment_majority of the member partners agree (one partner, one vote; silence and abstention do not
  //! agree). An adopted change is saved in the charter (from the next cycle opened, as update_charter); the audit
  //! entry lists every partner's position and the result.
  [[nodiscard]] core::Result<CharterProposal> decide_charter_proposal(ProposalId proposal);
  //! Every charter proposal, newest last (everyone of the network).
  [[nodiscard]] core::Result<std::vector<CharterProposal>> charter_proposals();
  //! A partner says whether it is willing to coordinate in the rotation (its representative or a coordinator).
  [[nodiscard]] core::Result<Coordination> set_willing_to_coordinate(net::PartnerId partner, bool willing);
  //! Who coordinates now, as the charter says (everyone of the network).
  [[nodiscard]] core::Result<Coordination> coordination();
  //! `actor` as the charter's coordination makes it: under rotation, a representative of the partner whose term it
  //! is coordinates (Actor::rotation_coordinator). The one place the rotation grants the role; authenticate() and
  //! authenticate_session() call it.
  [[nodiscard]] static core::Result<Actor> resolve_coordination(Store& store, Actor actor);
  // Delivery by the lead (issue 14 items 3 and 6, the actuals_due event of issue 13 item 3). A selected
  // initiative (selected, in progress, blocked or delivered) is reported on by its lead's representatives or a
  // coordinator: anyone else is kForbidden naming "initiative"; an initiative that was not selected (or is
  // reviewed) is kConflict naming "initiative". Each change is audited.

  //! Posts a progress update (1 to kUpdateField characters).
  [[nodiscard]] core::Result<InitiativeUpdate> post_update(net::InitiativeId initiative, const std::string& text);
  //! Adds a milestone: a title and a due date (YYYY-MM-DD).
  [[nodiscard]] core::Result<Milestone> add_milestone(net::InitiativeId initiative, const std::string& title,
                                                      const std::string& due_date);
  //! Edits a milestone of the initiative: its title or due date, or marks it done (or open again).
  [[nodiscard]] core::Result<Milestone> change_milestone(net::InitiativeId initiative, MilestoneId milestone,
                                                         const MilestoneChange& change);
  //! Removes a milestone of the initiative.
  [[nodiscard]] core::Result<Milestone> remove_milestone(net::InitiativeId initiative, MilestoneId milestone);
  //! Moves the delivery status to in_progress, blocked (with a reason) or delivered; recorded as an update too.
  [[nodiscard]] core::Result<net::Initiative> set_delivery_status(net::InitiativeId initiative,
                                                                  net::InitiativeStatus status,
                                                                  const std::string& reason = "");
  //! Records what the initiative realised for one partner: target, forecast, actual (at least one; absent ones
  //! keep what was recorded before). A lead's record awaits a coordinator's confirmation; a coordinator's is
  //! confirmed at once (its actual enters the ledger).
  [[nodiscard]] core::Result<LeadRealisedValue> record_lead_value(const LeadRealisedValue& value);
  //! A coordinator confirms the lead's records with an actual that await it (one partner's, or every one): their
  //! actuals enter the ledger and count in the reports. kConflict naming "initiative" when none awaits.
  [[nodiscard]] core::Result<std::vector<LeadRealisedValue>> confirm_lead_values(
      net::InitiativeId initiative, std::optional<net::PartnerId> partner = std::nullopt);
  //! The scheduler's pass over missing actuals (coordinators and the operator): an `actuals_due` event to the
  //! lead's people of each initiative whose actuals are due (kActualsDueCycles) and missing, once per
  //! initiative. Returns how many were recorded.
  [[nodiscard]] core::Result<std::int64_t> flag_actuals_due();
  // Notification preferences and digests (issue 13 item 5).
  //! A person's preferences: every kind of event (digest aside) with its cadence, the default where none was
  //! chosen. Without `person`, the signed-in person's (kInvalidInput naming "token" for a token not issued to a
  //! person); another person's only for coordinators (kForbidden).
  [[nodiscard]] core::Result<PersonPreferences> preferences(std::optional<PersonId> person = std::nullopt);
  //! Sets cadences of a person (audited) and returns its preferences: the signed-in person's own (without
  //! `person`, or with its own id); another person's only for the operator (`covalue person preferences`).
  //! kInvalidInput naming "preferences[i].kind" for digest; kNotFound for an unknown or removed person.
  [[nodiscard]] core::Result<PersonPreferences> set_preferences(std::optional<PersonId> person,
                                                                const std::vector<KindPreference>& changes);
  //! What a one-click unsubscribe token of `store`'s network stands for, changing nothing (a GET of the link):
  //! kInvalidInput naming "token" for a malformed token or one this network did not sign; kNotFound naming
  //! "person" for a removed person.
  [[nodiscard]] static core::Result<UnsubscribeTarget> check_unsubscribe(Store& store, std::string_view token);
  //! Sets the token's kind to never for its person (a digest's token: every kind the person gets in digests),
  //! audited as the person; errors as check_unsubscribe.
  [[nodiscard]] static core::Result<UnsubscribeTarget> unsubscribe(Store& store, std::string_view token, Clock& clock);
  //! Records the digests due now (the scheduler; coordinators): for each person with events waiting from before
  //! the end of its current period (settings.hour o'clock in the person's time zone; weekly: on Monday), one
  //! digest event and its e-mail under the key "digest:daily:p3:2026-12-07", once per person and period; the
  //! events listed stop waiting. Nothing waiting: no digest. Returns how many were recorded (audited when any).
  [[nodiscard]] core::Result<std::int64_t> record_digests(const DigestSettings& settings = {});

  // Charter withdrawal, mentions after edits, thread pages and the coordinator election (issue 14 items 1, 2, 4,
  // 7, 8: what remained of them).
  //! Withdraws an open charter proposal (its proposing partner's representative, or a coordinator): it ends as
  //! withdrawn, its fields are free for a new proposal, and every partner's people hear of it as of a decision.
  //! kConflict naming "proposal" when it is not open; kForbidden naming "proposal" for anyone else.
  [[nodiscard]] core::Result<CharterProposal> withdraw_charter_proposal(ProposalId proposal);
  //! One page of a subject's thread as this actor may read it (see thread()): the `limit` comments (1 to
  //! kMaxThreadPage) that follow comment `after` in the thread's order, each parent before its replies (0: from the
  //! first), with the thread's total and the next page's `after`. A reply keeps its parent's id and its depth when
  //! its parent is on an earlier page. kInvalidInput naming "limit"; kNotFound naming "after" for a comment that is
  //! not in the thread.
  [[nodiscard]] core::Result<Thread> thread_page(const Subject& subject, std::int64_t after, std::int64_t limit);
  //! A member partner's vote in the open coordinator election, for a partner willing to coordinate, changeable until
  //! the window ends (its representative, or the operator). kNotFound naming "election" when none is open;
  //! kConflict naming "election" once its window ended; kInvalidInput naming "candidate" for a partner that is not
  //! a willing member partner. Audited; returns the coordination with the election.
  [[nodiscard]] core::Result<Coordination> vote_for_coordinator(net::PartnerId voter, net::PartnerId candidate);
  //! Decides an open election whose window has ended (coordinators; the scheduler's pass does it too): among the
  //! willing member partners, the one with the most votes of member partners (one partner, one vote, as charter
  //! proposals count them) is elected; a tie goes to the partner with the fewest past terms, then to the lowest
  //! partner id (with no votes at all, the same rule picks among every candidate). Its term begins now (from the
  //! term's cycle); with no willing partner nobody is elected and the coordinator stays. Audited with every vote
  //! and the tally; everyone hears of the result.
  [[nodiscard]] core::Result<CoordinatorElection> decide_coordinator_election(ElectionId election);
  //! Every coordinator election, newest last, with its votes (everyone of the network).
  [[nodiscard]] core::Result<std::vector<CoordinatorElection>> coordinator_elections();
  //! Decides the open elections whose window has ended (the scheduler's pass, from run_deadlines).
  [[nodiscard]] core::Status decide_due_coordinator_elections();

 private:
  //! Decides the open charter proposals whose window has ended (the scheduler's pass).
  [[nodiscard]] core::Status decide_due_charter_proposals();
  //! issue_token, for `person` when it is set (checked in the same transaction).
  [[nodiscard]] core::Result<IssuedToken> issue_token_for(Role role, std::optional<net::PartnerId> partner,
                                                          std::optional<PersonId> person, const std::string& label);
  //! Records the "voting closes soon" reminders due now, in one audited transaction when there are any.
  [[nodiscard]] core::Status remind_voters();
  //! Records that a deadline is due for the coordinator to move its cycle (once per deadline).
  [[nodiscard]] core::Status note_deadline_due(const DeadlineStep& step);
  //! Closes `cycle` (0 with `newest_when_zero`: the newest); the report only when `report` is set.
  //! `confirm_low_turnout` false refuses a turnout below the charter's close_turnout_warning.
  [[nodiscard]] core::Result<ClosedCycle> decide_and_close(net::CycleNumber cycle, bool newest_when_zero, bool report,
                                                           bool confirm_low_turnout = true);

  Store& store_;
  net::DecisionTools tools_;
  Actor actor_;
  Clock* clock_;
};

}  // namespace covalue::program
