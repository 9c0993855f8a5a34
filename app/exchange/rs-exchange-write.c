/* rs-exchange-write.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-exchange-write"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-case-store-stix.h"
#include "rs-enum-types.h"
#include "rs-error.h"
#include "rs-exchange-private.h"

/* A reviewed plan written into my case: one change (one transaction, one line of
 * the history, one undo) made of the store's own operations, so every value is
 * checked as if the analyst had typed it, and any refusal rolls the whole merge
 * back. Parents are written before children; new records keep their uid, so
 * later changesets from the same colleague find them. */

static const XTableId write_order[] = {
  X_DOCUMENT, X_ENTITY, X_RELATION, X_QUOTE, X_EVENT, X_EVIDENCE, X_NOTE, X_REVIEW, X_COMMENT,
};

typedef struct
{
  RsCaseStore  *store;
  RsCase       *kase;
  /* "SELECT id FROM <table> WHERE uid = ?1", kept for the whole write: a merge
   * looks up tens of thousands of references. */
  sqlite3_stmt *by_uid[X_N_TABLES];
  /* New entities' places on my board: uid -> XPlace (rs-exchange-place.c). */
  GHashTable   *places;
} Writer;

static void
writer_clear (Writer *w)
{
  for (guint i = 0; i < X_N_TABLES; i++)
    g_clear_pointer (&w->by_uid[i], sqlite3_finalize);
}

static void
writer_free_places (Writer *w)
{
  g_clear_pointer (&w->places, g_hash_table_unref);
}

static gboolean
bad_value (const char  *what,
           const char  *value,
           GError     **error)
{
  g_autofree char *shown = g_utf8_make_valid (value ? value : "", -1);

  g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT, _("Cannot merge: %s “%s” is not valid"),
               what, shown);
  return FALSE;
}

static gboolean
enum_value (GType        type,
            const char  *nick,
            int         *value,
            GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (nick ? nick : "", -1);

  if (!rs_enum_from_nick (type, lower, value))
    return bad_value (g_type_name (type), nick, error);
  return TRUE;
}

static gboolean
int_value (const char  *text,
           gint64      *value,
           GError     **error)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return bad_value (_("number"), text, error);
  *value = g_ascii_strtoll (text, &end, 10);
  if (*end != '\0')
    return bad_value (_("number"), text, error);
  return TRUE;
}

/* My id of the record of TABLE with UID (0 when not found). */
static gint64
local_id (Writer     *w,
          XTableId    table,
          const char *uid)
{
  gboolean has_row = FALSE;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (uid == NULL || table >= X_N_TABLES || table == X_EVIDENCE || table == X_POSITION)
    return 0;
  _rs_case_store_lock (w->store);
  if (w->by_uid[table] == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uid = ?1",
                                              _rs_exchange_table (table)->name);

      w->by_uid[table] = rs_db_prepare (w->store->db, sql, NULL);
    }
  if ((stmt = w->by_uid[table]) != NULL)
    {
      rs_db_bind_text (stmt, 1, uid);
      if (rs_db_step_row (w->store->db, stmt, &has_row, NULL) && has_row)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  _rs_case_store_unlock (w->store);
  return id;
}

