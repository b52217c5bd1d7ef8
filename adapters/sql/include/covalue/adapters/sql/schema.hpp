#pragma once

// The schema steps written once for every dialect: DDL with {int}, {serial}, {bool}, {keyed} (the end
// of a table keyed by its primary key), {rowid} (the end of one keyed by a single integer) and a few
// dialect pieces ({prelude}, {shortlist_v2}, {fill_shortlist}), which each dialect renders with
// render_ddl(). Steps 1 to 3 were written twice before; their rendering is what each dialect had.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "covalue/core/result.hpp"

namespace covalue::adapters::sql {

//! How a dialect spells what the neutral DDL leaves open.
struct DdlDialect {
  const char* integer;         //!< {int}: a 64-bit integer column type
  const char* serial;          //!< {serial}: a 64-bit integer key the database numbers (steps 1 to 3)
  const char* boolean;         //!< {bool}: a truth-value column type
  const char* keyed;           //!< {keyed}: what ends a table keyed by its primary key
  const char* rowid;           //!< {rowid}: what ends a table keyed by one integer
  const char* prelude;         //!< {prelude}: what a step's script starts with
  const char* shortlist_v2;    //!< {shortlist_v2}: how step 2 kept a cycle's shortlist
  const char* fill_shortlist;  //!< {fill_shortlist}: step 4's copy of the shortlists into cycle_shortlist_v4
};

//! `neutral` with every {token} replaced as `dialect` spells it.
[[nodiscard]] std::string render_ddl(std::string_view neutral, const DdlDialect& dialect);

//! One numbered step of the schema.
struct Migration {
  int version;
  const char* description;
  const char* sql;  //!< DDL only: never values
};

//! How many schema steps there are.
inline constexpr std::size_t kSchemaSteps = 17;

//! The DDL of every step (kSchemaV1, kSchemaV2, ...) as `dialect` spells it.
[[nodiscard]] std::array<std::string, kSchemaSteps> render_steps(const DdlDialect& dialect);

//! The steps, versions 1, 2, ... in order, with their descriptions; `ddl` (from render_steps) must
//! outlive them.
[[nodiscard]] std::vector<Migration> schema_steps(const std::array<std::string, kSchemaSteps>& ddl);

//! kConflict naming the database `name` when its schema `version` is newer than the last of `steps`.
[[nodiscard]] core::Status check_known(std::int64_t version, std::span<const Migration> steps, const std::string& name);

//! Schema step 1: the network, its cycles, ballots, outcomes and ledger. Rationals are text in their
//! canonical form ("-7/3"), enums text by their name_of() names; every list keeps its order in a
//! `position` column; outcomes are the JSON text of the shared codec.
inline constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE charter (
  id {int} PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  capacity TEXT NOT NULL,
  rule TEXT NOT NULL,
  max_dry_spell {int} NOT NULL,
  max_deopt_share TEXT NOT NULL,
  perpetual_weighting {bool} NOT NULL,
  sharing TEXT NOT NULL,
  max_concurrent_leads {int} NOT NULL
) {rowid};

CREATE TABLE partners (
  id {serial},
  name TEXT NOT NULL UNIQUE,
  tier TEXT NOT NULL,
  joined_cycle {int} NOT NULL,
  left_cycle {int}
) {rowid};

CREATE TABLE objectives (
  id {serial},
  partner_id {int} NOT NULL REFERENCES partners (id),
  kpi TEXT NOT NULL,
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  baseline TEXT NOT NULL,
  target TEXT NOT NULL
) {rowid};

CREATE TABLE initiatives (
  id {serial},
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  channel TEXT NOT NULL,
  proposer_id {int} NOT NULL REFERENCES partners (id),
  cost TEXT NOT NULL,
  status TEXT NOT NULL,
  cycle {int} NOT NULL,
  lead_id {int} REFERENCES partners (id)
) {rowid};
CREATE UNIQUE INDEX initiatives_live_title ON initiatives (title) WHERE status <> 'withdrawn';

CREATE TABLE initiative_impacts (
  initiative_id {int} NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  partner_id {int} NOT NULL REFERENCES partners (id),
  position {int} NOT NULL,
  estimate TEXT NOT NULL,
  PRIMARY KEY (initiative_id, partner_id)
) {keyed};

CREATE TABLE initiative_objectives (
  initiative_id {int} NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  objective_id {int} NOT NULL REFERENCES objectives (id),
  position {int} NOT NULL,
  PRIMARY KEY (initiative_id, objective_id)
) {keyed};

CREATE TABLE initiative_volunteers (
  initiative_id {int} NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  partner_id {int} NOT NULL REFERENCES partners (id),
  position {int} NOT NULL,
  PRIMARY KEY (initiative_id, partner_id)
) {keyed};

CREATE TABLE cycles (
  number {int} PRIMARY KEY CHECK (number >= 1),
  state TEXT NOT NULL,
  capacity TEXT NOT NULL,
  rule TEXT NOT NULL
) {rowid};

CREATE TABLE ballots (
  cycle {int} NOT NULL REFERENCES cycles (number),
  partner_id {int} NOT NULL REFERENCES partners (id),
  format TEXT NOT NULL,
  PRIMARY KEY (cycle, partner_id)
) {keyed};

CREATE TABLE ballot_entries (
  cycle {int} NOT NULL,
  partner_id {int} NOT NULL,
  initiative_id {int} NOT NULL REFERENCES initiatives (id),
  position {int} NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (cycle, partner_id, initiative_id),
  FOREIGN KEY (cycle, partner_id) REFERENCES ballots (cycle, partner_id) ON DELETE CASCADE
) {keyed};

CREATE TABLE ballot_objections (
  cycle {int} NOT NULL,
  partner_id {int} NOT NULL,
  initiative_id {int} NOT NULL REFERENCES initiatives (id),
  position {int} NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (cycle, partner_id, initiative_id),
  FOREIGN KEY (cycle, partner_id) REFERENCES ballots (cycle, partner_id) ON DELETE CASCADE
) {keyed};

CREATE TABLE outcomes (
  cycle {int} PRIMARY KEY REFERENCES cycles (number),
  document TEXT NOT NULL
) {rowid};

CREATE TABLE realised_values (
  cycle {int} NOT NULL REFERENCES cycles (number),
  initiative_id {int} NOT NULL REFERENCES initiatives (id),
  partner_id {int} NOT NULL REFERENCES partners (id),
  target TEXT,
  forecast TEXT,
  actual TEXT NOT NULL,
  PRIMARY KEY (cycle, initiative_id, partner_id)
) {keyed};

CREATE TABLE kpi_measurements (
  cycle {int} NOT NULL REFERENCES cycles (number),
  objective_id {int} NOT NULL REFERENCES objectives (id),
  value TEXT NOT NULL,
  PRIMARY KEY (cycle, objective_id)
) {keyed};
)sql";

