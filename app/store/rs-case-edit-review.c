/* rs-case-edit-review.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-case-edit-review"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-case-edit-private.h"
#include "rs-case-store-private.h"
#include "rs-enum-types.h"

/* Team review (issue 20): a claim — an entity, a relation, an event or a quote — is
 * accepted or challenged by a reviewer, and carries a thread of comments; a review
 * mark says a review took place. Each is one undoable command, recorded in the
 * history with its author like any other, so "who challenged this" is answered by the
 * record itself and by the history. */

#define COMMENT_MAX_CHARS 20000

gboolean
_rs_case_store_claim_exists (RsCase   *kase,
                             RsTarget  target,
                             gint64    id)
{
  switch (target)
    {
    case RS_TARGET_ENTITY:   return rs_case_lookup_entity (kase, id) != NULL;
    case RS_TARGET_RELATION: return rs_case_lookup_relation (kase, id) != NULL;
    case RS_TARGET_EVENT:    return rs_case_lookup_event (kase, id) != NULL;
    case RS_TARGET_QUOTE:    return rs_case_lookup_quote (kase, id) != NULL;
    case RS_TARGET_CASE:
    case RS_TARGET_DOCUMENT:
    case RS_TARGET_NOTE:
    default:                 return FALSE;
    }
}

/* The claim as the Undo menu and the history name it. */
static char *
claim_name (RsCaseStore *store,
            RsTarget     target,
            gint64       id)
{
  RsCase *kase = rs_case_store_get_case (store);

  switch (target)
    {
    case RS_TARGET_ENTITY:
      return g_strdup (rs_entity_get_name (rs_case_lookup_entity (kase, id)));
    case RS_TARGET_RELATION:
      {
        RsRelation *relation = rs_case_lookup_relation (kase, id);
        RsEntity *source = rs_case_lookup_entity (kase, rs_relation_get_source_id (relation));
        RsEntity *target_entity = rs_case_lookup_entity (kase, rs_relation_get_target_id (relation));
        const char *label = rs_relation_get_label (relation);

        return g_strdup_printf ("%s %s %s", source ? rs_entity_get_name (source) : "?",
                                label != NULL && *label != '\0' ? label : "—",
                                target_entity ? rs_entity_get_name (target_entity) : "?");
      }
    case RS_TARGET_EVENT:
      return g_strdup (rs_event_get_title (rs_case_lookup_event (kase, id)));
    case RS_TARGET_QUOTE:
      {
        const char *text = rs_quote_get_text (rs_case_lookup_quote (kase, id));
        glong n = g_utf8_strlen (text, -1);
        g_autofree char *start = g_utf8_substring (text, 0, MIN (n, 40));

        return n > 40 ? g_strconcat (start, "…", NULL) : g_steal_pointer (&start);
      }
    case RS_TARGET_CASE:
    case RS_TARGET_DOCUMENT:
    case RS_TARGET_NOTE:
    default:
      return g_strdup ("?");
    }
}

static gboolean
check_claim (RsCaseStore  *store,
             RsTarget      target,
             gint64        id,
             GError      **error)
{
  if (target != RS_TARGET_ENTITY && target != RS_TARGET_RELATION &&
      target != RS_TARGET_EVENT && target != RS_TARGET_QUOTE)
    return invalid (error, _("Only entities, relations, events and quotes are reviewed"));
  if (!_rs_case_store_claim_exists (rs_case_store_get_case (store), target, id))
    return invalid (error, _("The item to review is not in the case"));
  return TRUE;
}

/* Writes in the open change, then brings the model's record up to date. */
static gboolean
write_and_refresh (RsCaseStore   *store,
                   RsRecordKind   kind,
                   gint64         id,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  gboolean ok;

  if (!rs_db_step_done (store->db, stmt, error))
    return FALSE;
  if (id == 0)
    id = sqlite3_last_insert_rowid (store->db);
  _rs_case_store_lock (store);
  ok = _rs_case_store_refresh (store, kind, &id, 1, error);
  _rs_case_store_unlock (store);
  return ok;
}

