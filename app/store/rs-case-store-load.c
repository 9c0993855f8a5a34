/* rs-case-store-load.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-case-store-load"

#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rs-case-store-private.h"
#include "rs-enum-types.h"
#include "rs-error.h"
#include "rs-fuzzy-date.h"

/* Rows become model objects here. The file may come from anyone, so every value
 * the schema's CHECKs should have guaranteed is checked again: a file crafted with
 * a different schema is refused as corrupt rather than half-loaded. */

#define DOCUMENT_SELECT \
  "SELECT id, uid, title, publisher, author, url, published, imported_at, text, sha256, " \
  "length, reliability FROM document"
#define ENTITY_SELECT \
  "SELECT e.id, e.uid, e.kind, e.name, e.description, p.x, p.y, p.pinned, " \
  "(SELECT x.external_id FROM external_reference x WHERE x.entity_id = e.id " \
  "AND x.external_id IS NOT NULL ORDER BY x.position, x.id LIMIT 1) " \
  "FROM entity e LEFT JOIN position p ON p.entity_id = e.id"
#define RELATION_SELECT \
  "SELECT r.id, r.uid, r.source_id, r.target_id, r.label, r.directed, r.status, " \
  "er.points, er.label_x, er.label_y " \
  "FROM relation r LEFT JOIN edge_route er ON er.relation_id = r.id"
#define QUOTE_SELECT \
  "SELECT id, uid, document_id, start_offset, end_offset, text, credibility FROM quote"
#define EVIDENCE_SELECT \
  "SELECT id, quote_id, entity_id, relation_id, event_id, stance FROM evidence"
#define EVENT_SELECT \
  "SELECT id, uid, title, description, date_start, date_end, precision, qualifier FROM event"
#define REVIEW_SELECT \
  "SELECT id, uid, entity_id, relation_id, event_id, quote_id, state, reviewer, time FROM review"
#define COMMENT_SELECT \
  "SELECT id, uid, entity_id, relation_id, event_id, quote_id, author, time, body, resolved " \
  "FROM comment"
#define STORY_VIEW_SELECT \
  "SELECT id, uid, position, caption, camera_x, camera_y, camera_width, camera_height, " \
  "shown, highlighted FROM story_view"
#define NOTE_SELECT \
  "SELECT id, uid, document_id, entity_id, relation_id, event_id, body, author, created, " \
  "updated FROM note"

static gboolean
corrupt (GError     **error,
         const char  *table,
         gint64       id,
         const char  *what)
{
  g_set_error (error, RS_ERROR, RS_ERROR_CORRUPT_CASE,
               _("The case file is damaged: %s %" PRId64 " has %s"), table, id, what);
  return FALSE;
}

static gboolean
column_enum (sqlite3_stmt *stmt,
             int           column,
             GType         type,
             int          *value)
{
  return rs_enum_from_nick (type, rs_db_column_text (stmt, column), value);
}

static gboolean
column_utf8 (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = rs_db_column_text (stmt, column);

  return text == NULL || g_utf8_validate (text, -1, NULL);
}

/* No column of ours holds a BLOB: one in a text column would reach the model as
 * unchecked bytes through sqlite3_column_text. */
static gboolean
row_is_utf8 (sqlite3_stmt *stmt)
{
  int n = sqlite3_column_count (stmt);

  for (int i = 0; i < n; i++)
    {
      int type = sqlite3_column_type (stmt, i);

      if (type == SQLITE_BLOB || (type == SQLITE_TEXT && !column_utf8 (stmt, i)))
        return FALSE;
    }
  return TRUE;
}

/* The columns (a bit per column of the SELECT) the schema declares NOT NULL and the
 * model relies on: a file that holds NULL there is refused, not passed on. */
static gboolean
row_has_null (sqlite3_stmt *stmt,
              guint32       required)
{
  for (int i = 0; i < 32 && i < sqlite3_column_count (stmt); i++)
    if ((required & (1u << i)) && sqlite3_column_type (stmt, i) == SQLITE_NULL)
      return TRUE;
  return FALSE;
}

#define COLUMNS(...) columns_mask ((const int[]) { __VA_ARGS__, -1 })

static guint32
columns_mask (const int *columns)
{
  guint32 mask = 0;

  for (guint i = 0; columns[i] >= 0; i++)
    mask |= 1u << columns[i];
  return mask;
}

