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