//! Schema step 2: the charter's ranking rule and ballot disclosure, cycle shortlists (a comma-separated
//! column in SQLite, rows in PostgreSQL, until step 4), the scorecard with its criteria (in order) and
//! the partners' scores, access tokens (only the hash of a secret) and the hash-chained audit log.
inline constexpr std::string_view kSchemaV2 = R"sql(
ALTER TABLE charter ADD COLUMN ranking_rule TEXT NOT NULL DEFAULT 'schulze';
ALTER TABLE charter ADD COLUMN disclosure TEXT NOT NULL DEFAULT 'anonymous';
{shortlist_v2}
CREATE TABLE scorecard (
  id {int} PRIMARY KEY CHECK (id = 1),
  formula TEXT NOT NULL,
  shortlist_size {int} NOT NULL CHECK (shortlist_size >= 0)
) {rowid};

CREATE TABLE scorecard_criteria (
  position {int} PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  weight TEXT NOT NULL,
  low TEXT NOT NULL,
  high TEXT NOT NULL
) {rowid};

CREATE TABLE initiative_scores (
  initiative_id {int} NOT NULL REFERENCES initiatives (id),
  partner_id {int} NOT NULL REFERENCES partners (id),
  criterion TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (initiative_id, partner_id, criterion)
) {rowid};

CREATE TABLE access_tokens (
  id {serial},
  role TEXT NOT NULL,
  partner_id {int} REFERENCES partners (id),
  label TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  issued_at TEXT NOT NULL,
  revoked {bool} NOT NULL DEFAULT false
) {rowid};

CREATE TABLE audit_log (
  sequence {int} PRIMARY KEY CHECK (sequence >= 1),
  time TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) {rowid};
)sql";

//! Schema step 3: a partner named to lead an initiative by a coordinator is stored beside the volunteers
//! but not accepted until it accepts; volunteers stored before this step had volunteered themselves.
inline constexpr std::string_view kSchemaV3 = R"sql(
ALTER TABLE initiative_volunteers ADD COLUMN accepted {bool} NOT NULL DEFAULT true;
)sql";

//! Schema step 4: many networks per database. Every table gains `network_id` and its keys begin with
//! it; ids are per network (the store gives a new row the network's largest id plus one); the
//! charter's name moves to `networks`, unique in the database; a cycle's shortlist is rows in every
//! dialect; access tokens and audit entries of network 0 belong to the deployment (an administrator's).
//! The rows of a database made before this step all belong to network 1. Each table is rebuilt:
//! created anew as <name>_v4, filled, the old one dropped, the new one renamed (both dialects carry
//! the foreign keys that name it over).
inline constexpr std::string_view kSchemaV4 = R"sql(

{prelude}CREATE TABLE networks (
  id {int} PRIMARY KEY CHECK (id >= 1),
  name TEXT NOT NULL UNIQUE
) {rowid};
INSERT INTO networks (id, name) SELECT 1, name FROM charter;

CREATE TABLE charter_v4 (
  network_id {int} PRIMARY KEY REFERENCES networks (id),
  capacity TEXT NOT NULL,
  rule TEXT NOT NULL,
  max_dry_spell {int} NOT NULL,
  max_deopt_share TEXT NOT NULL,
  perpetual_weighting {bool} NOT NULL,
  sharing TEXT NOT NULL,
  max_concurrent_leads {int} NOT NULL,
  ranking_rule TEXT NOT NULL,
  disclosure TEXT NOT NULL
) {rowid};
INSERT INTO charter_v4 SELECT 1, capacity, rule, max_dry_spell, max_deopt_share, perpetual_weighting, sharing,
  max_concurrent_leads, ranking_rule, disclosure FROM charter;