static RsDocument *
document_from_row (sqlite3_stmt  *stmt,
                   GError       **error)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_autoptr(RsDocument) document = rs_document_new (id);
  const char *text = rs_db_column_text (stmt, 8);
  const char *grade = rs_db_column_text (stmt, 11);
  RsReliability reliability = RS_RELIABILITY_UNKNOWN;

  if (row_has_null (stmt, COLUMNS (0, 1, 2, 7, 8, 9, 10, 11)))
    return corrupt (error, "document", id, _("an empty required field")), NULL;
  if (!row_is_utf8 (stmt) || text == NULL)
    return corrupt (error, "document", id, _("text that is not valid UTF-8")), NULL;

  if (grade != NULL && strlen (grade) == 1 && grade[0] >= 'A' && grade[0] <= 'F')
    reliability = RS_RELIABILITY_A + (grade[0] - 'A');
  else if (g_strcmp0 (grade, "unknown") != 0)
    return corrupt (error, "document", id, _("an unknown reliability grade")), NULL;

  if (sqlite3_column_int64 (stmt, 10) != g_utf8_strlen (text, -1))
    return corrupt (error, "document", id, _("a wrong text length")), NULL;

  rs_document_set_uid (document, rs_db_column_text (stmt, 1));
  rs_document_set_title (document, rs_db_column_text (stmt, 2));
  rs_document_set_publisher (document, rs_db_column_text (stmt, 3));
  rs_document_set_author (document, rs_db_column_text (stmt, 4));
  rs_document_set_url (document, rs_db_column_text (stmt, 5));
  rs_document_set_published (document, rs_db_column_text (stmt, 6));
  rs_document_set_imported_at (document, rs_db_column_text (stmt, 7));
  rs_document_set_text (document, text);
  rs_document_set_sha256 (document, rs_db_column_text (stmt, 9));
  rs_document_set_length (document, sqlite3_column_int64 (stmt, 10));
  rs_document_set_reliability (document, reliability);

  return g_steal_pointer (&document);
}

static RsEntity *
entity_from_row (sqlite3_stmt  *stmt,
                 GError       **error)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_autoptr(RsEntity) entity = rs_entity_new (id);
  int kind;

  if (row_has_null (stmt, COLUMNS (0, 1, 2, 3, 4)))
    return corrupt (error, "entity", id, _("an empty required field")), NULL;
  if (!row_is_utf8 (stmt))
    return corrupt (error, "entity", id, _("text that is not valid UTF-8")), NULL;
  if (!column_enum (stmt, 2, RS_TYPE_ENTITY_KIND, &kind))
    return corrupt (error, "entity", id, _("an unknown kind")), NULL;

  rs_entity_set_uid (entity, rs_db_column_text (stmt, 1));
  rs_entity_set_kind (entity, kind);
  rs_entity_set_name (entity, rs_db_column_text (stmt, 3));
  rs_entity_set_description (entity, rs_db_column_text (stmt, 4));
  if (sqlite3_column_type (stmt, 8) == SQLITE_TEXT && column_utf8 (stmt, 8))
    rs_entity_set_external_id (entity, rs_db_column_text (stmt, 8));

  if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    {
      double x = sqlite3_column_double (stmt, 5);
      double y = sqlite3_column_double (stmt, 6);

      if (!isfinite (x) || !isfinite (y) || sqlite3_column_type (stmt, 6) == SQLITE_NULL)
        return corrupt (error, "entity", id, _("a position that is not a number")), NULL;

      rs_entity_set_x (entity, x);
      rs_entity_set_y (entity, y);
      rs_entity_set_pinned (entity, sqlite3_column_int (stmt, 7) != 0);
      rs_entity_set_has_position (entity, TRUE);
    }

  return g_steal_pointer (&entity);
}

static RsRelation *
relation_from_row (sqlite3_stmt  *stmt,
                   GError       **error)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_autoptr(RsRelation) relation = rs_relation_new (id);
  int status;

  if (row_has_null (stmt, COLUMNS (0, 1, 2, 3, 4, 5, 6)))
    return corrupt (error, "relation", id, _("an empty required field")), NULL;
  if (!row_is_utf8 (stmt))
    return corrupt (error, "relation", id, _("text that is not valid UTF-8")), NULL;
  if (!column_enum (stmt, 6, RS_TYPE_RELATION_STATUS, &status))
    return corrupt (error, "relation", id, _("an unknown status")), NULL;

  rs_relation_set_uid (relation, rs_db_column_text (stmt, 1));
  rs_relation_set_source_id (relation, sqlite3_column_int64 (stmt, 2));
  rs_relation_set_target_id (relation, sqlite3_column_int64 (stmt, 3));
  rs_relation_set_label (relation, rs_db_column_text (stmt, 4));
  rs_relation_set_directed (relation, sqlite3_column_int (stmt, 5) != 0);
  rs_relation_set_status (relation, status);
  rs_relation_set_route (relation, rs_db_column_text (stmt, 7));

  if (sqlite3_column_type (stmt, 8) != SQLITE_NULL && sqlite3_column_type (stmt, 9) != SQLITE_NULL)
    {
      double x = sqlite3_column_double (stmt, 8);
      double y = sqlite3_column_double (stmt, 9);

      if (isfinite (x) && isfinite (y))
        {
          rs_relation_set_label_x (relation, x);
          rs_relation_set_label_y (relation, y);
          rs_relation_set_has_label_position (relation, TRUE);
        }
    }

  return g_steal_pointer (&relation);
}

static RsQuote *
quote_from_row (sqlite3_stmt  *stmt,
                GError       **error)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_autoptr(RsQuote) quote = rs_quote_new (id);
  int credibility = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? 0 : sqlite3_column_int (stmt, 6);
  gint64 start = sqlite3_column_int64 (stmt, 3);
  gint64 end = sqlite3_column_int64 (stmt, 4);

  if (row_has_null (stmt, COLUMNS (0, 1, 2, 3, 4, 5)))
    return corrupt (error, "quote", id, _("an empty required field")), NULL;
  if (!row_is_utf8 (stmt) || rs_db_column_text (stmt, 5) == NULL)
    return corrupt (error, "quote", id, _("text that is not valid UTF-8")), NULL;
  if (credibility < 0 || credibility > 6)
    return corrupt (error, "quote", id, _("an unknown credibility grade")), NULL;
  if (start < 0 || end <= start)
    return corrupt (error, "quote", id, _("an empty or reversed span")), NULL;

  rs_quote_set_uid (quote, rs_db_column_text (stmt, 1));
  rs_quote_set_document_id (quote, sqlite3_column_int64 (stmt, 2));
  rs_quote_set_start (quote, start);
  rs_quote_set_end (quote, end);
  rs_quote_set_text (quote, rs_db_column_text (stmt, 5));
  rs_quote_set_credibility (quote, credibility);

  return g_steal_pointer (&quote);
}

