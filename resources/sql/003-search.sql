-- Schema 3: Find. Full-text indexes over what an analyst looks for: entity names,
-- aliases and descriptions, quotes, notes, and reports (title and text).
--
-- Two tokenizers. unicode61 (case and diacritics folded) finds words and word
-- prefixes in scripts that separate words with spaces. Japanese and Chinese do not,
-- so unicode61 sees a whole run of kanji and kana as one token; trigram indexes find
-- any substring of three characters or more in quote, note and report text.
--
-- Entities have their own content (a row is name + aliases + description, from two
-- tables: small text). Quotes, notes and reports are external content, so that a
-- report's text is not stored twice.
--
-- The index is not written by the triggers below: SQLite refuses a trigger that
-- writes an FTS5 table while trusted_schema is off (case files are untrusted). The
-- triggers note which records changed in search_queue, and the store brings the
-- index up to date from it before a search (rs-case-store-search.c). The queue keeps
-- the values the index last saw of a changed quote, note or report, which an
-- external-content index needs to delete them. Every table named search_* is
-- derived: a change's undo record leaves them out (rs-case-store-change.c) and the
-- triggers bring them along when the records change back.

CREATE VIRTUAL TABLE search_entity USING fts5 (
  name, aliases, description,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE search_quote USING fts5 (
  text, content = 'quote', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE search_quote_tri USING fts5 (
  text, content = 'quote', content_rowid = 'id', tokenize = 'trigram'
);

CREATE VIRTUAL TABLE search_note USING fts5 (
  body, content = 'note', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE search_note_tri USING fts5 (
  body, content = 'note', content_rowid = 'id', tokenize = 'trigram'
);

CREATE VIRTUAL TABLE search_document USING fts5 (
  title, text, content = 'document', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE search_document_tri USING fts5 (
  title, text, content = 'document', content_rowid = 'id', tokenize = 'trigram'
);

-- kind: 1 entity, 2 quote, 3 note, 4 document. indexed: the record was in the
-- index with old_title / old_body when it first changed since the last update.
CREATE TABLE search_queue (
  kind      INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 4),
  id        INTEGER NOT NULL,
  indexed   INTEGER NOT NULL CHECK (indexed IN (0, 1)),
  old_title TEXT,
  old_body  TEXT,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;

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
CREATE TRIGGER search_alias_insert AFTER INSERT ON entity_alias BEGIN
  INSERT OR IGNORE INTO search_queue (kind, id, indexed) VALUES (1, new.entity_id, 0);
END;
CREATE TRIGGER search_alias_update AFTER UPDATE ON entity_alias BEGIN
  INSERT OR IGNORE INTO search_queue (kind, id, indexed) VALUES (1, old.entity_id, 0);
  INSERT OR IGNORE INTO search_queue (kind, id, indexed) VALUES (1, new.entity_id, 0);
END;
CREATE TRIGGER search_alias_delete AFTER DELETE ON entity_alias BEGIN
  INSERT OR IGNORE INTO search_queue (kind, id, indexed) VALUES (1, old.entity_id, 0);
END;

CREATE TRIGGER search_quote_insert AFTER INSERT ON quote BEGIN
  INSERT OR IGNORE INTO search_queue (kind, id, indexed) VALUES (2, new.id, 0);
END;
CREATE TRIGGER search_quote_update AFTER UPDATE OF id, text ON quote BEGIN
  INSERT OR IGNORE INTO search_queue (kind, id, indexed, old_body) VALUES (2, old.id, 1, old.text);
  INSERT OR IGNORE INTO search_queue (kind, id, indexed) VALUES (2, new.id, 0);
END;
CREATE TRIGGER search_quote_delete AFTER DELETE ON quote BEGIN
  INSERT OR IGNORE INTO search_queue (kind, id, indexed, old_body) VALUES (2, old.id, 1, old.text);
END;

CREATE TRIGGER search_note_insert AFTER INSERT ON note BEGIN
  INSERT OR IGNORE INTO search_queue (kind, id, indexed) VALUES (3, new.id, 0);
END;
CREATE TRIGGER search_note_update AFTER UPDATE OF id, body ON note BEGIN
  INSERT OR IGNORE INTO search_queue (kind, id, indexed, old_body) VALUES (3, old.id, 1, old.body);
  INSERT OR IGNORE INTO search_queue (kind, id, indexed) VALUES (3, new.id, 0);
END;
CREATE TRIGGER search_note_delete AFTER DELETE ON note BEGIN
  INSERT OR IGNORE INTO search_queue (kind, id, indexed, old_body) VALUES (3, old.id, 1, old.body);
END;

CREATE TRIGGER search_document_insert AFTER INSERT ON document BEGIN
  INSERT OR IGNORE INTO search_queue (kind, id, indexed) VALUES (4, new.id, 0);
END;
CREATE TRIGGER search_document_update AFTER UPDATE OF id, title, text ON document BEGIN
  INSERT OR IGNORE INTO search_queue (kind, id, indexed, old_title, old_body)
    VALUES (4, old.id, 1, old.title, old.text);
  INSERT OR IGNORE INTO search_queue (kind, id, indexed) VALUES (4, new.id, 0);
END;
CREATE TRIGGER search_document_delete AFTER DELETE ON document BEGIN
  INSERT OR IGNORE INTO search_queue (kind, id, indexed, old_title, old_body)
    VALUES (4, old.id, 1, old.title, old.text);
END;

-- What the case already holds.
INSERT INTO search_entity (rowid, name, aliases, description)
  SELECT id, name,
         ifnull ((SELECT group_concat (alias, char (10))
                  FROM (SELECT alias FROM entity_alias a WHERE a.entity_id = entity.id
                        ORDER BY position)), ''),
         description
  FROM entity;
INSERT INTO search_quote (search_quote) VALUES ('rebuild');
INSERT INTO search_quote_tri (search_quote_tri) VALUES ('rebuild');
INSERT INTO search_note (search_note) VALUES ('rebuild');
INSERT INTO search_note_tri (search_note_tri) VALUES ('rebuild');
INSERT INTO search_document (search_document) VALUES ('rebuild');
INSERT INTO search_document_tri (search_document_tri) VALUES ('rebuild');