CREATE TABLE partners_v4 (
  network_id {int} NOT NULL,
  id {int} NOT NULL CHECK (id >= 1),
  name TEXT NOT NULL,
  tier TEXT NOT NULL,
  joined_cycle {int} NOT NULL,
  left_cycle {int},
  PRIMARY KEY (network_id, id),
  UNIQUE (network_id, name)
) {keyed};
INSERT INTO partners_v4 SELECT 1, id, name, tier, joined_cycle, left_cycle FROM partners;

CREATE TABLE objectives_v4 (
  network_id {int} NOT NULL,
  id {int} NOT NULL CHECK (id >= 1),
  partner_id {int} NOT NULL,
  kpi TEXT NOT NULL,
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  baseline TEXT NOT NULL,
  target TEXT NOT NULL,
  PRIMARY KEY (network_id, id),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners_v4 (network_id, id)
) {keyed};
INSERT INTO objectives_v4 SELECT 1, id, partner_id, kpi, name, unit, baseline, target FROM objectives;

CREATE TABLE initiatives_v4 (
  network_id {int} NOT NULL,
  id {int} NOT NULL CHECK (id >= 1),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  channel TEXT NOT NULL,
  proposer_id {int} NOT NULL,
  cost TEXT NOT NULL,
  status TEXT NOT NULL,
  cycle {int} NOT NULL,
  lead_id {int},
  PRIMARY KEY (network_id, id),
  FOREIGN KEY (network_id, proposer_id) REFERENCES partners_v4 (network_id, id),
  FOREIGN KEY (network_id, lead_id) REFERENCES partners_v4 (network_id, id)
) {keyed};
INSERT INTO initiatives_v4 SELECT 1, id, title, description, channel, proposer_id, cost, status, cycle, lead_id
  FROM initiatives;

CREATE TABLE initiative_impacts_v4 (
  network_id {int} NOT NULL,
  initiative_id {int} NOT NULL,
  partner_id {int} NOT NULL,
  position {int} NOT NULL,
  estimate TEXT NOT NULL,
  PRIMARY KEY (network_id, initiative_id, partner_id),
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives_v4 (network_id, id) ON DELETE CASCADE,
  FOREIGN KEY (network_id, partner_id) REFERENCES partners_v4 (network_id, id)
) {keyed};
INSERT INTO initiative_impacts_v4 SELECT 1, initiative_id, partner_id, position, estimate FROM initiative_impacts;

CREATE TABLE initiative_objectives_v4 (
  network_id {int} NOT NULL,
  initiative_id {int} NOT NULL,
  objective_id {int} NOT NULL,
  position {int} NOT NULL,
  PRIMARY KEY (network_id, initiative_id, objective_id),
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives_v4 (network_id, id) ON DELETE CASCADE,
  FOREIGN KEY (network_id, objective_id) REFERENCES objectives_v4 (network_id, id)
) {keyed};
INSERT INTO initiative_objectives_v4 SELECT 1, initiative_id, objective_id, position FROM initiative_objectives;

CREATE TABLE initiative_volunteers_v4 (
  network_id {int} NOT NULL,
  initiative_id {int} NOT NULL,
  partner_id {int} NOT NULL,
  position {int} NOT NULL,
  accepted {bool} NOT NULL,
  PRIMARY KEY (network_id, initiative_id, partner_id),
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives_v4 (network_id, id) ON DELETE CASCADE,
  FOREIGN KEY (network_id, partner_id) REFERENCES partners_v4 (network_id, id)
) {keyed};
INSERT INTO initiative_volunteers_v4 SELECT 1, initiative_id, partner_id, position, accepted FROM initiative_volunteers;

CREATE TABLE cycles_v4 (
  network_id {int} NOT NULL,
  number {int} NOT NULL CHECK (number >= 1),
  state TEXT NOT NULL,
  capacity TEXT NOT NULL,
  rule TEXT NOT NULL,
  PRIMARY KEY (network_id, number)
) {keyed};
INSERT INTO cycles_v4 SELECT 1, number, state, capacity, rule FROM cycles;

CREATE TABLE cycle_shortlist_v4 (
  network_id {int} NOT NULL,
  cycle {int} NOT NULL,
  initiative_id {int} NOT NULL,
  position {int} NOT NULL,
  PRIMARY KEY (network_id, cycle, initiative_id),
  FOREIGN KEY (network_id, cycle) REFERENCES cycles_v4 (network_id, number) ON DELETE CASCADE
) {keyed};
{fill_shortlist}

CREATE TABLE ballots_v4 (
  network_id {int} NOT NULL,
  cycle {int} NOT NULL,
  partner_id {int} NOT NULL,
  format TEXT NOT NULL,
  PRIMARY KEY (network_id, cycle, partner_id),
  FOREIGN KEY (network_id, cycle) REFERENCES cycles_v4 (network_id, number),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners_v4 (network_id, id)
) {keyed};
INSERT INTO ballots_v4 SELECT 1, cycle, partner_id, format FROM ballots;