static XTableId
table_of (const char *target,
          RsTarget   *as_target)
{
  static const struct { const char *name; XTableId table; RsTarget target; } map[] = {
    { "document", X_DOCUMENT, RS_TARGET_DOCUMENT },
    { "entity", X_ENTITY, RS_TARGET_ENTITY },
    { "relation", X_RELATION, RS_TARGET_RELATION },
    { "event", X_EVENT, RS_TARGET_EVENT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (target, map[i].name) == 0)
      {
        *as_target = map[i].target;
        return map[i].table;
      }
  *as_target = RS_TARGET_CASE;
  return X_N_TABLES;
}

/* What a review or a comment is on: an entity, relation, event or quote. */
static XTableId
claim_of (const char *target,
          RsTarget   *as_target)
{
  XTableId table = table_of (target, as_target);

  if (table == X_DOCUMENT)
    table = X_N_TABLES;
  else if (g_strcmp0 (target, "quote") == 0)
    {
      *as_target = RS_TARGET_QUOTE;
      table = X_QUOTE;
    }
  if (table == X_N_TABLES)
    *as_target = RS_TARGET_CASE;
  return table;
}

static gboolean
check_time (const char  *time,
            GError     **error)
{
  g_autoptr(GDateTime) parsed = time ? g_date_time_new_from_iso8601 (time, NULL) : NULL;

  return parsed != NULL || bad_value (_("time"), time, error);
}

/* Reviews and comments have no store operation that updates or deletes them inside
 * a change (the review panel's are changes of their own): written here, checked
 * as those are, then the model's record follows the file. */
static gboolean
write_review_row (Writer       *w,
                  RsRecordKind  kind,
                  gint64        id,
                  const char   *sql,
                  const char   *a,
                  const char   *b,
                  const char   *c,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  _rs_case_store_lock (w->store);
  ok = (stmt = rs_db_prepare (w->store->db, sql, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      rs_db_bind_text (stmt, 2, a);
      rs_db_bind_text (stmt, 3, b);
      rs_db_bind_text (stmt, 4, c);
      ok = rs_db_step_done (w->store->db, stmt, error) &&
           _rs_case_store_refresh (w->store, kind, &id, 1, error);
    }
  _rs_case_store_unlock (w->store);
  return ok;
}

static gboolean
reference (Writer      *w,
           XTableId     table,
           const char  *uid,
           gint64      *id,
           GError     **error)
{
  if ((*id = local_id (w, table, uid)) == 0)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_CONFLICT,
                   _("Cannot merge: a record it refers to is no longer in the case"));
      return FALSE;
    }
  return TRUE;
}

