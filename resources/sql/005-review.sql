-- Redstring case file, schema 5: team review. A claim (entity, relation, event or
-- quote) has at most one review state, set by a reviewer at a time, and a thread of
-- comments; a review mark records that a review took place, so that the next one can
-- look at what changed since.

CREATE TABLE review (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),
  entity_id   INTEGER REFERENCES entity (id) ON DELETE CASCADE,
  relation_id INTEGER REFERENCES relation (id) ON DELETE CASCADE,
  event_id    INTEGER REFERENCES event (id) ON DELETE CASCADE,
  quote_id    INTEGER REFERENCES quote (id) ON DELETE CASCADE,
  state       TEXT NOT NULL CHECK (state IN ('unreviewed', 'accepted', 'challenged')),
  reviewer    TEXT NOT NULL,
  time        TEXT NOT NULL,
  CHECK ((entity_id IS NOT NULL) + (relation_id IS NOT NULL) + (event_id IS NOT NULL)
         + (quote_id IS NOT NULL) = 1)
);
CREATE UNIQUE INDEX review_entity ON review (entity_id) WHERE entity_id IS NOT NULL;
CREATE UNIQUE INDEX review_relation ON review (relation_id) WHERE relation_id IS NOT NULL;
CREATE UNIQUE INDEX review_event ON review (event_id) WHERE event_id IS NOT NULL;
CREATE UNIQUE INDEX review_quote ON review (quote_id) WHERE quote_id IS NOT NULL;

CREATE TABLE comment (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),
  entity_id   INTEGER REFERENCES entity (id) ON DELETE CASCADE,
  relation_id INTEGER REFERENCES relation (id) ON DELETE CASCADE,
  event_id    INTEGER REFERENCES event (id) ON DELETE CASCADE,
  quote_id    INTEGER REFERENCES quote (id) ON DELETE CASCADE,
  author      TEXT NOT NULL,
  time        TEXT NOT NULL,
  body        TEXT NOT NULL CHECK (length(body) > 0),
  resolved    INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
  CHECK ((entity_id IS NOT NULL) + (relation_id IS NOT NULL) + (event_id IS NOT NULL)
         + (quote_id IS NOT NULL) = 1)
);
CREATE INDEX comment_entity ON comment (entity_id) WHERE entity_id IS NOT NULL;
CREATE INDEX comment_relation ON comment (relation_id) WHERE relation_id IS NOT NULL;
CREATE INDEX comment_event ON comment (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX comment_quote ON comment (quote_id) WHERE quote_id IS NOT NULL;

CREATE TABLE review_mark (
  id       INTEGER PRIMARY KEY,
  reviewer TEXT NOT NULL,
  time     TEXT NOT NULL
);