CREATE TABLE ballot_entries_v4 (
  network_id {int} NOT NULL,
  cycle {int} NOT NULL,
  partner_id {int} NOT NULL,
  initiative_id {int} NOT NULL,
  position {int} NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (network_id, cycle, partner_id, initiative_id),
  FOREIGN KEY (network_id, cycle, partner_id) REFERENCES ballots_v4 (network_id, cycle, partner_id) ON DELETE CASCADE,
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives_v4 (network_id, id)
) {keyed};
INSERT INTO ballot_entries_v4 SELECT 1, cycle, partner_id, initiative_id, position, value FROM ballot_entries;

CREATE TABLE ballot_objections_v4 (
  network_id {int} NOT NULL,
  cycle {int} NOT NULL,
  partner_id {int} NOT NULL,
  initiative_id {int} NOT NULL,
  position {int} NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (network_id, cycle, partner_id, initiative_id),
  FOREIGN KEY (network_id, cycle, partner_id) REFERENCES ballots_v4 (network_id, cycle, partner_id) ON DELETE CASCADE,
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives_v4 (network_id, id)
) {keyed};
INSERT INTO ballot_objections_v4 SELECT 1, cycle, partner_id, initiative_id, position, reason FROM ballot_objections;

CREATE TABLE outcomes_v4 (
  network_id {int} NOT NULL,
  cycle {int} NOT NULL,
  document TEXT NOT NULL,
  PRIMARY KEY (network_id, cycle),
  FOREIGN KEY (network_id, cycle) REFERENCES cycles_v4 (network_id, number)
) {keyed};
INSERT INTO outcomes_v4 SELECT 1, cycle, document FROM outcomes;

CREATE TABLE realised_values_v4 (
  network_id {int} NOT NULL,
  cycle {int} NOT NULL,
  initiative_id {int} NOT NULL,
  partner_id {int} NOT NULL,
  target TEXT,
  forecast TEXT,
  actual TEXT NOT NULL,
  PRIMARY KEY (network_id, cycle, initiative_id, partner_id),
  FOREIGN KEY (network_id, cycle) REFERENCES cycles_v4 (network_id, number),
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives_v4 (network_id, id),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners_v4 (network_id, id)
) {keyed};
INSERT INTO realised_values_v4 SELECT 1, cycle, initiative_id, partner_id, target, forecast, actual FROM realised_values;

CREATE TABLE kpi_measurements_v4 (
  network_id {int} NOT NULL,
  cycle {int} NOT NULL,
  objective_id {int} NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (network_id, cycle, objective_id),
  FOREIGN KEY (network_id, cycle) REFERENCES cycles_v4 (network_id, number),
  FOREIGN KEY (network_id, objective_id) REFERENCES objectives_v4 (network_id, id)
) {keyed};
INSERT INTO kpi_measurements_v4 SELECT 1, cycle, objective_id, value FROM kpi_measurements;

CREATE TABLE scorecard_v4 (
  network_id {int} PRIMARY KEY,
  formula TEXT NOT NULL,
  shortlist_size {int} NOT NULL CHECK (shortlist_size >= 0)
) {rowid};
INSERT INTO scorecard_v4 SELECT 1, formula, shortlist_size FROM scorecard;

CREATE TABLE scorecard_criteria_v4 (
  network_id {int} NOT NULL,
  position {int} NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  weight TEXT NOT NULL,
  low TEXT NOT NULL,
  high TEXT NOT NULL,
  PRIMARY KEY (network_id, position),
  UNIQUE (network_id, name)
) {keyed};
INSERT INTO scorecard_criteria_v4 SELECT 1, position, name, kind, weight, low, high FROM scorecard_criteria;

CREATE TABLE initiative_scores_v4 (
  network_id {int} NOT NULL,
  initiative_id {int} NOT NULL,
  partner_id {int} NOT NULL,
  criterion TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (network_id, initiative_id, partner_id, criterion),
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives_v4 (network_id, id),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners_v4 (network_id, id)
) {keyed};
INSERT INTO initiative_scores_v4 SELECT 1, initiative_id, partner_id, criterion, value FROM initiative_scores;

CREATE TABLE access_tokens_v4 (
  network_id {int} NOT NULL CHECK (network_id >= 0),
  id {int} NOT NULL CHECK (id >= 1),
  role TEXT NOT NULL,
  partner_id {int},
  label TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  issued_at TEXT NOT NULL,
  revoked {bool} NOT NULL DEFAULT false,
  PRIMARY KEY (network_id, id),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners_v4 (network_id, id)
) {keyed};
INSERT INTO access_tokens_v4 SELECT 1, id, role, partner_id, label, secret_hash, issued_at, revoked FROM access_tokens;

CREATE TABLE audit_log_v4 (
  network_id {int} NOT NULL CHECK (network_id >= 0),
  sequence {int} NOT NULL CHECK (sequence >= 1),
  time TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (network_id, sequence)
) {keyed};
INSERT INTO audit_log_v4 SELECT 1, sequence, time, actor, action, detail, previous_hash, hash FROM audit_log;