static gboolean
write_review_state (RsCaseStore    *store,
                    RsTarget        target,
                    gint64          id,
                    RsReviewState   state,
                    GError        **error)
{
  RsReview *review = rs_case_lookup_review_for (rs_case_store_get_case (store), target, id);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _rs_case_store_now ();
  g_autofree char *uid = NULL;
  g_autofree char *sql = NULL;

  if (review != NULL)
    {
      if (!(stmt = rs_db_prepare (store->db,
                                  "UPDATE review SET state = ?1, reviewer = ?2, time = ?3 WHERE id = ?4",
                                  error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 4, rs_review_get_id (review));
    }
  else
    {
      sql = g_strdup_printf ("INSERT INTO review (uid, %s, state, reviewer, time)"
                             " VALUES (?5, ?4, ?1, ?2, ?3)", _rs_case_store_claim_column (target));
      if (!(stmt = rs_db_prepare (store->db, sql, error)))
        return FALSE;
      uid = g_uuid_string_random ();
      sqlite3_bind_int64 (stmt, 4, id);
      rs_db_bind_text (stmt, 5, uid);
    }
  rs_db_bind_text (stmt, 1, rs_enum_to_nick (RS_TYPE_REVIEW_STATE, state));
  rs_db_bind_text (stmt, 2, rs_case_store_get_author (store));
  rs_db_bind_text (stmt, 3, now);
  return write_and_refresh (store, RS_RECORD_REVIEW, review ? rs_review_get_id (review) : 0,
                            stmt, error);
}

/**
 * rs_case_edit_set_review_state:
 *
 * Accepts or challenges a claim (or takes it back to unreviewed), as the store's
 * author, now. Returns: (transfer full): the change
 */
RsChange *
rs_case_edit_set_review_state (RsCaseStore    *store,
                               RsTarget        target,
                               gint64          target_id,
                               RsReviewState   state,
                               GError        **error)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_claim (store, target, target_id, error))
    return NULL;
  if ((guint)state > RS_REVIEW_STATE_CHALLENGED)
    return invalid (error, _("Unknown review state")), NULL;

  name = claim_name (store, target, target_id);
  switch (state)
    {
    case RS_REVIEW_STATE_ACCEPTED:
      /* TRANSLATORS: an Undo menu and history label, "Accept “Tick”" */
      label = g_strdup_printf (_("Accept “%s”"), name);
      break;
    case RS_REVIEW_STATE_CHALLENGED:
      /* TRANSLATORS: an Undo menu and history label, "Challenge “Tick”" */
      label = g_strdup_printf (_("Challenge “%s”"), name);
      break;
    case RS_REVIEW_STATE_UNREVIEWED:
    default:
      /* TRANSLATORS: an Undo menu and history label */
      label = g_strdup_printf (_("Mark “%s” as unreviewed"), name);
      break;
    }
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  return finish (store, write_review_state (store, target, target_id, state, error), error);
}

static gboolean
check_body (const char  *body,
            GError     **error)
{
  g_autofree char *trimmed = NULL;

  if (body == NULL || !g_utf8_validate (body, -1, NULL))
    return invalid (error, _("The comment is not valid text"));
  trimmed = g_strstrip (g_strdup (body));
  if (*trimmed == '\0')
    return invalid (error, _("The comment is empty"));
  if (g_utf8_strlen (body, -1) > COMMENT_MAX_CHARS)
    return invalid (error, _("The comment is too long"));
  return TRUE;
}

/**
 * rs_case_edit_add_comment:
 * @comment_id: (out) (optional): the new comment's id
 *
 * Adds a comment to a claim's thread, as the store's author, now.
 */
RsChange *
rs_case_edit_add_comment (RsCaseStore  *store,
                          RsTarget      target,
                          gint64        target_id,
                          const char   *body,
                          gint64       *comment_id,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *now = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *trimmed = NULL;
  gboolean ok;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_claim (store, target, target_id, error) || !check_body (body, error))
    return NULL;

  name = claim_name (store, target, target_id);
  /* TRANSLATORS: an Undo menu and history label, "Comment on “Tick”" */
  label = g_strdup_printf (_("Comment on “%s”"), name);
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;

  sql = g_strdup_printf ("INSERT INTO comment (uid, %s, author, time, body, resolved)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, 0)", _rs_case_store_claim_column (target));
  now = _rs_case_store_now ();
  uid = g_uuid_string_random ();
  trimmed = g_strstrip (g_strdup (body));
  ok = (stmt = rs_db_prepare (store->db, sql, error)) != NULL;
  if (ok)
    {
      rs_db_bind_text (stmt, 1, uid);
      sqlite3_bind_int64 (stmt, 2, target_id);
      rs_db_bind_text (stmt, 3, rs_case_store_get_author (store));
      rs_db_bind_text (stmt, 4, now);
      rs_db_bind_text (stmt, 5, trimmed);
      ok = write_and_refresh (store, RS_RECORD_COMMENT, 0, stmt, error);
      if (ok && comment_id != NULL)
        *comment_id = sqlite3_last_insert_rowid (store->db);
    }
  return finish (store, ok, error);
}

