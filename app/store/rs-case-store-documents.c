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

/* What a document's metadata must look like (the Documents panel checks as the
 * user types; rs_case_store_update_document() checks again before writing). */

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_INPUT, message);
  return FALSE;
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

/* The case's document whose text has this SHA-256 (lower-case hex, as
 * rs_document_get_sha256() gives it), the first imported if several; NULL if none.
 * Transfer none. */
RsDocument *
rs_case_store_find_document_by_sha256 (RsCaseStore *self,
                                       const char  *sha256)
{
  GListModel *documents;
  guint n;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  /* The case mirrors the file (every write reloads what it touched), so the
   * documents in memory are the file's. */
  documents = rs_case_get_documents (self->kase);
  n = g_list_model_get_n_items (documents);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsDocument) document = g_list_model_get_item (documents, i);

      if (g_ascii_strcasecmp (rs_document_get_sha256 (document), sha256) == 0)
        return rs_case_lookup_document (self->kase, rs_document_get_id (document));
    }
  return NULL;
}

/* The case's document with exactly this text (what an import of @text would
 * store; see rs_case_store_add_document()), or NULL. Transfer none. */
RsDocument *
rs_case_store_find_document_by_text (RsCaseStore *self,
                                     const char  *text)
{
  g_autofree char *sha256 = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  return rs_case_store_find_document_by_sha256 (self, sha256);
}
