/* rs-case-edit-private.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-case-edit.h"
#include "rs-error.h"

G_BEGIN_DECLS

/* Shared by the command files (rs-case-edit*.c). */

/* Ends the change opened by the command: committed when @ok, else cancelled (nothing
 * written, @error already set). */
static inline RsChange *
finish (RsCaseStore  *store,
        gboolean      ok,
        GError      **error)
{
  if (!ok)
    {
      rs_case_store_cancel_change (store);
      return NULL;
    }
  return rs_case_store_end_change (store, error);
}

/* Sets RS_ERROR_INVALID_INPUT with @message; returns FALSE. */
static inline gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_INPUT, message);
  return FALSE;
}

/* A span must lie inside its document and hold more than blank space: a quote of
 * nothing backs nothing. */
gboolean  _rs_case_edit_check_span (RsDocument   *document,
                                    gint64        start,
                                    gint64        end,
                                    GError      **error);

G_END_DECLS