/* Marks a comment's point as settled (or opens it again). */
RsChange *
rs_case_edit_resolve_comment (RsCaseStore  *store,
                              gint64        comment_id,
                              gboolean      resolved,
                              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  RsComment *comment;
  gboolean ok;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(comment = rs_case_lookup_comment (rs_case_store_get_case (store), comment_id)))
    return invalid (error, _("The comment is not in the case")), NULL;

  name = claim_name (store, rs_comment_get_target (comment), rs_comment_get_target_id (comment));
  label = resolved ? g_strdup_printf (_("Resolve a comment on “%s”"), name)
                   : g_strdup_printf (_("Reopen a comment on “%s”"), name);
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  ok = (stmt = rs_db_prepare (store->db, "UPDATE comment SET resolved = ?1 WHERE id = ?2",
                              error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int (stmt, 1, resolved ? 1 : 0);
      sqlite3_bind_int64 (stmt, 2, comment_id);
      ok = write_and_refresh (store, RS_RECORD_COMMENT, comment_id, stmt, error);
    }
  return finish (store, ok, error);
}

RsChange *
rs_case_edit_delete_comment (RsCaseStore  *store,
                             gint64        comment_id,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  RsComment *comment;
  gboolean ok;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(comment = rs_case_lookup_comment (rs_case_store_get_case (store), comment_id)))
    return invalid (error, _("The comment is not in the case")), NULL;

  name = claim_name (store, rs_comment_get_target (comment), rs_comment_get_target_id (comment));
  /* TRANSLATORS: an Undo menu and history label */
  label = g_strdup_printf (_("Delete a comment on “%s”"), name);
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  ok = (stmt = rs_db_prepare (store->db, "DELETE FROM comment WHERE id = ?1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, comment_id);
      ok = write_and_refresh (store, RS_RECORD_COMMENT, comment_id, stmt, error);
    }
  return finish (store, ok, error);
}

/* Records that a review took place, by the store's author, now: the next "changes
 * since the last review" starts here. */
RsChange *
rs_case_edit_mark_review (RsCaseStore  *store,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;
  gboolean ok;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rs_case_store_begin_change (store, _("Mark a review"), error))
    return NULL;
  /* To the millisecond, as the history: "changes since the last review" then starts
   * exactly after the mark, not at the start of its second. */
  {
    g_autoptr(GDateTime) utc = g_date_time_new_now_utc ();
    g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

    now = g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
  }
  ok = (stmt = rs_db_prepare (store->db,
                              "INSERT INTO review_mark (reviewer, time) VALUES (?1, ?2)",
                              error)) != NULL;
  if (ok)
    {
      rs_db_bind_text (stmt, 1, rs_case_store_get_author (store));
      rs_db_bind_text (stmt, 2, now);
      ok = rs_db_step_done (store->db, stmt, error);
    }
  return finish (store, ok, error);
}

/**
 * rs_case_store_get_last_review_mark:
 * @reviewer: (out) (optional) (transfer full): who marked it
 * @time: (out) (optional) (transfer full): when
 *
 * Returns: %TRUE with the latest review mark; %FALSE when there is none (then @error
 *   is only set if the file could not be read)
 */
gboolean
rs_case_store_get_last_review_mark (RsCaseStore  *store,
                                    char        **reviewer,
                                    GDateTime   **time,
                                    GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) when = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  _rs_case_store_lock (store);
  if ((stmt = rs_db_prepare (store->db,
                             "SELECT reviewer, time FROM review_mark ORDER BY id DESC LIMIT 1",
                             error)))
    rs_db_step_row (store->db, stmt, &has_row, error);
  if (has_row)
    {
      if (rs_db_column_text (stmt, 1) == NULL || rs_db_column_text (stmt, 0) == NULL ||
          !(when = g_date_time_new_from_iso8601 (rs_db_column_text (stmt, 1), NULL)))
        {
          g_set_error_literal (error, RS_ERROR, RS_ERROR_CORRUPT_CASE,
                               _("The case’s review marks are damaged"));
          has_row = FALSE;
        }
      else
        {
          if (reviewer != NULL)
            *reviewer = g_strdup (rs_db_column_text (stmt, 0));
          if (time != NULL)
            *time = g_steal_pointer (&when);
        }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _rs_case_store_unlock (store);
  return has_row;
}
