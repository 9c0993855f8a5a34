/* rs-case-store-edit.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-case-store-edit"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rs-case-store-private.h"
#include "rs-enum-types.h"
#include "rs-error.h"

/* The writes that edit records in place (the commands of rs-case-edit.c are made
 * of them). Like the others: validate first, then one savepoint, prepared
 * statements only; the model follows by reloading the records written, so it
 * holds exactly what the file does. */

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_INPUT, message);
  return FALSE;
}

/* Runs SQL with up to three integer parameters (NULL binds are not needed here). */
static gboolean
run (RsCaseStore  *self,
     const char   *sql,
     gint64        a,
     gint64        b,
     gint64        c,
     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int n;

  if (!(stmt = rs_db_prepare (self->db, sql, error)))
    return FALSE;
  n = sqlite3_bind_parameter_count (stmt);
  if (n >= 1)
    sqlite3_bind_int64 (stmt, 1, a);
  if (n >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  if (n >= 3)
    sqlite3_bind_int64 (stmt, 3, c);
  return rs_db_step_done (self->db, stmt, error);
}

/* Commits the savepoint, then brings the listed records of the model up to date. */
static gboolean
commit_and_refresh (RsCaseStore   *self,
                    RsRecordKind   kind,
                    const gint64  *ids,
                    guint          n_ids,
                    GError       **error)
{
  if (!_rs_case_store_op_commit (self, error))
    return FALSE;
  _rs_case_store_lock (self);
  if (!_rs_case_store_refresh (self, kind, ids, n_ids, error))
    {
      _rs_case_store_unlock (self);
      return FALSE;
    }
  _rs_case_store_unlock (self);
  _rs_case_store_emit_changed (self);
  return TRUE;
}

gboolean
rs_case_store_update_relation (RsCaseStore       *self,
                               gint64             relation_id,
                               gint64             source_id,
                               gint64             target_id,
                               const char        *label,
                               gboolean           directed,
                               RsRelationStatus   status,
                               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rs_case_store_check_writable (self, error))
    return FALSE;
  if (!rs_case_lookup_relation (self->kase, relation_id))
    return invalid (error, _("The relation is not in the case"));
  if (!rs_case_lookup_entity (self->kase, source_id) ||
      !rs_case_lookup_entity (self->kase, target_id))
    return invalid (error, _("A relation must link two entities of the case"));
  if (source_id == target_id)
    return invalid (error, _("A relation must link two different entities"));
  if (!_rs_case_store_check_text (label, FALSE, _("relation label"), error))
    return FALSE;
  if ((guint)status > RS_RELATION_STATUS_REFUTED)
    return invalid (error, _("Unknown relation status"));

  if (!_rs_case_store_op_begin (self, error))
    return FALSE;
  if (!(stmt = rs_db_prepare (self->db,
                              "UPDATE relation SET source_id = ?1, target_id = ?2, label = ?3, "
                              "directed = ?4, status = ?5 WHERE id = ?6", error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_int64 (stmt, 2, target_id);
  rs_db_bind_text (stmt, 3, label ? label : "");
  sqlite3_bind_int (stmt, 4, !!directed);
  rs_db_bind_text (stmt, 5, rs_enum_to_nick (RS_TYPE_RELATION_STATUS, status));
  sqlite3_bind_int64 (stmt, 6, relation_id);
  if (!rs_db_step_done (self->db, stmt, error))
    goto fail;

  return commit_and_refresh (self, RS_RECORD_RELATION, &relation_id, 1, error);

fail:
  _rs_case_store_op_rollback (self);
  return FALSE;
}

gboolean
rs_case_store_update_event (RsCaseStore   *self,
                            gint64         event_id,
                            const char    *title,
                            const char    *description,
                            RsFuzzyDate   *date,
                            const gint64  *entity_ids,
                            guint          n_entities,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) link = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (entity_ids != NULL || n_entities == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rs_case_store_check_writable (self, error))
    return FALSE;
  if (!rs_case_lookup_event (self->kase, event_id))
    return invalid (error, _("The event is not in the case"));
  if (!_rs_case_store_check_text (title, TRUE, _("event title"), error) ||
      !_rs_case_store_check_text (description, FALSE, _("event description"), error))
    return FALSE;
  if (date == NULL)
    return invalid (error, _("An event needs a date"));
  for (guint i = 0; i < n_entities; i++)
    if (!rs_case_lookup_entity (self->kase, entity_ids[i]))
      return invalid (error, _("An event can only involve entities of the case"));

  start = rs_fuzzy_date_dup_start (date);
  end = rs_fuzzy_date_dup_end (date);

  if (!_rs_case_store_op_begin (self, error))
    return FALSE;
  if (!(stmt = rs_db_prepare (self->db,
                              "UPDATE event SET title = ?1, description = ?2, date_start = ?3, "
                              "date_end = ?4, precision = ?5, qualifier = ?6, sort_key = ?7 "
                              "WHERE id = ?8", error)))
    goto fail;
  rs_db_bind_text (stmt, 1, title);
  rs_db_bind_text (stmt, 2, description ? description : "");
  rs_db_bind_text (stmt, 3, start);
  rs_db_bind_text (stmt, 4, end);
  rs_db_bind_text (stmt, 5, rs_enum_to_nick (RS_TYPE_DATE_PRECISION, rs_fuzzy_date_get_precision (date)));
  rs_db_bind_text (stmt, 6, rs_enum_to_nick (RS_TYPE_DATE_QUALIFIER, rs_fuzzy_date_get_qualifier (date)));
  sqlite3_bind_int64 (stmt, 7, rs_fuzzy_date_get_sort_key (date));
  sqlite3_bind_int64 (stmt, 8, event_id);
  if (!rs_db_step_done (self->db, stmt, error))
    goto fail;

  /* Only the links that change are written: the change records no more than that. */
  if (!run (self, "CREATE TEMP TABLE IF NOT EXISTS rs_ids (id INTEGER PRIMARY KEY)", 0, 0, 0, error) ||
      !run (self, "DELETE FROM temp.rs_ids", 0, 0, 0, error))
    goto fail;
  for (guint i = 0; i < n_entities; i++)
    if (!run (self, "INSERT OR IGNORE INTO temp.rs_ids (id) VALUES (?1)", entity_ids[i], 0, 0, error))
      goto fail;
  if (!run (self, "DELETE FROM event_entity WHERE event_id = ?1 "
                  "AND entity_id NOT IN (SELECT id FROM temp.rs_ids)", event_id, 0, 0, error) ||
      !run (self, "INSERT OR IGNORE INTO event_entity (event_id, entity_id) "
                  "SELECT ?1, id FROM temp.rs_ids", event_id, 0, 0, error) ||
      !run (self, "DELETE FROM temp.rs_ids", 0, 0, 0, error))
    goto fail;

  return commit_and_refresh (self, RS_RECORD_EVENT, &event_id, 1, error);

fail:
  _rs_case_store_op_rollback (self);
  return FALSE;
}

/* The quote's text is cut again from its document at the new span. */
gboolean
rs_case_store_update_quote (RsCaseStore  *self,
                            gint64        quote_id,
                            gint64        start,
                            gint64        end,
                            int           credibility,
                            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *text = NULL;
  RsQuote *quote;
  RsDocument *document;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rs_case_store_check_writable (self, error))
    return FALSE;
  if (!(quote = rs_case_lookup_quote (self->kase, quote_id)) ||
      !(document = rs_case_lookup_document (self->kase, rs_quote_get_document_id (quote))))
    return invalid (error, _("The quote is not in the case"));
  if (start < 0 || end <= start)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("The quote’s span %" PRId64 "–%" PRId64
                     " is empty or reversed"), start, end);
      return FALSE;
    }
  if (end > rs_document_get_length (document))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("The quote ends at %" PRId64 ", past the end of “%s” (%"
                     PRId64 " characters)"), end, rs_document_get_title (document),
                   rs_document_get_length (document));
      return FALSE;
    }
  if (credibility < 0 || credibility > 6)
    return invalid (error, _("Unknown credibility grade"));

  text = g_utf8_substring (rs_document_get_text (document), start, end);

  if (!_rs_case_store_op_begin (self, error))
    return FALSE;
  if (!(stmt = rs_db_prepare (self->db,
                              "UPDATE quote SET start_offset = ?1, end_offset = ?2, text = ?3, "
                              "credibility = ?4 WHERE id = ?5", error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, end);
  rs_db_bind_text (stmt, 3, text);
  if (credibility > 0)
    sqlite3_bind_int (stmt, 4, credibility);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_int64 (stmt, 5, quote_id);
  if (!rs_db_step_done (self->db, stmt, error))
    goto fail;

  return commit_and_refresh (self, RS_RECORD_QUOTE, &quote_id, 1, error);

fail:
  _rs_case_store_op_rollback (self);
  return FALSE;
}

/* What a quote is evidence for, and how. */
gboolean
rs_case_store_update_evidence (RsCaseStore  *self,
                               gint64        evidence_id,
                               RsTarget      target,
                               gint64        target_id,
                               RsStance      stance,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rs_case_store_check_writable (self, error))
    return FALSE;
  switch (target)
    {
    case RS_TARGET_ENTITY:
      found = rs_case_lookup_entity (self->kase, target_id) != NULL;
      break;
    case RS_TARGET_RELATION:
      found = rs_case_lookup_relation (self->kase, target_id) != NULL;
      break;
    case RS_TARGET_EVENT:
      found = rs_case_lookup_event (self->kase, target_id) != NULL;
      break;
    case RS_TARGET_CASE:
    case RS_TARGET_DOCUMENT:
    case RS_TARGET_QUOTE:
    default:
      return invalid (error, _("A quote is evidence for an entity, a relation or an event"));
    }
  if (!found)
    return invalid (error, _("The evidence’s entity, relation or event is not in the case"));
  if ((guint)stance > RS_STANCE_MENTIONS)
    return invalid (error, _("Unknown stance"));

  if (!_rs_case_store_op_begin (self, error))
    return FALSE;
  if (!(stmt = rs_db_prepare (self->db,
                              "UPDATE evidence SET entity_id = ?1, relation_id = ?2, event_id = ?3, "
                              "stance = ?4 WHERE id = ?5", error)))
    goto fail;
  for (int i = 0; i < 3; i++)
    sqlite3_bind_null (stmt, i + 1);
  sqlite3_bind_int64 (stmt, target == RS_TARGET_ENTITY ? 1 : target == RS_TARGET_RELATION ? 2 : 3,
                      target_id);
  rs_db_bind_text (stmt, 4, rs_enum_to_nick (RS_TYPE_STANCE, stance));
  sqlite3_bind_int64 (stmt, 5, evidence_id);
  if (!rs_db_step_done (self->db, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      invalid (error, _("The evidence is not in the case"));
      goto fail;
    }

  return commit_and_refresh (self, RS_RECORD_EVIDENCE, &evidence_id, 1, error);

fail:
  _rs_case_store_op_rollback (self);
  return FALSE;
}

gboolean
rs_case_store_update_document (RsCaseStore    *self,
                               gint64          document_id,
                               const char     *title,
                               const char     *publisher,
                               const char     *author,
                               const char     *published,
                               const char     *url,
                               RsReliability   reliability,
                               GError        **error)
{
  static const char *grades[] = { "unknown", "A", "B", "C", "D", "E", "F" };
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rs_case_store_check_writable (self, error))
    return FALSE;
  if (!rs_case_lookup_document (self->kase, document_id))
    return invalid (error, _("The document is not in the case"));
  if (!_rs_case_store_check_text (title, TRUE, _("document title"), error) ||
      !_rs_case_store_check_text (publisher, FALSE, _("publisher"), error) ||
      !_rs_case_store_check_text (author, FALSE, _("author"), error) ||
      !_rs_case_store_check_text (url, FALSE, _("URL"), error) ||
      !_rs_case_store_check_text (published, FALSE, _("publication date"), error))
    return FALSE;
  /* One-line fields, and a title that says something. */
  for (guint i = 0; i < 5; i++)
    {
      const char *field = (const char *[]) { title, publisher, author, published, url }[i];

      if (field != NULL && strpbrk (field, "\n\r") != NULL)
        return invalid (error, _("A document’s title, publisher, author, date and URL are one "
                                 "line each"));
    }
  {
    g_autofree char *stripped = g_strstrip (g_strdup (title));

    if (*stripped == '\0')
      return invalid (error, _("A document needs a title"));
  }
  if ((guint)reliability >= G_N_ELEMENTS (grades))
    return invalid (error, _("Unknown reliability grade"));
  if (published != NULL && *published != '\0' && !rs_case_store_check_published (published, error))
    return FALSE;

  if (!_rs_case_store_op_begin (self, error))
    return FALSE;
  if (!(stmt = rs_db_prepare (self->db,
                              "UPDATE document SET title = ?1, publisher = ?2, author = ?3, "
                              "published = ?4, url = ?5, reliability = ?6 WHERE id = ?7", error)))
    goto fail;
  rs_db_bind_text (stmt, 1, title);
  rs_db_bind_text (stmt, 2, publisher);
  rs_db_bind_text (stmt, 3, author);
  rs_db_bind_text (stmt, 4, published);
  rs_db_bind_text (stmt, 5, url);
  rs_db_bind_text (stmt, 6, grades[reliability]);
  sqlite3_bind_int64 (stmt, 7, document_id);
  if (!rs_db_step_done (self->db, stmt, error))
    goto fail;

  return commit_and_refresh (self, RS_RECORD_DOCUMENT, &document_id, 1, error);

fail:
  _rs_case_store_op_rollback (self);
  return FALSE;
}

