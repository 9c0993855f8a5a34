/* rs-board-painter-shapes.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-painter"

#include "config.h"

#include <math.h>

#include "rs-board-painter-private.h"

/* Node outlines, their details and the kind pictograms: the board's vocabulary, shared
 * by the board, the legend and the exports. */

void
_rs_board_rounded_rect (cairo_t *cr,
                        double   x,
                        double   y,
                        double   w,
                        double   h,
                        double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
half_ellipse (cairo_t *cr,
              double   cx,
              double   cy,
              double   rx,
              double   ry,
              double   from,
              double   to)
{
  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_scale (cr, rx, ry);
  if (to > from)
    cairo_arc (cr, 0, 0, 1, from, to);
  else
    cairo_arc_negative (cr, 0, 0, 1, from, to);
  cairo_restore (cr);
}

/* The outline of a node box (x, y is the top-left corner). */
void
rs_board_painter_shape_path (cairo_t      *cr,
                             RsBoardShape  shape,
                             double        x,
                             double        y,
                             double        width,
                             double        height)
{
  double x1 = x + width, y1 = y + height, cy = y + height / 2, cx = x + width / 2;
  double left, right, top, bottom, body_h;

  rs_board_style_get_shape_insets (shape, height, &left, &right, &top, &bottom);
  body_h = height - top - bottom;
  rs_board_style_get_shape_insets (shape, body_h, &left, &right, &top, &bottom);

  cairo_new_sub_path (cr);

  switch (shape)
    {
    case RS_BOARD_SHAPE_PILL:
      _rs_board_rounded_rect (cr, x, y, width, height, height / 2);
      break;

    case RS_BOARD_SHAPE_RECTANGLE:
    case RS_BOARD_SHAPE_FRAME:
      _rs_board_rounded_rect (cr, x, y, width, height, 1.5);
      break;

    case RS_BOARD_SHAPE_HEXAGON:
      cairo_move_to (cr, x, cy);
      cairo_line_to (cr, x + left, y);
      cairo_line_to (cr, x1 - right, y);
      cairo_line_to (cr, x1, cy);
      cairo_line_to (cr, x1 - right, y1);
      cairo_line_to (cr, x + left, y1);
      cairo_close_path (cr);
      break;

    case RS_BOARD_SHAPE_OCTAGON:
      {
        double c = MIN (height * 0.3, width / 4);

        cairo_move_to (cr, x + c, y);
        cairo_line_to (cr, x1 - c, y);
        cairo_line_to (cr, x1, y + c);
        cairo_line_to (cr, x1, y1 - c);
        cairo_line_to (cr, x1 - c, y1);
        cairo_line_to (cr, x + c, y1);
        cairo_line_to (cr, x, y1 - c);
        cairo_line_to (cr, x, y + c);
        cairo_close_path (cr);
      }
      break;

    case RS_BOARD_SHAPE_SLANT:
      cairo_move_to (cr, x + 2 * left, y);
      cairo_line_to (cr, x1, y);
      cairo_line_to (cr, x1 - 2 * right, y1);
      cairo_line_to (cr, x, y1);
      cairo_close_path (cr);
      break;

    case RS_BOARD_SHAPE_PIN:
      {
        double yb = y1 - bottom, r = MIN (8, body_h / 2), t = MIN (7, width / 4);

        cairo_move_to (cr, x + r, y);
        cairo_arc (cr, x1 - r, y + r, r, -G_PI / 2, 0);
        cairo_arc (cr, x1 - r, yb - r, r, 0, G_PI / 2);
        cairo_line_to (cr, cx + t, yb);
        cairo_line_to (cr, cx, y1);
        cairo_line_to (cr, cx - t, yb);
        cairo_arc (cr, x + r, yb - r, r, G_PI / 2, G_PI);
        cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
        cairo_close_path (cr);
      }
      break;

    case RS_BOARD_SHAPE_CYLINDER:
      {
        double ry = top / 2;

        cairo_move_to (cr, x, y + ry);
        cairo_line_to (cr, x, y1 - ry);
        half_ellipse (cr, cx, y1 - ry, width / 2, ry, G_PI, 0);
        cairo_line_to (cr, x1, y + ry);
        half_ellipse (cr, cx, y + ry, width / 2, ry, 0, -G_PI);
        cairo_close_path (cr);
      }
      break;

    case RS_BOARD_SHAPE_CALENDAR:
      _rs_board_rounded_rect (cr, x, y + top, width, height - top, 4);
      break;

    case RS_BOARD_SHAPE_CHEVRON:
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x1 - right, y);
      cairo_line_to (cr, x1, cy);
      cairo_line_to (cr, x1 - right, y1);
      cairo_line_to (cr, x, y1);
      cairo_line_to (cr, x + left, cy);
      cairo_close_path (cr);
      break;

    case RS_BOARD_SHAPE_TRAPEZOID:
      cairo_move_to (cr, x + left, y);
      cairo_line_to (cr, x1 - right, y);
      cairo_line_to (cr, x1, y1);
      cairo_line_to (cr, x, y1);
      cairo_close_path (cr);
      break;

    case RS_BOARD_SHAPE_BANNER:
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x1, y);
      cairo_line_to (cr, x1 - right, cy);
      cairo_line_to (cr, x1, y1);
      cairo_line_to (cr, x, y1);
      cairo_close_path (cr);
      break;

    case RS_BOARD_SHAPE_ROUNDED:
    default:
      _rs_board_rounded_rect (cr, x, y, width, height, 7);
      break;
    }
}

