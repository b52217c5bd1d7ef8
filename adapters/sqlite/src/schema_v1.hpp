#pragma once

namespace covalue::adapters::sqlite {

//! Schema step 1: the network, its cycles, ballots, outcomes and ledger. Rationals are TEXT in their
//! canonical form ("-7/3"), enums TEXT by their name_of() names; every list keeps its order in a
//! `position` column.
inline constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE charter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  capacity TEXT NOT NULL,
  rule TEXT NOT NULL,
  max_dry_spell INTEGER NOT NULL,
  max_deopt_share TEXT NOT NULL,
  perpetual_weighting INTEGER NOT NULL CHECK (perpetual_weighting IN (0, 1)),
  sharing TEXT NOT NULL,
  max_concurrent_leads INTEGER NOT NULL
) STRICT;

CREATE TABLE partners (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  tier TEXT NOT NULL,
  joined_cycle INTEGER NOT NULL,
  left_cycle INTEGER
) STRICT;

CREATE TABLE objectives (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  partner_id INTEGER NOT NULL REFERENCES partners (id),
  kpi TEXT NOT NULL,
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  baseline TEXT NOT NULL,
  target TEXT NOT NULL
) STRICT;

CREATE TABLE initiatives (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  channel TEXT NOT NULL,
  proposer_id INTEGER NOT NULL REFERENCES partners (id),
  cost TEXT NOT NULL,
  status TEXT NOT NULL,
  cycle INTEGER NOT NULL,
  lead_id INTEGER REFERENCES partners (id)
) STRICT;
CREATE UNIQUE INDEX initiatives_live_title ON initiatives (title) WHERE status <> 'withdrawn';

CREATE TABLE initiative_impacts (
  initiative_id INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  partner_id INTEGER NOT NULL REFERENCES partners (id),
  position INTEGER NOT NULL,
  estimate TEXT NOT NULL,
  PRIMARY KEY (initiative_id, partner_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE initiative_objectives (
  initiative_id INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  objective_id INTEGER NOT NULL REFERENCES objectives (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (initiative_id, objective_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE initiative_volunteers (
  initiative_id INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  partner_id INTEGER NOT NULL REFERENCES partners (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (initiative_id, partner_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE cycles (
  number INTEGER PRIMARY KEY CHECK (number >= 1),
  state TEXT NOT NULL,
  capacity TEXT NOT NULL,
  rule TEXT NOT NULL
) STRICT;

CREATE TABLE ballots (
  cycle INTEGER NOT NULL REFERENCES cycles (number),
  partner_id INTEGER NOT NULL REFERENCES partners (id),
  format TEXT NOT NULL,
  PRIMARY KEY (cycle, partner_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE ballot_entries (
  cycle INTEGER NOT NULL,
  partner_id INTEGER NOT NULL,
  initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
  position INTEGER NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (cycle, partner_id, initiative_id),
  FOREIGN KEY (cycle, partner_id) REFERENCES ballots (cycle, partner_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TABLE ballot_objections (
  cycle INTEGER NOT NULL,
  partner_id INTEGER NOT NULL,
  initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
  position INTEGER NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (cycle, partner_id, initiative_id),
  FOREIGN KEY (cycle, partner_id) REFERENCES ballots (cycle, partner_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TABLE outcomes (
  cycle INTEGER PRIMARY KEY REFERENCES cycles (number),
  document TEXT NOT NULL
) STRICT;

CREATE TABLE realised_values (
  cycle INTEGER NOT NULL REFERENCES cycles (number),
  initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
  partner_id INTEGER NOT NULL REFERENCES partners (id),
  target TEXT,
  forecast TEXT,
  actual TEXT NOT NULL,
  PRIMARY KEY (cycle, initiative_id, partner_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE kpi_measurements (
  cycle INTEGER NOT NULL REFERENCES cycles (number),
  objective_id INTEGER NOT NULL REFERENCES objectives (id),
  value TEXT NOT NULL,
  PRIMARY KEY (cycle, objective_id)
) STRICT, WITHOUT ROWID;
)sql";

}  // namespace covalue::adapters::sqlite
