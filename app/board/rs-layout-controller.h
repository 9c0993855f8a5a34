/* rs-layout-controller.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rs-board-scene.h"
#include "rs-case-store.h"
#include "rs-layout-request.h"

G_BEGIN_DECLS

#define RS_TYPE_LAYOUT_CONTROLLER (rs_layout_controller_get_type ())

G_DECLARE_FINAL_TYPE (RsLayoutController, rs_layout_controller, RS, LAYOUT_CONTROLLER, GObject)

RsLayoutController *rs_layout_controller_new            (RsCaseStore          *store);
RsCaseStore        *rs_layout_controller_dup_store      (RsLayoutController   *self);
RsLayoutEngine      rs_layout_controller_get_engine     (RsLayoutController   *self);
void                rs_layout_controller_set_engine     (RsLayoutController   *self,
                                                         RsLayoutEngine        engine);
gboolean            rs_layout_controller_get_show_only  (RsLayoutController   *self);
void                rs_layout_controller_set_show_only  (RsLayoutController   *self,
                                                         gboolean              show_only);
void                rs_layout_controller_cancel         (RsLayoutController   *self);
void                rs_layout_controller_run_async      (RsLayoutController   *self,
                                                         RsBoardScene         *scene,
                                                         gboolean              everything,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean            rs_layout_controller_run_finish     (RsLayoutController   *self,
                                                         GAsyncResult         *result,
                                                         guint                *n_placed,
                                                         GError              **error);
gboolean            rs_layout_controller_run            (RsLayoutController   *self,
                                                         RsBoardScene         *scene,
                                                         gboolean              everything,
                                                         GCancellable         *cancellable,
                                                         guint                *n_placed,
                                                         GError              **error);

G_END_DECLS
