#pragma once

namespace covalue::adapters::sqlite {

//! Schema step 2: the charter's ranking rule and ballot disclosure, cycle shortlists, the scorecard
//! and its scores, access tokens (hashes only) and the hash-chained audit log. A cycle's shortlist is
//! its initiative ids, comma separated, ascending ("" for none).
inline constexpr const char* kSchemaV2 = R"sql(
ALTER TABLE charter ADD COLUMN ranking_rule TEXT NOT NULL DEFAULT 'schulze';
ALTER TABLE charter ADD COLUMN disclosure TEXT NOT NULL DEFAULT 'anonymous';
ALTER TABLE cycles ADD COLUMN shortlist TEXT NOT NULL DEFAULT '';

CREATE TABLE scorecard (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  formula TEXT NOT NULL,
  shortlist_size INTEGER NOT NULL CHECK (shortlist_size >= 0)
) STRICT;

CREATE TABLE scorecard_criteria (
  position INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  weight TEXT NOT NULL,
  low TEXT NOT NULL,
  high TEXT NOT NULL
) STRICT;

CREATE TABLE initiative_scores (
  initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
  partner_id INTEGER NOT NULL REFERENCES partners (id),
  criterion TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (initiative_id, partner_id, criterion)
) STRICT;

CREATE TABLE access_tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  role TEXT NOT NULL,
  partner_id INTEGER REFERENCES partners (id),
  label TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  issued_at TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
) STRICT;

CREATE TABLE audit_log (
  sequence INTEGER PRIMARY KEY CHECK (sequence >= 1),
  time TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
)sql";

}  // namespace covalue::adapters::sqlite
