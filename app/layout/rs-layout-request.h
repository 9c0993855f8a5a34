/* rs-layout-request.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nicks ("auto", "dot", …) are the words the CLI and the preferences use. */
typedef enum
{
  RS_LAYOUT_ENGINE_AUTO,
  RS_LAYOUT_ENGINE_DOT,
  RS_LAYOUT_ENGINE_NEATO,
  RS_LAYOUT_ENGINE_FDP,
  RS_LAYOUT_ENGINE_SFDP,
  RS_LAYOUT_ENGINE_CIRCO,
  RS_LAYOUT_ENGINE_TWOPI,
} RsLayoutEngine;

#define RS_TYPE_LAYOUT_REQUEST (rs_layout_request_get_type ())

typedef struct _RsLayoutRequest RsLayoutRequest;

GType            rs_layout_request_get_type           (void) G_GNUC_CONST;
RsLayoutRequest *rs_layout_request_new                (RsLayoutEngine          engine);
RsLayoutRequest *rs_layout_request_ref                (RsLayoutRequest        *self);
void             rs_layout_request_unref              (RsLayoutRequest        *self);
void             rs_layout_request_add_node           (RsLayoutRequest        *self,
                                                       gint64                  id,
                                                       double                  width,
                                                       double                  height,
                                                       gboolean                fixed,
                                                       double                  x,
                                                       double                  y);
void             rs_layout_request_add_edge           (RsLayoutRequest        *self,
                                                       gint64                  id,
                                                       gint64                  source,
                                                       gint64                  target,
                                                       double                  label_width,
                                                       double                  label_height,
                                                       gboolean                directed);
void             rs_layout_request_set_place_new_only (RsLayoutRequest        *self,
                                                       gboolean                place_new_only);
gboolean         rs_layout_request_get_place_new_only (const RsLayoutRequest  *self);
RsLayoutEngine   rs_layout_request_get_engine         (const RsLayoutRequest  *self);
guint            rs_layout_request_get_n_nodes        (const RsLayoutRequest  *self);
guint            rs_layout_request_get_n_edges        (const RsLayoutRequest  *self);
guint            rs_layout_request_get_n_fixed        (const RsLayoutRequest  *self);
RsLayoutEngine   rs_layout_request_choose_engine      (const RsLayoutRequest  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsLayoutRequest, rs_layout_request_unref)

G_END_DECLS