static RsEvidence *
evidence_from_row (sqlite3_stmt  *stmt,
                   GError       **error)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_autoptr(RsEvidence) evidence = rs_evidence_new (id);
  int stance;

  if (row_has_null (stmt, COLUMNS (0, 1, 5)) || !row_is_utf8 (stmt))
    return corrupt (error, "evidence", id, _("an empty required field")), NULL;
  if (!column_enum (stmt, 5, RS_TYPE_STANCE, &stance))
    return corrupt (error, "evidence", id, _("an unknown stance")), NULL;

  rs_evidence_set_quote_id (evidence, sqlite3_column_int64 (stmt, 1));
  rs_evidence_set_stance (evidence, stance);

  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    {
      rs_evidence_set_target (evidence, RS_TARGET_ENTITY);
      rs_evidence_set_target_id (evidence, sqlite3_column_int64 (stmt, 2));
    }
  else if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
    {
      rs_evidence_set_target (evidence, RS_TARGET_RELATION);
      rs_evidence_set_target_id (evidence, sqlite3_column_int64 (stmt, 3));
    }
  else if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    {
      rs_evidence_set_target (evidence, RS_TARGET_EVENT);
      rs_evidence_set_target_id (evidence, sqlite3_column_int64 (stmt, 4));
    }
  else
    return corrupt (error, "evidence", id, _("no target")), NULL;

  return g_steal_pointer (&evidence);
}

static RsEvent *
event_from_row (sqlite3_stmt  *stmt,
                GError       **error)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_autoptr(RsEvent) event = rs_event_new (id);
  g_autoptr(RsFuzzyDate) date = NULL;
  int precision, qualifier;

  if (row_has_null (stmt, COLUMNS (0, 1, 2, 3, 4, 6, 7)))
    return corrupt (error, "event", id, _("an empty required field")), NULL;
  if (!row_is_utf8 (stmt))
    return corrupt (error, "event", id, _("text that is not valid UTF-8")), NULL;
  if (!column_enum (stmt, 6, RS_TYPE_DATE_PRECISION, &precision) ||
      !column_enum (stmt, 7, RS_TYPE_DATE_QUALIFIER, &qualifier))
    return corrupt (error, "event", id, _("an unknown date precision")), NULL;
  if (!(date = rs_fuzzy_date_parse (rs_db_column_text (stmt, 4), rs_db_column_text (stmt, 5),
                                    precision, qualifier, NULL)))
    return corrupt (error, "event", id, _("a date that cannot be read")), NULL;

  rs_event_set_uid (event, rs_db_column_text (stmt, 1));
  rs_event_set_title (event, rs_db_column_text (stmt, 2));
  rs_event_set_description (event, rs_db_column_text (stmt, 3));
  rs_event_set_date (event, date);
  rs_event_set_entity_ids (event, NULL, 0);

  return g_steal_pointer (&event);
}

static RsNote *
note_from_row (sqlite3_stmt  *stmt,
               GError       **error)
{
  static const RsTarget targets[] = {
    RS_TARGET_DOCUMENT, RS_TARGET_ENTITY, RS_TARGET_RELATION, RS_TARGET_EVENT
  };
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_autoptr(RsNote) note = rs_note_new (id);

  if (row_has_null (stmt, COLUMNS (0, 1, 6, 7, 8, 9)))
    return corrupt (error, "note", id, _("an empty required field")), NULL;
  if (!row_is_utf8 (stmt))
    return corrupt (error, "note", id, _("text that is not valid UTF-8")), NULL;

  rs_note_set_uid (note, rs_db_column_text (stmt, 1));
  rs_note_set_target (note, RS_TARGET_CASE);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (sqlite3_column_type (stmt, 2 + i) != SQLITE_NULL)
      {
        rs_note_set_target (note, targets[i]);
        rs_note_set_target_id (note, sqlite3_column_int64 (stmt, 2 + i));
      }
  rs_note_set_body (note, rs_db_column_text (stmt, 6));
  rs_note_set_author (note, rs_db_column_text (stmt, 7));
  rs_note_set_created (note, rs_db_column_text (stmt, 8));
  rs_note_set_updated (note, rs_db_column_text (stmt, 9));

  return g_steal_pointer (&note);
}

/* A review or comment row names its claim in one of four columns from column 2. */
static gboolean
claim_from_row (sqlite3_stmt *stmt,
                RsTarget     *target,
                gint64       *target_id)
{
  static const RsTarget targets[] = {
    RS_TARGET_ENTITY, RS_TARGET_RELATION, RS_TARGET_EVENT, RS_TARGET_QUOTE
  };
  guint found = 0;

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (sqlite3_column_type (stmt, 2 + i) != SQLITE_NULL)
      {
        *target = targets[i];
        *target_id = sqlite3_column_int64 (stmt, 2 + i);
        found++;
      }
  return found == 1;
}

