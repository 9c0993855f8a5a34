/* rs-board-style.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "rs-board-types.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} RsBoardColor;

typedef enum
{
  RS_BOARD_COLOR_BACKGROUND,
  RS_BOARD_COLOR_GRID,
  RS_BOARD_COLOR_TEXT,
  RS_BOARD_COLOR_TEXT_SECONDARY,
  RS_BOARD_COLOR_EDGE,
  RS_BOARD_COLOR_EDGE_LABEL_BACKGROUND,
  RS_BOARD_COLOR_WARNING,
  RS_BOARD_COLOR_BADGE,
  RS_BOARD_COLOR_BADGE_TEXT,
  RS_BOARD_COLOR_SELECTION,
  RS_BOARD_COLOR_HOVER,
  RS_BOARD_COLOR_FOCUS,
  RS_BOARD_COLOR_RUBBER_BAND,
  RS_BOARD_COLOR_LEGEND_BACKGROUND,
  RS_BOARD_COLOR_LEGEND_BORDER,
  RS_BOARD_COLOR_STRING,        /* a relation being drawn by hand */
  RS_BOARD_COLOR_ADDED,         /* "changes since": a record added since then */
  RS_BOARD_COLOR_CHANGED,       /* "changes since": a record changed since then */
} RsBoardColorRole;

#define RS_BOARD_COLOR_LAST (RS_BOARD_COLOR_CHANGED + 1)

typedef enum
{
  RS_BOARD_FONT_NODE,
  RS_BOARD_FONT_EDGE,
  RS_BOARD_FONT_BADGE,
  RS_BOARD_FONT_LEGEND,
} RsBoardFont;

#define RS_BOARD_FONT_LAST (RS_BOARD_FONT_LEGEND + 1)

/* How a relation's status is stroked. */
typedef struct
{
  RsBoardColor color;
  double       width;
  double       dashes[2];
  guint        n_dashes;
  gboolean     round_caps;
  gboolean     struck;
} RsBoardStroke;

/* Node metrics, board units. */
#define RS_BOARD_NODE_PAD_X        10.0
#define RS_BOARD_NODE_PAD_Y         6.0
#define RS_BOARD_NODE_GLYPH        13.0
#define RS_BOARD_NODE_GLYPH_GAP     6.0
#define RS_BOARD_NODE_MIN_HEIGHT   30.0
#define RS_BOARD_NODE_MAX_TEXT    130.0
#define RS_BOARD_EDGE_MAX_TEXT    150.0
#define RS_BOARD_EDGE_LABEL_PAD_X   4.0
#define RS_BOARD_EDGE_LABEL_PAD_Y   2.0
#define RS_BOARD_BADGE_RADIUS       7.5
#define RS_BOARD_DIMMED_ALPHA       0.2

#define RS_TYPE_BOARD_STYLE (rs_board_style_get_type ())

GType                       rs_board_style_get_type           (void) G_GNUC_CONST;
RsBoardStyle               *rs_board_style_new                (gboolean            dark);
RsBoardStyle               *rs_board_style_ref                (RsBoardStyle       *self);
void                        rs_board_style_unref              (RsBoardStyle       *self);
gboolean                    rs_board_style_get_dark           (RsBoardStyle       *self);
const RsBoardColor         *rs_board_style_get_color          (RsBoardStyle       *self,
                                                               RsBoardColorRole    role);
const RsBoardColor         *rs_board_style_get_kind_fill      (RsBoardStyle       *self,
                                                               RsEntityKind        kind);
const RsBoardColor         *rs_board_style_get_kind_stroke    (RsBoardStyle       *self,
                                                               RsEntityKind        kind);
void                        rs_board_style_get_status_stroke  (RsBoardStyle       *self,
                                                               RsRelationStatus    status,
                                                               RsBoardStroke      *stroke);
const PangoFontDescription *rs_board_style_get_font           (RsBoardStyle       *self,
                                                               RsBoardFont         font);
PangoContext               *rs_board_style_create_context     (RsBoardStyle       *self,
                                                               cairo_t            *cr);
PangoLayout                *rs_board_style_create_layout      (RsBoardStyle       *self,
                                                               PangoContext       *context,
                                                               RsBoardFont         font,
                                                               const char         *text,
                                                               double              max_width,
                                                               int                 max_lines);
void                        rs_board_style_measure_text       (RsBoardStyle       *self,
                                                               RsBoardFont         font,
                                                               const char         *text,
                                                               double              max_width,
                                                               int                 max_lines,
                                                               double             *width,
                                                               double             *height);
void                        rs_board_style_measure_node       (RsBoardStyle       *self,
                                                               RsEntityKind        kind,
                                                               const char         *label,
                                                               double             *width,
                                                               double             *height);
void                        rs_board_style_measure_nodes      (RsBoardStyle       *self,
                                                               guint               n_nodes,
                                                               const RsEntityKind *kinds,
                                                               const char *const  *labels,
                                                               double             *widths,
                                                               double             *heights);

RsBoardShape                rs_board_style_get_kind_shape     (RsEntityKind        kind);
const char                 *rs_board_style_get_kind_label     (RsEntityKind        kind);
void                        rs_board_style_get_shape_insets   (RsBoardShape        shape,
                                                               double              height,
                                                               double             *left,
                                                               double             *right,
                                                               double             *top,
                                                               double             *bottom);
char                       *rs_board_style_dup_display_label  (const char         *text);

void                        rs_board_color_set_source         (cairo_t            *cr,
                                                               const RsBoardColor *color,
                                                               double              alpha);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsBoardStyle, rs_board_style_unref)

G_END_DECLS
