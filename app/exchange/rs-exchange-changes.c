/* rs-exchange-changes.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-exchange-changes"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-error.h"
#include "rs-exchange-private.h"

void
_rs_exchange_header_clear (RsExchangeHeader *header)
{
  g_clear_pointer (&header->case_uid, g_free);
  g_clear_pointer (&header->author, g_free);
  g_clear_pointer (&header->since, g_free);
  g_clear_pointer (&header->created, g_free);
  g_clear_pointer (&header->changeset, g_bytes_unref);
}

RsExchangePlan *
rs_exchange_plan_new_apply (RsCaseStore  *mine,
                            const char   *changeset_path,
                            GError      **error)
{
  g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_INPUT, "Not implemented yet");
  return NULL;
}

gboolean
rs_exchange_write_changes (RsCaseStore  *store,
                           GDateTime    *since,
                           const char   *path,
                           GError      **error)
{
  g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_INPUT, "Not implemented yet");
  return FALSE;
}
