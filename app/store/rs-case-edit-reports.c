/* rs-case-edit-reports.c: importing a report as one undoable change (issue 17)
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-case-edit-reports"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-case-edit.h"
#include "rs-error.h"

/* A report read by rs_report_read_*() (app/import) becomes a document here. The
 * command does not refuse a text the case already holds: the caller asks
 * rs_case_store_find_document_by_text() first and offers the existing document
 * (the import sheet, redstring-cli import-report). */

static gboolean
tidy_optional (const char  *value,
               char       **tidy)
{
  *tidy = value != NULL ? g_strstrip (g_strdup (value)) : NULL;
  if (*tidy != NULL && **tidy == '\0')
    g_clear_pointer (tidy, g_free);
  return TRUE;
}

/* One change, labelled "Import “Title”": a new document with @text (valid UTF-8,
 * not empty) and the metadata (each may be NULL; @published "YYYY", "YYYY-MM" or
 * "YYYY-MM-DD"). Sets @document_id (may be NULL) to the new document's id. NULL
 * and RS_ERROR_INVALID_INPUT, with nothing written, for an empty title or text,
 * text that is not UTF-8 or a date that is not a date. */
RsChange *
rs_case_edit_import_report (RsCaseStore    *store,
                            const char     *text,
                            const char     *title,
                            const char     *publisher,
                            const char     *author,
                            const char     *published,
                            const char     *url,
                            RsReliability   reliability,
                            gint64         *document_id,
                            GError        **error)
{
  g_autoptr(RsDocument) draft = rs_document_new (0);
  g_autofree char *tidy_title = NULL;
  g_autofree char *tidy_publisher = NULL;
  g_autofree char *tidy_author = NULL;
  g_autofree char *tidy_published = NULL;
  g_autofree char *tidy_url = NULL;
  g_autofree char *label = NULL;
  RsDocument *document;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  tidy_optional (title, &tidy_title);
  tidy_optional (publisher, &tidy_publisher);
  tidy_optional (author, &tidy_author);
  tidy_optional (published, &tidy_published);
  tidy_optional (url, &tidy_url);

  /* Refused before the change opens, so that nothing is begun for bad input. */
  if (text == NULL || *text == '\0')
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT, _("The report has no text"));
      return NULL;
    }
  if (tidy_title == NULL)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT, _("The report needs a title"));
      return NULL;
    }
  if (!rs_case_store_check_published (tidy_published, error))
    return NULL;

  rs_document_set_title (draft, tidy_title);
  rs_document_set_publisher (draft, tidy_publisher);
  rs_document_set_author (draft, tidy_author);
  rs_document_set_published (draft, tidy_published);
  rs_document_set_url (draft, tidy_url);
  rs_document_set_text (draft, text);
  rs_document_set_reliability (draft, reliability);

  label = g_strdup_printf (_("Import “%s”"), tidy_title);
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  if (!(document = rs_case_store_add_document (store, draft, error)))
    {
      rs_case_store_cancel_change (store);
      return NULL;
    }
  if (document_id != NULL)
    *document_id = rs_document_get_id (document);
  return rs_case_store_end_change (store, error);
}