static RsReview *
review_from_row (sqlite3_stmt  *stmt,
                 GError       **error)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_autoptr(RsReview) review = rs_review_new (id);
  RsTarget target = RS_TARGET_ENTITY;
  gint64 target_id = 0;
  int state;

  if (row_has_null (stmt, COLUMNS (0, 1, 6, 7, 8)))
    return corrupt (error, "review", id, _("an empty required field")), NULL;
  if (!row_is_utf8 (stmt))
    return corrupt (error, "review", id, _("text that is not valid UTF-8")), NULL;
  if (!claim_from_row (stmt, &target, &target_id))
    return corrupt (error, "review", id, _("no single record it is about")), NULL;
  if (!rs_enum_from_nick (RS_TYPE_REVIEW_STATE, rs_db_column_text (stmt, 6), &state))
    return corrupt (error, "review", id, _("an unknown review state")), NULL;

  rs_review_set_uid (review, rs_db_column_text (stmt, 1));
  rs_review_set_target (review, target);
  rs_review_set_target_id (review, target_id);
  rs_review_set_state (review, state);
  rs_review_set_reviewer (review, rs_db_column_text (stmt, 7));
  rs_review_set_time (review, rs_db_column_text (stmt, 8));
  return g_steal_pointer (&review);
}

static RsComment *
comment_from_row (sqlite3_stmt  *stmt,
                  GError       **error)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_autoptr(RsComment) comment = rs_comment_new (id);
  RsTarget target = RS_TARGET_ENTITY;
  gint64 target_id = 0;

  if (row_has_null (stmt, COLUMNS (0, 1, 6, 7, 8, 9)))
    return corrupt (error, "comment", id, _("an empty required field")), NULL;
  if (!row_is_utf8 (stmt))
    return corrupt (error, "comment", id, _("text that is not valid UTF-8")), NULL;
  if (!claim_from_row (stmt, &target, &target_id))
    return corrupt (error, "comment", id, _("no single record it is about")), NULL;

  rs_comment_set_uid (comment, rs_db_column_text (stmt, 1));
  rs_comment_set_target (comment, target);
  rs_comment_set_target_id (comment, target_id);
  rs_comment_set_author (comment, rs_db_column_text (stmt, 6));
  rs_comment_set_time (comment, rs_db_column_text (stmt, 7));
  rs_comment_set_body (comment, rs_db_column_text (stmt, 8));
  rs_comment_set_resolved (comment, sqlite3_column_int64 (stmt, 9) != 0);
  return g_steal_pointer (&comment);
}

static RsStoryView *
story_view_from_row (sqlite3_stmt  *stmt,
                     GError       **error)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_autoptr(RsStoryView) view = rs_story_view_new (id);
  g_auto(GStrv) shown = NULL;
  g_auto(GStrv) highlighted = NULL;
  double camera[4];

  if (row_has_null (stmt, COLUMNS (0, 1, 2, 3, 4, 5, 6, 7, 9)))
    return corrupt (error, "story view", id, _("an empty required field")), NULL;
  if (!row_is_utf8 (stmt))
    return corrupt (error, "story view", id, _("text that is not valid UTF-8")), NULL;
  for (guint i = 0; i < 4; i++)
    camera[i] = sqlite3_column_double (stmt, 4 + (int)i);
  /* The schema checks the size; a hand-edited file may still hold infinities. */
  for (guint i = 0; i < 4; i++)
    if (!isfinite (camera[i]) || (i >= 2 && camera[i] <= 0))
      return corrupt (error, "story view", id, _("a camera that frames nothing")), NULL;
  if (sqlite3_column_int64 (stmt, 2) < 0 || sqlite3_column_int64 (stmt, 2) > G_MAXINT)
    return corrupt (error, "story view", id, _("a position out of range")), NULL;

  shown = rs_story_uids_from_text (rs_db_column_text (stmt, 8));
  highlighted = rs_story_uids_from_text (rs_db_column_text (stmt, 9));
  rs_story_view_set_uid (view, rs_db_column_text (stmt, 1));
  rs_story_view_set_position (view, (guint)sqlite3_column_int64 (stmt, 2));
  rs_story_view_set_caption (view, rs_db_column_text (stmt, 3));
  rs_story_view_set_camera (view, camera[0], camera[1], camera[2], camera[3]);
  rs_story_view_set_shown (view, (const char * const *)shown);
  rs_story_view_set_highlighted (view, (const char * const *)highlighted);
  return g_steal_pointer (&view);
}

typedef gpointer (*FromRow) (sqlite3_stmt *stmt, GError **error);