DROP TABLE IF EXISTS cycle_shortlist;
DROP TABLE ballot_entries;
DROP TABLE ballot_objections;
DROP TABLE ballots;
DROP TABLE initiative_impacts;
DROP TABLE initiative_objectives;
DROP TABLE initiative_volunteers;
DROP TABLE initiative_scores;
DROP TABLE realised_values;
DROP TABLE kpi_measurements;
DROP TABLE outcomes;
DROP TABLE access_tokens;
DROP TABLE objectives;
DROP TABLE initiatives;
DROP TABLE cycles;
DROP TABLE partners;
DROP TABLE charter;
DROP TABLE scorecard;
DROP TABLE scorecard_criteria;
DROP TABLE audit_log;

ALTER TABLE charter_v4 RENAME TO charter;
ALTER TABLE partners_v4 RENAME TO partners;
ALTER TABLE objectives_v4 RENAME TO objectives;
ALTER TABLE initiatives_v4 RENAME TO initiatives;
ALTER TABLE initiative_impacts_v4 RENAME TO initiative_impacts;
ALTER TABLE initiative_objectives_v4 RENAME TO initiative_objectives;
ALTER TABLE initiative_volunteers_v4 RENAME TO initiative_volunteers;
ALTER TABLE cycles_v4 RENAME TO cycles;
ALTER TABLE cycle_shortlist_v4 RENAME TO cycle_shortlist;
ALTER TABLE ballots_v4 RENAME TO ballots;
ALTER TABLE ballot_entries_v4 RENAME TO ballot_entries;
ALTER TABLE ballot_objections_v4 RENAME TO ballot_objections;
ALTER TABLE outcomes_v4 RENAME TO outcomes;
ALTER TABLE realised_values_v4 RENAME TO realised_values;
ALTER TABLE kpi_measurements_v4 RENAME TO kpi_measurements;
ALTER TABLE scorecard_v4 RENAME TO scorecard;
ALTER TABLE scorecard_criteria_v4 RENAME TO scorecard_criteria;
ALTER TABLE initiative_scores_v4 RENAME TO initiative_scores;
ALTER TABLE access_tokens_v4 RENAME TO access_tokens;
ALTER TABLE audit_log_v4 RENAME TO audit_log;

CREATE UNIQUE INDEX initiatives_live_title ON initiatives (network_id, title) WHERE status <> 'withdrawn';
CREATE INDEX initiatives_cycle ON initiatives (network_id, cycle);
)sql";

//! Schema step 5: the charter's weight policy and absence mode (docs/perpetual.md). A charter made before
//! this step weighs as its perpetual_weighting said: on is `reset`, off is `none`; perpetual_weighting is
//! kept (written as weight_policy <> 'none') for readers of the older form.
inline constexpr std::string_view kSchemaV5 = R"sql(
ALTER TABLE charter ADD COLUMN weight_policy TEXT NOT NULL DEFAULT 'reset';
ALTER TABLE charter ADD COLUMN weight_absence TEXT NOT NULL DEFAULT 'ignore';
UPDATE charter SET weight_policy = 'none' WHERE NOT perpetual_weighting;
)sql";

//! Schema step 6: people (who acts for a partner or for the network, and whom notifications reach: an
//! e-mail address unique among the network's present people, a time zone, a language), and the person a
//! token was issued to. A removed person stays as a row without its e-mail address, so that ids are never
//! given twice and the audit log's and tokens' references keep their meaning.
inline constexpr std::string_view kSchemaV6 = R"sql(
CREATE TABLE people (
  network_id {int} NOT NULL CHECK (network_id >= 1),
  id {int} NOT NULL CHECK (id >= 1),
  partner_id {int},
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  role TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  language TEXT NOT NULL,
  removed {bool} NOT NULL DEFAULT false,
  PRIMARY KEY (network_id, id),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners (network_id, id)
) {keyed};
CREATE UNIQUE INDEX people_live_email ON people (network_id, email) WHERE NOT removed;

ALTER TABLE access_tokens ADD COLUMN person_id {int};
)sql";

//! Schema step 7: a cycle's deadlines (UTC, '' for none) and what the scheduler does when one passes.
inline constexpr std::string_view kSchemaV7 = R"sql(
ALTER TABLE cycles ADD COLUMN proposals_close_at TEXT NOT NULL DEFAULT '';
ALTER TABLE cycles ADD COLUMN voting_closes_at TEXT NOT NULL DEFAULT '';
ALTER TABLE charter ADD COLUMN deadline_action TEXT NOT NULL DEFAULT 'remind';
)sql";

//! Schema step 8: the unit the charter counts every value in (a currency code, or "value points", which every
//! charter made before this step counts in).
inline constexpr std::string_view kSchemaV8 = R"sql(
ALTER TABLE charter ADD COLUMN unit TEXT NOT NULL DEFAULT 'value points';
)sql";

//! Schema step 9: signing in as a person. A person's password as an Argon2id string (NULL until set), browser
//! sessions and one-time set-password links, each kept under the hash of its secret only.
inline constexpr std::string_view kSchemaV9 = R"sql(
ALTER TABLE people ADD COLUMN password_hash TEXT;