/* Pins or unpins a node where it is; a node without a position has nothing to pin. */
gboolean
rs_case_store_set_pinned (RsCaseStore  *self,
                          gint64        entity_id,
                          gboolean      pinned,
                          GError      **error)
{
  RsEntity *entity;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rs_case_store_check_writable (self, error))
    return FALSE;
  if (!(entity = rs_case_lookup_entity (self->kase, entity_id)))
    return invalid (error, _("The entity is not in the case"));
  if (!rs_entity_get_has_position (entity))
    return invalid (error, _("The entity has no place on the board to pin it to"));

  if (!_rs_case_store_op_begin (self, error))
    return FALSE;
  if (!run (self, "UPDATE position SET pinned = ?1 WHERE entity_id = ?2", !!pinned, entity_id, 0,
            error))
    {
      _rs_case_store_op_rollback (self);
      return FALSE;
    }
  return commit_and_refresh (self, RS_RECORD_ENTITY, &entity_id, 1, error);
}

static void
append_ids (GArray    *ids,
            GPtrArray *records,
            gint64   (*get_id) (gpointer))
{
  for (guint i = 0; i < records->len; i++)
    {
      gint64 id = get_id (g_ptr_array_index (records, i));

      g_array_append_val (ids, id);
    }
}

/* Moves everything that refers to entity FROM onto entity TO, for a merge:
 * relations, evidence, event links and notes. A relation between the two would
 * link TO to itself: it is deleted, and its evidence and notes move onto TO, so
 * that no quote and no note is lost. Where TO already has the same link (evidence
 * from the same quote, the same event), TO's is kept and FROM's dropped. FROM is
 * left with nothing but its own row, aliases and position. */
