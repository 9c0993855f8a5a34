-- Schema 2: the board. Where each entity sits, and whether the analyst pinned it there
-- (a pinned node keeps its place when the board is laid out again).

CREATE TABLE position (
  entity_id INTEGER PRIMARY KEY REFERENCES entity (id) ON DELETE CASCADE,
  x         REAL NOT NULL,
  y         REAL NOT NULL,
  pinned    INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1))
);

-- The path Graphviz drew for a relation ("x,y x,y ...", cubic Bezier, y-down board
-- units) and where its label sits. No row: the edge is drawn straight.
CREATE TABLE edge_route (
  relation_id INTEGER PRIMARY KEY REFERENCES relation (id) ON DELETE CASCADE,
  points      TEXT NOT NULL CHECK (length(points) <= 65536),
  label_x     REAL,
  label_y     REAL
);
