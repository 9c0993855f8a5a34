-- Redstring case file, schema 8: STIX 2.1 (issue 22). Three more entity kinds for what
-- threat intelligence names (an ATT&CK technique, a tool, a campaign); the outside
-- references a record is known by (ATT&CK G0060, S0187, T1566.001, CVE-…, with their
-- URLs); the STIX ids of imported records, so that importing again finds them; the
-- marking definitions (TLP, copyright) that came with them; and the STIX objects
-- Redstring does not map (indicators, observables, courses of action…), kept as they
-- were so that they go back out on export.

-- The kind's CHECK changes: SQLite rebuilds the table (the migration runs with foreign
-- keys off, so no row that refers to an entity is touched). Ids are kept, so the search
-- index, aliases, positions and everything else that points at an entity still does.
CREATE TABLE new_entity (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),
  kind        TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'group', 'unit', 'location',
                                            'infrastructure', 'malware', 'vulnerability',
                                            'event', 'other', 'technique', 'tool', 'campaign')),
  name        TEXT NOT NULL CHECK (length(name) > 0),
  description TEXT NOT NULL DEFAULT ''
);
INSERT INTO new_entity (id, uid, kind, name, description)
  SELECT id, uid, kind, name, description FROM entity;
DROP TABLE entity;
ALTER TABLE new_entity RENAME TO entity;

-- Dropped with the old table: the same as in schema 3.
CREATE TRIGGER search_entity_insert AFTER INSERT ON entity BEGIN
  INSERT OR IGNORE INTO search_queue (kind, id, indexed) VALUES (1, new.id, 0);
END;
CREATE TRIGGER search_entity_update AFTER UPDATE OF id, name, description ON entity BEGIN
  INSERT OR IGNORE INTO search_queue (kind, id, indexed) VALUES (1, old.id, 0);
  INSERT OR IGNORE INTO search_queue (kind, id, indexed) VALUES (1, new.id, 0);
END;
CREATE TRIGGER search_entity_delete AFTER DELETE ON entity BEGIN
  INSERT OR IGNORE INTO search_queue (kind, id, indexed) VALUES (1, old.id, 0);
END;

-- An outside catalogue's name for a record: source_name "mitre-attack" with external_id
-- "T1566.001", "cve" with "CVE-2021-44228", or a cited report (description and url).
-- position keeps the order the source gave them.
CREATE TABLE external_reference (
  id          INTEGER PRIMARY KEY,
  entity_id   INTEGER REFERENCES entity (id) ON DELETE CASCADE,
  relation_id INTEGER REFERENCES relation (id) ON DELETE CASCADE,
  document_id INTEGER REFERENCES document (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
  source_name TEXT NOT NULL CHECK (length(source_name) > 0),
  external_id TEXT,
  url         TEXT,
  description TEXT,
  CHECK ((entity_id IS NOT NULL) + (relation_id IS NOT NULL) + (document_id IS NOT NULL) = 1)
);
CREATE INDEX external_reference_entity ON external_reference (entity_id, position)
  WHERE entity_id IS NOT NULL;
CREATE INDEX external_reference_relation ON external_reference (relation_id, position)
  WHERE relation_id IS NOT NULL;
CREATE INDEX external_reference_document ON external_reference (document_id, position)
  WHERE document_id IS NOT NULL;
CREATE INDEX external_reference_external_id ON external_reference (external_id)
  WHERE external_id IS NOT NULL;

-- The STIX id ("intrusion-set--899ce53f-…") a record was imported from. A record may have
-- several (the same group from two feeds, merged); a STIX id names one record.
CREATE TABLE stix_id (
  id          INTEGER PRIMARY KEY,
  stix_id     TEXT NOT NULL UNIQUE CHECK (length(stix_id) > 0),
  entity_id   INTEGER REFERENCES entity (id) ON DELETE CASCADE,
  relation_id INTEGER REFERENCES relation (id) ON DELETE CASCADE,
  document_id INTEGER REFERENCES document (id) ON DELETE CASCADE,
  event_id    INTEGER REFERENCES event (id) ON DELETE CASCADE,
  CHECK ((entity_id IS NOT NULL) + (relation_id IS NOT NULL) + (document_id IS NOT NULL)
         + (event_id IS NOT NULL) = 1)
);
CREATE INDEX stix_id_entity ON stix_id (entity_id) WHERE entity_id IS NOT NULL;
CREATE INDEX stix_id_relation ON stix_id (relation_id) WHERE relation_id IS NOT NULL;
CREATE INDEX stix_id_document ON stix_id (document_id) WHERE document_id IS NOT NULL;
CREATE INDEX stix_id_event ON stix_id (event_id) WHERE event_id IS NOT NULL;

-- A marking definition kept with the case: name ("TLP:GREEN", or the copyright's
-- statement), definition_type ("tlp", "statement") and definition (its JSON object);
-- object is the whole STIX object as it came.
CREATE TABLE marking (
  id              INTEGER PRIMARY KEY,
  stix_id         TEXT NOT NULL UNIQUE CHECK (length(stix_id) > 0),
  name            TEXT NOT NULL,
  definition_type TEXT NOT NULL DEFAULT '',
  definition      TEXT NOT NULL DEFAULT '{}',
  object          TEXT NOT NULL CHECK (length(object) <= 1048576)
);

-- A STIX object Redstring has no record for (indicator, observed-data, course-of-action,
-- an SCO, a custom x-… type), as it came (object: its JSON), so that it round-trips.
CREATE TABLE stix_object (
  id      INTEGER PRIMARY KEY,
  stix_id TEXT NOT NULL UNIQUE CHECK (length(stix_id) > 0),
  type    TEXT NOT NULL CHECK (length(type) > 0),
  object  TEXT NOT NULL CHECK (length(object) <= 1048576)
);
CREATE INDEX stix_object_type ON stix_object (type);
