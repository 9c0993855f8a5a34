-- Redstring case file, schema 4: who changed what. Every command (and every undo and
-- redo of one) is written here in the transaction that makes it, with the SQLite
-- changeset that is the change exactly, so the history can show it, "changes since"
-- can be assembled from it, and colleagues' changes can be exchanged later.
-- Nothing here is recorded by the change sessions themselves (undo leaves it alone).

CREATE TABLE history (
  id        INTEGER PRIMARY KEY,
  time      TEXT NOT NULL,            -- UTC, ISO 8601 with milliseconds
  author    TEXT NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('do', 'undo', 'redo')),
  label     TEXT NOT NULL,
  changeset BLOB NOT NULL
);
CREATE INDEX history_time ON history (time);

-- The records one history entry touched: what happened to each, and what it was
-- called then (so a removed record can still be named).
CREATE TABLE history_item (
  history_id INTEGER NOT NULL REFERENCES history (id) ON DELETE CASCADE,
  target     TEXT NOT NULL CHECK (target IN ('document', 'entity', 'relation', 'event',
                                             'quote', 'note', 'case')),
  record_id  INTEGER NOT NULL,
  op         TEXT NOT NULL CHECK (op IN ('added', 'changed', 'removed')),
  title      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (history_id, target, record_id)
) WITHOUT ROWID;
CREATE INDEX history_item_record ON history_item (target, record_id);
