/* rs-case-store-documents.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-case-store-documents"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rs-case-store-private.h"
#include "rs-error.h"

/* Editing a document's metadata (the Documents panel). A plain store write: the
 * undoable command layer (issue 16) is meant to wrap it, building its "revert"
 * draft from the document as it was. The text, its checksum and the import date
 * are what the report *is* and are never edited here. */

static const char *grades[] = { "unknown", "A", "B", "C", "D", "E", "F" };

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_INPUT, message);
  return FALSE;
}

/* Optional text: NULL or "" (stored as NULL), else valid UTF-8 on one line. */
static gboolean
check_field (const char  *text,
             const char  *message,
             GError     **error)
{
  if (text == NULL || *text == '\0')
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL) || strpbrk (text, "\n\r") != NULL)
    return invalid (error, message);
  return TRUE;
}

static const char *
or_null (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* The forms the rest of Redstring reads a publication date in (bundles, the
 * "20 Apr 2021" labels): "YYYY", "YYYY-MM" or "YYYY-MM-DD", a real calendar date. */
gboolean
rs_case_store_check_published (const char  *published,
                               GError     **error)
{
  guint year = 0, month = 1, day = 1;
  gsize len;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (published == NULL || *published == '\0')
    return TRUE;

  len = strlen (published);
  for (gsize i = 0; i < len; i++)
    {
      gboolean dash = i == 4 || i == 7;

      if (dash ? published[i] != '-' : !g_ascii_isdigit (published[i]))
        goto bad;
    }
  if (len != 4 && len != 7 && len != 10)
    goto bad;

  year = (published[0] - '0') * 1000 + (published[1] - '0') * 100 +
         (published[2] - '0') * 10 + (published[3] - '0');
  if (len >= 7)
    month = (published[5] - '0') * 10 + (published[6] - '0');
  if (len == 10)
    day = (published[8] - '0') * 10 + (published[9] - '0');

  if (year >= 1 && g_date_valid_dmy (day, month, year))
    return TRUE;

bad:
  return invalid (error, _("The publication date is not a date of the form YYYY-MM-DD"));
}

/* Writes the draft's title, publisher, author, URL, publication date and
 * reliability over the document with the draft's id, in one savepoint, then updates
 * the case's RsDocument (one notify per changed property) and emits
 * RsCase::changed. Bad input writes nothing. */
gboolean
rs_case_store_update_document (RsCaseStore  *self,
                               RsDocument   *draft,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stripped = NULL;
  RsReliability reliability;
  RsDocument *document;
  const char *title;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (RS_IS_DOCUMENT (draft), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rs_case_store_check_writable (self, error))
    return FALSE;

  if (!(document = rs_case_lookup_document (self->kase, rs_document_get_id (draft))))
    return invalid (error, _("The document is not in the case"));

  /* Case files, bundles and pasted text are untrusted: refuse before the file. */
  title = rs_document_get_title (draft);
  reliability = rs_document_get_reliability (draft);
  stripped = g_strstrip (g_strdup (title ? title : ""));
  if (*stripped == '\0')
    return invalid (error, _("The document title is empty"));
  if (!check_field (title, _("The document title is not one line of text"), error) ||
      !check_field (rs_document_get_publisher (draft),
                    _("The publisher is not one line of text"), error) ||
      !check_field (rs_document_get_author (draft),
                    _("The author is not one line of text"), error) ||
      !check_field (rs_document_get_url (draft), _("The URL is not one line of text"), error) ||
      !rs_case_store_check_published (rs_document_get_published (draft), error))
    return FALSE;
  if ((guint)reliability >= G_N_ELEMENTS (grades))
    return invalid (error, _("Unknown reliability grade"));

  /* The same savepoint as the other writes (rs-case-store.c's op_begin/commit):
   * alone it is its own transaction, inside a batch it nests in the batch's. */
  _rs_case_store_lock (self);
  if (!rs_db_exec (self->db, "SAVEPOINT rs_op", error))
    {
      _rs_case_store_unlock (self);
      return FALSE;
    }

  if (!(stmt = rs_db_prepare (self->db,
                              "UPDATE document SET title = ?1, publisher = ?2, author = ?3, "
                              "url = ?4, published = ?5, reliability = ?6 WHERE id = ?7",
                              error)))
    goto fail;
  rs_db_bind_text (stmt, 1, title);
  rs_db_bind_text (stmt, 2, or_null (rs_document_get_publisher (draft)));
  rs_db_bind_text (stmt, 3, or_null (rs_document_get_author (draft)));
  rs_db_bind_text (stmt, 4, or_null (rs_document_get_url (draft)));
  rs_db_bind_text (stmt, 5, or_null (rs_document_get_published (draft)));
  rs_db_bind_text (stmt, 6, grades[reliability]);
  sqlite3_bind_int64 (stmt, 7, rs_document_get_id (document));
  if (!rs_db_step_done (self->db, stmt, error))
    goto fail;

  if (!rs_db_exec (self->db, "RELEASE rs_op", error))
    goto fail;
  _rs_case_store_unlock (self);

  g_object_freeze_notify (G_OBJECT (document));
  rs_document_set_title (document, title);
  rs_document_set_publisher (document, or_null (rs_document_get_publisher (draft)));
  rs_document_set_author (document, or_null (rs_document_get_author (draft)));
  rs_document_set_url (document, or_null (rs_document_get_url (draft)));
  rs_document_set_published (document, or_null (rs_document_get_published (draft)));
  rs_document_set_reliability (document, reliability);
  g_object_thaw_notify (G_OBJECT (document));
  rs_case_emit_changed (self->kase);
  return TRUE;

fail:
  rs_db_exec (self->db, "ROLLBACK TO rs_op; RELEASE rs_op", NULL);
  _rs_case_store_unlock (self);
  return FALSE;
}