/* Runs "SELECT ... [WHERE id = ?]" and hands each row to from_row. */
static GPtrArray *
load_rows (RsCaseStore  *self,
           const char   *select,
           const char   *id_column,
           gint64        id,
           FromRow       from_row,
           GError      **error)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(RsStoreStmt) stmt_kept = { 0 };
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = NULL;
  gboolean has_row;

  sql = id_column ? g_strdup_printf ("%s WHERE %s = ?1", select, id_column)
                  : g_strdup_printf ("%s ORDER BY 1", select);
  if (!(stmt = _rs_case_store_prepare (self, &stmt_kept, sql, error)))
    return NULL;
  if (id_column)
    sqlite3_bind_int64 (stmt, 1, id);

  for (;;)
    {
      gpointer object;

      if (!rs_db_step_row (self->db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      if (!(object = from_row (stmt, error)))
        return NULL;
      g_ptr_array_add (objects, object);
    }

  return g_steal_pointer (&objects);
}

static gpointer
load_one (RsCaseStore  *self,
          const char   *select,
          const char   *id_column,
          gint64        id,
          FromRow       from_row,
          GError      **error)
{
  g_autoptr(GPtrArray) rows = load_rows (self, select, id_column, id, from_row, error);

  if (rows == NULL)
    return NULL;
  if (rows->len != 1)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_NOT_FOUND,
                   _("Record %" PRId64 " is not in the case"), id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (rows, 0));
}

/* entity id -> aliases, or event id -> entity ids; where = "" for the whole case. */
static gboolean
load_aliases (RsCaseStore  *self,
              GHashTable   *entities,
              gint64        only_id,
              GError      **error)
{
  g_auto(RsStoreStmt) stmt_kept = { 0 };
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) current = NULL;
  gint64 current_id = -1;
  gboolean has_row;

  stmt = _rs_case_store_prepare (self, &stmt_kept,
                                 only_id > 0
                                 ? "SELECT entity_id, alias FROM entity_alias WHERE entity_id = ?1 "
                                   "ORDER BY entity_id, position"
                                 : "SELECT entity_id, alias FROM entity_alias ORDER BY entity_id, position",
                                 error);
  if (stmt == NULL)
    return FALSE;
  if (only_id > 0)
    sqlite3_bind_int64 (stmt, 1, only_id);

  for (;;)
    {
      gint64 id;

      if (!rs_db_step_row (self->db, stmt, &has_row, error))
        return FALSE;

      id = has_row ? sqlite3_column_int64 (stmt, 0) : -1;
      if (current != NULL && id != current_id)
        {
          RsEntity *entity = g_hash_table_lookup (entities, &current_id);

          g_ptr_array_add (current, NULL);
          if (entity != NULL)
            rs_entity_set_aliases (entity, (const char * const *)current->pdata);
          g_clear_pointer (&current, g_ptr_array_unref);
        }
      if (!has_row)
        break;
      if (sqlite3_column_type (stmt, 1) != SQLITE_TEXT || !column_utf8 (stmt, 1))
        return corrupt (error, "entity", id, _("an alias that is not valid UTF-8"));
      if (g_hash_table_lookup (entities, &id) == NULL)
        return corrupt (error, "entity_alias", id, _("no entity"));
      if (current == NULL)
        {
          current = g_ptr_array_new_with_free_func (g_free);
          current_id = id;
        }
      g_ptr_array_add (current, g_strdup (rs_db_column_text (stmt, 1)));
    }

  return TRUE;
}

static gboolean
load_event_entities (RsCaseStore  *self,
                     GHashTable   *events,
                     gint64        only_id,
                     GError      **error)
{
  g_auto(RsStoreStmt) stmt_kept = { 0 };
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 current_id = -1;
  gboolean has_row;

  stmt = _rs_case_store_prepare (self, &stmt_kept,
                                 only_id > 0
                                 ? "SELECT event_id, entity_id FROM event_entity WHERE event_id = ?1 "
                                   "ORDER BY event_id, entity_id"
                                 : "SELECT event_id, entity_id FROM event_entity ORDER BY event_id, entity_id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  if (only_id > 0)
    sqlite3_bind_int64 (stmt, 1, only_id);

  for (;;)
    {
      gint64 id;

      if (!rs_db_step_row (self->db, stmt, &has_row, error))
        return FALSE;

      id = has_row ? sqlite3_column_int64 (stmt, 0) : -1;
      if (ids->len > 0 && id != current_id)
        {
          RsEvent *event = g_hash_table_lookup (events, &current_id);

          if (event != NULL)
            rs_event_set_entity_ids (event, (gint64 *)(gpointer)ids->data, ids->len);
          g_array_set_size (ids, 0);
        }
      if (!has_row)
        break;
      if (g_hash_table_lookup (events, &id) == NULL)
        return corrupt (error, "event_entity", id, _("no event"));
      current_id = id;
      g_array_append_vals (ids, &(gint64) { sqlite3_column_int64 (stmt, 1) }, 1);
    }

  return TRUE;
}

static GHashTable *
index_by_id (GPtrArray *objects,
             gint64   (*get_id) (gpointer))
{
  GHashTable *table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < objects->len; i++)
    {
      gint64 *key = g_new (gint64, 1);

      *key = get_id (g_ptr_array_index (objects, i));
      g_hash_table_insert (table, key, g_ptr_array_index (objects, i));
    }
  return table;
}

/* Ids are primary keys in our schema; a file whose schema says otherwise could
 * repeat one, and the model's indices assume they are unique. */