CREATE TABLE web_sessions (
  network_id {int} NOT NULL CHECK (network_id >= 1),
  id {int} NOT NULL CHECK (id >= 1),
  person_id {int} NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked {bool} NOT NULL DEFAULT false,
  PRIMARY KEY (network_id, id),
  FOREIGN KEY (network_id, person_id) REFERENCES people (network_id, id)
) {keyed};
CREATE INDEX web_sessions_person ON web_sessions (network_id, person_id);

CREATE TABLE password_links (
  network_id {int} NOT NULL CHECK (network_id >= 1),
  id {int} NOT NULL CHECK (id >= 1),
  person_id {int} NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used {bool} NOT NULL DEFAULT false,
  PRIMARY KEY (network_id, id),
  FOREIGN KEY (network_id, person_id) REFERENCES people (network_id, id)
) {keyed};
CREATE INDEX password_links_person ON password_links (network_id, person_id);
)sql";

//! Schema step 10: the transactional outbox. Notification events (recorded with the change that causes them;
//! `event_key`, when set, records an event once: a reminder per cycle, lead time and partner), deliveries (one
//! per event, recipient and channel, under an idempotency key unique in the database), the webhooks a network
//! posts to, and the charter's reminder lead times before voting closes (hours, comma-separated).
inline constexpr std::string_view kSchemaV10 = R"sql(
CREATE TABLE notification_events (
  network_id {int} NOT NULL CHECK (network_id >= 1),
  id {int} NOT NULL CHECK (id >= 1),
  kind TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  cycle {int} NOT NULL,
  partner_id {int},
  payload TEXT NOT NULL,
  event_key TEXT,
  PRIMARY KEY (network_id, id),
  UNIQUE (network_id, event_key)
) {keyed};

CREATE TABLE webhooks (
  network_id {int} NOT NULL CHECK (network_id >= 1),
  id {int} NOT NULL CHECK (id >= 1),
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  format TEXT NOT NULL,
  events TEXT NOT NULL,
  created_at TEXT NOT NULL,
  removed {bool} NOT NULL DEFAULT false,
  PRIMARY KEY (network_id, id)
) {keyed};

CREATE TABLE deliveries (
  network_id {int} NOT NULL CHECK (network_id >= 1),
  id {int} NOT NULL CHECK (id >= 1),
  event_id {int} NOT NULL,
  person_id {int},
  webhook_id {int},
  channel TEXT NOT NULL,
  delivery_key TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL,
  attempts {int} NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  delivered_at TEXT NOT NULL DEFAULT '',
  read_at TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (network_id, id),
  FOREIGN KEY (network_id, event_id) REFERENCES notification_events (network_id, id),
  FOREIGN KEY (network_id, person_id) REFERENCES people (network_id, id),
  FOREIGN KEY (network_id, webhook_id) REFERENCES webhooks (network_id, id)
) {keyed};
CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at);
CREATE INDEX deliveries_inbox ON deliveries (network_id, person_id, channel, id);

ALTER TABLE charter ADD COLUMN reminder_hours TEXT NOT NULL DEFAULT '48,6';
)sql";

//! Schema step 11: notification preferences and digests. Each person's chosen cadence per kind of event (kinds
//! without a row use their default), the events waiting for a person's daily or weekly digest, and the network's
//! secrets (the key that signs one-click unsubscribe links), made when first needed.
inline constexpr std::string_view kSchemaV11 = R"sql(
CREATE TABLE notification_preferences (
  network_id {int} NOT NULL CHECK (network_id >= 1),
  person_id {int} NOT NULL,
  kind TEXT NOT NULL,
  cadence TEXT NOT NULL,
  PRIMARY KEY (network_id, person_id, kind),
  FOREIGN KEY (network_id, person_id) REFERENCES people (network_id, id)
) {keyed};

CREATE TABLE digest_waits (
  network_id {int} NOT NULL CHECK (network_id >= 1),
  person_id {int} NOT NULL,
  event_id {int} NOT NULL,
  cadence TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  PRIMARY KEY (network_id, person_id, event_id),
  FOREIGN KEY (network_id, person_id) REFERENCES people (network_id, id),
  FOREIGN KEY (network_id, event_id) REFERENCES notification_events (network_id, id)
) {keyed};

CREATE TABLE network_secrets (
  network_id {int} NOT NULL CHECK (network_id >= 1),
  name TEXT NOT NULL,
  secret TEXT NOT NULL,
  PRIMARY KEY (network_id, name)
) {keyed};
)sql";

//! Schema step 12: discussion and activity. Threaded comments on an initiative, a cycle or a charter proposal
//! (`subject_kind`, `subject_id`; an objection's row anchors it in its initiative's thread, its reason stays in
//! the ballot), the earlier texts of edited and deleted comments, each person's own follow choices (what its
//! partner follows automatically is read from the initiatives), the activity people's feeds are made of, and
//! each person's last-seen mark.
inline constexpr std::string_view kSchemaV12 = R"sql(
CREATE TABLE comments (
  network_id {int} NOT NULL CHECK (network_id >= 1),
  id {int} NOT NULL CHECK (id >= 1),
  subject_kind TEXT NOT NULL,
  subject_id {int} NOT NULL,
  parent_id {int},
  kind TEXT NOT NULL,
  author_person_id {int},
  partner_id {int},
  author_name TEXT NOT NULL,
  actor TEXT NOT NULL,
  body TEXT NOT NULL,
  mentions TEXT NOT NULL,
  created_at TEXT NOT NULL,
  edited_at TEXT NOT NULL,
  state TEXT NOT NULL,
  hidden_reason TEXT NOT NULL,
  PRIMARY KEY (network_id, id),
  FOREIGN KEY (network_id, parent_id) REFERENCES comments (network_id, id),
  FOREIGN KEY (network_id, author_person_id) REFERENCES people (network_id, id),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners (network_id, id)
) {keyed};
CREATE INDEX comments_subject ON comments (network_id, subject_kind, subject_id, id);

