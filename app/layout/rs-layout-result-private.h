/* rs-layout-result-private.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-layout-result.h"

G_BEGIN_DECLS

/* The layout layer builds a result with these, then hands it out read-only. */
RsLayoutResult *_rs_layout_result_new      (RsLayoutEngine        engine,
                                            guint                 n_nodes,
                                            guint                 n_edges);
void            _rs_layout_result_add_node (RsLayoutResult       *self,
                                            gint64                id,
                                            double                x,
                                            double                y,
                                            double                width,
                                            double                height);
void            _rs_layout_result_add_edge (RsLayoutResult       *self,
                                            gint64                id,
                                            const RsLayoutPoint  *points,
                                            guint                 n_points,
                                            gboolean              has_label,
                                            double                label_x,
                                            double                label_y,
                                            double                label_width,
                                            double                label_height);
void            _rs_layout_result_seal     (RsLayoutResult       *self);

G_END_DECLS
