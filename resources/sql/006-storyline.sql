-- Redstring case file, schema 6: the storyline a presenter steps through. Each view
-- frames a board area (camera_*, board units), shows some entities and relations
-- (their uids, one per line; NULL shows everything), highlights some (the same), and
-- has a caption. position orders the storyline.

CREATE TABLE story_view (
  id            INTEGER PRIMARY KEY,
  uid           TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),
  position      INTEGER NOT NULL CHECK (position >= 0),
  caption       TEXT NOT NULL DEFAULT '',
  camera_x      REAL NOT NULL,
  camera_y      REAL NOT NULL,
  camera_width  REAL NOT NULL CHECK (camera_width > 0),
  camera_height REAL NOT NULL CHECK (camera_height > 0),
  shown         TEXT,
  highlighted   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX story_view_position ON story_view (position);
