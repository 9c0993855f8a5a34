/* rs-export-data.h: the board as data (DOT, GraphML, CSV)
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-export.h"

G_BEGIN_DECLS

/* Private to app/export: rs_export_write() dispatches here. Each writes the whole file
 * to out (not closed) or fails with a GError (G_IO_ERROR_CANCELLED when cancelled,
 * the stream's error when a write fails). scene is what the board draws
 * (rs_export_build_scene()): the filter and the selection are already applied to it,
 * so what it removes (RS_BOARD_ITEM_REMOVED) is left out. */

/* Graphviz source with the board's positions: `neato -n2` draws it as Redstring did,
 * `dot` lays it out afresh. Needs a scene with every drawn node placed. */
gboolean rs_export_dot_write     (RsCase                 *kase,
                                  RsBoardScene           *scene,
                                  const RsExportOptions  *options,
                                  GOutputStream          *out,
                                  GCancellable           *cancellable,
                                  GError                **error);

/* GraphML (Gephi, yEd, Cytoscape): nodes and edges with their data keys. */
gboolean rs_export_graphml_write (RsCase                 *kase,
                                  RsBoardScene           *scene,
                                  const RsExportOptions  *options,
                                  GOutputStream          *out,
                                  GCancellable           *cancellable,
                                  GError                **error);

/* RFC 4180 CSV of options->csv_table. Entities and relations follow the scene (the
 * filter and the selection); scene may be NULL, then the whole case. Events and quotes
 * are the whole case's. */
gboolean rs_export_csv_write     (RsCase                 *kase,
                                  RsBoardScene           *scene,
                                  const RsExportOptions  *options,
                                  GOutputStream          *out,
                                  GCancellable           *cancellable,
                                  GError                **error);

/* Shared by the three (rs-export-data.c). */
gboolean _rs_export_data_node_drawn  (RsBoardScene           *scene,
                                      guint                   index);
gboolean _rs_export_data_edge_drawn  (RsBoardScene           *scene,
                                      guint                   index);
char    *_rs_export_data_color_hex   (const RsBoardColor     *color,
                                      double                  alpha);
gboolean _rs_export_data_flush       (GString                *buffer,
                                      GOutputStream          *out,
                                      gsize                   threshold,
                                      GCancellable           *cancellable,
                                      GError                **error);

G_END_DECLS
