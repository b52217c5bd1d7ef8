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
    "c.unit, c.reminder_hours "
    "FROM charter c JOIN networks n ON n.id = c.network_id "
    "WHERE c.network_id = $?";
inline constexpr const char* kSaveNetwork =
    "INSERT INTO networks (id, name) VALUES ($?, $?) ON CONFLICT (id) DO UPDATE SET name = excluded.name";
inline constexpr const char* kSaveCharter =
    "INSERT INTO charter (network_id, capacity, rule, max_dry_spell, max_deopt_share, perpetual_weighting, sharing, "
    "max_concurrent_leads, ranking_rule, disclosure, weight_policy, weight_absence, deadline_action, unit, "
    "reminder_hours) "
    "VALUES ($?, $?, $?, $?, $?, $?, $?, $?, $?, $?, $?, $?, $?, $?, $?) "
    "ON CONFLICT (network_id) DO UPDATE SET capacity = excluded.capacity, rule = excluded.rule, "
    "max_dry_spell = excluded.max_dry_spell, max_deopt_share = excluded.max_deopt_share, "
    "perpetual_weighting = excluded.perpetual_weighting, sharing = excluded.sharing, "
    "max_concurrent_leads = excluded.max_concurrent_leads, ranking_rule = excluded.ranking_rule, "
    "disclosure = excluded.disclosure, weight_policy = excluded.weight_policy, "
    "weight_absence = excluded.weight_absence, deadline_action = excluded.deadline_action, unit = excluded.unit, "
    "reminder_hours = excluded.reminder_hours";
inline constexpr const char* kNetworks = "SELECT id, name FROM networks ORDER BY id";
inline constexpr const char* kNextNetwork = "SELECT coalesce(max(id), 0) + 1 FROM networks";

// Whether a referenced row exists: network, then id.
inline constexpr const char* kPartnerExists = "SELECT 1 FROM partners WHERE network_id = $? AND id = $?";
inline constexpr const char* kInitiativeExists = "SELECT 1 FROM initiatives WHERE network_id = $? AND id = $?";
inline constexpr const char* kObjectiveExists = "SELECT 1 FROM objectives WHERE network_id = $? AND id = $?";
inline constexpr const char* kCycleExists = "SELECT 1 FROM cycles WHERE network_id = $? AND number = $?";
inline constexpr const char* kPersonExists = "SELECT 1 FROM people WHERE network_id = $? AND id = $?";

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
    "INSERT INTO ballots (network_id, cycle, partner_id, format) VALUES ($?, $?, $?, $?)";
inline constexpr const char* kInsertBallotEntry =
    "INSERT INTO ballot_entries (network_id, cycle, partner_id, initiative_id, position, value) "
    "VALUES ($?, $?, $?, $?, $?, $?)";
inline constexpr const char* kInsertObjection =
    "INSERT INTO ballot_objections (network_id, cycle, partner_id, initiative_id, position, reason) "
    "VALUES ($?, $?, $?, $?, $?, $?)";
inline constexpr const char* kBallots =
    "SELECT cycle, partner_id, format FROM ballots WHERE network_id = $? AND cycle = $? ORDER BY partner_id";
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

}  // namespace covalue::adapters::sql::statements
