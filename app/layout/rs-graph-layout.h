/* rs-graph-layout.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rs-layout-request.h"
#include "rs-layout-result.h"

G_BEGIN_DECLS

RsLayoutResult *rs_graph_layout_run        (RsLayoutRequest      *request,
                                            GCancellable         *cancellable,
                                            GError              **error);
void            rs_graph_layout_run_async  (RsLayoutRequest      *request,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
RsLayoutResult *rs_graph_layout_run_finish (GAsyncResult         *result,
                                            GError              **error);
gboolean        rs_graph_layout_write_dot  (RsLayoutRequest      *request,
                                            const char           *path,
                                            GError              **error);

G_END_DECLS
