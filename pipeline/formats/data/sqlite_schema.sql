-- The tables of `uprx run --format sqlite` (schema uprx-sqlite/1; docs/sqlite.md explains them
-- and gives example queries). Run on every write: IF NOT EXISTS lets a run add to a file an
-- earlier run wrote. Keys: reviews.review_id ("KHM-c2"); recommendations.rec (an integer key;
-- recommendations.id is the uprx id "KHM-c2-118.1"). The child tables of a review go with it
-- (ON DELETE CASCADE), which is how a review written again replaces the old one.

CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', 'uprx-sqlite/1');

-- One State under review in one cycle.
CREATE TABLE IF NOT EXISTS reviews (
  review_id TEXT PRIMARY KEY,          -- <ISO3>-c<cycle>
  sur_iso3 TEXT,                       -- State under review
  sur_name TEXT,
  sur_regional_group TEXT,             -- African | Asia-Pacific | Eastern European | GRULAC | WEOG
  cycle INTEGER,
  wg_session INTEGER,
  year INTEGER,
  recommendations INTEGER NOT NULL,    -- the summary of the JSON output
  supported INTEGER NOT NULL,
  noted INTEGER NOT NULL,
  pending INTEGER NOT NULL,
  supported_in_part INTEGER NOT NULL,
  unknown INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS reviews_by_state ON reviews (sur_iso3, cycle);
CREATE INDEX IF NOT EXISTS reviews_by_group ON reviews (sur_regional_group);

-- The documents a review was read from.
CREATE TABLE IF NOT EXISTS documents (
  review_id TEXT NOT NULL REFERENCES reviews (review_id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  file TEXT NOT NULL,
  sha256 TEXT,
  format TEXT,
  pages INTEGER,
  language TEXT,
  symbol TEXT,
  kind TEXT,                           -- wg_report | addendum | thematic_list | other
  date TEXT,
  declared_received INTEGER,           -- totals the document states
  declared_supported INTEGER,
  declared_noted INTEGER,
  PRIMARY KEY (review_id, ord)
);
CREATE INDEX IF NOT EXISTS documents_by_symbol ON documents (symbol);

-- One row per recommendation, with its final position.
CREATE TABLE IF NOT EXISTS recommendations (
  rec INTEGER PRIMARY KEY,
  review_id TEXT NOT NULL REFERENCES reviews (review_id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,                -- document order
  id TEXT NOT NULL,                    -- KHM-c2-118.1
  number TEXT,
  paragraph INTEGER,
  printed_number TEXT,
  text TEXT NOT NULL,
  position TEXT NOT NULL,              -- supported | noted | pending | supported_in_part | unknown
  position_stage TEXT,                 -- working_group | addendum | thematic_list
  position_document TEXT,
  action_category INTEGER,             -- 1..5 (labels: kind 'action')
  lead_institution TEXT,               -- with --profile (ministries: role 'lead')
  source_document TEXT,
  source_page INTEGER,
  span_begin INTEGER,
  span_end INTEGER
);
CREATE INDEX IF NOT EXISTS recommendations_by_review ON recommendations (review_id, ord);
CREATE INDEX IF NOT EXISTS recommendations_by_id ON recommendations (id);
CREATE INDEX IF NOT EXISTS recommendations_by_position ON recommendations (position);

-- Who made each recommendation; a joint recommendation has several rows.
CREATE TABLE IF NOT EXISTS recommending_states (
  rec INTEGER NOT NULL REFERENCES recommendations (rec) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  iso3 TEXT,                           -- NULL when the name was not resolved
  name TEXT NOT NULL,
  regional_group TEXT,
  as_written TEXT,
  segment TEXT,                        -- the clause this State made, when it made only one
  PRIMARY KEY (rec, ord)
);
CREATE INDEX IF NOT EXISTS recommending_states_by_iso3 ON recommending_states (iso3);
CREATE INDEX IF NOT EXISTS recommending_states_by_group ON recommending_states (regional_group);

-- Every position a recommendation had, oldest first; the last (is_final = 1) is the one in
-- recommendations.position.
CREATE TABLE IF NOT EXISTS positions (
  rec INTEGER NOT NULL REFERENCES recommendations (rec) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  is_final INTEGER NOT NULL,
  value TEXT NOT NULL,
  stage TEXT,
  document TEXT,
  paragraph INTEGER,
  as_written TEXT,
  explanation TEXT,
  PRIMARY KEY (rec, ord)
);
CREATE INDEX IF NOT EXISTS positions_by_stage ON positions (stage, value);

-- The classify stage's labels: kind themes (UHRI), issues (UPR Info), sdgs (label_id = goal),
-- groups (affected persons), action (label_id = category 1..5). Evidence joined with "; ".
CREATE TABLE IF NOT EXISTS labels (
  rec INTEGER NOT NULL REFERENCES recommendations (rec) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  rank INTEGER NOT NULL,               -- 0 = highest score
  taxonomy TEXT,
  label_id TEXT NOT NULL,
  name TEXT,
  score REAL,
  method TEXT,                         -- rules | model | rules+model | manual
  evidence TEXT,
  PRIMARY KEY (rec, kind, rank)
);
CREATE INDEX IF NOT EXISTS labels_by_label ON labels (kind, label_id);

-- Lead and supporting institutions (uprx run --profile).
CREATE TABLE IF NOT EXISTS ministries (
  rec INTEGER NOT NULL REFERENCES recommendations (rec) ON DELETE CASCADE,
  kind TEXT NOT NULL,                  -- always 'ministries'
  rank INTEGER NOT NULL,
  taxonomy TEXT,
  institution_id TEXT NOT NULL,
  name TEXT,
  score REAL,
  method TEXT,
  evidence TEXT,
  role TEXT NOT NULL,                  -- lead | supporting
  PRIMARY KEY (rec, rank)
);
CREATE INDEX IF NOT EXISTS ministries_by_institution ON ministries (institution_id, role);

CREATE TABLE IF NOT EXISTS diagnostics (
  review_id TEXT NOT NULL REFERENCES reviews (review_id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  severity TEXT,
  code TEXT,
  document TEXT,
  page INTEGER,
  message TEXT,
  PRIMARY KEY (review_id, ord)
);

-- Inputs that produced nothing (one row per file, the latest run's reason).
CREATE TABLE IF NOT EXISTS errors (
  file TEXT,
  code TEXT,
  message TEXT
);

-- Two reviews of one State compared (uprx compare --format sqlite, or uprx run when one batch
-- holds two cycles of a State): the comparison and its matched pairs of recommendations.
CREATE TABLE IF NOT EXISTS comparisons (
  comparison_id INTEGER PRIMARY KEY,
  old_review_id TEXT NOT NULL,
  new_review_id TEXT NOT NULL,
  threshold REAL NOT NULL,
  repeated INTEGER NOT NULL,           -- new recommendations with a match
  new_only INTEGER NOT NULL,
  dropped INTEGER NOT NULL,            -- old recommendations no new one matches
  UNIQUE (old_review_id, new_review_id)
);
CREATE TABLE IF NOT EXISTS matches (
  comparison_id INTEGER NOT NULL REFERENCES comparisons (comparison_id) ON DELETE CASCADE,
  old_id TEXT NOT NULL,                -- recommendations.id
  new_id TEXT NOT NULL,
  score REAL NOT NULL,
  is_primary INTEGER NOT NULL,         -- the new recommendation's best match (one-to-one)
  old_position TEXT,
  new_position TEXT,
  change TEXT                          -- noted_to_supported | supported_to_noted | other | NULL
);
CREATE INDEX IF NOT EXISTS matches_by_new ON matches (new_id);
CREATE INDEX IF NOT EXISTS matches_by_old ON matches (old_id);
