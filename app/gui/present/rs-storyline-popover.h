/* rs-storyline-popover.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rs-case-store.h"

G_BEGIN_DECLS

#define RS_TYPE_STORYLINE_POPOVER (rs_storyline_popover_get_type ())
G_DECLARE_FINAL_TYPE (RsStorylinePopover, rs_storyline_popover, RS, STORYLINE_POPOVER, GtkPopover)

GtkWidget   *rs_storyline_popover_new         (void);
RsCaseStore *rs_storyline_popover_get_store   (RsStorylinePopover  *self);
void         rs_storyline_popover_set_store   (RsStorylinePopover  *self,
                                               RsCaseStore         *store);
GtkListBox  *rs_storyline_popover_get_list    (RsStorylinePopover  *self);
gboolean     rs_storyline_popover_get_editable (RsStorylinePopover *self);
void         rs_storyline_popover_set_editable (RsStorylinePopover *self,
                                               gboolean             editable);
gboolean     rs_storyline_popover_move        (RsStorylinePopover  *self,
                                               gint64               view_id,
                                               guint                position,
                                               GError             **error);

G_END_DECLS
