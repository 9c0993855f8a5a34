/* rs-review-panel.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-panel.h"

G_BEGIN_DECLS

#define RS_TYPE_REVIEW_PANEL (rs_review_panel_get_type ())
G_DECLARE_FINAL_TYPE (RsReviewPanel, rs_review_panel, RS, REVIEW_PANEL, RsPanel)

GtkWidget *rs_review_panel_new            (void);
void       rs_review_panel_show_claim     (RsReviewPanel *self,
                                           RsTarget       target,
                                           gint64         id);
gboolean   rs_review_panel_get_claim      (RsReviewPanel *self,
                                           RsTarget      *target,
                                           gint64        *id);
void       rs_review_panel_focus_comment  (RsReviewPanel *self);
gboolean   rs_review_panel_get_can_review (RsReviewPanel *self);
void       rs_review_panel_set_can_review (RsReviewPanel *self,
                                           gboolean       can_review);
guint      rs_review_panel_get_n_items    (RsReviewPanel *self);
gboolean   rs_review_panel_has_item       (RsReviewPanel *self,
                                           RsTarget       target,
                                           gint64         id);
guint      rs_review_panel_get_n_comments (RsReviewPanel *self);

G_END_DECLS
