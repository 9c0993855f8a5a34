/* rs-empty-state.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rs-case-store.h"

G_BEGIN_DECLS

#define RS_TYPE_EMPTY_STATE (rs_empty_state_get_type ())
G_DECLARE_FINAL_TYPE (RsEmptyState, rs_empty_state, RS, EMPTY_STATE, GtkWidget)

GtkWidget   *rs_empty_state_new       (void);
RsCaseStore *rs_empty_state_get_store (RsEmptyState *self);
void         rs_empty_state_set_store (RsEmptyState *self,
                                       RsCaseStore  *store);
gboolean     rs_empty_state_get_empty (RsEmptyState *self);

G_END_DECLS