CREATE TABLE comment_revisions (
  network_id {int} NOT NULL,
  comment_id {int} NOT NULL,
  revision {int} NOT NULL CHECK (revision >= 1),
  body TEXT NOT NULL,
  replaced_at TEXT NOT NULL,
  PRIMARY KEY (network_id, comment_id, revision),
  FOREIGN KEY (network_id, comment_id) REFERENCES comments (network_id, id)
) {keyed};

CREATE TABLE follows (
  network_id {int} NOT NULL,
  person_id {int} NOT NULL,
  subject_kind TEXT NOT NULL,
  subject_id {int} NOT NULL,
  following {bool} NOT NULL,
  PRIMARY KEY (network_id, person_id, subject_kind, subject_id),
  FOREIGN KEY (network_id, person_id) REFERENCES people (network_id, id)
) {keyed};

CREATE TABLE activity (
  network_id {int} NOT NULL CHECK (network_id >= 1),
  id {int} NOT NULL CHECK (id >= 1),
  occurred_at TEXT NOT NULL,
  kind TEXT NOT NULL,
  subject_kind TEXT NOT NULL,
  subject_id {int} NOT NULL,
  partner_id {int},
  audience TEXT NOT NULL,
  actor TEXT NOT NULL,
  person_id {int},
  payload TEXT NOT NULL,
  PRIMARY KEY (network_id, id)
) {keyed};

CREATE TABLE activity_seen (
  network_id {int} NOT NULL,
  person_id {int} NOT NULL,
  last_seen {int} NOT NULL,
  PRIMARY KEY (network_id, person_id),
  FOREIGN KEY (network_id, person_id) REFERENCES people (network_id, id)
) {keyed};
)sql";

//! Schema step 13: delivery by the lead (issue 14 item 3). A selected initiative's progress updates (a move of
//! its delivery status is an update carrying the status, '' for a plain one), its milestones (due dates as
//! YYYY-MM-DD), and what its lead recorded it realised per partner: target, forecast and actual (NULL when not
//! given), confirmed by a coordinator (only then is the actual copied into realised_values, which the reports
//! read).
inline constexpr std::string_view kSchemaV13 = R"sql(
CREATE TABLE initiative_updates (
  network_id {int} NOT NULL CHECK (network_id >= 1),
  id {int} NOT NULL CHECK (id >= 1),
  initiative_id {int} NOT NULL,
  body TEXT NOT NULL,
  posted_at TEXT NOT NULL,
  partner_id {int},
  person_id {int},
  author TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (network_id, id),
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives (network_id, id)
) {keyed};
CREATE INDEX initiative_updates_initiative ON initiative_updates (network_id, initiative_id);

CREATE TABLE milestones (
  network_id {int} NOT NULL CHECK (network_id >= 1),
  id {int} NOT NULL CHECK (id >= 1),
  initiative_id {int} NOT NULL,
  title TEXT NOT NULL,
  due_date TEXT NOT NULL,
  done {bool} NOT NULL DEFAULT false,
  done_at TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (network_id, id),
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives (network_id, id)
) {keyed};
CREATE INDEX milestones_initiative ON milestones (network_id, initiative_id);

CREATE TABLE lead_realised_values (
  network_id {int} NOT NULL CHECK (network_id >= 1),
  cycle {int} NOT NULL,
  initiative_id {int} NOT NULL,
  partner_id {int} NOT NULL,
  target TEXT,
  forecast TEXT,
  actual TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  confirmed {bool} NOT NULL DEFAULT false,
  confirmed_at TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (network_id, cycle, initiative_id, partner_id),
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives (network_id, id),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners (network_id, id)
) {keyed};
)sql";

//! Schema step 14: charter proposals (issue 14 item 4). A proposal keeps the whole charter it proposes (the JSON
//! text of the shared codec) and the fields it changes (comma-separated); each partner's position on its current
//! revision; the partners willing to coordinate, and the terms of the coordination rotation (from which cycle which
//! partner coordinates). The charter gains its amendment rule, window and majority, and its coordination.
inline constexpr std::string_view kSchemaV14 = R"sql(
CREATE TABLE charter_proposals (
  network_id {int} NOT NULL CHECK (network_id >= 1),
  id {int} NOT NULL CHECK (id >= 1),
  proposed TEXT NOT NULL,
  fields TEXT NOT NULL,
  rationale TEXT NOT NULL,
  proposer_id {int},
  proposed_by TEXT NOT NULL,
  revision {int} NOT NULL CHECK (revision >= 1),
  opened_at TEXT NOT NULL,
  window_ends_at TEXT NOT NULL,
  state TEXT NOT NULL,
  decided_at TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (network_id, id),
  FOREIGN KEY (network_id, proposer_id) REFERENCES partners (network_id, id)
) {keyed};

