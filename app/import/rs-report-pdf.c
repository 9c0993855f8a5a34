/* rs-report-pdf.c: PDF reports, through poppler-glib
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-report-pdf"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <poppler.h>

#include "rs-error.h"
#include "rs-report-private.h"

/* The text layer of each page, in poppler's reading order, pages joined by a blank
 * line. A PDF whose pages hold no text at all is a scan (or drawings): refused,
 * since Redstring does not read pictures of text. Metadata from the document
 * information dictionary: title, author, and the creation date as the best guess
 * at the publication date.
 *
 * Poppler keeps process-wide state its documentation does not promise is safe to
 * use from two threads at once; one lock keeps readings of PDFs one at a time. */

static GMutex poppler_lock;

/* poppler-glib 22.12 declares no autoptr cleanups for its types. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static char *
dup_nonempty (char *value)
{
  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

RsReport *
_rs_report_read_pdf (GBytes            *data,
                     const char        *display_name,
                     GCancellable      *cancellable,
                     RsReportProgress  *progress,
                     GError           **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&poppler_lock);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *published = NULL;
  GDateTime *created;
  guint n_replaced = 0;
  int n_pages;
  RsReport *report;

  document = poppler_document_new_from_bytes (data, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                     _("“%s” is protected by a password: remove the protection and import it again"),
                     display_name);
      else
        g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                     _("“%s” is not a readable PDF file (%s)"), display_name,
                     local_error ? local_error->message : _("unknown error"));
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = NULL;
      g_autofree char *page_text = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      _rs_report_progress_set (progress, (double)i / n_pages);

      page = poppler_document_get_page (document, i);
      page_text = page ? poppler_page_get_text (page) : NULL;
      if (page_text == NULL || _rs_report_is_blank (page_text))
        continue;
      g_strstrip (page_text);
      if (all->len > 0)
        g_string_append (all, "\n\n");
      g_string_append (all, page_text);
    }
  _rs_report_progress_set (progress, 1.0);

  {
    /* Poppler returns UTF-8, but be sure, and tidy its line ends. */
    g_autofree char *valid = g_utf8_make_valid (all->str, all->len);

    text = _rs_report_normalize (valid, strlen (valid));
    /* Text we made ends where its last word does. */
    g_strchomp (text);
  }
  if (_rs_report_is_blank (text))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("“%s” has no text layer (is it a scan?)"), display_name);
      return NULL;
    }

  created = poppler_document_get_creation_date_time (document);
  if (created != NULL)
    {
      published = g_date_time_format (created, "%Y-%m-%d");
      g_date_time_unref (created);
    }

  report = _rs_report_new (RS_REPORT_FORMAT_PDF, g_steal_pointer (&text), "PDF", n_replaced);
  _rs_report_take_metadata (report,
                            dup_nonempty (poppler_document_get_title (document)),
                            dup_nonempty (poppler_document_get_author (document)),
                            NULL,
                            g_steal_pointer (&published),
                            NULL);
  return report;
}
