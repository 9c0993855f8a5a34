/* rs-case-store-review.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-case-store-review"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-case-edit-private.h"
#include "rs-case-store-private.h"
#include "rs-enum-types.h"
#include "rs-error.h"

/* Review states and comments written as they come (a bundle's, inside a batch or a
 * change), checked as the schema would and more: the reader of a colleague's
 * bundle gets a sentence, not a constraint name. */

/* The column of review and comment that names a claim of this kind; NULL for what is
 * not reviewed. */
const char *
_rs_case_store_claim_column (RsTarget target)
{
  switch (target)
    {
    case RS_TARGET_ENTITY:   return "entity_id";
    case RS_TARGET_RELATION: return "relation_id";
    case RS_TARGET_EVENT:    return "event_id";
    case RS_TARGET_QUOTE:    return "quote_id";
    case RS_TARGET_CASE:
    case RS_TARGET_DOCUMENT:
    case RS_TARGET_NOTE:
    default:                 return NULL;
    }
}

/* The claim must be in the file (in a batch, the model does not have it yet). */
static gboolean
check_claim (RsCaseStore  *self,
             RsTarget      target,
             gint64        target_id,
             GError      **error)
{
  static const char *queries[] = {
    [RS_TARGET_ENTITY] = "SELECT 1 FROM entity WHERE id = ?1",
    [RS_TARGET_RELATION] = "SELECT 1 FROM relation WHERE id = ?1",
    [RS_TARGET_EVENT] = "SELECT 1 FROM event WHERE id = ?1",
    [RS_TARGET_QUOTE] = "SELECT 1 FROM quote WHERE id = ?1",
  };
  g_auto(RsStoreStmt) holder = { 0 };
  sqlite3_stmt *stmt;
  gboolean has_row = FALSE;

  if (_rs_case_store_claim_column (target) == NULL)
    return invalid (error, _("Only entities, relations, events and quotes are reviewed"));
  if (!(stmt = _rs_case_store_prepare (self, &holder, queries[target], error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, target_id);
  if (!rs_db_step_row (self->db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return invalid (error, _("The reviewed item is not in the case"));
  return TRUE;
}

static gboolean
check_text (const char  *text,
            const char  *what_message,
            GError     **error)
{
  if (text == NULL || *text == '\0' || !g_utf8_validate (text, -1, NULL))
    return invalid (error, what_message);
  return TRUE;
}

static gboolean
check_time (const char  *time,
            GError     **error)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (time == NULL || !(parsed = g_date_time_new_from_iso8601 (time, NULL)))
    return invalid (error, _("A review time is not an ISO 8601 date and time"));
  return TRUE;
}

static char *
uid_or_new (const char *uid)
{
  return uid != NULL && *uid != '\0' ? g_strdup (uid) : g_uuid_string_random ();
}

/**
 * rs_case_store_add_review:
 * @draft: the state, reviewer, time and claim (its id is ignored)
 *
 * Returns: (transfer none): the review as the case has it, or %NULL
 */
RsReview *
rs_case_store_add_review (RsCaseStore  *self,
                          RsReview     *draft,
                          GError      **error)
{
  g_autoptr(RsReview) review = NULL;
  g_auto(RsStoreStmt) holder = { 0 };
  g_autofree char *sql = NULL;
  g_autofree char *uid = NULL;
  const char *column;
  sqlite3_stmt *stmt;
  gboolean taken = FALSE;
  gint64 id;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (RS_IS_REVIEW (draft), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_rs_case_store_check_writable (self, error))
    return NULL;
  if ((guint)rs_review_get_state (draft) > RS_REVIEW_STATE_CHALLENGED)
    return invalid (error, _("Unknown review state")), NULL;
  if (!check_text (rs_review_get_reviewer (draft), _("A review has no reviewer"), error) ||
      !check_time (rs_review_get_time (draft), error))
    return NULL;
  if ((column = _rs_case_store_claim_column (rs_review_get_target (draft))) == NULL)
    return invalid (error, _("Only entities, relations, events and quotes are reviewed")), NULL;

  if (!_rs_case_store_op_begin (self, error))
    return NULL;
  if (!check_claim (self, rs_review_get_target (draft), rs_review_get_target_id (draft), error))
    goto fail;

  /* One state per claim. */
  sql = g_strdup_printf ("SELECT 1 FROM review WHERE %s = ?1", column);
  if (!(stmt = _rs_case_store_prepare (self, &holder, sql, error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rs_review_get_target_id (draft));
  if (!rs_db_step_row (self->db, stmt, &taken, error))
    goto fail;
  _rs_case_store_stmt_clear (&holder);
  if (taken)
    {
      invalid (error, _("An item has more than one review state"));
      goto fail;
    }

  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO review (uid, %s, state, reviewer, time)"
                         " VALUES (?1, ?2, ?3, ?4, ?5)", column);
  if (!(stmt = _rs_case_store_prepare (self, &holder, sql, error)))
    goto fail;
  uid = uid_or_new (rs_review_get_uid (draft));
  rs_db_bind_text (stmt, 1, uid);
  sqlite3_bind_int64 (stmt, 2, rs_review_get_target_id (draft));
  rs_db_bind_text (stmt, 3, rs_enum_to_nick (RS_TYPE_REVIEW_STATE, rs_review_get_state (draft)));
  rs_db_bind_text (stmt, 4, rs_review_get_reviewer (draft));
  rs_db_bind_text (stmt, 5, rs_review_get_time (draft));
  if (!rs_db_step_done (self->db, stmt, error))
    goto fail;
  _rs_case_store_stmt_clear (&holder);
  id = sqlite3_last_insert_rowid (self->db);

  if (!(review = _rs_case_store_load_review (self, id, error)) ||
      !_rs_case_store_op_commit (self, error))
    goto fail;
  _rs_case_store_publish (self, review);
  return review;

fail:
  _rs_case_store_stmt_clear (&holder);
  _rs_case_store_op_rollback (self);
  return NULL;
}

/**
 * rs_case_store_add_comment:
 * @draft: the author, time, text, resolved flag and claim (its id is ignored)
 *
 * Returns: (transfer none): the comment as the case has it, or %NULL
 */
RsComment *
rs_case_store_add_comment (RsCaseStore  *self,
                           RsComment    *draft,
                           GError      **error)
{
  g_autoptr(RsComment) comment = NULL;
  g_auto(RsStoreStmt) holder = { 0 };
  g_autofree char *sql = NULL;
  g_autofree char *uid = NULL;
  const char *column;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (RS_IS_COMMENT (draft), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_rs_case_store_check_writable (self, error))
    return NULL;
  if (!check_text (rs_comment_get_author (draft), _("A comment has no author"), error) ||
      !check_text (rs_comment_get_body (draft), _("A comment is empty"), error) ||
      !check_time (rs_comment_get_time (draft), error))
    return NULL;
  if ((column = _rs_case_store_claim_column (rs_comment_get_target (draft))) == NULL)
    return invalid (error, _("Only entities, relations, events and quotes are reviewed")), NULL;

  if (!_rs_case_store_op_begin (self, error))
    return NULL;
  if (!check_claim (self, rs_comment_get_target (draft), rs_comment_get_target_id (draft), error))
    goto fail;

  sql = g_strdup_printf ("INSERT INTO comment (uid, %s, author, time, body, resolved)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", column);
  if (!(stmt = _rs_case_store_prepare (self, &holder, sql, error)))
    goto fail;
  uid = uid_or_new (rs_comment_get_uid (draft));
  rs_db_bind_text (stmt, 1, uid);
  sqlite3_bind_int64 (stmt, 2, rs_comment_get_target_id (draft));
  rs_db_bind_text (stmt, 3, rs_comment_get_author (draft));
  rs_db_bind_text (stmt, 4, rs_comment_get_time (draft));
  rs_db_bind_text (stmt, 5, rs_comment_get_body (draft));
  sqlite3_bind_int (stmt, 6, rs_comment_get_resolved (draft) ? 1 : 0);
  if (!rs_db_step_done (self->db, stmt, error))
    goto fail;
  _rs_case_store_stmt_clear (&holder);
  id = sqlite3_last_insert_rowid (self->db);

  if (!(comment = _rs_case_store_load_comment (self, id, error)) ||
      !_rs_case_store_op_commit (self, error))
    goto fail;
  _rs_case_store_publish (self, comment);
  return comment;

fail:
  _rs_case_store_stmt_clear (&holder);
  _rs_case_store_op_rollback (self);
  return NULL;
}