static gboolean
check_unique (GHashTable  *table,
              GPtrArray   *objects,
              const char  *what,
              GError     **error)
{
  if (g_hash_table_size (table) != objects->len)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_CORRUPT_CASE,
                   _("The case file is damaged: two %s records have the same id"), what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_id (GHashTable *table,
        gint64      id)
{
  return g_hash_table_lookup (table, &id) != NULL;
}

RsDocument *
_rs_case_store_load_document (RsCaseStore  *self,
                              gint64        id,
                              GError      **error)
{
  return load_one (self, DOCUMENT_SELECT, "id", id, (FromRow)document_from_row, error);
}

RsEntity *
_rs_case_store_load_entity (RsCaseStore  *self,
                            gint64        id,
                            GError      **error)
{
  g_autoptr(RsEntity) entity = load_one (self, ENTITY_SELECT, "e.id", id,
                                         (FromRow)entity_from_row, error);
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GPtrArray) one = NULL;

  if (entity == NULL)
    return NULL;

  one = g_ptr_array_new ();
  g_ptr_array_add (one, entity);
  table = index_by_id (one, (gint64 (*) (gpointer))rs_entity_get_id);
  if (!load_aliases (self, table, id, error))
    return NULL;

  return g_steal_pointer (&entity);
}

RsRelation *
_rs_case_store_load_relation (RsCaseStore  *self,
                              gint64        id,
                              GError      **error)
{
  return load_one (self, RELATION_SELECT, "r.id", id, (FromRow)relation_from_row, error);
}

RsQuote *
_rs_case_store_load_quote (RsCaseStore  *self,
                           gint64        id,
                           GError      **error)
{
  return load_one (self, QUOTE_SELECT, "id", id, (FromRow)quote_from_row, error);
}

RsEvidence *
_rs_case_store_load_evidence (RsCaseStore  *self,
                              gint64        id,
                              GError      **error)
{
  return load_one (self, EVIDENCE_SELECT, "id", id, (FromRow)evidence_from_row, error);
}

RsEvent *
_rs_case_store_load_event (RsCaseStore  *self,
                           gint64        id,
                           GError      **error)
{
  g_autoptr(RsEvent) event = load_one (self, EVENT_SELECT, "id", id, (FromRow)event_from_row, error);
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GPtrArray) one = NULL;

  if (event == NULL)
    return NULL;

  one = g_ptr_array_new ();
  g_ptr_array_add (one, event);
  table = index_by_id (one, (gint64 (*) (gpointer))rs_event_get_id);
  if (!load_event_entities (self, table, id, error))
    return NULL;

  return g_steal_pointer (&event);
}

RsNote *
_rs_case_store_load_note (RsCaseStore  *self,
                          gint64        id,
                          GError      **error)
{
  return load_one (self, NOTE_SELECT, "id", id, (FromRow)note_from_row, error);
}

RsReview *
_rs_case_store_load_review (RsCaseStore  *self,
                            gint64        id,
                            GError      **error)
{
  return load_one (self, REVIEW_SELECT, "id", id, (FromRow)review_from_row, error);
}

RsComment *
_rs_case_store_load_comment (RsCaseStore  *self,
                             gint64        id,
                             GError      **error)
{
  return load_one (self, COMMENT_SELECT, "id", id, (FromRow)comment_from_row, error);
}

RsStoryView *
_rs_case_store_load_story_view (RsCaseStore  *self,
                                gint64        id,
                                GError      **error)
{
  return load_one (self, STORY_VIEW_SELECT, "id", id, (FromRow)story_view_from_row, error);
}

/* The case's own row: title, description, creation date. */
gboolean
_rs_case_store_load_info (RsCaseStore  *self,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) info = NULL;
  gboolean has_row;

  if (!(info = rs_db_prepare (self->db, "SELECT uid, title, description, created FROM case_info",
                              error)) ||
      !rs_db_step_row (self->db, info, &has_row, error))
    return FALSE;
  if (!has_row || !row_is_utf8 (info) || row_has_null (info, COLUMNS (0, 1, 2, 3)))
    return corrupt (error, "case_info", 1, _("no readable title"));

  rs_case_set_uid (self->kase, rs_db_column_text (info, 0));
  rs_case_set_title (self->kase, rs_db_column_text (info, 1));
  rs_case_set_description (self->kase, rs_db_column_text (info, 2));
  rs_case_set_created (self->kase, rs_db_column_text (info, 3));
  return TRUE;
}

/* The record a row of TABLE belongs to, and the column of the row that holds that
 * record's id (*column; 0, the row's own key, but for an entity's external references,
 * which refresh its external id: an import may give a merged entity its first). */
RsRecordKind
_rs_case_store_record_kind (const char *table,
                            int        *column)
{
  static const struct
  {
    const char   *table;
    RsRecordKind  kind;
    int           column;
  } tables[] = {
    { "case_info", RS_RECORD_CASE, 0 },
    { "document", RS_RECORD_DOCUMENT, 0 },
    { "entity", RS_RECORD_ENTITY, 0 },
    { "entity_alias", RS_RECORD_ENTITY, 0 },
    { "position", RS_RECORD_ENTITY, 0 },
    /* entity_id; a relation's or a document's (NULL there) are not in the model */
    { "external_reference", RS_RECORD_ENTITY, 1 },
    { "relation", RS_RECORD_RELATION, 0 },
    { "edge_route", RS_RECORD_RELATION, 0 },
    { "quote", RS_RECORD_QUOTE, 0 },
    { "event", RS_RECORD_EVENT, 0 },
    { "event_entity", RS_RECORD_EVENT, 0 },
    { "evidence", RS_RECORD_EVIDENCE, 0 },
    { "note", RS_RECORD_NOTE, 0 },
    { "review", RS_RECORD_REVIEW, 0 },
    { "comment", RS_RECORD_COMMENT, 0 },
    { "story_view", RS_RECORD_STORY_VIEW, 0 },
  };

  *column = 0;
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (table, tables[i].table) == 0)
      {
        *column = tables[i].column;
        return tables[i].kind;
      }
  return RS_RECORD_NONE;
}

