/* rs-suggestions-panel.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-panel.h"

G_BEGIN_DECLS

#define RS_TYPE_SUGGESTIONS_PANEL (rs_suggestions_panel_get_type ())
G_DECLARE_FINAL_TYPE (RsSuggestionsPanel, rs_suggestions_panel, RS, SUGGESTIONS_PANEL, RsPanel)

/* The panel's groups, in the order shown. */
typedef enum
{
  RS_SUGGESTION_GROUP_MENTIONS,
  RS_SUGGESTION_GROUP_NEW_ENTITIES,
  RS_SUGGESTION_GROUP_EVENTS,
  RS_SUGGESTION_GROUP_LAST,
} RsSuggestionGroup;

GtkWidget *rs_suggestions_panel_new             (void);
gint64     rs_suggestions_panel_get_document_id (RsSuggestionsPanel *self);
void       rs_suggestions_panel_set_document_id (RsSuggestionsPanel *self,
                                                 gint64              document_id);
gboolean   rs_suggestions_panel_get_running     (RsSuggestionsPanel *self);
guint      rs_suggestions_panel_count           (RsSuggestionsPanel *self,
                                                 RsSuggestionGroup   group);
gboolean   rs_suggestions_panel_accept_group    (RsSuggestionsPanel *self,
                                                 RsSuggestionGroup   group);

G_END_DECLS
