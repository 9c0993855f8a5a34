/* rs-render-test-utils.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "rs-board-style.h"
#include "rs-case-store.h"

G_BEGIN_DECLS

void      rs_render_test_place_grid   (RsCaseStore        *store,
                                       guint               columns,
                                       double              step_x,
                                       double              step_y);
gint64    rs_render_test_entity_id    (RsCaseStore        *store,
                                       const char         *name);
gint64    rs_render_test_document_id  (RsCaseStore        *store,
                                       const char         *publisher_prefix);
void      rs_render_test_read_pixel   (cairo_surface_t    *surface,
                                       int                 x,
                                       int                 y,
                                       RsBoardColor       *color);
gboolean  rs_render_test_color_near   (const RsBoardColor *a,
                                       const RsBoardColor *b,
                                       double              tolerance);

G_END_DECLS
