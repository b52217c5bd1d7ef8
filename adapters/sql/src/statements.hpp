#pragma once

// Every statement of the store, written once for every dialect with "$?" placeholders (bound in
// order; each dialect numbers them its way). The first placeholder of each is the network the
// session works on: every row belongs to one network, and ids are per network. Enums are stored by
// their name_of() names, rationals as canonical text, lists with a `position`.

namespace covalue::adapters::sql::statements {

// Networks and charters.
inline constexpr const char* kCharter =
    "SELECT n.name, c.capacity, c.rule, c.max_dry_spell, c.max_deopt_share, c.perpetual_weighting, c.sharing, "
    "c.max_concurrent_leads, c.ranking_rule, c.disclosure, c.weight_policy, c.weight_absence, c.deadline_action, "
    "c.unit, c.reminder_hours, c.amendment_rule, c.amendment_majority, c.amendment_window_hours, c.coordination, "
    "c.coordination_term "
    "FROM charter c JOIN networks n ON n.id = c.network_id "
    "WHERE c.network_id = $?";
inline constexpr const char* kSaveNetwork =
    "INSERT INTO networks (id, name) VALUES ($?, $?) ON CONFLICT (id) DO UPDATE SET name = excluded.name";
inline constexpr const char* kSaveCharter =
    "INSERT INTO charter (network_id, capacity, rule, max_dry_spell, max_deopt_share, perpetual_weighting, sharing, "
    "max_concurrent_leads, ranking_rule, disclosure, weight_policy, weight_absence, deadline_action, unit, "
    "reminder_hours, amendment_rule, amendment_majority, amendment_window_hours, coordination, coordination_term) "
    "VALUES ($?, $?, $?, $?, $?, $?, $?, $?, $?, $?, $?, $?, $?, $?, $?, $?, $?, $?, $?, $?) "
    "ON CONFLICT (network_id) DO UPDATE SET capacity = excluded.capacity, rule = excluded.rule, "
    "max_dry_spell = excluded.max_dry_spell, max_deopt_share = excluded.max_deopt_share, "
    "perpetual_weighting = excluded.perpetual_weighting, sharing = excluded.sharing, "
    "max_concurrent_leads = excluded.max_concurrent_leads, ranking_rule = excluded.ranking_rule, "
    "disclosure = excluded.disclosure, weight_policy = excluded.weight_policy, "
    "weight_absence = excluded.weight_absence, deadline_action = excluded.deadline_action, unit = excluded.unit, "
    "reminder_hours = excluded.reminder_hours, amendment_rule = excluded.amendment_rule, "
    "amendment_majority = excluded.amendment_majority, amendment_window_hours = excluded.amendment_window_hours, "
    "coordination = excluded.coordination, coordination_term = excluded.coordination_term";
inline constexpr const char* kNetworks = "SELECT id, name FROM networks ORDER BY id";
inline constexpr const char* kNextNetwork = "SELECT coalesce(max(id), 0) + 1 FROM networks";

// Whether a referenced row exists: network, then id.
inline constexpr const char* kPartnerExists = "SELECT 1 FROM partners WHERE network_id = $? AND id = $?";
inline constexpr const char* kInitiativeExists = "SELECT 1 FROM initiatives WHERE network_id = $? AND id = $?";
inline constexpr const char* kObjectiveExists = "SELECT 1 FROM objectives WHERE network_id = $? AND id = $?";
inline constexpr const char* kCycleExists = "SELECT 1 FROM cycles WHERE network_id = $? AND number = $?";
inline constexpr const char* kPersonExists = "SELECT 1 FROM people WHERE network_id = $? AND id = $?";
inline constexpr const char* kCommentExists = "SELECT 1 FROM comments WHERE network_id = $? AND id = $?";

// Partners and objectives. A new row's id is one more than the network's largest (network given twice).
inline constexpr const char* kInsertPartner =
    "INSERT INTO partners (network_id, id, name, tier, joined_cycle, left_cycle) VALUES "
    "($?, coalesce(NULLIF(CAST($? AS BIGINT), 0), (SELECT coalesce(max(id), 0) + 1 FROM partners WHERE network_id = "
    "$?)), $?, $?, $?, $?) RETURNING id";
inline constexpr const char* kUpdatePartner =
    "UPDATE partners SET name = $?, tier = $?, joined_cycle = $?, left_cycle = $? WHERE network_id = $? AND id = $?";
inline constexpr const char* kPartners =
    "SELECT id, name, tier, joined_cycle, left_cycle FROM partners WHERE network_id = $? ORDER BY id";
inline constexpr const char* kInsertObjective =
    "INSERT INTO objectives (network_id, id, partner_id, kpi, name, unit, baseline, target) VALUES "
    "($?, coalesce(NULLIF(CAST($? AS BIGINT), 0), (SELECT coalesce(max(id), 0) + 1 FROM objectives WHERE network_id = "
    "$?)), $?, $?, $?, $?, $?, $?) "
    "RETURNING id";
inline constexpr const char* kObjectives =
    "SELECT id, partner_id, kpi, name, unit, baseline, target FROM objectives WHERE network_id = $? ORDER BY id";

// Initiatives and their lists.
inline constexpr const char* kInsertInitiative =
    "INSERT INTO initiatives (network_id, id, title, description, channel, proposer_id, cost, status, cycle, lead_id) "
    "VALUES ($?, coalesce(NULLIF(CAST($? AS BIGINT), 0), (SELECT coalesce(max(id), 0) + 1 FROM initiatives WHERE "
    "network_id = $?)), $?, $?, $?, $?, $?, $?, "
    "$?, $?) RETURNING id";
inline constexpr const char* kUpdateInitiative =
    "UPDATE initiatives SET title = $?, description = $?, channel = $?, proposer_id = $?, cost = $?, status = $?, "
    "cycle = $?, lead_id = $? WHERE network_id = $? AND id = $?";
inline constexpr const char* kInsertImpact =
    "INSERT INTO initiative_impacts (network_id, initiative_id, partner_id, position, estimate) "
    "VALUES ($?, $?, $?, $?, $?)";
inline constexpr const char* kInsertInitiativeObjective =
    "INSERT INTO initiative_objectives (network_id, initiative_id, objective_id, position) VALUES ($?, $?, $?, $?)";
inline constexpr const char* kInsertVolunteer =
    "INSERT INTO initiative_volunteers (network_id, initiative_id, partner_id, position, accepted) "
    "VALUES ($?, $?, $?, $?, $?)";
inline constexpr const char* kImpactsOf =
    "SELECT partner_id, estimate FROM initiative_impacts WHERE network_id = $? AND initiative_id = $? "
    "ORDER BY position";
inline constexpr const char* kObjectivesOf =
    "SELECT objective_id FROM initiative_objectives WHERE network_id = $? AND initiative_id = $? ORDER BY position";
inline constexpr const char* kVolunteersOf =
    "SELECT partner_id, accepted FROM initiative_volunteers WHERE network_id = $? AND initiative_id = $? "
    "ORDER BY position";
inline constexpr const char* kDeleteImpacts =
    "DELETE FROM initiative_impacts WHERE network_id = $? AND initiative_id = $?";
inline constexpr const char* kDeleteInitiativeObjectives =
    "DELETE FROM initiative_objectives WHERE network_id = $? AND initiative_id = $?";
inline constexpr const char* kDeleteVolunteers =
    "DELETE FROM initiative_volunteers WHERE network_id = $? AND initiative_id = $?";

// Reading initiatives: of the whole network (one placeholder), or of one cycle (network, cycle).
inline constexpr const char* kInitiatives =
    "SELECT id, title, description, channel, proposer_id, cost, status, cycle, lead_id FROM initiatives "
    "WHERE network_id = $? ORDER BY id";
inline constexpr const char* kImpacts =
    "SELECT initiative_id, partner_id, estimate FROM initiative_impacts WHERE network_id = $? "
    "ORDER BY initiative_id, position";
inline constexpr const char* kInitiativeObjectives =
    "SELECT initiative_id, objective_id FROM initiative_objectives WHERE network_id = $? "
    "ORDER BY initiative_id, position";
inline constexpr const char* kVolunteers =
    "SELECT initiative_id, partner_id, accepted FROM initiative_volunteers WHERE network_id = $? "
    "ORDER BY initiative_id, position";
inline constexpr const char* kCycleInitiatives =
    "SELECT id, title, description, channel, proposer_id, cost, status, cycle, lead_id FROM initiatives "
    "WHERE network_id = $? AND cycle = $? ORDER BY id";
inline constexpr const char* kCycleImpacts =
    "SELECT l.initiative_id, l.partner_id, l.estimate FROM initiative_impacts l JOIN initiatives i "
    "ON i.network_id = l.network_id AND i.id = l.initiative_id WHERE l.network_id = $? AND i.cycle = $? "
    "ORDER BY l.initiative_id, l.position";
inline constexpr const char* kCycleInitiativeObjectives =
    "SELECT l.initiative_id, l.objective_id FROM initiative_objectives l JOIN initiatives i "
    "ON i.network_id = l.network_id AND i.id = l.initiative_id WHERE l.network_id = $? AND i.cycle = $? "
    "ORDER BY l.initiative_id, l.position";
inline constexpr const char* kCycleVolunteers =
    "SELECT l.initiative_id, l.partner_id, l.accepted FROM initiative_volunteers l JOIN initiatives i "
    "ON i.network_id = l.network_id AND i.id = l.initiative_id WHERE l.network_id = $? AND i.cycle = $? "
    "ORDER BY l.initiative_id, l.position";

// Cycles and their shortlists.
inline constexpr const char* kLastCycle = "SELECT coalesce(max(number), 0) FROM cycles WHERE network_id = $?";
inline constexpr const char* kInsertCycle =
    "INSERT INTO cycles (network_id, number, state, capacity, rule, proposals_close_at, voting_closes_at) "
    "VALUES ($?, $?, $?, $?, $?, $?, $?)";
inline constexpr const char* kUpdateCycle =
    "UPDATE cycles SET state = $?, capacity = $?, rule = $?, proposals_close_at = $?, voting_closes_at = $? "
    "WHERE network_id = $? AND number = $?";
inline constexpr const char* kCycles =
    "SELECT number, state, capacity, rule, proposals_close_at, voting_closes_at FROM cycles WHERE network_id = $? "
    "ORDER BY number";
inline constexpr const char* kInsertShortlisted =
    "INSERT INTO cycle_shortlist (network_id, cycle, initiative_id, position) VALUES ($?, $?, $?, $?)";
inline constexpr const char* kShortlistOf =
    "SELECT initiative_id FROM cycle_shortlist WHERE network_id = $? AND cycle = $? ORDER BY position";
inline constexpr const char* kDeleteShortlist = "DELETE FROM cycle_shortlist WHERE network_id = $? AND cycle = $?";
inline constexpr const char* kShortlists =
    "SELECT cycle, initiative_id FROM cycle_shortlist WHERE network_id = $? ORDER BY cycle, position";

// Ballots.
inline constexpr const char* kDeleteBallot =
    "DELETE FROM ballots WHERE network_id = $? AND cycle = $? AND partner_id = $?";
inline constexpr const char* kInsertBallot =
    "INSERT INTO ballots (network_id, cycle, partner_id, format, cast_by) VALUES ($?, $?, $?, $?, $?)";
inline constexpr const char* kInsertBallotEntry =
    "INSERT INTO ballot_entries (network_id, cycle, partner_id, initiative_id, position, value) "
    "VALUES ($?, $?, $?, $?, $?, $?)";
inline constexpr const char* kInsertObjection =
    "INSERT INTO ballot_objections (network_id, cycle, partner_id, initiative_id, position, reason) "
    "VALUES ($?, $?, $?, $?, $?, $?)";
inline constexpr const char* kBallots =
    "SELECT cycle, partner_id, format, cast_by FROM ballots WHERE network_id = $? AND cycle = $? ORDER BY partner_id";
inline constexpr const char* kBallotEntries =
    "SELECT partner_id, initiative_id, value FROM ballot_entries WHERE network_id = $? AND cycle = $? "
    "ORDER BY partner_id, position";
inline constexpr const char* kObjections =
    "SELECT partner_id, initiative_id, reason FROM ballot_objections WHERE network_id = $? AND cycle = $? "
    "ORDER BY partner_id, position";

// Outcomes and the ledger.
inline constexpr const char* kInsertOutcome = "INSERT INTO outcomes (network_id, cycle, document) VALUES ($?, $?, $?)";
inline constexpr const char* kOutcomes = "SELECT cycle, document FROM outcomes WHERE network_id = $? ORDER BY cycle";
inline constexpr const char* kPutRealisedValue =
    "INSERT INTO realised_values (network_id, cycle, initiative_id, partner_id, target, forecast, actual) "
    "VALUES ($?, $?, $?, $?, $?, $?, $?) ON CONFLICT (network_id, cycle, initiative_id, partner_id) DO UPDATE SET "
    "target = excluded.target, forecast = excluded.forecast, actual = excluded.actual";
inline constexpr const char* kRealisedValues =
    "SELECT cycle, initiative_id, partner_id, target, forecast, actual FROM realised_values WHERE network_id = $? "
    "ORDER BY cycle, initiative_id, partner_id";
inline constexpr const char* kPutKpiMeasurement =
    "INSERT INTO kpi_measurements (network_id, cycle, objective_id, value) VALUES ($?, $?, $?, $?) "
    "ON CONFLICT (network_id, cycle, objective_id) DO UPDATE SET value = excluded.value";
inline constexpr const char* kKpiMeasurements =
    "SELECT cycle, objective_id, value FROM kpi_measurements WHERE network_id = $? ORDER BY cycle, objective_id";

// The scorecard.
inline constexpr const char* kScorecard = "SELECT formula, shortlist_size FROM scorecard WHERE network_id = $?";
inline constexpr const char* kSaveScorecard =
    "INSERT INTO scorecard (network_id, formula, shortlist_size) VALUES ($?, $?, $?) ON CONFLICT (network_id) "
    "DO UPDATE SET formula = excluded.formula, shortlist_size = excluded.shortlist_size";
inline constexpr const char* kCriteria =
    "SELECT name, kind, weight, low, high FROM scorecard_criteria WHERE network_id = $? ORDER BY position";
inline constexpr const char* kDeleteCriteria = "DELETE FROM scorecard_criteria WHERE network_id = $?";
inline constexpr const char* kInsertCriterion =
    "INSERT INTO scorecard_criteria (network_id, position, name, kind, weight, low, high) "
    "VALUES ($?, $?, $?, $?, $?, $?, $?)";
inline constexpr const char* kPutInitiativeScore =
    "INSERT INTO initiative_scores (network_id, initiative_id, partner_id, criterion, value) VALUES ($?, $?, $?, $?, "
    "$?) "
    "ON CONFLICT (network_id, initiative_id, partner_id, criterion) DO UPDATE SET value = excluded.value";
inline constexpr const char* kInitiativeScores =
    "SELECT initiative_id, partner_id, criterion, value FROM initiative_scores WHERE network_id = $? "
    "ORDER BY initiative_id, partner_id, criterion";

// Access tokens (a token of network 0 belongs to the deployment: an administrator's).
inline constexpr const char* kInsertToken =
    "INSERT INTO access_tokens (network_id, id, role, partner_id, label, secret_hash, issued_at, revoked, person_id) "
    "VALUES ($?, coalesce(NULLIF(CAST($? AS BIGINT), 0), (SELECT coalesce(max(id), 0) + 1 FROM access_tokens WHERE "
    "network_id = $?)), $?, $?, $?, $?, $?, $?, $?) "
    "RETURNING id";
inline constexpr const char* kTokenBySecret =
    "SELECT id, role, partner_id, label, secret_hash, issued_at, revoked, person_id FROM access_tokens "
    "WHERE network_id = $? AND secret_hash = $?";
inline constexpr const char* kRevokeToken = "UPDATE access_tokens SET revoked = $? WHERE network_id = $? AND id = $?";
inline constexpr const char* kTokenNetwork = "SELECT network_id FROM access_tokens WHERE secret_hash = $?";
inline constexpr const char* kTokens =
    "SELECT id, role, partner_id, label, secret_hash, issued_at, revoked, person_id FROM access_tokens WHERE "
    "network_id = $? "
    "ORDER BY id";

// People, numbered per network.
inline constexpr const char* kInsertPerson =
    "INSERT INTO people (network_id, id, partner_id, name, email, role, time_zone, language, removed) VALUES "
    "($?, coalesce(NULLIF(CAST($? AS BIGINT), 0), (SELECT coalesce(max(id), 0) + 1 FROM people WHERE network_id = "
    "$?)), "
    "$?, $?, $?, $?, $?, $?, $?) "
    "RETURNING id";
inline constexpr const char* kRemovePerson =
    "UPDATE people SET removed = $?, email = '', password_hash = NULL WHERE network_id = $? AND id = $? AND NOT "
    "removed";
inline constexpr const char* kPeople =
    "SELECT id, partner_id, name, email, role, time_zone, language, removed FROM people WHERE network_id = $? "
    "ORDER BY id";

// Signing in: passwords, browser sessions and set-password links (numbered per network, network given twice).
inline constexpr const char* kPasswordHash =
    "SELECT password_hash FROM people WHERE network_id = $? AND id = $? AND NOT removed";
inline constexpr const char* kSetPasswordHash =
    "UPDATE people SET password_hash = $? WHERE network_id = $? AND id = $? AND NOT removed";
inline constexpr const char* kEmailNetworks =
    "SELECT network_id FROM people WHERE lower(email) = lower($?) AND NOT removed AND password_hash IS NOT NULL "
    "ORDER BY network_id";
inline constexpr const char* kInsertWebSession =
    "INSERT INTO web_sessions (network_id, id, person_id, secret_hash, created_at, last_seen_at, expires_at, revoked) "
    "VALUES ($?, (SELECT coalesce(max(id), 0) + 1 FROM web_sessions WHERE network_id = $?), $?, $?, $?, $?, $?, $?) "
    "RETURNING id";
inline constexpr const char* kWebSessionBySecret =
    "SELECT id, person_id, secret_hash, created_at, last_seen_at, expires_at, revoked FROM web_sessions "
    "WHERE network_id = $? AND secret_hash = $?";
inline constexpr const char* kTouchWebSession =
    "UPDATE web_sessions SET last_seen_at = $? WHERE network_id = $? AND id = $?";
inline constexpr const char* kRevokeWebSession =
    "UPDATE web_sessions SET revoked = $? WHERE network_id = $? AND id = $?";
inline constexpr const char* kRevokePersonSessions =
    "UPDATE web_sessions SET revoked = $? WHERE network_id = $? AND person_id = $? AND NOT revoked AND expires_at > $?";
inline constexpr const char* kWebSessionNetwork = "SELECT network_id FROM web_sessions WHERE secret_hash = $?";
inline constexpr const char* kInsertPasswordLink =
    "INSERT INTO password_links (network_id, id, person_id, secret_hash, created_at, expires_at, used) "
    "VALUES ($?, (SELECT coalesce(max(id), 0) + 1 FROM password_links WHERE network_id = $?), $?, $?, $?, $?, $?) "
    "RETURNING id";
inline constexpr const char* kPasswordLinkBySecret =
    "SELECT id, person_id, secret_hash, created_at, expires_at, used FROM password_links "
    "WHERE network_id = $? AND secret_hash = $?";
inline constexpr const char* kClosePasswordLinks =
    "UPDATE password_links SET used = $? WHERE network_id = $? AND person_id = $? AND NOT used";
inline constexpr const char* kPasswordLinkNetwork = "SELECT network_id FROM password_links WHERE secret_hash = $?";

// The audit chain, one per network.
inline constexpr const char* kLastSequence = "SELECT coalesce(max(sequence), 0) FROM audit_log WHERE network_id = $?";
// Appends the entry; its sequence is NULL, and the NOT NULL constraint refuses it, unless it is one more
// than the last one's: the check and the write in one statement that needs no answer, so that it can
// wait for the next round trip. CASTs give PostgreSQL the values' types inside CASE.
inline constexpr const char* kAppendAudit =
    "INSERT INTO audit_log (network_id, sequence, time, actor, action, detail, previous_hash, hash) "
    "VALUES ($?, CASE WHEN CAST($? AS BIGINT) = (SELECT coalesce(max(sequence), 0) + 1 FROM audit_log "
    "WHERE network_id = $?) THEN CAST($? AS BIGINT) END, $?, $?, $?, $?, $?, $?)";
inline constexpr const char* kLastAudit =
    "SELECT sequence, time, actor, action, detail, previous_hash, hash FROM audit_log WHERE network_id = $? "
    "ORDER BY sequence DESC LIMIT 1";
inline constexpr const char* kAuditEntries =
    "SELECT sequence, time, actor, action, detail, previous_hash, hash FROM audit_log WHERE network_id = $? "
    "AND sequence > $? ORDER BY sequence LIMIT $?";

// The outbox: notification events, their deliveries and the webhooks (numbered per network, network given
// twice). Channels and states are stored by name: 'inbox', 'pending', 'sending', ...
inline constexpr const char* kInsertEvent =
    "INSERT INTO notification_events (network_id, id, kind, occurred_at, cycle, partner_id, payload, event_key) "
    "VALUES ($?, (SELECT coalesce(max(id), 0) + 1 FROM notification_events WHERE network_id = $?), $?, $?, $?, $?, "
    "$?, NULLIF($?, '')) RETURNING id";
inline constexpr const char* kEventById =
    "SELECT id, kind, occurred_at, cycle, partner_id, payload, coalesce(event_key, '') FROM notification_events "
    "WHERE network_id = $? AND id = $?";
inline constexpr const char* kInsertDelivery =
    "INSERT INTO deliveries (network_id, id, event_id, person_id, webhook_id, channel, delivery_key, state, attempts, "
    "next_attempt_at, last_error, delivered_at, read_at) "
    "VALUES ($?, (SELECT coalesce(max(id), 0) + 1 FROM deliveries WHERE network_id = $?), $?, $?, $?, $?, $?, $?, $?, "
    "$?, $?, $?, $?) ON CONFLICT (delivery_key) DO NOTHING";
inline constexpr const char* kDueDeliveries =
    "SELECT id, event_id, person_id, webhook_id, channel, delivery_key, state, attempts, next_attempt_at, last_error, "
    "delivered_at, read_at FROM deliveries WHERE network_id = $? AND state IN ('pending', 'sending') "
    "AND next_attempt_at <= $? AND channel IN ($?, $?, $?) ORDER BY next_attempt_at, id LIMIT $?";
inline constexpr const char* kUpdateDelivery =
    "UPDATE deliveries SET state = $?, attempts = $?, next_attempt_at = $?, last_error = $?, delivered_at = $? "
    "WHERE network_id = $? AND id = $?";
inline constexpr const char* kDeliveryById =
    "SELECT id, event_id, person_id, webhook_id, channel, delivery_key, state, attempts, next_attempt_at, last_error, "
    "delivered_at, read_at FROM deliveries WHERE network_id = $? AND id = $?";
inline constexpr const char* kDeliveries =
    "SELECT id, event_id, person_id, webhook_id, channel, delivery_key, state, attempts, next_attempt_at, last_error, "
    "delivered_at, read_at FROM deliveries WHERE network_id = $? AND (state = $? OR $? = '') AND id > $? "
    "ORDER BY id LIMIT $?";
inline constexpr const char* kInbox =
    "SELECT d.id, d.event_id, d.person_id, d.webhook_id, d.channel, d.delivery_key, d.state, d.attempts, "
    "d.next_attempt_at, d.last_error, d.delivered_at, d.read_at, e.id, e.kind, e.occurred_at, e.cycle, e.partner_id, "
    "e.payload, coalesce(e.event_key, '') FROM deliveries d JOIN notification_events e ON e.network_id = d.network_id "
    "AND "
    "e.id = d.event_id WHERE d.network_id = $? AND d.person_id = $? AND d.channel = 'inbox' AND d.id < $? "
    "ORDER BY d.id DESC LIMIT $?";
inline constexpr const char* kUnread =
    "SELECT count(*) FROM deliveries WHERE network_id = $? AND person_id = $? AND channel = 'inbox' AND read_at = ''";
inline constexpr const char* kMarkRead =
    "UPDATE deliveries SET read_at = $? WHERE network_id = $? AND person_id = $? AND channel = 'inbox' "
    "AND read_at = '' AND id = $?";
inline constexpr const char* kMarkAllRead =
    "UPDATE deliveries SET read_at = $? WHERE network_id = $? AND person_id = $? AND channel = 'inbox' "
    "AND read_at = ''";
inline constexpr const char* kInsertWebhook =
    "INSERT INTO webhooks (network_id, id, url, secret, format, events, created_at, removed) "
    "VALUES ($?, (SELECT coalesce(max(id), 0) + 1 FROM webhooks WHERE network_id = $?), $?, $?, $?, $?, $?, $?) "
    "RETURNING id";
inline constexpr const char* kRemoveWebhook =
    "UPDATE webhooks SET removed = $? WHERE network_id = $? AND id = $? AND NOT removed";
inline constexpr const char* kKillWebhookDeliveries =
    "UPDATE deliveries SET state = 'dead', last_error = $? WHERE network_id = $? AND webhook_id = $? "
    "AND state IN ('pending', 'sending')";
inline constexpr const char* kWebhooks =
    "SELECT id, url, secret, format, events, created_at, removed FROM webhooks WHERE network_id = $? ORDER BY id";

// Delegation (schema step 15): delegations, the ballot of a revoked one, the charter's close turnout warning.
inline constexpr const char* kInsertDelegation =
    "INSERT INTO delegations (network_id, cycle, partner_id, proxy_id, created_at) VALUES ($?, $?, $?, $?, $?)";
inline constexpr const char* kRemoveDelegation =
    "DELETE FROM delegations WHERE network_id = $? AND cycle = $? AND partner_id = $?";
inline constexpr const char* kDelegations =
    "SELECT cycle, partner_id, proxy_id, created_at FROM delegations WHERE network_id = $? AND cycle = $? "
    "ORDER BY partner_id";
inline constexpr const char* kCharterTurnout = "SELECT close_turnout_warning FROM charter WHERE network_id = $?";
inline constexpr const char* kSaveCharterTurnout =
    "UPDATE charter SET close_turnout_warning = $? WHERE network_id = $?";
// Ballot limits (schema step 17): the charter's score scale and points budget, read and saved on their own.
inline constexpr const char* kCharterBallotLimits =
    "SELECT score_max, points_budget FROM charter WHERE network_id = $?";
inline constexpr const char* kSaveCharterBallotLimits =
    "UPDATE charter SET score_max = $?, points_budget = $? WHERE network_id = $?";
// Discussion and activity (numbered per network, network given twice).
inline constexpr const char* kInsertComment =
    "INSERT INTO comments (network_id, id, subject_kind, subject_id, parent_id, kind, author_person_id, partner_id, "
    "author_name, actor, body, mentions, created_at, edited_at, state, hidden_reason) "
    "VALUES ($?, (SELECT coalesce(max(id), 0) + 1 FROM comments WHERE network_id = $?), $?, $?, $?, $?, $?, $?, $?, "
    "$?, $?, $?, $?, $?, $?, $?) RETURNING id";
inline constexpr const char* kUpdateComment =
    "UPDATE comments SET body = $?, mentions = $?, edited_at = $?, state = $?, hidden_reason = $? "
    "WHERE network_id = $? AND id = $?";
#define COVALUE_COMMENT_COLUMNS                                                                                    \
  "SELECT id, subject_kind, subject_id, parent_id, kind, author_person_id, partner_id, author_name, actor, body, " \
  "mentions, created_at, edited_at, state, hidden_reason FROM comments "
inline constexpr const char* kCommentById = COVALUE_COMMENT_COLUMNS "WHERE network_id = $? AND id = $?";
inline constexpr const char* kComments =
    COVALUE_COMMENT_COLUMNS "WHERE network_id = $? AND subject_kind = $? AND subject_id = $? ORDER BY id LIMIT $?";
#undef COVALUE_COMMENT_COLUMNS
inline constexpr const char* kInsertCommentRevision =
    "INSERT INTO comment_revisions (network_id, comment_id, revision, body, replaced_at) VALUES ($?, $?, "
    "(SELECT coalesce(max(revision), 0) + 1 FROM comment_revisions WHERE network_id = $? AND comment_id = $?), $?, $?)";
inline constexpr const char* kCommentRevisions =
    "SELECT comment_id, revision, body, replaced_at FROM comment_revisions WHERE network_id = $? AND comment_id = $? "
    "ORDER BY revision";
inline constexpr const char* kRevisionCounts =
    "SELECT r.comment_id, count(*) FROM comment_revisions r JOIN comments c ON c.network_id = r.network_id AND "
    "c.id = r.comment_id WHERE r.network_id = $? AND c.subject_kind = $? AND c.subject_id = $? "
    "GROUP BY r.comment_id ORDER BY r.comment_id";
inline constexpr const char* kPutFollow =
    "INSERT INTO follows (network_id, person_id, subject_kind, subject_id, following) VALUES ($?, $?, $?, $?, $?) "
    "ON CONFLICT (network_id, person_id, subject_kind, subject_id) DO UPDATE SET following = excluded.following";
inline constexpr const char* kFollows =
    "SELECT person_id, subject_kind, subject_id, following FROM follows WHERE network_id = $? AND person_id = $? "
    "ORDER BY subject_kind, subject_id";
inline constexpr const char* kInsertActivity =
    "INSERT INTO activity (network_id, id, occurred_at, kind, subject_kind, subject_id, partner_id, audience, actor, "
    "person_id, payload) VALUES ($?, (SELECT coalesce(max(id), 0) + 1 FROM activity WHERE network_id = $?), $?, $?, "
    "$?, $?, $?, $?, $?, $?, $?) RETURNING id";
// What a person's feed holds (bound after the network and the id bound: partner, coordinator 1/0, person,
// person, partner, partner, partner): what everyone sees, what concerns its partner, the coordinators' when it
// is one, and what happens to what it follows: its own choices, else what its partner follows automatically
// (the initiatives it proposed, volunteered for or has a non-zero estimated impact in).
#define COVALUE_FEED_FILTER                                                                                          \
  "(a.audience = 'everyone' OR a.partner_id = $? OR (a.audience = 'coordinators' AND $? = 1) OR "                    \
  "(a.audience = 'followers' AND (EXISTS (SELECT 1 FROM follows f WHERE f.network_id = a.network_id AND "            \
  "f.person_id = $? AND f.subject_kind = a.subject_kind AND f.subject_id = a.subject_id AND f.following) OR "        \
  "(a.subject_kind = 'initiative' AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.network_id = a.network_id AND "    \
  "f.person_id = $? AND f.subject_kind = a.subject_kind AND f.subject_id = a.subject_id AND NOT f.following) AND "   \
  "(EXISTS (SELECT 1 FROM initiatives i WHERE i.network_id = a.network_id AND i.id = a.subject_id AND "              \
  "i.proposer_id = $?) OR EXISTS (SELECT 1 FROM initiative_volunteers v WHERE v.network_id = a.network_id AND "      \
  "v.initiative_id = a.subject_id AND v.partner_id = $? AND v.accepted) OR EXISTS (SELECT 1 FROM "                   \
  "initiative_impacts m WHERE m.network_id = a.network_id AND m.initiative_id = a.subject_id AND m.partner_id = $? " \
  "AND m.estimate <> '0'))))))"
inline constexpr const char* kFeed =
    "SELECT a.id, a.occurred_at, a.kind, a.subject_kind, a.subject_id, a.partner_id, a.audience, a.actor, a.person_id, "
    "a.payload "
    "FROM activity a WHERE a.network_id = $? AND a.id < $? AND " COVALUE_FEED_FILTER " ORDER BY a.id DESC LIMIT $?";
// What is new for a reader: what others did (bound after the filter: the reader's person).
inline constexpr const char* kFeedCountAfter =
    "SELECT count(*) FROM activity a WHERE a.network_id = $? AND a.id > $? AND " COVALUE_FEED_FILTER
    " AND (a.person_id IS NULL OR a.person_id <> $?)";
#undef COVALUE_FEED_FILTER
inline constexpr const char* kActivitySeen =
    "SELECT last_seen FROM activity_seen WHERE network_id = $? AND person_id = $?";
inline constexpr const char* kPutActivitySeen =
    "INSERT INTO activity_seen (network_id, person_id, last_seen) VALUES ($?, $?, $?) "
    "ON CONFLICT (network_id, person_id) DO UPDATE SET last_seen = excluded.last_seen";
// Charter proposals and coordination (issue 14 item 4).
inline constexpr const char* kInsertCharterProposal =
    "INSERT INTO charter_proposals (network_id, id, proposed, fields, rationale, proposer_id, proposed_by, revision, "
    "opened_at, window_ends_at, state, decided_at, result) "
    "VALUES ($?, (SELECT coalesce(max(id), 0) + 1 FROM charter_proposals WHERE network_id = $?), $?, $?, $?, $?, $?, "
    "$?, $?, $?, $?, $?, $?) RETURNING id";
inline constexpr const char* kUpdateCharterProposal =
    "UPDATE charter_proposals SET proposed = $?, fields = $?, rationale = $?, proposer_id = $?, proposed_by = $?, "
    "revision = $?, opened_at = $?, window_ends_at = $?, state = $?, decided_at = $?, result = $? "
    "WHERE network_id = $? AND id = $?";
inline constexpr const char* kCharterProposals =
    "SELECT id, proposed, fields, rationale, proposer_id, proposed_by, revision, opened_at, window_ends_at, state, "
    "decided_at, result FROM charter_proposals WHERE network_id = $? ORDER BY id";
inline constexpr const char* kCharterPositions =
    "SELECT proposal_id, partner_id, position, reason, at, actor FROM charter_positions WHERE network_id = $? "
    "ORDER BY proposal_id, partner_id";
inline constexpr const char* kPutCharterPosition =
    "INSERT INTO charter_positions (network_id, proposal_id, partner_id, position, reason, at, actor) "
    "VALUES ($?, $?, $?, $?, $?, $?, $?) ON CONFLICT (network_id, proposal_id, partner_id) DO UPDATE SET "
    "position = excluded.position, reason = excluded.reason, at = excluded.at, actor = excluded.actor";
inline constexpr const char* kClearCharterPositions =
    "DELETE FROM charter_positions WHERE network_id = $? AND proposal_id = $?";
inline constexpr const char* kAddWilling =
    "INSERT INTO coordination_willing (network_id, partner_id) VALUES ($?, $?) "
    "ON CONFLICT (network_id, partner_id) DO NOTHING";
inline constexpr const char* kRemoveWilling =
    "DELETE FROM coordination_willing WHERE network_id = $? AND partner_id = $?";
inline constexpr const char* kWilling =
    "SELECT partner_id FROM coordination_willing WHERE network_id = $? ORDER BY partner_id";
inline constexpr const char* kInsertCoordinationTerm =
    "INSERT INTO coordination_terms (network_id, first_cycle, partner_id) VALUES ($?, $?, $?)";
inline constexpr const char* kCoordinationTerms =
    "SELECT first_cycle, partner_id FROM coordination_terms WHERE network_id = $? ORDER BY first_cycle";
// Delivery by the lead: progress updates and milestones (numbered per network, network given twice), and the
// lead's realised values. An initiative id of 0 reads every initiative's.
inline constexpr const char* kInsertInitiativeUpdate =
    "INSERT INTO initiative_updates (network_id, id, initiative_id, body, posted_at, partner_id, person_id, author, "
    "status) VALUES ($?, (SELECT coalesce(max(id), 0) + 1 FROM initiative_updates WHERE network_id = $?), $?, $?, $?, "
    "$?, $?, $?, $?) RETURNING id";
inline constexpr const char* kInitiativeUpdates =
    "SELECT id, initiative_id, body, posted_at, partner_id, person_id, author, status FROM initiative_updates "
    "WHERE network_id = $? AND (initiative_id = $? OR $? = 0) ORDER BY id";
inline constexpr const char* kInsertMilestone =
    "INSERT INTO milestones (network_id, id, initiative_id, title, due_date, done, done_at) VALUES "
    "($?, (SELECT coalesce(max(id), 0) + 1 FROM milestones WHERE network_id = $?), $?, $?, $?, $?, $?) RETURNING id";
inline constexpr const char* kUpdateMilestone =
    "UPDATE milestones SET title = $?, due_date = $?, done = $?, done_at = $? WHERE network_id = $? AND id = $?";
inline constexpr const char* kRemoveMilestone = "DELETE FROM milestones WHERE network_id = $? AND id = $?";
inline constexpr const char* kMilestones =
    "SELECT id, initiative_id, title, due_date, done, done_at FROM milestones "
    "WHERE network_id = $? AND (initiative_id = $? OR $? = 0) ORDER BY initiative_id, due_date, id";
inline constexpr const char* kPutLeadRealisedValue =
    "INSERT INTO lead_realised_values (network_id, cycle, initiative_id, partner_id, target, forecast, actual, "
    "recorded_at, recorded_by, confirmed, confirmed_at) VALUES ($?, $?, $?, $?, $?, $?, $?, $?, $?, $?, $?) "
    "ON CONFLICT (network_id, cycle, initiative_id, partner_id) DO UPDATE SET target = excluded.target, "
    "forecast = excluded.forecast, actual = excluded.actual, recorded_at = excluded.recorded_at, "
    "recorded_by = excluded.recorded_by, confirmed = excluded.confirmed, confirmed_at = excluded.confirmed_at";
inline constexpr const char* kLeadRealisedValues =
    "SELECT cycle, initiative_id, partner_id, target, forecast, actual, recorded_at, recorded_by, confirmed, "
    "confirmed_at FROM lead_realised_values WHERE network_id = $? AND (initiative_id = $? OR $? = 0) "
    "ORDER BY cycle, initiative_id, partner_id";
// Notification preferences and digests (issue 13 item 5).
inline constexpr const char* kPreferences =
    "SELECT person_id, kind, cadence FROM notification_preferences WHERE network_id = $? ORDER BY person_id, kind";
inline constexpr const char* kPutPreference =
    "INSERT INTO notification_preferences (network_id, person_id, kind, cadence) VALUES ($?, $?, $?, $?) "
    "ON CONFLICT (network_id, person_id, kind) DO UPDATE SET cadence = excluded.cadence";
inline constexpr const char* kInsertDigestWait =
    "INSERT INTO digest_waits (network_id, person_id, event_id, cadence, occurred_at) VALUES ($?, $?, $?, $?, $?) "
    "ON CONFLICT (network_id, person_id, event_id) DO NOTHING";
inline constexpr const char* kDigestWaits =
    "SELECT person_id, event_id, cadence, occurred_at FROM digest_waits WHERE network_id = $? "
    "ORDER BY person_id, event_id";
inline constexpr const char* kRemoveDigestWait =
    "DELETE FROM digest_waits WHERE network_id = $? AND person_id = $? AND event_id = $?";
inline constexpr const char* kInsertNetworkSecret =
    "INSERT INTO network_secrets (network_id, name, secret) VALUES ($?, $?, $?) "
    "ON CONFLICT (network_id, name) DO NOTHING";
inline constexpr const char* kNetworkSecret = "SELECT secret FROM network_secrets WHERE network_id = $? AND name = $?";

// The coordinator election (issue 14 item 4, election): elections numbered per network (network given twice).
inline constexpr const char* kInsertCoordinatorElection =
    "INSERT INTO coordinator_elections (network_id, id, term_cycle, opened_at, window_ends_at, state, decided_at, "
    "elected_id, result) VALUES ($?, (SELECT coalesce(max(id), 0) + 1 FROM coordinator_elections WHERE network_id = "
    "$?), $?, $?, $?, $?, $?, $?, $?) RETURNING id";
inline constexpr const char* kUpdateCoordinatorElection =
    "UPDATE coordinator_elections SET window_ends_at = $?, state = $?, decided_at = $?, elected_id = $?, result = $? "
    "WHERE network_id = $? AND id = $?";
inline constexpr const char* kCoordinatorElections =
    "SELECT id, term_cycle, opened_at, window_ends_at, state, decided_at, elected_id, result FROM "
    "coordinator_elections WHERE network_id = $? ORDER BY id";
inline constexpr const char* kCoordinatorVotes =
    "SELECT election_id, voter_id, candidate_id, at, actor FROM coordinator_votes WHERE network_id = $? "
    "ORDER BY election_id, voter_id";
inline constexpr const char* kPutCoordinatorVote =
    "INSERT INTO coordinator_votes (network_id, election_id, voter_id, candidate_id, at, actor) "
    "VALUES ($?, $?, $?, $?, $?, $?) ON CONFLICT (network_id, election_id, voter_id) DO UPDATE SET "
    "candidate_id = excluded.candidate_id, at = excluded.at, actor = excluded.actor";

}  // namespace covalue::adapters::sql::statements
