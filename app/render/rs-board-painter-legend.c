/* rs-board-painter-legend.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-painter"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "rs-board-painter-private.h"

/* The legend: each kind's shape and colour, each status's stroke, the badge and the pin.
 * Drawn by the board's legend widget and available to exports. */


#define LEGEND_PAD     7.0
#define LEGEND_ROW    14.5
#define LEGEND_SWATCH 26.0
#define LEGEND_GAP     5.0
#define LEGEND_COLUMN 12.0
/* The statuses, then the badge, the pin and the review marks (issue 20). */
#define LEGEND_EXTRA_ROWS 5
#define LEGEND_STATUS_ROWS (RS_RELATION_STATUS_REFUTED + 1 + LEGEND_EXTRA_ROWS)
/* The kinds in two columns (since schema 8's three more): the legend stays as tall as
 * the statuses and marks, and takes no more of the board's height. */
#define LEGEND_KIND_ROWS ((RS_ENTITY_KIND_LAST + 1) / 2)
#define LEGEND_KIND_COLUMNS 2

static const char *
legend_extra_label (guint row)
{
  switch (row)
    {
    case 0:  return _("Documents");
    case 1:  return _("Pinned");
    case 2:  return _("Challenged");
    case 3:  return _("Accepted");
    default: return _("Open comments");
    }
}

static void
legend_columns (RsBoardStyle *style,
                double       *kind_width,
                double       *status_width)
{
  double w, h;

  *kind_width = *status_width = 0;
  for (guint k = 0; k < RS_ENTITY_KIND_LAST; k++)
    {
      rs_board_style_measure_text (style, RS_BOARD_FONT_LEGEND, rs_board_style_get_kind_label (k),
                                   -1, 1, &w, &h);
      *kind_width = MAX (*kind_width, w);
    }
  for (guint s = 0; s < LEGEND_STATUS_ROWS; s++)
    {
      const char *label = s <= RS_RELATION_STATUS_REFUTED ?
                          rs_relation_status_to_display (s) :
                          legend_extra_label (s - RS_RELATION_STATUS_REFUTED - 1);

      rs_board_style_measure_text (style, RS_BOARD_FONT_LEGEND, label, -1, 1, &w, &h);
      *status_width = MAX (*status_width, w);
    }
}

/* Size of the legend in board units (points). */
void
rs_board_painter_measure_legend (RsBoardStyle *style,
                                 double       *width,
                                 double       *height)
{
  double kind_width, status_width;

  g_return_if_fail (style != NULL);

  legend_columns (style, &kind_width, &status_width);
  *width = ceil (2 * LEGEND_PAD +
                 LEGEND_KIND_COLUMNS * (LEGEND_SWATCH + LEGEND_GAP + kind_width + LEGEND_COLUMN) +
                 LEGEND_SWATCH + LEGEND_GAP + status_width);
  *height = ceil (2 * LEGEND_PAD + MAX (LEGEND_KIND_ROWS, LEGEND_STATUS_ROWS) * LEGEND_ROW);
}

static void
legend_text (RsBoardPaint *p,
             const char   *text,
             double        x,
             double        cy)
{
  g_autoptr(PangoLayout) layout = NULL;
  double tw, th;

  layout = _rs_board_paint_layout (p, RS_BOARD_FONT_LEGEND, text, -1, &tw, &th);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  rs_board_color_set_source (p->cr, rs_board_style_get_color (p->style, RS_BOARD_COLOR_TEXT), 1);
  cairo_move_to (p->cr, x, cy - th / 2);
  pango_cairo_show_layout (p->cr, layout);
}