static GArray *
entity_ids (Writer      *w,
            const char  *uids,
            GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) list = g_strsplit (uids ? uids : "", "\n", -1);

  for (guint i = 0; list[i] != NULL; i++)
    {
      gint64 id;

      if (*list[i] == '\0')
        continue;
      if (!reference (w, X_ENTITY, list[i], &id, error))
        return NULL;
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

static RsFuzzyDate *
date_value (char * const  *v,
            GError       **error)
{
  int precision, qualifier;

  if (!enum_value (RS_TYPE_DATE_PRECISION, v[5], &precision, error) ||
      !enum_value (RS_TYPE_DATE_QUALIFIER, v[6], &qualifier, error))
    return NULL;
  return rs_fuzzy_date_parse (v[3], v[4], precision, qualifier, error);
}

static gboolean
insert_row (Writer          *w,
            RsExchangeItem  *item,
            GError         **error)
{
  XTableId table = _rs_exchange_item_get_table (item);
  char **v = _rs_exchange_item_get_values (item);
  gint64 a = 0, b = 0, c = 0;
  int e1 = 0, e2 = 0;
  RsTarget target;

  switch (table)
    {
    case X_DOCUMENT:
      {
        g_autoptr(RsDocument) d = rs_document_new (0);

        if (!enum_value (RS_TYPE_RELIABILITY, v[6], &e1, error))
          return FALSE;
        rs_document_set_uid (d, v[0]);
        rs_document_set_title (d, v[1]);
        rs_document_set_publisher (d, v[2]);
        rs_document_set_author (d, v[3]);
        rs_document_set_url (d, v[4]);
        rs_document_set_published (d, v[5]);
        rs_document_set_reliability (d, e1);
        rs_document_set_imported_at (d, v[8]);
        rs_document_set_text (d, v[9] ? v[9] : "");
        return rs_case_store_add_document (w->store, d, error) != NULL;
      }
    case X_ENTITY:
      {
        g_autoptr(RsEntity) en = rs_entity_new (0);
        g_auto(GStrv) aliases = v[4] ? g_strsplit (v[4], "\n", -1) : NULL;
        XPlace *place = w->places ? g_hash_table_lookup (w->places, v[0]) : NULL;

        if (!enum_value (RS_TYPE_ENTITY_KIND, v[1], &e1, error))
          return FALSE;
        rs_entity_set_uid (en, v[0]);
        rs_entity_set_kind (en, e1);
        rs_entity_set_name (en, v[2]);
        rs_entity_set_description (en, v[3] ? v[3] : "");
        rs_entity_set_aliases (en, (const char * const *)aliases);
        if (place != NULL)
          {
            rs_entity_set_has_position (en, TRUE);
            rs_entity_set_x (en, place->x);
            rs_entity_set_y (en, place->y);
            rs_entity_set_pinned (en, place->pinned);
          }
        return rs_case_store_add_entity (w->store, en, error) != NULL;
      }
    case X_RELATION:
      {
        g_autoptr(RsRelation) r = rs_relation_new (0);

        if (!reference (w, X_ENTITY, v[1], &a, error) ||
            !reference (w, X_ENTITY, v[2], &b, error) ||
            !enum_value (RS_TYPE_RELATION_STATUS, v[5], &e1, error))
          return FALSE;
        rs_relation_set_uid (r, v[0]);
        rs_relation_set_source_id (r, a);
        rs_relation_set_target_id (r, b);
        rs_relation_set_label (r, v[3] ? v[3] : "");
        rs_relation_set_directed (r, g_strcmp0 (v[4], "0") != 0);
        rs_relation_set_status (r, e1);
        return rs_case_store_add_relation (w->store, r, error) != NULL;
      }
    case X_QUOTE:
      {
        g_autoptr(RsQuote) q = rs_quote_new (0);

        if (!reference (w, X_DOCUMENT, v[1], &a, error) || !int_value (v[2], &b, error) ||
            !int_value (v[3], &c, error))
          return FALSE;
        rs_quote_set_uid (q, v[0]);
        rs_quote_set_document_id (q, a);
        rs_quote_set_start (q, b);
        rs_quote_set_end (q, c);
        rs_quote_set_text (q, v[4] ? v[4] : "");
        rs_quote_set_credibility (q, v[5] ? (int)g_ascii_strtoll (v[5], NULL, 10) : 0);
        return rs_case_store_add_quote (w->store, q, error) != NULL;
      }
    case X_EVENT:
      {
        g_autoptr(RsEvent) ev = rs_event_new (0);
        g_autoptr(RsFuzzyDate) date = date_value (v, error);
        g_autoptr(GArray) ids = NULL;

        if (date == NULL || !(ids = entity_ids (w, v[7], error)))
          return FALSE;
        rs_event_set_uid (ev, v[0]);
        rs_event_set_title (ev, v[1]);
        rs_event_set_description (ev, v[2] ? v[2] : "");
        rs_event_set_date (ev, date);
        rs_event_set_entity_ids (ev, (const gint64 *)ids->data, ids->len);
        return rs_case_store_add_event (w->store, ev, error) != NULL;
      }
    case X_EVIDENCE:
      {
        g_autoptr(RsEvidence) ev = rs_evidence_new (0);
        XTableId t = table_of (v[1], &target);

        if (!reference (w, X_QUOTE, v[0], &a, error) || !reference (w, t, v[2], &b, error) ||
            !enum_value (RS_TYPE_STANCE, v[3], &e2, error))
          return FALSE;
        rs_evidence_set_quote_id (ev, a);
        rs_evidence_set_target (ev, target);
        rs_evidence_set_target_id (ev, b);
        rs_evidence_set_stance (ev, e2);
        return rs_case_store_add_evidence (w->store, ev, error) != NULL;
      }
    case X_NOTE:
      {
        g_autoptr(RsNote) n = rs_note_new (0);

        if (v[1] != NULL && *v[1] != '\0')
          {
            XTableId t = table_of (v[1], &target);

            if (t == X_N_TABLES)
              return bad_value (_("note target"), v[1], error);
            if (!reference (w, t, v[2], &a, error))
              return FALSE;
            rs_note_set_target (n, target);
            rs_note_set_target_id (n, a);
          }
        rs_note_set_uid (n, v[0]);
        rs_note_set_body (n, v[3] ? v[3] : "");
        rs_note_set_author (n, v[4]);
        rs_note_set_created (n, v[5]);
        rs_note_set_updated (n, v[6]);
        return rs_case_store_add_note (w->store, n, error) != NULL;
      }
    case X_REVIEW:
      {
        g_autoptr(RsReview) r = rs_review_new (0);
        XTableId t = claim_of (v[1], &target);

        if (t == X_N_TABLES)
          return bad_value (_("review target"), v[1], error);
        if (!reference (w, t, v[2], &a, error) ||
            !enum_value (RS_TYPE_REVIEW_STATE, v[3], &e1, error))
          return FALSE;
        rs_review_set_uid (r, v[0]);
        rs_review_set_target (r, target);
        rs_review_set_target_id (r, a);
        rs_review_set_state (r, e1);
        rs_review_set_reviewer (r, v[4]);
        rs_review_set_time (r, v[5]);
        return rs_case_store_add_review (w->store, r, error) != NULL;
      }
    case X_COMMENT:
      {
        g_autoptr(RsComment) cm = rs_comment_new (0);
        XTableId t = claim_of (v[1], &target);

        if (t == X_N_TABLES)
          return bad_value (_("comment target"), v[1], error);
        if (!reference (w, t, v[2], &a, error))
          return FALSE;
        rs_comment_set_uid (cm, v[0]);
        rs_comment_set_target (cm, target);
        rs_comment_set_target_id (cm, a);
        rs_comment_set_author (cm, v[3]);
        rs_comment_set_time (cm, v[4]);
        rs_comment_set_body (cm, v[5]);
        rs_comment_set_resolved (cm, g_strcmp0 (v[6], "1") == 0);
        return rs_case_store_add_comment (w->store, cm, error) != NULL;
      }
    case X_POSITION:
    case X_N_TABLES:
    default:
      return TRUE;
    }
}

/* The value of column C: theirs where an accepted item says so, else mine. */
#define PICK(c, mine) (mask[(c)] ? over[(c)] : (mine))

static gboolean
update_record (Writer      *w,
               XTableId     table,
               gint64       id,
               char       **over,
               gboolean    *mask,
               GError     **error)
{
  int e1 = 0, e2 = 0;
  gint64 a = 0, b = 0;

  switch (table)
    {
    case X_DOCUMENT:
      {
        RsDocument *d = rs_case_lookup_document (w->kase, id);
        g_autofree char *title = NULL, *publisher = NULL, *author = NULL, *url = NULL, *pub = NULL;

        if (d == NULL)
          return reference (w, table, NULL, &a, error);
        title = g_strdup (PICK (1, rs_document_get_title (d)));
        publisher = g_strdup (PICK (2, rs_document_get_publisher (d)));
        author = g_strdup (PICK (3, rs_document_get_author (d)));
        url = g_strdup (PICK (4, rs_document_get_url (d)));
        pub = g_strdup (PICK (5, rs_document_get_published (d)));
        e1 = rs_document_get_reliability (d);
        if (mask[6] && !enum_value (RS_TYPE_RELIABILITY, over[6], &e1, error))
          return FALSE;
        return rs_case_store_update_document (w->store, id, title, publisher, author, pub, url, e1,
                                              error);
      }
    case X_ENTITY:
      {
        RsEntity *en = rs_case_lookup_entity (w->kase, id);
        g_autofree char *name = NULL, *description = NULL;
        g_auto(GStrv) aliases = NULL;

        if (en == NULL)
          return reference (w, table, NULL, &a, error);
        e1 = rs_entity_get_kind (en);
        if (mask[1] && !enum_value (RS_TYPE_ENTITY_KIND, over[1], &e1, error))
          return FALSE;
        name = g_strdup (PICK (2, rs_entity_get_name (en)));
        description = g_strdup (PICK (3, rs_entity_get_description (en)));
        aliases = mask[4] ? (over[4] ? g_strsplit (over[4], "\n", -1) : NULL)
                          : g_strdupv ((char **)rs_entity_get_aliases (en));
        return rs_case_store_update_entity (w->store, id, e1, name, (const char * const *)aliases,
                                            description ? description : "", error);
      }
    case X_RELATION:
      {
        RsRelation *r = rs_case_lookup_relation (w->kase, id);
        g_autofree char *label = NULL;
        gboolean directed;

        if (r == NULL)
          return reference (w, table, NULL, &a, error);
        a = rs_relation_get_source_id (r);
        b = rs_relation_get_target_id (r);
        if ((mask[1] && !reference (w, X_ENTITY, over[1], &a, error)) ||
            (mask[2] && !reference (w, X_ENTITY, over[2], &b, error)))
          return FALSE;
        label = g_strdup (PICK (3, rs_relation_get_label (r)));
        directed = mask[4] ? g_strcmp0 (over[4], "0") != 0 : rs_relation_get_directed (r);
        e1 = rs_relation_get_status (r);
        if (mask[5] && !enum_value (RS_TYPE_RELATION_STATUS, over[5], &e1, error))
          return FALSE;
        return rs_case_store_update_relation (w->store, id, a, b, label ? label : "", directed, e1,
                                              error);
      }
    case X_QUOTE:
      {
        RsQuote *q = rs_case_lookup_quote (w->kase, id);
        int credibility;

        if (q == NULL)
          return reference (w, table, NULL, &a, error);
        a = rs_quote_get_start (q);
        b = rs_quote_get_end (q);
        if ((mask[2] && !int_value (over[2], &a, error)) ||
            (mask[3] && !int_value (over[3], &b, error)))
          return FALSE;
        credibility = mask[5] ? (over[5] ? (int)g_ascii_strtoll (over[5], NULL, 10) : 0)
                              : rs_quote_get_credibility (q);
        return rs_case_store_update_quote (w->store, id, a, b, credibility, error);
      }
    case X_EVENT:
      {
        RsEvent *ev = rs_case_lookup_event (w->kase, id);
        g_autofree char *title = NULL, *description = NULL;
        g_autoptr(RsFuzzyDate) date = NULL;
        g_autoptr(GArray) ids = NULL;

        if (ev == NULL)
          return reference (w, table, NULL, &a, error);
        title = g_strdup (PICK (1, rs_event_get_title (ev)));
        description = g_strdup (PICK (2, rs_event_get_description (ev)));
        if (mask[3])
          {
            if (!(date = date_value (over, error)))
              return FALSE;
          }
        else
          date = rs_fuzzy_date_ref (rs_event_get_date (ev));
        if (mask[7])
          {
            if (!(ids = entity_ids (w, over[7], error)))
              return FALSE;
          }
        else
          {
            guint n = 0;
            const gint64 *list = rs_event_get_entity_ids (ev, &n);

            ids = g_array_new (FALSE, FALSE, sizeof (gint64));
            g_array_append_vals (ids, list, n);
          }
        return rs_case_store_update_event (w->store, id, title, description ? description : "",
                                           date, (const gint64 *)ids->data, ids->len, error);
      }
    case X_EVIDENCE:
      {
        RsEvidence *ev = rs_case_lookup_evidence (w->kase, id);

        if (ev == NULL)
          return reference (w, table, NULL, &a, error);
        e2 = rs_evidence_get_stance (ev);
        if (mask[3] && !enum_value (RS_TYPE_STANCE, over[3], &e2, error))
          return FALSE;
        return rs_case_store_update_evidence (w->store, id, rs_evidence_get_target (ev),
                                              rs_evidence_get_target_id (ev), e2, error);
      }
    case X_NOTE:
      if (rs_case_lookup_note (w->kase, id) == NULL)
        return reference (w, table, NULL, &a, error);
      if (!mask[3])
        return TRUE;
      return rs_case_store_set_note_body (w->store, id, over[3] ? over[3] : "", error);
    case X_REVIEW:
      if (rs_case_lookup_review (w->kase, id) == NULL)
        return reference (w, table, NULL, &a, error);
      if (!mask[3])
        return TRUE;
      if (!enum_value (RS_TYPE_REVIEW_STATE, over[3], &e1, error) ||
          !check_time (over[5], error))
        return FALSE;
      if (over[4] == NULL || *over[4] == '\0' || !g_utf8_validate (over[4], -1, NULL))
        return bad_value (_("reviewer"), over[4], error);
      return write_review_row (w, RS_RECORD_REVIEW, id,
                               "UPDATE review SET state = ?2, reviewer = ?3, time = ?4"
                               " WHERE id = ?1",
                               rs_enum_to_nick (RS_TYPE_REVIEW_STATE, e1), over[4], over[5], error);
    case X_COMMENT:
      {
        RsComment *cm = rs_case_lookup_comment (w->kase, id);
        const char *body;
        gboolean resolved;

        if (cm == NULL)
          return reference (w, table, NULL, &a, error);
        body = PICK (5, rs_comment_get_body (cm));
        resolved = mask[6] ? g_strcmp0 (over[6], "1") == 0 : rs_comment_get_resolved (cm);
        if (body == NULL || *body == '\0' || !g_utf8_validate (body, -1, NULL))
          return bad_value (_("comment"), body, error);
        return write_review_row (w, RS_RECORD_COMMENT, id,
                                 "UPDATE comment SET body = ?2, resolved = ?3 WHERE id = ?1",
                                 body, resolved ? "1" : "0", NULL, error);
      }
    case X_POSITION:
    case X_N_TABLES:
    default:
      return TRUE;
    }
}
#undef PICK

static gboolean
takes_theirs (RsExchangeItem *item)
{
  RsExchangeItemKind kind = rs_exchange_item_get_kind (item);

  return kind == RS_EXCHANGE_ITEM_UPDATE ||
         (kind == RS_EXCHANGE_ITEM_CONFLICT &&
          rs_exchange_item_get_resolution (item) == RS_EXCHANGE_RESOLUTION_TAKE_THEIRS);
}

static gboolean
is_delete (RsExchangeItem *item)
{
  const char *field = rs_exchange_item_get_field (item);

  return rs_exchange_item_get_kind (item) == RS_EXCHANGE_ITEM_DELETE ||
         (rs_exchange_item_get_kind (item) == RS_EXCHANGE_ITEM_CONFLICT &&
          g_strcmp0 (field, "deleted") == 0);
}

static gboolean
delete_record (Writer      *w,
               XTableId     table,
               gint64       id,
               GError     **error)
{
  /* A cascade of an earlier delete of this plan may have taken it already. */
  switch (table)
    {
    case X_DOCUMENT:
      return !rs_case_lookup_document (w->kase, id) ||
             rs_case_store_delete_document (w->store, id, error);
    case X_ENTITY:
      return !rs_case_lookup_entity (w->kase, id) ||
             rs_case_store_delete_entity (w->store, id, error);
    case X_RELATION:
      return !rs_case_lookup_relation (w->kase, id) ||
             rs_case_store_delete_relation (w->store, id, error);
    case X_QUOTE:
      return !rs_case_lookup_quote (w->kase, id) ||
             rs_case_store_delete_quote (w->store, id, error);
    case X_EVENT:
      return !rs_case_lookup_event (w->kase, id) ||
             rs_case_store_delete_event (w->store, id, error);
    case X_EVIDENCE:
      return !rs_case_lookup_evidence (w->kase, id) ||
             rs_case_store_delete_evidence (w->store, id, error);
    case X_NOTE:
      return !rs_case_lookup_note (w->kase, id) ||
             rs_case_store_delete_note (w->store, id, error);
    case X_REVIEW:
      return !rs_case_lookup_review (w->kase, id) ||
             write_review_row (w, RS_RECORD_REVIEW, id, "DELETE FROM review WHERE id = ?1",
                               NULL, NULL, NULL, error);
    case X_COMMENT:
      return !rs_case_lookup_comment (w->kase, id) ||
             write_review_row (w, RS_RECORD_COMMENT, id, "DELETE FROM comment WHERE id = ?1",
                               NULL, NULL, NULL, error);
    case X_POSITION:
    case X_N_TABLES:
    default:
      return TRUE;
    }
}

static gboolean
same_reference (const RsExternalReference *a,
                const RsExternalReference *b)
{
  return g_strcmp0 (a->source_name, b->source_name) == 0 &&
         g_strcmp0 (a->external_id, b->external_id) == 0 &&
         g_strcmp0 (a->url, b->url) == 0;
}

/* Their record's external references and STIX ids that mine lacks (a union, as for
 * aliases: never a conflict), on the record it became or matched. The same source,
 * id and URL is the same reference, as in a STIX import; a STIX id another record
 * of mine has already stays with it. */
static gboolean
write_stix (Writer          *w,
            XTableId         table,
            RsExchangeItem  *item,
            GError         **error)
{
  RsTarget target = _rs_exchange_table (table)->target;
  GPtrArray *theirs = _rs_exchange_item_get_references (item);
  char **stix_ids = _rs_exchange_item_get_stix_ids (item);
  g_autoptr(GPtrArray) had = NULL;
  gint64 id;

  /* A new record left out of the merge is not in my case: nothing to add to. */
  id = rs_exchange_item_get_kind (item) == RS_EXCHANGE_ITEM_NEW
         ? local_id (w, table, rs_exchange_item_get_uid (item))
         : rs_exchange_item_get_local_id (item);
  if (id == 0)
    return TRUE;

  if (theirs != NULL && !(had = rs_case_store_dup_external_references (w->store, target, id, error)))
    return FALSE;
  for (guint i = 0; theirs != NULL && i < theirs->len; i++)
    {
      RsExternalReference *ref = g_ptr_array_index (theirs, i);
      gboolean known = FALSE;

      for (guint j = 0; j < had->len && !known; j++)
        known = same_reference (g_ptr_array_index (had, j), ref);
      if (known)
        continue;
      if (!rs_case_store_add_external_reference (w->store, target, id, ref, error))
        return FALSE;
      g_ptr_array_add (had, rs_external_reference_new (ref->source_name, ref->external_id,
                                                       ref->url, ref->description));
    }
  for (guint i = 0; stix_ids != NULL && stix_ids[i] != NULL; i++)
    if (!rs_case_store_lookup_stix_id (w->store, stix_ids[i], NULL, NULL) &&
        !rs_case_store_set_stix_id (w->store, stix_ids[i], target, id, error))
      return FALSE;
  return TRUE;
}

/* One step of a write: a record inserted, one record's accepted fields updated
 * together, or a record deleted. The steps are worked out first, in the order they
 * must be written, so that a write can go a slice at a time on the main loop. */
typedef enum
{
  OP_INSERT,
  OP_UPDATE,
  OP_DELETE,
  OP_STIX,      /* their external references and STIX ids added (write_stix) */
} OpKind;

typedef struct
{
  OpKind          kind;
  XTableId        table;
  RsExchangeItem *item;   /* owned: the first item of the record */
  char          **over;   /* OP_UPDATE: n_columns, borrowed from the items */
  gboolean       *mask;
} Op;

static void
op_clear (Op *op)
{
  g_clear_object (&op->item);
  g_clear_pointer (&op->over, g_free);
  g_clear_pointer (&op->mask, g_free);
}

struct _XWriter
{
  Writer   w;
  GArray  *ops;        /* Op */
  guint    next;
  gboolean in_change;
  GPtrArray *objects;  /* RsStixObject, or NULL: written after the last op */
};

static void
add_op (GArray         *ops,
        OpKind          kind,
        XTableId        table,
        RsExchangeItem *item)
{
  Op op = { kind, table, g_object_ref (item), NULL, NULL };

  g_array_append_val (ops, op);
}

static void
plan_updates (GArray     *ops,
              XTableId    table,
              GListModel *items)
{
  const XTable *t = _rs_exchange_table (table);
  /* local id -> index in OPS: all the accepted fields of one record, one update. */
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsExchangeItem) item = g_list_model_get_item (items, i);
      gint64 id = rs_exchange_item_get_local_id (item);
      const XField *field = _rs_exchange_item_get_xfield (item);
      char **values = _rs_exchange_item_get_values (item);
      gpointer index;
      Op *op;

      if (_rs_exchange_item_get_table (item) != table || !takes_theirs (item) ||
          is_delete (item))
        continue;
      if (!g_hash_table_lookup_extended (by_id, &id, NULL, &index))
        {
          Op fresh = { OP_UPDATE, table, g_object_ref (item), g_new0 (char *, t->n_columns + 1),
                       g_new0 (gboolean, t->n_columns) };

          index = GUINT_TO_POINTER (ops->len);
          g_array_append_val (ops, fresh);
          g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), index);
        }
      if (field == NULL || values == NULL)
        continue;
      op = &g_array_index (ops, Op, GPOINTER_TO_UINT (index));
      for (guint c = 0; c < field->n_columns; c++)
        {
          op->over[field->columns[c]] = values[field->columns[c]];
          op->mask[field->columns[c]] = TRUE;
        }
    }
}