CREATE TABLE charter_positions (
  network_id {int} NOT NULL CHECK (network_id >= 1),
  proposal_id {int} NOT NULL,
  partner_id {int} NOT NULL,
  position TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  PRIMARY KEY (network_id, proposal_id, partner_id),
  FOREIGN KEY (network_id, proposal_id) REFERENCES charter_proposals (network_id, id),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners (network_id, id)
) {keyed};

CREATE TABLE coordination_willing (
  network_id {int} NOT NULL CHECK (network_id >= 1),
  partner_id {int} NOT NULL,
  PRIMARY KEY (network_id, partner_id),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners (network_id, id)
) {keyed};

CREATE TABLE coordination_terms (
  network_id {int} NOT NULL CHECK (network_id >= 1),
  first_cycle {int} NOT NULL CHECK (first_cycle >= 1),
  partner_id {int} NOT NULL,
  PRIMARY KEY (network_id, first_cycle),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners (network_id, id)
) {keyed};

ALTER TABLE charter ADD COLUMN amendment_rule TEXT NOT NULL DEFAULT 'coordinator';
ALTER TABLE charter ADD COLUMN amendment_majority TEXT NOT NULL DEFAULT '2/3';
ALTER TABLE charter ADD COLUMN amendment_window_hours TEXT NOT NULL DEFAULT '72';
ALTER TABLE charter ADD COLUMN coordination TEXT NOT NULL DEFAULT 'fixed';
ALTER TABLE charter ADD COLUMN coordination_term {int} NOT NULL DEFAULT 1;
)sql";

//! Schema step 15: delegation. A partner's ballot for one cycle may be cast by another member partner (its proxy):
//! one delegation per partner and cycle; a ballot records the partner that cast it as a proxy (`cast_by`, 0 when
//! the partner cast it itself); and the charter's turnout (a percentage of member partners) below which closing a
//! cycle must be confirmed.
inline constexpr std::string_view kSchemaV15 = R"sql(
CREATE TABLE delegations (
  network_id {int} NOT NULL CHECK (network_id >= 1),
  cycle {int} NOT NULL,
  partner_id {int} NOT NULL,
  proxy_id {int} NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (network_id, cycle, partner_id),
  FOREIGN KEY (network_id, cycle) REFERENCES cycles (network_id, number),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners (network_id, id),
  FOREIGN KEY (network_id, proxy_id) REFERENCES partners (network_id, id)
) {keyed};
CREATE INDEX delegations_proxy ON delegations (network_id, cycle, proxy_id);

ALTER TABLE ballots ADD COLUMN cast_by {int} NOT NULL DEFAULT 0;
ALTER TABLE charter ADD COLUMN close_turnout_warning {int} NOT NULL DEFAULT 50;
)sql";

//! Schema step 16: the coordinator election. Under the charter's coordination `election`, an election of the
//! coordinating partner opens when a term ends (one per term, keyed by the cycle whose opening ended it); each member
//! partner's vote for a willing partner, changeable until the window ends; the partner elected (0: none).
inline constexpr std::string_view kSchemaV16 = R"sql(
CREATE TABLE coordinator_elections (
  network_id {int} NOT NULL CHECK (network_id >= 1),
  id {int} NOT NULL CHECK (id >= 1),
  term_cycle {int} NOT NULL CHECK (term_cycle >= 1),
  opened_at TEXT NOT NULL,
  window_ends_at TEXT NOT NULL,
  state TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  elected_id {int} NOT NULL DEFAULT 0,
  result TEXT NOT NULL,
  PRIMARY KEY (network_id, id),
  UNIQUE (network_id, term_cycle)
) {keyed};

CREATE TABLE coordinator_votes (
  network_id {int} NOT NULL CHECK (network_id >= 1),
  election_id {int} NOT NULL,
  voter_id {int} NOT NULL,
  candidate_id {int} NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  PRIMARY KEY (network_id, election_id, voter_id),
  FOREIGN KEY (network_id, election_id) REFERENCES coordinator_elections (network_id, id),
  FOREIGN KEY (network_id, voter_id) REFERENCES partners (network_id, id),
  FOREIGN KEY (network_id, candidate_id) REFERENCES partners (network_id, id)
) {keyed};
)sql";

//! Schema step 17: the charter's ballot limits (issue 15 item 6): the top of the score scale and the points budget
//! (0: none). Networks made before this step keep the limit their ballots had, 1000000000, so that no ballot
//! already cast, or cast again, falls outside the charter; a new charter's scale is 0 to 10 (charter.score_max).
inline constexpr std::string_view kSchemaV17 = R"sql(
ALTER TABLE charter ADD COLUMN score_max TEXT NOT NULL DEFAULT '1000000000';
ALTER TABLE charter ADD COLUMN points_budget TEXT NOT NULL DEFAULT '0';
)sql";

}  // namespace covalue::adapters::sql
