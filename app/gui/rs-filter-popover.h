/* rs-filter-popover.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rs-board-filter.h"
#include "rs-case-store.h"

G_BEGIN_DECLS

#define RS_TYPE_FILTER_POPOVER (rs_filter_popover_get_type ())
G_DECLARE_FINAL_TYPE (RsFilterPopover, rs_filter_popover, RS, FILTER_POPOVER, GtkPopover)

RsBoardFilter *rs_filter_popover_get_filter (RsFilterPopover *self);
void           rs_filter_popover_set_filter (RsFilterPopover *self,
                                             RsBoardFilter   *filter);
RsCaseStore   *rs_filter_popover_get_store  (RsFilterPopover *self);
void           rs_filter_popover_set_store  (RsFilterPopover *self,
                                             RsCaseStore     *store);

G_END_DECLS