static GArray *
plan_ops (GListModel *items)
{
  GArray *ops = g_array_new (FALSE, TRUE, sizeof (Op));
  guint n = g_list_model_get_n_items (items);

  g_array_set_clear_func (ops, (GDestroyNotify)op_clear);
  for (guint k = 0; k < G_N_ELEMENTS (write_order); k++)
    {
      XTableId table = write_order[k];

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RsExchangeItem) item = g_list_model_get_item (items, i);

          if (_rs_exchange_item_get_table (item) == table &&
              rs_exchange_item_get_kind (item) == RS_EXCHANGE_ITEM_NEW)
            add_op (ops, OP_INSERT, table, item);
        }
      plan_updates (ops, table, items);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsExchangeItem) item = g_list_model_get_item (items, i);

      if (_rs_exchange_item_get_references (item) != NULL ||
          _rs_exchange_item_get_stix_ids (item) != NULL)
        add_op (ops, OP_STIX, _rs_exchange_item_get_table (item), item);
    }

  /* Children before parents. */
  for (int k = G_N_ELEMENTS (write_order) - 1; k >= 0; k--)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(RsExchangeItem) item = g_list_model_get_item (items, i);

        if (_rs_exchange_item_get_table (item) != write_order[k] || !is_delete (item))
          continue;
        if (rs_exchange_item_get_kind (item) == RS_EXCHANGE_ITEM_CONFLICT &&
            rs_exchange_item_get_resolution (item) != RS_EXCHANGE_RESOLUTION_TAKE_THEIRS)
          continue;
        add_op (ops, OP_DELETE, write_order[k], item);
      }
  return ops;
}

