/* rs-board-types.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rs-types.h"

G_BEGIN_DECLS

typedef struct _RsBoardFilter RsBoardFilter;
typedef struct _RsBoardScene  RsBoardScene;
typedef struct _RsBoardStyle  RsBoardStyle;

/* Board units are points (1/72 inch, as Graphviz), y grows downwards. At zoom 1.0 (100%)
 * a point is drawn at its physical size on a 96 dpi screen, so labels set in 10 pt read
 * like the rest of the desktop. */
#define RS_BOARD_PIXELS_PER_UNIT (96.0 / 72.0)

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} RsBoardRect;

/* How the board maps to a widget or an export: widget = (board - origin) * scale, with
 * scale in device-independent pixels per board unit. */
typedef struct
{
  double scale;
  double x;
  double y;
} RsBoardViewport;

typedef enum
{
  RS_BOARD_SHAPE_PILL,
  RS_BOARD_SHAPE_RECTANGLE,
  RS_BOARD_SHAPE_HEXAGON,
  RS_BOARD_SHAPE_FRAME,
  RS_BOARD_SHAPE_PIN,
  RS_BOARD_SHAPE_CYLINDER,
  RS_BOARD_SHAPE_OCTAGON,
  RS_BOARD_SHAPE_SLANT,
  RS_BOARD_SHAPE_CALENDAR,
  RS_BOARD_SHAPE_ROUNDED,
  RS_BOARD_SHAPE_CHEVRON,    /* technique (schema 8) */
  RS_BOARD_SHAPE_TRAPEZOID,  /* tool */
  RS_BOARD_SHAPE_BANNER,     /* campaign */
} RsBoardShape;

/* Level of detail, from the most to the least. */
typedef enum
{
  RS_BOARD_LOD_AUTO,
  RS_BOARD_LOD_FULL,
  RS_BOARD_LOD_NO_EDGE_LABELS,
  RS_BOARD_LOD_SHAPES,
  RS_BOARD_LOD_DOTS,
} RsBoardLod;

typedef enum /*< flags >*/
{
  RS_BOARD_ITEM_NONE     = 0,
  RS_BOARD_ITEM_DIMMED   = 1 << 0,
  RS_BOARD_ITEM_REMOVED  = 1 << 1,
  RS_BOARD_ITEM_UNPLACED = 1 << 2,
  RS_BOARD_ITEM_PINNED   = 1 << 3,
  RS_BOARD_ITEM_FLOATING = 1 << 4,
  RS_BOARD_ITEM_ROUTED   = 1 << 5,
  RS_BOARD_ITEM_LOOP     = 1 << 6,
  /* An edge whose label found no place clear of nodes and other labels: the board's
   * picture leaves it out, the overlay draws it while the edge is hovered or selected. */
  RS_BOARD_ITEM_LABEL_HIDDEN = 1 << 7,
  /* A node new to the case, drawn at a place the scene picked until a layout places it
   * (counted as unplaced). */
  RS_BOARD_ITEM_PROVISIONAL = 1 << 8,
} RsBoardItemFlags;

/* Items the board neither draws nor hits. */
#define RS_BOARD_ITEM_NOT_DRAWN (RS_BOARD_ITEM_REMOVED | RS_BOARD_ITEM_UNPLACED)

G_END_DECLS
