#pragma once

namespace covalue::adapters::sqlite {

//! Schema step 4: many networks per database. Every table gains `network_id` and its keys begin with
//! it; ids are per network (the store gives a new row the network's largest id plus one, so AUTOINCREMENT
//! goes); the charter's name moves to `networks`, unique in the database; a cycle's shortlist becomes
//! rows (it was ids separated by commas); access tokens of network 0 belong to the deployment (an
//! administrator's). The rows of a database made before this step all belong to network 1. Each table
//! is rebuilt: created anew as <name>_v4, filled, the old one dropped, the new one renamed (SQLite
//! rewrites the foreign keys that name it).
inline constexpr const char* kSchemaV4 = R"sql(
PRAGMA defer_foreign_keys = ON;

CREATE TABLE networks (
  id INTEGER PRIMARY KEY CHECK (id >= 1),
  name TEXT NOT NULL UNIQUE
) STRICT;
INSERT INTO networks (id, name) SELECT 1, name FROM charter;

CREATE TABLE charter_v4 (
  network_id INTEGER PRIMARY KEY REFERENCES networks (id),
  capacity TEXT NOT NULL,
  rule TEXT NOT NULL,
  max_dry_spell INTEGER NOT NULL,
  max_deopt_share TEXT NOT NULL,
  perpetual_weighting INTEGER NOT NULL CHECK (perpetual_weighting IN (0, 1)),
  sharing TEXT NOT NULL,
  max_concurrent_leads INTEGER NOT NULL,
  ranking_rule TEXT NOT NULL,
  disclosure TEXT NOT NULL
) STRICT;
INSERT INTO charter_v4 SELECT 1, capacity, rule, max_dry_spell, max_deopt_share, perpetual_weighting, sharing,
  max_concurrent_leads, ranking_rule, disclosure FROM charter;

CREATE TABLE partners_v4 (
  network_id INTEGER NOT NULL,
  id INTEGER NOT NULL CHECK (id >= 1),
  name TEXT NOT NULL,
  tier TEXT NOT NULL,
  joined_cycle INTEGER NOT NULL,
  left_cycle INTEGER,
  PRIMARY KEY (network_id, id),
  UNIQUE (network_id, name)
) STRICT, WITHOUT ROWID;
INSERT INTO partners_v4 SELECT 1, id, name, tier, joined_cycle, left_cycle FROM partners;

CREATE TABLE objectives_v4 (
  network_id INTEGER NOT NULL,
  id INTEGER NOT NULL CHECK (id >= 1),
  partner_id INTEGER NOT NULL,
  kpi TEXT NOT NULL,
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  baseline TEXT NOT NULL,
  target TEXT NOT NULL,
  PRIMARY KEY (network_id, id),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners_v4 (network_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO objectives_v4 SELECT 1, id, partner_id, kpi, name, unit, baseline, target FROM objectives;

CREATE TABLE initiatives_v4 (
  network_id INTEGER NOT NULL,
  id INTEGER NOT NULL CHECK (id >= 1),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  channel TEXT NOT NULL,
  proposer_id INTEGER NOT NULL,
  cost TEXT NOT NULL,
  status TEXT NOT NULL,
  cycle INTEGER NOT NULL,
  lead_id INTEGER,
  PRIMARY KEY (network_id, id),
  FOREIGN KEY (network_id, proposer_id) REFERENCES partners_v4 (network_id, id),
  FOREIGN KEY (network_id, lead_id) REFERENCES partners_v4 (network_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO initiatives_v4 SELECT 1, id, title, description, channel, proposer_id, cost, status, cycle, lead_id
  FROM initiatives;

CREATE TABLE initiative_impacts_v4 (
  network_id INTEGER NOT NULL,
  initiative_id INTEGER NOT NULL,
  partner_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  estimate TEXT NOT NULL,
  PRIMARY KEY (network_id, initiative_id, partner_id),
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives_v4 (network_id, id) ON DELETE CASCADE,
  FOREIGN KEY (network_id, partner_id) REFERENCES partners_v4 (network_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO initiative_impacts_v4 SELECT 1, initiative_id, partner_id, position, estimate FROM initiative_impacts;

CREATE TABLE initiative_objectives_v4 (
  network_id INTEGER NOT NULL,
  initiative_id INTEGER NOT NULL,
  objective_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (network_id, initiative_id, objective_id),
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives_v4 (network_id, id) ON DELETE CASCADE,
  FOREIGN KEY (network_id, objective_id) REFERENCES objectives_v4 (network_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO initiative_objectives_v4 SELECT 1, initiative_id, objective_id, position FROM initiative_objectives;

CREATE TABLE initiative_volunteers_v4 (
  network_id INTEGER NOT NULL,
  initiative_id INTEGER NOT NULL,
  partner_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  accepted INTEGER NOT NULL CHECK (accepted IN (0, 1)),
  PRIMARY KEY (network_id, initiative_id, partner_id),
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives_v4 (network_id, id) ON DELETE CASCADE,
  FOREIGN KEY (network_id, partner_id) REFERENCES partners_v4 (network_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO initiative_volunteers_v4 SELECT 1, initiative_id, partner_id, position, accepted FROM initiative_volunteers;

CREATE TABLE cycles_v4 (
  network_id INTEGER NOT NULL,
  number INTEGER NOT NULL CHECK (number >= 1),
  state TEXT NOT NULL,
  capacity TEXT NOT NULL,
  rule TEXT NOT NULL,
  PRIMARY KEY (network_id, number)
) STRICT, WITHOUT ROWID;
INSERT INTO cycles_v4 SELECT 1, number, state, capacity, rule FROM cycles;

CREATE TABLE cycle_shortlist (
  network_id INTEGER NOT NULL,
  cycle INTEGER NOT NULL,
  initiative_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (network_id, cycle, initiative_id),
  FOREIGN KEY (network_id, cycle) REFERENCES cycles_v4 (network_id, number) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
WITH RECURSIVE split (cycle, rest, item, position) AS (
  SELECT number, shortlist || ',', NULL, -1 FROM cycles WHERE shortlist <> ''
  UNION ALL
  SELECT cycle, substr(rest, instr(rest, ',') + 1), CAST(substr(rest, 1, instr(rest, ',') - 1) AS INTEGER),
    position + 1 FROM split WHERE rest <> ''
)
INSERT INTO cycle_shortlist (network_id, cycle, initiative_id, position)
  SELECT 1, cycle, item, position FROM split WHERE item IS NOT NULL;

CREATE TABLE ballots_v4 (
  network_id INTEGER NOT NULL,
  cycle INTEGER NOT NULL,
  partner_id INTEGER NOT NULL,
  format TEXT NOT NULL,
  PRIMARY KEY (network_id, cycle, partner_id),
  FOREIGN KEY (network_id, cycle) REFERENCES cycles_v4 (network_id, number),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners_v4 (network_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO ballots_v4 SELECT 1, cycle, partner_id, format FROM ballots;

CREATE TABLE ballot_entries_v4 (
  network_id INTEGER NOT NULL,
  cycle INTEGER NOT NULL,
  partner_id INTEGER NOT NULL,
  initiative_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (network_id, cycle, partner_id, initiative_id),
  FOREIGN KEY (network_id, cycle, partner_id) REFERENCES ballots_v4 (network_id, cycle, partner_id) ON DELETE CASCADE,
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives_v4 (network_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO ballot_entries_v4 SELECT 1, cycle, partner_id, initiative_id, position, value FROM ballot_entries;

CREATE TABLE ballot_objections_v4 (
  network_id INTEGER NOT NULL,
  cycle INTEGER NOT NULL,
  partner_id INTEGER NOT NULL,
  initiative_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (network_id, cycle, partner_id, initiative_id),
  FOREIGN KEY (network_id, cycle, partner_id) REFERENCES ballots_v4 (network_id, cycle, partner_id) ON DELETE CASCADE,
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives_v4 (network_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO ballot_objections_v4 SELECT 1, cycle, partner_id, initiative_id, position, reason FROM ballot_objections;

CREATE TABLE outcomes_v4 (
  network_id INTEGER NOT NULL,
  cycle INTEGER NOT NULL,
  document TEXT NOT NULL,
  PRIMARY KEY (network_id, cycle),
  FOREIGN KEY (network_id, cycle) REFERENCES cycles_v4 (network_id, number)
) STRICT, WITHOUT ROWID;
INSERT INTO outcomes_v4 SELECT 1, cycle, document FROM outcomes;

CREATE TABLE realised_values_v4 (
  network_id INTEGER NOT NULL,
  cycle INTEGER NOT NULL,
  initiative_id INTEGER NOT NULL,
  partner_id INTEGER NOT NULL,
  target TEXT,
  forecast TEXT,
  actual TEXT NOT NULL,
  PRIMARY KEY (network_id, cycle, initiative_id, partner_id),
  FOREIGN KEY (network_id, cycle) REFERENCES cycles_v4 (network_id, number),
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives_v4 (network_id, id),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners_v4 (network_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO realised_values_v4 SELECT 1, cycle, initiative_id, partner_id, target, forecast, actual FROM realised_values;

CREATE TABLE kpi_measurements_v4 (
  network_id INTEGER NOT NULL,
  cycle INTEGER NOT NULL,
  objective_id INTEGER NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (network_id, cycle, objective_id),
  FOREIGN KEY (network_id, cycle) REFERENCES cycles_v4 (network_id, number),
  FOREIGN KEY (network_id, objective_id) REFERENCES objectives_v4 (network_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO kpi_measurements_v4 SELECT 1, cycle, objective_id, value FROM kpi_measurements;

CREATE TABLE scorecard_v4 (
  network_id INTEGER PRIMARY KEY,
  formula TEXT NOT NULL,
  shortlist_size INTEGER NOT NULL CHECK (shortlist_size >= 0)
) STRICT;
INSERT INTO scorecard_v4 SELECT 1, formula, shortlist_size FROM scorecard;

CREATE TABLE scorecard_criteria_v4 (
  network_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  weight TEXT NOT NULL,
  low TEXT NOT NULL,
  high TEXT NOT NULL,
  PRIMARY KEY (network_id, position),
  UNIQUE (network_id, name)
) STRICT, WITHOUT ROWID;
INSERT INTO scorecard_criteria_v4 SELECT 1, position, name, kind, weight, low, high FROM scorecard_criteria;

CREATE TABLE initiative_scores_v4 (
  network_id INTEGER NOT NULL,
  initiative_id INTEGER NOT NULL,
  partner_id INTEGER NOT NULL,
  criterion TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (network_id, initiative_id, partner_id, criterion),
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives_v4 (network_id, id),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners_v4 (network_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO initiative_scores_v4 SELECT 1, initiative_id, partner_id, criterion, value FROM initiative_scores;

CREATE TABLE access_tokens_v4 (
  network_id INTEGER NOT NULL CHECK (network_id >= 0),
  id INTEGER NOT NULL CHECK (id >= 1),
  role TEXT NOT NULL,
  partner_id INTEGER,
  label TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  issued_at TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
  PRIMARY KEY (network_id, id),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners_v4 (network_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO access_tokens_v4 SELECT 1, id, role, partner_id, label, secret_hash, issued_at, revoked FROM access_tokens;

CREATE TABLE audit_log_v4 (
  network_id INTEGER NOT NULL CHECK (network_id >= 0),
  sequence INTEGER NOT NULL CHECK (sequence >= 1),
  time TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (network_id, sequence)
) STRICT, WITHOUT ROWID;
INSERT INTO audit_log_v4 SELECT 1, sequence, time, actor, action, detail, previous_hash, hash FROM audit_log;

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

}  // namespace covalue::adapters::sqlite