/* One record as the file has it now, with the loaders' checks; NULL and
 * RS_ERROR_NOT_FOUND if it is not there. */
gpointer
_rs_case_store_load_record (RsCaseStore   *self,
                            RsRecordKind   kind,
                            gint64         id,
                            GError       **error)
{
  switch (kind)
    {
    case RS_RECORD_DOCUMENT:
      return _rs_case_store_load_document (self, id, error);
    case RS_RECORD_ENTITY:
      return _rs_case_store_load_entity (self, id, error);
    case RS_RECORD_RELATION:
      return _rs_case_store_load_relation (self, id, error);
    case RS_RECORD_QUOTE:
      return _rs_case_store_load_quote (self, id, error);
    case RS_RECORD_EVENT:
      return _rs_case_store_load_event (self, id, error);
    case RS_RECORD_EVIDENCE:
      return _rs_case_store_load_evidence (self, id, error);
    case RS_RECORD_NOTE:
      return _rs_case_store_load_note (self, id, error);
    case RS_RECORD_REVIEW:
      return _rs_case_store_load_review (self, id, error);
    case RS_RECORD_COMMENT:
      return _rs_case_store_load_comment (self, id, error);
    case RS_RECORD_STORY_VIEW:
      return _rs_case_store_load_story_view (self, id, error);
    case RS_RECORD_NONE:
    case RS_RECORD_CASE:
    case RS_RECORD_LAST:
    default:
      g_assert_not_reached ();
    }
}