/* Details drawn over a filled and stroked shape: lids, frames, calendar rings. */
void
_rs_board_shape_details (cairo_t            *cr,
                         RsBoardShape        shape,
                         double              x,
                         double              y,
                         double              width,
                         double              height,
                         const RsBoardColor *stroke,
                         double              alpha)
{
  double left, right, top, bottom;

  rs_board_style_get_shape_insets (shape, height, &left, &right, &top, &bottom);

  switch (shape)
    {
    case RS_BOARD_SHAPE_FRAME:
      /* A unit: a solid top bar, as a military symbol's echelon strip. */
      rs_board_color_set_source (cr, stroke, alpha);
      _rs_board_rounded_rect (cr, x, y, width, top, 1.5);
      cairo_fill (cr);
      break;

    case RS_BOARD_SHAPE_CYLINDER:
      rs_board_color_set_source (cr, stroke, alpha);
      cairo_new_path (cr);
      half_ellipse (cr, x + width / 2, y + top / 2, width / 2, top / 2, G_PI, 0);
      cairo_stroke (cr);
      break;

    case RS_BOARD_SHAPE_CALENDAR:
      rs_board_color_set_source (cr, stroke, alpha);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_width (cr, 2.2);
      for (guint i = 0; i < 2; i++)
        {
          double inset = MIN (12, width * 0.28);
          double rx = i == 0 ? x + inset : x + width - inset;

          cairo_move_to (cr, rx, y + 0.5);
          cairo_line_to (cr, rx, y + top + 4);
        }
      cairo_stroke (cr);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      break;

    case RS_BOARD_SHAPE_PILL:
    case RS_BOARD_SHAPE_RECTANGLE:
    case RS_BOARD_SHAPE_HEXAGON:
    case RS_BOARD_SHAPE_PIN:
    case RS_BOARD_SHAPE_OCTAGON:
    case RS_BOARD_SHAPE_SLANT:
    case RS_BOARD_SHAPE_ROUNDED:
    case RS_BOARD_SHAPE_CHEVRON:
    case RS_BOARD_SHAPE_TRAPEZOID:
    case RS_BOARD_SHAPE_BANNER:
    default:
      break;
    }
}

