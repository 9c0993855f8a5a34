/* rs-export-private.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-export.h"

G_BEGIN_DECLS

/* Shared by the exporters in app/export (not installed, not for the GUI). */

/* Room around the figure, board units. */
#define RS_EXPORT_MARGIN 16.0
/* Between the figure and what goes under or beside it (legend, footnotes). */
#define RS_EXPORT_GAP    16.0

/* Where a board export puts things, in board units: the figure (the drawn items' bounds),
 * the legend below or beside it (never over a node), the footnotes under both, and the
 * whole page with its margin. page.x/y is the board point drawn at the top-left corner. */
typedef struct
{
  RsBoardRect page;
  RsBoardRect figure;
  gboolean    has_legend;
  RsBoardRect legend;
  gboolean    has_footnotes;
  RsBoardRect footnotes;
} RsExportFrame;

/* Appends @text escaped for XML text and attribute values (&, <, >, ", ' as entities;
 * tab, newline and carriage return as character references so attributes keep them),
 * dropping what XML 1.0 cannot carry (other control characters, U+FFFE/U+FFFF) and
 * replacing invalid UTF-8 with U+FFFD. Safe for both text content and "…" or '…'
 * attributes. NULL appends nothing. */
void         rs_export_append_xml_escaped (GString               *out,
                                           const char            *text);

/* The drawn items' bounds (nodes with their badges, edges with their labels). FALSE when
 * the scene draws nothing. */
gboolean     _rs_export_scene_bounds      (RsBoardScene          *scene,
                                           RsBoardRect           *bounds);
void         _rs_export_frame_compute     (RsBoardScene          *scene,
                                           RsBoardStyle          *style,
                                           const RsExportOptions *options,
                                           double                 footnotes_height,
                                           RsExportFrame         *frame);

gboolean     _rs_export_write_svg         (RsCase                *kase,
                                           const RsExportOptions *options,
                                           GOutputStream         *out,
                                           GCancellable          *cancellable,
                                           GError               **error);
gboolean     _rs_export_write_png         (RsCase                *kase,
                                           const RsExportOptions *options,
                                           GOutputStream         *out,
                                           GCancellable          *cancellable,
                                           GError               **error);
gboolean     _rs_export_write_pdf         (RsCase                *kase,
                                           const RsExportOptions *options,
                                           GOutputStream         *out,
                                           GCancellable          *cancellable,
                                           GError               **error);

G_END_DECLS
