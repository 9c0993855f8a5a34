/* rs-find-popover.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rs-case-store.h"

G_BEGIN_DECLS

#define RS_TYPE_FIND_POPOVER (rs_find_popover_get_type ())
G_DECLARE_FINAL_TYPE (RsFindPopover, rs_find_popover, RS, FIND_POPOVER, GtkPopover)

RsCaseStore *rs_find_popover_get_store   (RsFindPopover *self);
void         rs_find_popover_set_store   (RsFindPopover *self,
                                          RsCaseStore   *store);
GListModel  *rs_find_popover_get_results (RsFindPopover *self);
void         rs_find_popover_search_now  (RsFindPopover *self);

G_END_DECLS