gboolean
rs_case_store_repoint_entity (RsCaseStore  *self,
                              gint64        from_id,
                              gint64        to_id,
                              GError      **error)
{
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GArray) relation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) evidence_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) event_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) note_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rs_case_store_check_writable (self, error))
    return FALSE;
  if (!rs_case_lookup_entity (self->kase, from_id) || !rs_case_lookup_entity (self->kase, to_id))
    return invalid (error, _("Both entities must be in the case"));
  if (from_id == to_id)
    return invalid (error, _("An entity cannot be merged into itself"));

  /* What the model must reload afterwards. */
  relations = rs_case_dup_relations_of (self->kase, from_id);
  append_ids (relation_ids, relations, (gint64 (*) (gpointer))rs_relation_get_id);
  evidence = rs_case_dup_evidence_for (self->kase, RS_TARGET_ENTITY, from_id);
  append_ids (evidence_ids, evidence, (gint64 (*) (gpointer))rs_evidence_get_id);
  events = rs_case_dup_events_of (self->kase, from_id);
  append_ids (event_ids, events, (gint64 (*) (gpointer))rs_event_get_id);
  notes = rs_case_dup_notes_for (self->kase, RS_TARGET_ENTITY, from_id);
  append_ids (note_ids, notes, (gint64 (*) (gpointer))rs_note_get_id);
  for (guint i = 0; i < relations->len; i++)
    {
      RsRelation *relation = g_ptr_array_index (relations, i);
      gint64 rid = rs_relation_get_id (relation);
      g_autoptr(GPtrArray) on_relation = rs_case_dup_evidence_for (self->kase, RS_TARGET_RELATION, rid);
      g_autoptr(GPtrArray) notes_on = rs_case_dup_notes_for (self->kase, RS_TARGET_RELATION, rid);

      append_ids (evidence_ids, on_relation, (gint64 (*) (gpointer))rs_evidence_get_id);
      append_ids (note_ids, notes_on, (gint64 (*) (gpointer))rs_note_get_id);
    }

  if (!_rs_case_store_op_begin (self, error))
    return FALSE;

  ok =
    /* Relations that the merge would turn into TO -> TO. */
    run (self, "CREATE TEMP TABLE IF NOT EXISTS rs_ids (id INTEGER PRIMARY KEY)", 0, 0, 0, error) &&
    run (self, "DELETE FROM temp.rs_ids", 0, 0, 0, error) &&
    run (self, "INSERT INTO temp.rs_ids (id) SELECT id FROM relation "
               "WHERE (source_id = ?1 AND target_id IN (?1, ?2)) "
               "OR (target_id = ?1 AND source_id IN (?1, ?2))", from_id, to_id, 0, error) &&
    /* Their evidence backs TO now, unless TO has that quote already. */
    run (self, "DELETE FROM evidence WHERE relation_id IN (SELECT id FROM temp.rs_ids) "
               "AND quote_id IN (SELECT quote_id FROM evidence WHERE entity_id IN (?1, ?2))",
         from_id, to_id, 0, error) &&
    run (self, "DELETE FROM evidence WHERE relation_id IN (SELECT id FROM temp.rs_ids) "
               "AND id NOT IN (SELECT min(id) FROM evidence "
               "WHERE relation_id IN (SELECT id FROM temp.rs_ids) GROUP BY quote_id)",
         0, 0, 0, error) &&
    run (self, "UPDATE evidence SET entity_id = ?1, relation_id = NULL "
               "WHERE relation_id IN (SELECT id FROM temp.rs_ids)", from_id, 0, 0, error) &&
    run (self, "UPDATE note SET entity_id = ?1, relation_id = NULL "
               "WHERE relation_id IN (SELECT id FROM temp.rs_ids)", from_id, 0, 0, error) &&
    run (self, "DELETE FROM relation WHERE id IN (SELECT id FROM temp.rs_ids)", 0, 0, 0, error) &&
    run (self, "DELETE FROM temp.rs_ids", 0, 0, 0, error) &&
    /* The other relations change ends; the routes drawn to FROM's node no longer
     * lead anywhere (the board routes them again). */
    run (self, "DELETE FROM edge_route WHERE relation_id IN "
               "(SELECT id FROM relation WHERE source_id = ?1 OR target_id = ?1)",
         from_id, 0, 0, error) &&
    run (self, "UPDATE relation SET source_id = ?2 WHERE source_id = ?1", from_id, to_id, 0, error) &&
    run (self, "UPDATE relation SET target_id = ?2 WHERE target_id = ?1", from_id, to_id, 0, error) &&
    /* Evidence: TO's own link from a quote wins over FROM's. */
    run (self, "DELETE FROM evidence WHERE entity_id = ?1 "
               "AND quote_id IN (SELECT quote_id FROM evidence WHERE entity_id = ?2)",
         from_id, to_id, 0, error) &&
    run (self, "UPDATE evidence SET entity_id = ?2 WHERE entity_id = ?1", from_id, to_id, 0, error) &&
    /* Events: one link per event. */
    run (self, "DELETE FROM event_entity WHERE entity_id = ?1 "
               "AND event_id IN (SELECT event_id FROM event_entity WHERE entity_id = ?2)",
         from_id, to_id, 0, error) &&
    run (self, "UPDATE event_entity SET entity_id = ?2 WHERE entity_id = ?1", from_id, to_id, 0,
         error) &&
    run (self, "UPDATE note SET entity_id = ?2 WHERE entity_id = ?1", from_id, to_id, 0, error);

  if (!ok)
    {
      _rs_case_store_op_rollback (self);
      return FALSE;
    }
  if (!_rs_case_store_op_commit (self, error))
    return FALSE;

  _rs_case_store_lock (self);
  ok = _rs_case_store_refresh (self, RS_RECORD_RELATION, (gint64 *)(gpointer)relation_ids->data,
                               relation_ids->len, error) &&
       _rs_case_store_refresh (self, RS_RECORD_EVENT, (gint64 *)(gpointer)event_ids->data,
                               event_ids->len, error) &&
       _rs_case_store_refresh (self, RS_RECORD_EVIDENCE, (gint64 *)(gpointer)evidence_ids->data,
                               evidence_ids->len, error) &&
       _rs_case_store_refresh (self, RS_RECORD_NOTE, (gint64 *)(gpointer)note_ids->data,
                               note_ids->len, error);
  _rs_case_store_unlock (self);
  _rs_case_store_emit_changed (self);
  return ok;
}
