/* rs-quote-editor.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rs-case.h"

G_BEGIN_DECLS

#define RS_TYPE_QUOTE_EDITOR (rs_quote_editor_get_type ())
G_DECLARE_FINAL_TYPE (RsQuoteEditor, rs_quote_editor, RS, QUOTE_EDITOR, GtkPopover)

GtkWidget  *rs_quote_editor_new             (void);
void        rs_quote_editor_edit            (RsQuoteEditor *self,
                                             RsQuote       *quote,
                                             RsDocument    *document,
                                             RsEvidence    *evidence,
                                             const char    *target_label);
RsQuote    *rs_quote_editor_get_quote       (RsQuoteEditor *self);
RsEvidence *rs_quote_editor_get_evidence    (RsQuoteEditor *self);
gint64      rs_quote_editor_get_start       (RsQuoteEditor *self);
gint64      rs_quote_editor_get_end         (RsQuoteEditor *self);
void        rs_quote_editor_set_span        (RsQuoteEditor *self,
                                             gint64         start,
                                             gint64         end);
char       *rs_quote_editor_dup_quoted_text (RsQuoteEditor *self);
RsStance    rs_quote_editor_get_stance      (RsQuoteEditor *self);
void        rs_quote_editor_set_stance      (RsQuoteEditor *self,
                                             RsStance       stance);
int         rs_quote_editor_get_credibility (RsQuoteEditor *self);
void        rs_quote_editor_set_credibility (RsQuoteEditor *self,
                                             int            credibility);
void        rs_quote_editor_set_error       (RsQuoteEditor *self,
                                             const char    *message);

G_END_DECLS