/* The legend at (0, 0) in board units: each kind's shape and colour, each status's stroke. */
void
rs_board_painter_draw_legend (cairo_t      *cr,
                              RsBoardStyle *style)
{
  RsBoardPaintParams params = { .scale = 2, .lod = RS_BOARD_LOD_FULL };
  double kind_width, status_width, width, height, x;
  RsBoardPaint p;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  legend_columns (style, &kind_width, &status_width);
  rs_board_painter_measure_legend (style, &width, &height);
  _rs_board_paint_init (&p, cr, NULL, style, &params);
  cairo_save (cr);

  _rs_board_rounded_rect (cr, 0.5, 0.5, width - 1, height - 1, 6);
  rs_board_color_set_source (cr, rs_board_style_get_color (style,
                                                           RS_BOARD_COLOR_LEGEND_BACKGROUND), 1);
  cairo_fill_preserve (cr);
  rs_board_color_set_source (cr, rs_board_style_get_color (style, RS_BOARD_COLOR_LEGEND_BORDER), 1);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  for (guint k = 0; k < RS_ENTITY_KIND_LAST; k++)
    {
      RsBoardShape shape = rs_board_style_get_kind_shape (k);
      double cy = LEGEND_PAD + (k % LEGEND_KIND_ROWS + 0.5) * LEGEND_ROW;
      double sh = LEGEND_ROW - 3, sy = cy - sh / 2;
      double sx = LEGEND_PAD + (k / LEGEND_KIND_ROWS) * (LEGEND_SWATCH + LEGEND_GAP + kind_width +
                                                          LEGEND_COLUMN);
      const RsBoardColor *stroke = rs_board_style_get_kind_stroke (style, k);

      cairo_new_path (cr);
      rs_board_painter_shape_path (cr, shape, sx, sy, LEGEND_SWATCH, sh);
      rs_board_color_set_source (cr, rs_board_style_get_kind_fill (style, k), 1);
      cairo_fill_preserve (cr);
      rs_board_color_set_source (cr, stroke, 1);
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
      _rs_board_shape_details (cr, shape, sx, sy, LEGEND_SWATCH, sh, stroke, 1);

      legend_text (&p, rs_board_style_get_kind_label (k), sx + LEGEND_SWATCH + LEGEND_GAP, cy);
    }

  x = LEGEND_PAD + LEGEND_KIND_COLUMNS * (LEGEND_SWATCH + LEGEND_GAP + kind_width + LEGEND_COLUMN);
  for (guint s = 0; s <= RS_RELATION_STATUS_REFUTED; s++)
    {
      double cy = LEGEND_PAD + (s + 0.5) * LEGEND_ROW;
      RsBoardStroke stroke;

      rs_board_style_get_status_stroke (style, s, &stroke);
      cairo_new_path (cr);
      cairo_move_to (cr, x, cy);
      cairo_line_to (cr, x + LEGEND_SWATCH, cy);
      rs_board_color_set_source (cr, &stroke.color, 1);
      cairo_set_line_width (cr, stroke.width);
      cairo_set_line_cap (cr, stroke.round_caps ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, stroke.dashes, stroke.n_dashes, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

      legend_text (&p, rs_relation_status_to_display (s), x + LEGEND_SWATCH + LEGEND_GAP, cy);
    }

  {
    double cy = LEGEND_PAD + (RS_RELATION_STATUS_REFUTED + 1.5) * LEGEND_ROW;
    const RsBoardColor *ink = rs_board_style_get_kind_stroke (style, RS_ENTITY_KIND_OTHER);
    const RsBoardColor *paper = rs_board_style_get_kind_fill (style, RS_ENTITY_KIND_OTHER);

    _rs_board_draw_badge (&p, x + LEGEND_SWATCH / 2, cy, 2, 1);
    legend_text (&p, legend_extra_label (0), x + LEGEND_SWATCH + LEGEND_GAP, cy);

    cy += LEGEND_ROW;
    _rs_board_draw_pin (cr, x + LEGEND_SWATCH / 2, cy, ink, paper, 1);
    legend_text (&p, legend_extra_label (1), x + LEGEND_SWATCH + LEGEND_GAP, cy);

    for (guint row = 2; row < LEGEND_EXTRA_ROWS; row++)
      {
        cy += LEGEND_ROW;
        _rs_board_draw_review_swatch (&p, row - 2, x + LEGEND_SWATCH / 2, cy);
        legend_text (&p, legend_extra_label (row), x + LEGEND_SWATCH + LEGEND_GAP, cy);
      }
  }

  cairo_restore (cr);
  _rs_board_paint_finish (&p);
}
