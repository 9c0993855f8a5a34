-- Redstring case file, schema 1: the case, its reports, what they say and about whom.
-- Offsets are in Unicode characters; dates are ISO 8601 text (partial for fuzzy dates).

CREATE TABLE case_info (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  uid         TEXT NOT NULL,
  title       TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  created     TEXT NOT NULL
);

CREATE TABLE document (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),
  title       TEXT NOT NULL CHECK (length(title) > 0),
  publisher   TEXT,
  author      TEXT,
  url         TEXT,
  published   TEXT,
  imported_at TEXT NOT NULL,
  text        TEXT NOT NULL,
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  length      INTEGER NOT NULL CHECK (length >= 0),
  reliability TEXT NOT NULL DEFAULT 'unknown'
              CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F', 'unknown'))
);

CREATE TABLE entity (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),
  kind        TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'group', 'unit', 'location',
                                            'infrastructure', 'malware', 'vulnerability',
                                            'event', 'other')),
  name        TEXT NOT NULL CHECK (length(name) > 0),
  description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE entity_alias (
  entity_id INTEGER NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL CHECK (position >= 0),
  alias     TEXT NOT NULL CHECK (length(alias) > 0),
  PRIMARY KEY (entity_id, position)
) WITHOUT ROWID;

CREATE TABLE relation (
  id        INTEGER PRIMARY KEY,
  uid       TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),
  source_id INTEGER NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  target_id INTEGER NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  label     TEXT NOT NULL DEFAULT '',
  directed  INTEGER NOT NULL DEFAULT 1 CHECK (directed IN (0, 1)),
  status    TEXT NOT NULL DEFAULT 'alleged'
            CHECK (status IN ('alleged', 'reported', 'confirmed', 'disputed', 'refuted'))
);
CREATE INDEX relation_source ON relation (source_id);
CREATE INDEX relation_target ON relation (target_id);

CREATE TABLE quote (
  id           INTEGER PRIMARY KEY,
  uid          TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),
  document_id  INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset   INTEGER NOT NULL,
  text         TEXT NOT NULL,
  credibility  INTEGER CHECK (credibility BETWEEN 1 AND 6),
  CHECK (end_offset > start_offset)
);
CREATE INDEX quote_document ON quote (document_id, start_offset);

CREATE TABLE event (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),
  title       TEXT NOT NULL CHECK (length(title) > 0),
  description TEXT NOT NULL DEFAULT '',
  date_start  TEXT NOT NULL,
  date_end    TEXT,
  precision   TEXT NOT NULL CHECK (precision IN ('year', 'month', 'day', 'range')),
  qualifier   TEXT NOT NULL DEFAULT 'none'
              CHECK (qualifier IN ('none', 'at-least', 'about', 'early', 'mid', 'late',
                                   'before', 'after')),
  sort_key    INTEGER NOT NULL,
  CHECK ((precision = 'range') = (date_end IS NOT NULL))
);
CREATE INDEX event_sort ON event (sort_key);

CREATE TABLE event_entity (
  event_id  INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX event_entity_entity ON event_entity (entity_id);

-- One quote backs exactly one entity, relation or event per row.
CREATE TABLE evidence (
  id          INTEGER PRIMARY KEY,
  quote_id    INTEGER NOT NULL REFERENCES quote (id) ON DELETE CASCADE,
  entity_id   INTEGER REFERENCES entity (id) ON DELETE CASCADE,
  relation_id INTEGER REFERENCES relation (id) ON DELETE CASCADE,
  event_id    INTEGER REFERENCES event (id) ON DELETE CASCADE,
  stance      TEXT NOT NULL CHECK (stance IN ('supports', 'contradicts', 'mentions')),
  CHECK ((entity_id IS NOT NULL) + (relation_id IS NOT NULL) + (event_id IS NOT NULL) = 1)
);
CREATE UNIQUE INDEX evidence_unique ON evidence (quote_id, ifnull (entity_id, 0),
                                                 ifnull (relation_id, 0), ifnull (event_id, 0));
CREATE INDEX evidence_entity ON evidence (entity_id) WHERE entity_id IS NOT NULL;
CREATE INDEX evidence_relation ON evidence (relation_id) WHERE relation_id IS NOT NULL;
CREATE INDEX evidence_event ON evidence (event_id) WHERE event_id IS NOT NULL;

-- A note is on the case (no target) or on one record.
CREATE TABLE note (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),
  document_id INTEGER REFERENCES document (id) ON DELETE CASCADE,
  entity_id   INTEGER REFERENCES entity (id) ON DELETE CASCADE,
  relation_id INTEGER REFERENCES relation (id) ON DELETE CASCADE,
  event_id    INTEGER REFERENCES event (id) ON DELETE CASCADE,
  body        TEXT NOT NULL,
  author      TEXT NOT NULL DEFAULT '',
  created     TEXT NOT NULL,
  updated     TEXT NOT NULL,
  CHECK ((document_id IS NOT NULL) + (entity_id IS NOT NULL) + (relation_id IS NOT NULL)
         + (event_id IS NOT NULL) <= 1)
);
CREATE INDEX note_entity ON note (entity_id) WHERE entity_id IS NOT NULL;
CREATE INDEX note_relation ON note (relation_id) WHERE relation_id IS NOT NULL;
CREATE INDEX note_event ON note (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX note_document ON note (document_id) WHERE document_id IS NOT NULL;