static gboolean
run_op (Writer  *w,
        Op      *op,
        GError **error)
{
  switch (op->kind)
    {
    case OP_INSERT:
      return insert_row (w, op->item, error);
    case OP_UPDATE:
      return update_record (w, op->table, rs_exchange_item_get_local_id (op->item), op->over,
                            op->mask, error);
    case OP_STIX:
      return write_stix (w, op->table, op->item, error);
    case OP_DELETE:
    default:
      return delete_record (w, op->table, rs_exchange_item_get_local_id (op->item), error);
    }
}

/* Their marking definitions and unmapped STIX objects that my case lacks. */
static gboolean
write_objects (Writer     *w,
               GPtrArray  *objects,
               GError    **error)
{
  for (guint i = 0; objects != NULL && i < objects->len; i++)
    {
      RsStixObject *object = g_ptr_array_index (objects, i);

      if (rs_case_store_has_stix_object (w->store, object->stix_id))
        continue;
      if (object->name != NULL ? !rs_case_store_add_marking (w->store, object, error)
                               : !rs_case_store_add_stix_object (w->store, object, error))
        return FALSE;
    }
  return TRUE;
}

XWriter *
_rs_exchange_writer_begin (RsCaseStore  *store,
                           GListModel   *items,
                           GPtrArray    *objects,
                           const char   *label,
                           GError      **error)
{
  XWriter *self;

  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  self = g_new0 (XWriter, 1);
  self->w.store = g_object_ref (store);
  self->w.kase = rs_case_store_get_case (store);
  self->ops = plan_ops (items);
  self->w.places = _rs_exchange_place_new_entities (self->w.kase, items);
  self->in_change = TRUE;
  self->objects = objects ? g_ptr_array_ref (objects) : NULL;
  return self;
}

