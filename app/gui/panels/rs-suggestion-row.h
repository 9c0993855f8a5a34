/* rs-suggestion-row.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rs-suggestion.h"

G_BEGIN_DECLS

#define RS_TYPE_SUGGESTION_ROW (rs_suggestion_row_get_type ())
G_DECLARE_FINAL_TYPE (RsSuggestionRow, rs_suggestion_row, RS, SUGGESTION_ROW, GtkListBoxRow)

/* @snippet: Pango markup, the span in bold among its words; @kind: the kind shown
 * (a new entity's may differ from the engine's, when the analyst chose another). */
GtkWidget    *rs_suggestion_row_new                (RsSuggestion    *suggestion,
                                                    const char      *snippet,
                                                    RsEntityKind     kind);
RsSuggestion *rs_suggestion_row_get_suggestion     (RsSuggestionRow *self);
RsEntityKind  rs_suggestion_row_get_kind           (RsSuggestionRow *self);
void          rs_suggestion_row_set_kind           (RsSuggestionRow *self,
                                                    RsEntityKind     kind);

G_END_DECLS
