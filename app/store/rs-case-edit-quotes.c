/* rs-case-edit-quotes.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-case-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-case-edit-private.h"
#include "rs-error.h"

/* The quote editor's commands (issue 16). Like the others in rs-case-edit.c, each is
 * one change: one transaction, one step of undo.
 *
 * The editor changes a quote's span and credibility and the stance of one of its
 * evidence links together; rs_case_edit_update_quote() and rs_case_edit_set_stance()
 * would make that two steps of undo, and a refused stance would leave the new span
 * written. Here everything is checked before the change opens, so a refusal writes
 * nothing at all. */

static RsDocument *
lookup_quote (RsCaseStore  *store,
              gint64        quote_id,
              RsQuote     **quote,
              GError      **error)
{
  RsCase *kase = rs_case_store_get_case (store);
  RsDocument *document = NULL;

  if ((*quote = rs_case_lookup_quote (kase, quote_id)) != NULL)
    document = rs_case_lookup_document (kase, rs_quote_get_document_id (*quote));
  if (document == NULL)
    g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                         _("The quote is not in the case"));
  return document;
}

/**
 * rs_case_edit_update_quote_evidence:
 * @quote_id: the quote
 * @start: (in characters of its document) where it starts
 * @end: where it ends, after @start
 * @credibility: 1–6, or 0 for not graded
 * @evidence_id: one evidence link of the quote whose stance to set, or 0
 * @stance: the stance of @evidence_id
 *
 * Edit Quote: the span, the credibility and one stance as one undoable change. Only
 * what differs is written. A span outside the document, empty or reversed, a link of
 * another quote or an unknown grade is refused with nothing written.
 *
 * Returns: (transfer full): the change (empty when nothing differed), or %NULL
 */
RsChange *
rs_case_edit_update_quote_evidence (RsCaseStore  *store,
                                    gint64        quote_id,
                                    gint64        start,
                                    gint64        end,
                                    int           credibility,
                                    gint64        evidence_id,
                                    RsStance      stance,
                                    GError      **error)
{
  g_autofree char *label = NULL;
  RsEvidence *evidence = NULL;
  RsDocument *document;
  RsQuote *quote;
  gboolean span_changed, stance_changed;
  gboolean ok = TRUE;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(document = lookup_quote (store, quote_id, &quote, error)) ||
      !_rs_case_edit_check_span (document, start, end, error))
    return NULL;
  if (credibility < 0 || credibility > 6)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("Credibility is graded 1 to 6, not %d"), credibility);
      return NULL;
    }
  if (evidence_id != 0)
    {
      evidence = rs_case_lookup_evidence (rs_case_store_get_case (store), evidence_id);
      if (evidence == NULL || rs_evidence_get_quote_id (evidence) != quote_id)
        {
          g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                               _("The quote is no longer linked to that item"));
          return NULL;
        }
      if ((guint)stance > RS_STANCE_MENTIONS)
        {
          g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_INPUT, _("Unknown stance"));
          return NULL;
        }
    }

  span_changed = start != rs_quote_get_start (quote) || end != rs_quote_get_end (quote) ||
                 credibility != rs_quote_get_credibility (quote);
  stance_changed = evidence != NULL && rs_evidence_get_stance (evidence) != stance;

  label = g_strdup_printf (_("Edit a quote from “%s”"), rs_document_get_title (document));
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  if (span_changed)
    ok = rs_case_store_update_quote (store, quote_id, start, end, credibility, error);
  if (ok && stance_changed)
    ok = rs_case_store_update_evidence (store, evidence_id, rs_evidence_get_target (evidence),
                                        rs_evidence_get_target_id (evidence), stance, error);
  return finish (store, ok, error);
}

/**
 * rs_case_edit_delete_quote:
 *
 * Delete Quote: the quote and every evidence link from it (the schema cascades,
 * and the change records the cascade), one undoable change.
 *
 * Returns: (transfer full): the change, or %NULL
 */
RsChange *
rs_case_edit_delete_quote (RsCaseStore  *store,
                           gint64        quote_id,
                           GError      **error)
{
  g_autofree char *label = NULL;
  RsDocument *document;
  RsQuote *quote;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(document = lookup_quote (store, quote_id, &quote, error)))
    return NULL;

  label = g_strdup_printf (_("Delete a quote from “%s”"), rs_document_get_title (document));
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  return finish (store, rs_case_store_delete_quote (store, quote_id, error), error);
}