gboolean
_rs_exchange_writer_step (XWriter   *self,
                          guint      max_ops,
                          gboolean  *done,
                          GError   **error)
{
  for (guint i = 0; i < max_ops && self->next < self->ops->len; i++)
    if (!run_op (&self->w, &g_array_index (self->ops, Op, self->next++), error))
      return FALSE;
  if (self->next >= self->ops->len && self->objects != NULL)
    {
      g_autoptr(GPtrArray) objects = g_steal_pointer (&self->objects);

      if (!write_objects (&self->w, objects, error))
        return FALSE;
    }
  *done = self->next >= self->ops->len;
  return TRUE;
}

double
_rs_exchange_writer_fraction (XWriter *self)
{
  return self->ops->len > 0 ? (double)self->next / self->ops->len : 1.0;
}

static void
writer_free (XWriter *self)
{
  /* No statement of ours may stay open on the connection past the change. */
  writer_clear (&self->w);
  writer_free_places (&self->w);
  g_clear_object (&self->w.store);
  g_array_unref (self->ops);
  g_clear_pointer (&self->objects, g_ptr_array_unref);
  g_free (self);
}

void
_rs_exchange_writer_cancel (XWriter *self)
{
  RsCaseStore *store = g_object_ref (self->w.store);
  gboolean in_change = self->in_change;

  writer_free (self);
  if (in_change)
    rs_case_store_cancel_change (store);
  g_object_unref (store);
}

RsChange *
_rs_exchange_writer_finish (XWriter  *self,
                            GError  **error)
{
  g_autoptr(RsCaseStore) store = g_object_ref (self->w.store);

  g_assert (self->next >= self->ops->len);
  writer_free (self);
  return rs_case_store_end_change (store, error);
}

RsChange *
_rs_exchange_write (RsCaseStore  *store,
                    GListModel   *items,
                    GPtrArray    *objects,
                    const char   *label,
                    GError      **error)
{
  XWriter *writer = _rs_exchange_writer_begin (store, items, objects, label, error);
  gboolean done = FALSE;

  if (writer == NULL)
    return NULL;
  if (!_rs_exchange_writer_step (writer, G_MAXUINT, &done, error))
    {
      _rs_exchange_writer_cancel (writer);
      return NULL;
    }
  return _rs_exchange_writer_finish (writer, error);
}
