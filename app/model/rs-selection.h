/* rs-selection.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-types.h"

G_BEGIN_DECLS

#define RS_TYPE_SELECTION (rs_selection_get_type ())
G_DECLARE_FINAL_TYPE (RsSelection, rs_selection, RS, SELECTION, GObject)

RsSelection *rs_selection_new         (void);
guint        rs_selection_get_n_items (RsSelection  *self);
void         rs_selection_get_item    (RsSelection  *self,
                                       guint         position,
                                       RsTarget     *target,
                                       gint64       *id);
gboolean     rs_selection_get_primary (RsSelection  *self,
                                       RsTarget     *target,
                                       gint64       *id);
gboolean     rs_selection_contains    (RsSelection  *self,
                                       RsTarget      target,
                                       gint64        id);
void         rs_selection_clear       (RsSelection  *self);
void         rs_selection_select      (RsSelection  *self,
                                       RsTarget      target,
                                       gint64        id);
void         rs_selection_select_many (RsSelection  *self,
                                       RsTarget      target,
                                       const gint64 *ids,
                                       guint         n_ids);
void         rs_selection_set_items   (RsSelection    *self,
                                       const RsTarget *targets,
                                       const gint64   *ids,
                                       guint           n_items);
void         rs_selection_toggle      (RsSelection  *self,
                                       RsTarget      target,
                                       gint64        id);
void         rs_selection_add         (RsSelection  *self,
                                       RsTarget      target,
                                       gint64        id);

G_END_DECLS
