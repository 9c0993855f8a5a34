-- Redstring case file, schema 7: what a change did to a record, before and after, in a
-- line a reviewer can read ("name “Tick” → “Tick (APT)”; status alleged → confirmed").
-- The changeset of the history line holds it exactly; this is its summary.

ALTER TABLE history_item ADD COLUMN detail TEXT NOT NULL DEFAULT '';
