#pragma once

namespace covalue::adapters::postgres {

//! Schema step 4, as SQLite's step 4 (many networks per database, ids per network, the network's name
//! in `networks`, tokens of network 0 for the deployment), with booleans as boolean. The shortlist was
//! rows already; it gains its network. Each table is rebuilt as <name>_v4 and renamed.
inline constexpr const char* kSchemaV4 = R"sql(
CREATE TABLE networks (
  id bigint PRIMARY KEY CHECK (id >= 1),
  name text NOT NULL UNIQUE
);
INSERT INTO networks (id, name) SELECT 1, name FROM charter;

CREATE TABLE charter_v4 (
  network_id bigint PRIMARY KEY REFERENCES networks (id),
  capacity text NOT NULL,
  rule text NOT NULL,
  max_dry_spell bigint NOT NULL,
  max_deopt_share text NOT NULL,
  perpetual_weighting boolean NOT NULL,
  sharing text NOT NULL,
  max_concurrent_leads bigint NOT NULL,
  ranking_rule text NOT NULL,
  disclosure text NOT NULL
);
INSERT INTO charter_v4 SELECT 1, capacity, rule, max_dry_spell, max_deopt_share, perpetual_weighting, sharing,
  max_concurrent_leads, ranking_rule, disclosure FROM charter;

CREATE TABLE partners_v4 (
  network_id bigint NOT NULL,
  id bigint NOT NULL CHECK (id >= 1),
  name text NOT NULL,
  tier text NOT NULL,
  joined_cycle bigint NOT NULL,
  left_cycle bigint,
  PRIMARY KEY (network_id, id),
  UNIQUE (network_id, name)
);
INSERT INTO partners_v4 SELECT 1, id, name, tier, joined_cycle, left_cycle FROM partners;

CREATE TABLE objectives_v4 (
  network_id bigint NOT NULL,
  id bigint NOT NULL CHECK (id >= 1),
  partner_id bigint NOT NULL,
  kpi text NOT NULL,
  name text NOT NULL,
  unit text NOT NULL,
  baseline text NOT NULL,
  target text NOT NULL,
  PRIMARY KEY (network_id, id),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners_v4 (network_id, id)
);
INSERT INTO objectives_v4 SELECT 1, id, partner_id, kpi, name, unit, baseline, target FROM objectives;

CREATE TABLE initiatives_v4 (
  network_id bigint NOT NULL,
  id bigint NOT NULL CHECK (id >= 1),
  title text NOT NULL,
  description text NOT NULL,
  channel text NOT NULL,
  proposer_id bigint NOT NULL,
  cost text NOT NULL,
  status text NOT NULL,
  cycle bigint NOT NULL,
  lead_id bigint,
  PRIMARY KEY (network_id, id),
  FOREIGN KEY (network_id, proposer_id) REFERENCES partners_v4 (network_id, id),
  FOREIGN KEY (network_id, lead_id) REFERENCES partners_v4 (network_id, id)
);
INSERT INTO initiatives_v4 SELECT 1, id, title, description, channel, proposer_id, cost, status, cycle, lead_id
  FROM initiatives;

CREATE TABLE initiative_impacts_v4 (
  network_id bigint NOT NULL,
  initiative_id bigint NOT NULL,
  partner_id bigint NOT NULL,
  position bigint NOT NULL,
  estimate text NOT NULL,
  PRIMARY KEY (network_id, initiative_id, partner_id),
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives_v4 (network_id, id) ON DELETE CASCADE,
  FOREIGN KEY (network_id, partner_id) REFERENCES partners_v4 (network_id, id)
);
INSERT INTO initiative_impacts_v4 SELECT 1, initiative_id, partner_id, position, estimate FROM initiative_impacts;

CREATE TABLE initiative_objectives_v4 (
  network_id bigint NOT NULL,
  initiative_id bigint NOT NULL,
  objective_id bigint NOT NULL,
  position bigint NOT NULL,
  PRIMARY KEY (network_id, initiative_id, objective_id),
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives_v4 (network_id, id) ON DELETE CASCADE,
  FOREIGN KEY (network_id, objective_id) REFERENCES objectives_v4 (network_id, id)
);
INSERT INTO initiative_objectives_v4 SELECT 1, initiative_id, objective_id, position FROM initiative_objectives;

CREATE TABLE initiative_volunteers_v4 (
  network_id bigint NOT NULL,
  initiative_id bigint NOT NULL,
  partner_id bigint NOT NULL,
  position bigint NOT NULL,
  accepted boolean NOT NULL,
  PRIMARY KEY (network_id, initiative_id, partner_id),
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives_v4 (network_id, id) ON DELETE CASCADE,
  FOREIGN KEY (network_id, partner_id) REFERENCES partners_v4 (network_id, id)
);
INSERT INTO initiative_volunteers_v4 SELECT 1, initiative_id, partner_id, position, accepted FROM initiative_volunteers;

CREATE TABLE cycles_v4 (
  network_id bigint NOT NULL,
  number bigint NOT NULL CHECK (number >= 1),
  state text NOT NULL,
  capacity text NOT NULL,
  rule text NOT NULL,
  PRIMARY KEY (network_id, number)
);
INSERT INTO cycles_v4 SELECT 1, number, state, capacity, rule FROM cycles;

CREATE TABLE cycle_shortlist_v4 (
  network_id bigint NOT NULL,
  cycle bigint NOT NULL,
  initiative_id bigint NOT NULL,
  position bigint NOT NULL,
  PRIMARY KEY (network_id, cycle, initiative_id),
  FOREIGN KEY (network_id, cycle) REFERENCES cycles_v4 (network_id, number) ON DELETE CASCADE
);
INSERT INTO cycle_shortlist_v4 SELECT 1, cycle, initiative_id, position FROM cycle_shortlist;

CREATE TABLE ballots_v4 (
  network_id bigint NOT NULL,
  cycle bigint NOT NULL,
  partner_id bigint NOT NULL,
  format text NOT NULL,
  PRIMARY KEY (network_id, cycle, partner_id),
  FOREIGN KEY (network_id, cycle) REFERENCES cycles_v4 (network_id, number),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners_v4 (network_id, id)
);
INSERT INTO ballots_v4 SELECT 1, cycle, partner_id, format FROM ballots;

CREATE TABLE ballot_entries_v4 (
  network_id bigint NOT NULL,
  cycle bigint NOT NULL,
  partner_id bigint NOT NULL,
  initiative_id bigint NOT NULL,
  position bigint NOT NULL,
  value text NOT NULL,
  PRIMARY KEY (network_id, cycle, partner_id, initiative_id),
  FOREIGN KEY (network_id, cycle, partner_id) REFERENCES ballots_v4 (network_id, cycle, partner_id) ON DELETE CASCADE,
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives_v4 (network_id, id)
);
INSERT INTO ballot_entries_v4 SELECT 1, cycle, partner_id, initiative_id, position, value FROM ballot_entries;

CREATE TABLE ballot_objections_v4 (
  network_id bigint NOT NULL,
  cycle bigint NOT NULL,
  partner_id bigint NOT NULL,
  initiative_id bigint NOT NULL,
  position bigint NOT NULL,
  reason text NOT NULL,
  PRIMARY KEY (network_id, cycle, partner_id, initiative_id),
  FOREIGN KEY (network_id, cycle, partner_id) REFERENCES ballots_v4 (network_id, cycle, partner_id) ON DELETE CASCADE,
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives_v4 (network_id, id)
);
INSERT INTO ballot_objections_v4 SELECT 1, cycle, partner_id, initiative_id, position, reason FROM ballot_objections;

CREATE TABLE outcomes_v4 (
  network_id bigint NOT NULL,
  cycle bigint NOT NULL,
  document text NOT NULL,
  PRIMARY KEY (network_id, cycle),
  FOREIGN KEY (network_id, cycle) REFERENCES cycles_v4 (network_id, number)
);
INSERT INTO outcomes_v4 SELECT 1, cycle, document FROM outcomes;

CREATE TABLE realised_values_v4 (
  network_id bigint NOT NULL,
  cycle bigint NOT NULL,
  initiative_id bigint NOT NULL,
  partner_id bigint NOT NULL,
  target text,
  forecast text,
  actual text NOT NULL,
  PRIMARY KEY (network_id, cycle, initiative_id, partner_id),
  FOREIGN KEY (network_id, cycle) REFERENCES cycles_v4 (network_id, number),
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives_v4 (network_id, id),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners_v4 (network_id, id)
);
INSERT INTO realised_values_v4 SELECT 1, cycle, initiative_id, partner_id, target, forecast, actual FROM realised_values;

CREATE TABLE kpi_measurements_v4 (
  network_id bigint NOT NULL,
  cycle bigint NOT NULL,
  objective_id bigint NOT NULL,
  value text NOT NULL,
  PRIMARY KEY (network_id, cycle, objective_id),
  FOREIGN KEY (network_id, cycle) REFERENCES cycles_v4 (network_id, number),
  FOREIGN KEY (network_id, objective_id) REFERENCES objectives_v4 (network_id, id)
);
INSERT INTO kpi_measurements_v4 SELECT 1, cycle, objective_id, value FROM kpi_measurements;

CREATE TABLE scorecard_v4 (
  network_id bigint PRIMARY KEY,
  formula text NOT NULL,
  shortlist_size bigint NOT NULL CHECK (shortlist_size >= 0)
);
INSERT INTO scorecard_v4 SELECT 1, formula, shortlist_size FROM scorecard;

CREATE TABLE scorecard_criteria_v4 (
  network_id bigint NOT NULL,
  position bigint NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  weight text NOT NULL,
  low text NOT NULL,
  high text NOT NULL,
  PRIMARY KEY (network_id, position),
  UNIQUE (network_id, name)
);
INSERT INTO scorecard_criteria_v4 SELECT 1, position, name, kind, weight, low, high FROM scorecard_criteria;

CREATE TABLE initiative_scores_v4 (
  network_id bigint NOT NULL,
  initiative_id bigint NOT NULL,
  partner_id bigint NOT NULL,
  criterion text NOT NULL,
  value text NOT NULL,
  PRIMARY KEY (network_id, initiative_id, partner_id, criterion),
  FOREIGN KEY (network_id, initiative_id) REFERENCES initiatives_v4 (network_id, id),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners_v4 (network_id, id)
);
INSERT INTO initiative_scores_v4 SELECT 1, initiative_id, partner_id, criterion, value FROM initiative_scores;

CREATE TABLE access_tokens_v4 (
  network_id bigint NOT NULL CHECK (network_id >= 0),
  id bigint NOT NULL CHECK (id >= 1),
  role text NOT NULL,
  partner_id bigint,
  label text NOT NULL,
  secret_hash text NOT NULL UNIQUE,
  issued_at text NOT NULL,
  revoked boolean NOT NULL DEFAULT false,
  PRIMARY KEY (network_id, id),
  FOREIGN KEY (network_id, partner_id) REFERENCES partners_v4 (network_id, id)
);
INSERT INTO access_tokens_v4 SELECT 1, id, role, partner_id, label, secret_hash, issued_at, revoked FROM access_tokens;

CREATE TABLE audit_log_v4 (
  network_id bigint NOT NULL CHECK (network_id >= 0),
  sequence bigint NOT NULL CHECK (sequence >= 1),
  time text NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  detail text NOT NULL,
  previous_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (network_id, sequence)
);
INSERT INTO audit_log_v4 SELECT 1, sequence, time, actor, action, detail, previous_hash, hash FROM audit_log;

DROP TABLE cycle_shortlist;
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

}  // namespace covalue::adapters::postgres