/* A 13-unit pictogram per kind, centred on (cx, cy), in @ink over @paper. */
void
_rs_board_draw_glyph (cairo_t            *cr,
                      RsEntityKind        kind,
                      double              cx,
                      double              cy,
                      const RsBoardColor *ink,
                      const RsBoardColor *paper,
                      double              alpha)
{
  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_new_path (cr);
  rs_board_color_set_source (cr, ink, alpha);
  cairo_set_line_width (cr, 1.4);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  switch (kind)
    {
    case RS_ENTITY_KIND_PERSON:
      cairo_arc (cr, 0, -2.6, 2.9, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_arc (cr, 0, 6.3, 5.6, G_PI, 2 * G_PI);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case RS_ENTITY_KIND_GROUP:
      for (int i = -1; i <= 1; i += 2)
        {
          cairo_arc (cr, i * 3.2, -2.2, 2.2, 0, 2 * G_PI);
          cairo_fill (cr);
          cairo_arc (cr, i * 3.2, 5.8, 3.9, G_PI, 2 * G_PI);
          cairo_close_path (cr);
          cairo_fill (cr);
        }
      cairo_arc (cr, 0, -4.2, 1.6, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case RS_ENTITY_KIND_ORGANIZATION:
      cairo_rectangle (cr, -4.5, -5.5, 9, 11.5);
      cairo_fill (cr);
      rs_board_color_set_source (cr, paper, alpha);
      for (int row = 0; row < 3; row++)
        for (int col = 0; col < 2; col++)
          cairo_rectangle (cr, -2.8 + col * 3.6, -3.8 + row * 3.2, 2, 1.8);
      cairo_rectangle (cr, -1, 3.8, 2, 2.2);
      cairo_fill (cr);
      break;

    case RS_ENTITY_KIND_UNIT:
      cairo_set_line_width (cr, 1.8);
      for (int i = 0; i < 2; i++)
        {
          cairo_move_to (cr, -5, -0.5 + i * 4.5);
          cairo_line_to (cr, 0, -4.5 + i * 4.5);
          cairo_line_to (cr, 5, -0.5 + i * 4.5);
        }
      cairo_stroke (cr);
      break;

    case RS_ENTITY_KIND_LOCATION:
      cairo_move_to (cr, 0, 6.5);
      cairo_curve_to (cr, -2, 3, -5, 0.5, -5, -2);
      cairo_arc (cr, 0, -2, 5, G_PI, 2 * G_PI);
      cairo_curve_to (cr, 5, 0.5, 2, 3, 0, 6.5);
      cairo_close_path (cr);
      cairo_fill (cr);
      rs_board_color_set_source (cr, paper, alpha);
      cairo_arc (cr, 0, -2, 1.9, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case RS_ENTITY_KIND_INFRASTRUCTURE:
      for (int i = 0; i < 2; i++)
        {
          _rs_board_rounded_rect (cr, -5.5, -5.5 + i * 6, 11, 5, 1);
          cairo_fill (cr);
        }
      rs_board_color_set_source (cr, paper, alpha);
      for (int i = 0; i < 2; i++)
        {
          cairo_arc (cr, 3, -3 + i * 6, 0.9, 0, 2 * G_PI);
          cairo_fill (cr);
          cairo_rectangle (cr, -3.5, -3.6 + i * 6, 4, 1.2);
          cairo_fill (cr);
        }
      break;

    case RS_ENTITY_KIND_MALWARE:
      for (int i = -1; i <= 1; i++)
        {
          cairo_move_to (cr, -6, i * 3.2 - 0.5);
          cairo_line_to (cr, 6, i * 3.2 - 0.5);
        }
      cairo_move_to (cr, -2, -5.5);
      cairo_line_to (cr, -3.5, -7);
      cairo_move_to (cr, 2, -5.5);
      cairo_line_to (cr, 3.5, -7);
      cairo_stroke (cr);
      half_ellipse (cr, 0, 0.5, 3.6, 5.6, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case RS_ENTITY_KIND_VULNERABILITY:
      cairo_move_to (cr, 0, -6);
      cairo_line_to (cr, 6.5, 5.5);
      cairo_line_to (cr, -6.5, 5.5);
      cairo_close_path (cr);
      cairo_fill (cr);
      rs_board_color_set_source (cr, paper, alpha);
      cairo_set_line_width (cr, 1.6);
      cairo_move_to (cr, 0, -2);
      cairo_line_to (cr, 0, 1.5);
      cairo_stroke (cr);
      cairo_arc (cr, 0, 3.6, 0.9, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case RS_ENTITY_KIND_EVENT:
      _rs_board_rounded_rect (cr, -5.5, -4.5, 11, 10.5, 1.5);
      cairo_stroke (cr);
      cairo_rectangle (cr, -5.5, -4.5, 11, 3);
      cairo_fill (cr);
      cairo_move_to (cr, -2.5, -6.5);
      cairo_line_to (cr, -2.5, -3.5);
      cairo_move_to (cr, 2.5, -6.5);
      cairo_line_to (cr, 2.5, -3.5);
      cairo_stroke (cr);
      cairo_move_to (cr, -2.6, 2);
      cairo_line_to (cr, -0.6, 3.8);
      cairo_line_to (cr, 2.8, 0);
      cairo_stroke (cr);
      break;

    case RS_ENTITY_KIND_TECHNIQUE:
      /* A crosshair: how a group goes at its target. */
      cairo_arc (cr, 0, 0, 5, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_move_to (cr, 0, -7);
      cairo_line_to (cr, 0, -2.5);
      cairo_move_to (cr, 0, 2.5);
      cairo_line_to (cr, 0, 7);
      cairo_move_to (cr, -7, 0);
      cairo_line_to (cr, -2.5, 0);
      cairo_move_to (cr, 2.5, 0);
      cairo_line_to (cr, 7, 0);
      cairo_stroke (cr);
      cairo_arc (cr, 0, 0, 1.2, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case RS_ENTITY_KIND_TOOL:
      /* A spanner. */
      cairo_set_line_width (cr, 2.4);
      cairo_move_to (cr, -5, 5);
      cairo_line_to (cr, 1.2, -1.2);
      cairo_stroke (cr);
      cairo_arc (cr, 2.6, -2.6, 3.6, 0, 2 * G_PI);
      cairo_fill (cr);
      rs_board_color_set_source (cr, paper, alpha);
      cairo_rectangle (cr, 2.2, -6.8, 2.4, 4);
      cairo_fill (cr);
      break;

    case RS_ENTITY_KIND_CAMPAIGN:
      /* A flag on its pole. */
      cairo_set_line_width (cr, 1.6);
      cairo_move_to (cr, -4.5, 7);
      cairo_line_to (cr, -4.5, -6.5);
      cairo_stroke (cr);
      cairo_move_to (cr, -4.5, -6.5);
      cairo_curve_to (cr, -1.5, -8, 1.5, -4.5, 5.5, -6);
      cairo_line_to (cr, 5.5, 0);
      cairo_curve_to (cr, 1.5, 1.5, -1.5, -2, -4.5, -0.5);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case RS_ENTITY_KIND_OTHER:
    default:
      cairo_arc (cr, 0, 0, 5, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_arc (cr, 0, 0, 2, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    }

  cairo_restore (cr);
}

void
_rs_board_draw_pin (cairo_t            *cr,
                    double              cx,
                    double              cy,
                    const RsBoardColor *ink,
                    const RsBoardColor *paper,
                    double              alpha)
{
  rs_board_color_set_source (cr, ink, alpha);
  cairo_arc (cr, cx, cy, 3.6, 0, 2 * G_PI);
  cairo_fill (cr);
  rs_board_color_set_source (cr, paper, alpha);
  cairo_arc (cr, cx, cy, 1.4, 0, 2 * G_PI);
  cairo_fill (cr);
}