gboolean
_rs_case_store_load_all (RsCaseStore  *self,
                         GError      **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GPtrArray) story_views = NULL;
  g_autoptr(GHashTable) entity_table = NULL;
  g_autoptr(GHashTable) event_table = NULL;
  g_autoptr(GHashTable) document_table = NULL;
  g_autoptr(GHashTable) relation_table = NULL;
  g_autoptr(GHashTable) quote_table = NULL;
  g_autoptr(GHashTable) evidence_table = NULL;
  g_autoptr(GHashTable) note_table = NULL;

  if (!(documents = load_rows (self, DOCUMENT_SELECT, NULL, 0, (FromRow)document_from_row, error)) ||
      !(entities = load_rows (self, ENTITY_SELECT, NULL, 0, (FromRow)entity_from_row, error)) ||
      !(relations = load_rows (self, RELATION_SELECT, NULL, 0, (FromRow)relation_from_row, error)) ||
      !(quotes = load_rows (self, QUOTE_SELECT, NULL, 0, (FromRow)quote_from_row, error)) ||
      !(evidence = load_rows (self, EVIDENCE_SELECT, NULL, 0, (FromRow)evidence_from_row, error)) ||
      !(events = load_rows (self, EVENT_SELECT, NULL, 0, (FromRow)event_from_row, error)) ||
      !(notes = load_rows (self, NOTE_SELECT, NULL, 0, (FromRow)note_from_row, error)) ||
      !(reviews = load_rows (self, REVIEW_SELECT, NULL, 0, (FromRow)review_from_row, error)) ||
      !(comments = load_rows (self, COMMENT_SELECT, NULL, 0, (FromRow)comment_from_row, error)) ||
      !(story_views = load_rows (self, STORY_VIEW_SELECT, NULL, 0,
                                 (FromRow)story_view_from_row, error)))
    return FALSE;

  entity_table = index_by_id (entities, (gint64 (*) (gpointer))rs_entity_get_id);
  event_table = index_by_id (events, (gint64 (*) (gpointer))rs_event_get_id);
  document_table = index_by_id (documents, (gint64 (*) (gpointer))rs_document_get_id);
  relation_table = index_by_id (relations, (gint64 (*) (gpointer))rs_relation_get_id);
  quote_table = index_by_id (quotes, (gint64 (*) (gpointer))rs_quote_get_id);
  evidence_table = index_by_id (evidence, (gint64 (*) (gpointer))rs_evidence_get_id);
  note_table = index_by_id (notes, (gint64 (*) (gpointer))rs_note_get_id);
  if (!check_unique (entity_table, entities, "entity", error) ||
      !check_unique (event_table, events, "event", error) ||
      !check_unique (document_table, documents, "document", error) ||
      !check_unique (relation_table, relations, "relation", error) ||
      !check_unique (quote_table, quotes, "quote", error) ||
      !check_unique (evidence_table, evidence, "evidence", error) ||
      !check_unique (note_table, notes, "note", error))
    return FALSE;

  if (!load_aliases (self, entity_table, 0, error) ||
      !load_event_entities (self, event_table, 0, error))
    return FALSE;

  /* Foreign keys are checked on open, but only where the schema declares them: the
   * model must never be handed an id that points nowhere. */
  for (guint i = 0; i < relations->len; i++)
    {
      RsRelation *relation = g_ptr_array_index (relations, i);

      if (!has_id (entity_table, rs_relation_get_source_id (relation)) ||
          !has_id (entity_table, rs_relation_get_target_id (relation)))
        return corrupt (error, "relation", rs_relation_get_id (relation), _("a missing entity"));
    }
  for (guint i = 0; i < events->len; i++)
    {
      RsEvent *event = g_ptr_array_index (events, i);
      guint n_ids = 0;
      const gint64 *ids = rs_event_get_entity_ids (event, &n_ids);

      for (guint j = 0; j < n_ids; j++)
        if (!has_id (entity_table, ids[j]))
          return corrupt (error, "event", rs_event_get_id (event), _("a missing entity"));
    }
  for (guint i = 0; i < evidence->len; i++)
    {
      RsEvidence *item = g_ptr_array_index (evidence, i);
      gint64 target_id = rs_evidence_get_target_id (item);
      GHashTable *targets = rs_evidence_get_target (item) == RS_TARGET_ENTITY ? entity_table
                            : rs_evidence_get_target (item) == RS_TARGET_RELATION ? relation_table
                            : event_table;

      if (!has_id (quote_table, rs_evidence_get_quote_id (item)) || !has_id (targets, target_id))
        return corrupt (error, "evidence", rs_evidence_get_id (item), _("a missing quote or target"));
    }
  for (guint i = 0; i < notes->len; i++)
    {
      RsNote *note = g_ptr_array_index (notes, i);
      gint64 target_id = rs_note_get_target_id (note);
      GHashTable *targets = NULL;

      switch (rs_note_get_target (note))
        {
        case RS_TARGET_DOCUMENT:
          targets = document_table;
          break;
        case RS_TARGET_ENTITY:
          targets = entity_table;
          break;
        case RS_TARGET_RELATION:
          targets = relation_table;
          break;
        case RS_TARGET_EVENT:
          targets = event_table;
          break;
        default:
          break;
        }
      if (targets != NULL && !has_id (targets, target_id))
        return corrupt (error, "note", rs_note_get_id (note), _("a missing target"));
    }

  /* Reviews and comments are about one claim that is there. */
  {
    GHashTable *claims[] = {
      [RS_TARGET_ENTITY] = entity_table, [RS_TARGET_RELATION] = relation_table,
      [RS_TARGET_EVENT] = event_table, [RS_TARGET_QUOTE] = quote_table,
    };

    for (guint i = 0; i < reviews->len; i++)
      {
        RsReview *review = g_ptr_array_index (reviews, i);

        if (!has_id (claims[rs_review_get_target (review)], rs_review_get_target_id (review)))
          return corrupt (error, "review", rs_review_get_id (review), _("a missing target"));
      }
    for (guint i = 0; i < comments->len; i++)
      {
        RsComment *comment = g_ptr_array_index (comments, i);

        if (!has_id (claims[rs_comment_get_target (comment)], rs_comment_get_target_id (comment)))
          return corrupt (error, "comment", rs_comment_get_id (comment), _("a missing target"));
      }
  }

  /* A quote must lie inside its document: views slice the text with it. */
  for (guint i = 0; i < quotes->len; i++)
    {
      RsQuote *quote = g_ptr_array_index (quotes, i);
      gint64 doc_id = rs_quote_get_document_id (quote);
      RsDocument *document = g_hash_table_lookup (document_table, &doc_id);

      if (document == NULL || rs_quote_get_end (quote) > rs_document_get_length (document))
        return corrupt (error, "quote", rs_quote_get_id (quote), _("a span outside its document"));
    }

  if (!_rs_case_store_load_info (self, error))
    return FALSE;

  /* One splice per list for the whole case, announced as one change. */
  rs_case_begin_changes (self->kase);
  for (guint i = 0; i < documents->len; i++)
    rs_case_add_document (self->kase, g_ptr_array_index (documents, i));
  for (guint i = 0; i < entities->len; i++)
    rs_case_add_entity (self->kase, g_ptr_array_index (entities, i));
  for (guint i = 0; i < relations->len; i++)
    rs_case_add_relation (self->kase, g_ptr_array_index (relations, i));
  for (guint i = 0; i < quotes->len; i++)
    rs_case_add_quote (self->kase, g_ptr_array_index (quotes, i));
  for (guint i = 0; i < events->len; i++)
    rs_case_add_event (self->kase, g_ptr_array_index (events, i));
  for (guint i = 0; i < evidence->len; i++)
    rs_case_add_evidence (self->kase, g_ptr_array_index (evidence, i));
  for (guint i = 0; i < notes->len; i++)
    rs_case_add_note (self->kase, g_ptr_array_index (notes, i));
  for (guint i = 0; i < reviews->len; i++)
    rs_case_add_review (self->kase, g_ptr_array_index (reviews, i));
  for (guint i = 0; i < comments->len; i++)
    rs_case_add_comment (self->kase, g_ptr_array_index (comments, i));
  for (guint i = 0; i < story_views->len; i++)
    rs_case_add_story_view (self->kase, g_ptr_array_index (story_views, i));
  rs_case_end_changes (self->kase);

  return TRUE;
}
